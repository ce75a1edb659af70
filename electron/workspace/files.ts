/**
 * Reading one article (bytes → text with the encoding facts the editor needs so an unchanged
 * text saves back to identical bytes), its permissions, and file-system errors in words a
 * writer can act on. Writing goes through article-store.ts.
 */
import type { Stats } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import type { ArticleFile } from '../../shared/contract'
import { FolioError, said, type Problem } from '../../shared/errors'
import { decode, encodingSaid, hashBytes } from './encoding'
import type { Guard, Resolved } from './guard'
import { isFolderError, openRegular, readRegular } from './open-inside'

/** A file-system failure as a typed error naming the file and what was being done. */
export function ioError(error: unknown, rel: string, doing: string): FolioError {
  if (error instanceof FolioError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') {
    return new FolioError({
      code: 'NOT_FOUND',
      path: rel,
      message: `Could not ${doing} ${rel}: the file does not exist (moved or deleted?).`,
      reason: 'file-missing',
      params: { doing, path: rel },
    })
  }
  if (code === 'EISDIR') return isFolderError(rel, doing)
  const reason = error instanceof Error ? error.message : String(error)
  return new FolioError({
    code: 'IO',
    path: rel,
    message: `Could not ${doing} ${rel}: ${reason}`,
    reason: 'io',
    params: { doing, path: rel, errno: code ?? '', detail: reason },
  })
}

/**
 * Past this size an article opens read-only: the editor, the header form and the preview all
 * work on the whole text, and typing into tens of megabytes would lag behind every key. A 5 MB
 * article (a long book chapter with embedded data) is still edited normally.
 */
export const MAX_EDITABLE_BYTES = 32 * 1024 * 1024

function sizeProblem(size: number, rel: string): Problem | null {
  if (size <= MAX_EDITABLE_BYTES) return null
  const mb = (n: number) => Math.round(n / (1024 * 1024))
  return {
    message: `${rel} is ${mb(size)} MB: Folio opens articles over ${mb(MAX_EDITABLE_BYTES)} MB read-only, because typing into one that large would lag. Split it, or edit it in a plain text editor.`,
    reason: 'too-large',
    params: { path: rel, size: mb(size), max: mb(MAX_EDITABLE_BYTES) },
  }
}

export async function readArticle(guard: Guard, r: Resolved): Promise<ArticleFile> {
  let bytes: Buffer
  let stats: Stats
  try {
    // One handle, so the mtime belongs to the bytes read even if the file is replaced meanwhile.
    ;({ bytes, stats } = await readRegular(guard, r))
  } catch (error) {
    throw ioError(error, r.rel, 'read')
  }
  const decoded = decode(bytes, r.rel)
  const { text, bom, eol, readOnly: undecodable } = decoded
  const encoding = encodingSaid(decoded, r.rel)
  const tooLarge = sizeProblem(bytes.length, r.rel)
  const problem: Problem | null =
    undecodable !== null && encoding !== null ? { message: undecodable, ...encoding } : (tooLarge ?? permissionProblem(stats, r.rel))
  const readOnly = problem?.message ?? null
  const canMakeWritable = undecodable === null && tooLarge === null && readOnly !== null && writeBitsMissing(stats) && ownsFile(stats)
  const file: ArticleFile = { path: r.rel, text, bom, eol, readOnly, canMakeWritable, hash: hashBytes(bytes), mtimeMs: stats.mtimeMs, size: bytes.length }
  if (problem) file.readOnlyReason = { reason: problem.reason, params: problem.params }
  return file
}

function writeBitsMissing(stats: Stats): boolean {
  return (stats.mode & 0o222) === 0
}

/** Whether this process may change the file's mode: it owns the file, or it is root. */
function ownsFile(stats: Stats): boolean {
  const uid = process.getuid?.()
  return uid === undefined || uid === 0 || stats.uid === uid
}

/**
 * The writer's "make writable" choice: adds the owner's write bit and keeps the rest of the
 * mode. Changed through the handle already checked to be inside the root, so a path swapped
 * meanwhile cannot redirect it. Another user's file is refused: its mode is not ours to change.
 */
export async function makeWritable(guard: Guard, r: Resolved): Promise<void> {
  let handle: FileHandle
  try {
    handle = await openRegular(guard, r, 'make writable')
  } catch (error) {
    throw ioError(error, r.rel, 'make writable')
  }
  try {
    const stats = await handle.stat()
    const refused = (): FolioError =>
      new FolioError({
        code: 'READ_ONLY',
        path: r.rel,
        ...said('owner-only-chmod', { path: r.rel, uid: stats.uid }),
      })
    if (!ownsFile(stats)) throw refused()
    await handle.chmod((stats.mode & 0o7777) | 0o200).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EPERM' || code === 'EACCES') throw refused()
      throw error
    })
  } catch (error) {
    throw ioError(error, r.rel, 'make writable')
  } finally {
    await handle.close()
  }
}

/** Whether the file's own permissions forbid a save, in the same words for the app and the command line. */
export function permissionProblem(stats: Stats, rel: string): Problem | null {
  if (writeBitsMissing(stats)) {
    return {
      message: `${rel} is read-only (its permissions allow no writing). Make it writable to save your changes, or copy the text elsewhere.`,
      reason: 'no-write-permission',
      params: { path: rel },
    }
  }
  const uid = process.getuid?.()
  // Only root can hand a file back to its owner; anyone else's save would take it over.
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    return {
      message: `${rel} belongs to another user (uid ${stats.uid}); saving would make it yours. Ask its owner, or copy the text elsewhere.`,
      reason: 'other-owner',
      params: { path: rel, uid: stats.uid },
    }
  }
  return null
}
