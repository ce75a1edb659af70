/**
 * Drafts a field writes only on commit (a date being typed): Save commits them first, so
 * Ctrl+S while the cursor is still in the field saves what is on screen.
 */
const pending = new Set<() => void>()

export function registerPending(commit: () => void): () => void {
  pending.add(commit)
  return () => pending.delete(commit)
}

export function commitPendingEdits(): void {
  for (const commit of [...pending]) commit()
}
