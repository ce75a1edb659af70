/**
 * Applying a plan and undoing it. Each file is written through the one write path
 * (workspace/article-store.ts), which is atomic and writes only while the disk still holds the
 * bytes the plan was computed from: a file changed since the preview is skipped and reported,
 * never overwritten.
 */
import type { BulkResult, BulkSkip } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import { applyPatches } from '../../shared/frontmatter'
import type { ArticleStore } from '../workspace/article-store'
import type { UndoLog, JournalEntry, JournalFile } from './undo-log'
import type { Plan } from './plan'

/** What apply and undo need of the workspace: its folder, its one write path, and its move (an article's asset folder follows it). */
export interface FileStore {
  root: string
  edit: ArticleStore['edit']
  move(from: string, to: string): Promise<void>
}

/** Files written at once: enough to overlap the fsyncs of atomic writes, few enough for open files. */
const PARALLEL = 64

async function eachParallel<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker))
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

export async function applyPlan(plan: Plan, store: FileStore, journal: UndoLog): Promise<BulkResult> {
  const skipped: BulkSkip[] = [...plan.skipped]
  const ready = plan.files.map((planned) => {
    const file: JournalFile = { path: planned.path, beforeHash: planned.baseHash, afterHash: planned.afterHash, before: planned.before }
    return { file, after: applyPatches(planned.before, planned.patches) }
  })
  const entry: JournalEntry = {
    id: plan.id,
    root: store.root,
    createdAt: Date.now(),
    operation: plan.operation,
    files: ready.map((r) => r.file),
    ...(plan.move ? { move: plan.move } : {}),
  }
  // Journal first: whatever happens while writing, the files written so far can be restored.
  await journal.write(entry)
  if (plan.move) {
    try {
      await store.move(plan.move.from, plan.move.to)
    } catch (error) {
      // Nothing moved, nothing written: there is nothing to undo.
      await journal.remove(entry.id)
      throw error
    }
  }
  const written = new Set<string>()
  await eachParallel(ready, async ({ file, after }) => {
    try {
      // edit() re-reads the file and writes only while it still has the bytes the plan read.
      await store.edit(file.path, after, file.beforeHash)
      written.add(file.path)
    } catch (error) {
      const changed = error instanceof FolioError && error.code === 'CONFLICT'
      skipped.push(
        changed
          ? {
              path: file.path,
              reason: `${file.path} changed on disk since the preview; it was left as it is. Preview again to include it.`,
              why: { kind: 'changed' },
            }
          : { path: file.path, reason: reason(error) },
      )
    }
  })
  const files = entry.files.filter((f) => written.has(f.path))
  if (files.length === 0 && !entry.move) await journal.remove(entry.id)
  else if (files.length < entry.files.length) await journal.write({ ...entry, files })
  return { id: plan.id, changed: files.map((f) => f.path), skipped: skipped.sort(byPath) }
}

/** Restores every file that still holds what the edit wrote; the others are reported, untouched. */
export async function undoEdit(id: string, store: FileStore, journal: UndoLog): Promise<BulkResult> {
  const entry = await journal.read(id)
  if (!entry) throw new FolioError({ code: 'NOT_FOUND', ...said('bulk-undo-gone', { id }) })
  if (entry.root !== store.root) {
    throw new FolioError({ code: 'BAD_ARGUMENT', ...said('bulk-undo-elsewhere', { root: entry.root }) })
  }
  const changed: string[] = []
  const skipped: BulkSkip[] = []
  await eachParallel(entry.files, async (file) => {
    try {
      // edit() writes only while the file still holds what the bulk edit wrote.
      await store.edit(file.path, file.before, file.afterHash)
      changed.push(file.path)
    } catch (error) {
      const changedSince = error instanceof FolioError && error.code === 'CONFLICT'
      skipped.push(
        changedSince
          ? { path: file.path, reason: `${file.path} was changed after the bulk edit; it was left as it is.`, why: { kind: 'changed-after' } }
          : { path: file.path, reason: reason(error) },
      )
    }
  })
  // Texts first, at the paths they were written to; then the moved file goes back.
  if (entry.move) {
    try {
      await store.move(entry.move.to, entry.move.from)
      changed.push(entry.move.from)
    } catch (error) {
      skipped.push({ path: entry.move.to, reason: `${entry.move.to} could not be moved back to ${entry.move.from}: ${reason(error)}` })
    }
  }
  await journal.remove(id)
  return { id, changed: changed.sort(), skipped: skipped.sort(byPath) }
}
