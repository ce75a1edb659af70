/**
 * Undoing a Hugo leaf page made a page bundle for an image (posts/sea.md → posts/sea/index.md):
 * all of it, or nothing. Refused with nothing changed when a file the conversion touched changed
 * since (a file whose links it rewrote, the page itself, an image the insert put beside it);
 * otherwise the bulk-edit journal's undo (the one a rename's Undo uses) restores the links and
 * moves the page back, the images go, and the folder goes too when nothing else is in it: a file
 * put there since is never removed.
 */
import { lstat, readdir, readFile, rmdir, unlink } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { BulkResult, LeafBundleUndone, MovePlan } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import { landed } from '../media/landing'
import type { PlannedFile } from '../taxonomy/plan'
import { hashBytes } from '../workspace/encoding'

/** What making a bundle changed, to tell later whether anything changed since. */
export interface BundleMade {
  from: string
  to: string
  /** Files whose links were rewritten (where they are after the move) and the hash of what was written. */
  files: Array<{ path: string; afterHash: string }>
  /** The page's bytes after the move; null when it could not be read. */
  pageHash: string | null
}

const absOf = (root: string, rel: string): string => join(root, ...rel.split('/'))
const hashAt = async (abs: string): Promise<string | null> => {
  const bytes = await readFile(abs).catch(() => null)
  return bytes && hashBytes(bytes)
}

/** Read right after the move and its rewrites: `written` are the plan's files (paths after the move). */
export async function bundleMade(root: string, preview: MovePlan, written: readonly PlannedFile[], result: BulkResult): Promise<BundleMade> {
  const changed = new Set(result.changed)
  return {
    from: preview.from,
    to: preview.to,
    files: written.filter((f) => changed.has(f.path)).map((f) => ({ path: f.path, afterHash: f.afterHash })),
    pageHash: await hashAt(absOf(root, preview.to)),
  }
}

export interface BundleUndoDeps {
  /** The bulk-edit journal's undo: restores the texts, then moves the page back. */
  undo(resultId: string): Promise<BulkResult>
  /** SHA-256 (hex) of what an image insert wrote at an absolute path; undefined when no insert wrote it. */
  wroteHash(abs: string): string | undefined
}

export async function undoBundle(
  root: string,
  made: BundleMade | undefined,
  resultId: string,
  images: readonly string[],
  deps: BundleUndoDeps,
): Promise<LeafBundleUndone> {
  if (!made) throw new FolioError({ code: 'NOT_FOUND', ...said('bulk-undo-gone', { id: resultId }) })
  const { from, to } = made
  const folder = posix.dirname(to)
  const changed: string[] = []
  for (const file of made.files) if ((await hashAt(absOf(root, file.path))) !== file.afterHash) changed.push(file.path)
  if (!made.files.some((f) => f.path === to) && (made.pageHash === null || (await hashAt(absOf(root, to))) !== made.pageHash)) changed.push(to)
  // Only what an insert wrote, directly in the bundle folder, is the conversion's to remove.
  const ours: string[] = []
  for (const image of new Set(images)) {
    const name = image.slice(folder.length + 1)
    if (!image.startsWith(`${folder}/`) || name.includes('/') || name === '.' || name === '..' || image === to) continue
    const abs = absOf(root, image)
    const wrote = deps.wroteHash(abs)
    if (wrote === undefined) continue
    // A photo still being made lands (or is given up) first.
    await landed(abs)
    const now = await hashAt(abs)
    if (now === null) continue
    if (now !== wrote) changed.push(image)
    else ours.push(image)
  }
  if (changed.length > 0) throw new FolioError({ code: 'CONFLICT', path: changed[0], ...said('bundle-undo-changed', { from, to, paths: changed.join(', ') }) })
  if (
    await lstat(absOf(root, from)).then(
      () => true,
      () => false,
    )
  )
    throw new FolioError({ code: 'EXISTS', path: from, ...said('bundle-undo-taken', { from }) })

  const result = await deps.undo(resultId)
  const folderAbs = absOf(root, folder)
  const left = async (): Promise<string[]> => (await readdir(folderAbs).catch(() => [])).map((name) => `${folder}/${name}`).sort()
  // The page did not move back (something took its place meanwhile): the images stay with it.
  if (!result.changed.includes(from)) return { ...result, removed: [], kept: await left() }
  const removed: string[] = []
  for (const image of ours) {
    await unlink(absOf(root, image)).then(
      () => removed.push(image),
      () => undefined,
    )
  }
  const kept = await left()
  if (kept.length === 0) await rmdir(folderAbs).catch(() => undefined)
  return { ...result, removed, kept }
}
