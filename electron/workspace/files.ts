/**
 * Reading and saving one article: bytes ⇄ text with the encoding facts the editor needs so an
 * unchanged text saves back to identical bytes, plus the hash check that prevents silent
 * overwrites of changes made elsewhere.
 */
import { createHash } from 'node:crypto'
import { fstatSync, lstatSync, type Stats } from 'node:fs'
import { readFile, stat, type FileHandle } from 'node:fs/promises'
import type { ArticleFile, LineEnding, SaveResult } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import { ChangedMeanwhile, writeFileAtomic } from './atomic-write'
import { crOnlyLines, crOnlyMessage, decodeUtf16, utf16Message, utf16Of } from './encoding'
import type { Guard, Resolved } from './guard'
import { openRegular, readRegular } from './open-inside'

export interface Decoded {
  text: string
  bom: boolean
  eol: LineEnding
  /** Why the bytes cannot be edited safely, or null. */
  readOnly: string | null
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
const encoder = new TextEncoder()

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/** The line ending used by most lines; '\n' when there are none or it is a tie. */
export function dominantEol(text: string): LineEnding {
  let crlf = 0
  let lf = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++
    else lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

export function decode(bytes: Uint8Array, path: string): Decoded {
  const bom = hasUtf8Bom(bytes)
  const body = bom ? bytes.subarray(3) : bytes
  const utf16 = bom ? null : utf16Of(bytes)
  if (utf16) {
    const text = decodeUtf16(bytes, utf16)
    return { text, bom: false, eol: dominantEol(text), readOnly: utf16Message(path) }
  }
  try {
    const text = strict.decode(body)
    return { text, bom, eol: dominantEol(text), readOnly: crOnlyLines(text) ? crOnlyMessage(path) : null }
  } catch {
    const text = lenient.decode(body)
    return {
      text,
      bom,
      eol: dominantEol(text),
      readOnly: `${path} is not valid UTF-8 (perhaps Latin-1 or GBK); it is shown read-only so saving cannot damage it. Convert it to UTF-8 to edit it.`,
    }
  }
}

export function encode(text: string, bom: boolean): Uint8Array {
  return encoder.encode(bom ? '\uFEFF' + text : text)
}

/** A file-system failure as a typed error naming the file and what was being done. */
export function ioError(error: unknown, rel: string, doing: string): FolioError {
  if (error instanceof FolioError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') {
    return new FolioError({ code: 'NOT_FOUND', path: rel, message: `Could not ${doing} ${rel}: the file does not exist (moved or deleted?).` })
  }
  if (code === 'EISDIR') {
    return new FolioError({ code: 'BAD_ARGUMENT', path: rel, message: `Could not ${doing} ${rel}: it is a folder, not a file.` })
  }
  const reason = error instanceof Error ? error.message : String(error)
  return new FolioError({ code: 'IO', path: rel, message: `Could not ${doing} ${rel}: ${reason}` })
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
  const readOnly = decoded.readOnly ?? permissionProblem(stats, r.rel)
  const canMakeWritable = decoded.readOnly === null && readOnly !== null && writeBitsMissing(stats) && ownsFile(stats)
  return { path: r.rel, ...decoded, readOnly, canMakeWritable, hash: hashBytes(bytes), mtimeMs: stats.mtimeMs, size: bytes.length }
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
        message: `Could not make ${r.rel} writable: it belongs to another user (uid ${stats.uid}), so only they can change its permissions. Ask its owner, or copy the text elsewhere.`,
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
export function permissionProblem(stats: Stats, rel: string): string | null {
  if (writeBitsMissing(stats)) {
    return `${rel} is read-only (its permissions allow no writing). Make it writable to save your changes, or copy the text elsewhere.`
  }
  const uid = process.getuid?.()
  // Only root can hand a file back to its owner; anyone else's save would take it over.
  if (uid !== undefined && uid !== 0 && stats.uid !== uid) {
    return `${rel} belongs to another user (uid ${stats.uid}); saving would make it yours. Ask its owner, or copy the text elsewhere.`
  }
  return null
}

function conflict(rel: string, disk: Uint8Array): FolioError {
  return new FolioError({
    code: 'CONFLICT',
    path: rel,
    message: `${rel} was changed on disk since it was opened. Reload it, keep your version, or compare the two.`,
    disk: { text: decode(disk, rel).text, hash: hashBytes(disk) },
  })
}

/** The file's bytes through a handle already open on it (the same inode, wherever the path now leads). */
async function bytesOf(handle: FileHandle): Promise<Buffer> {
  const { size } = await handle.stat()
  const buffer = Buffer.alloc(size)
  let at = 0
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, at)
    if (bytesRead === 0) break
    at += bytesRead
  }
  return buffer.subarray(0, at)
}

/**
 * Puts another program's bytes back where our save replaced them, but only while the path still
 * holds exactly what we wrote: a third write since then is newer than both and stays.
 */
async function putBack(abs: string, theirs: Uint8Array, oursHash: string, before: Stats): Promise<void> {
  const ours = lstatSync(abs, { throwIfNoEntry: false })
  if (!ours?.isFile()) return
  const onDisk = await readFile(abs).catch(() => null)
  if (!onDisk || hashBytes(onDisk) !== oursHash) return
  await writeFileAtomic(abs, theirs, {
    mode: before.mode & 0o7777,
    owner: { uid: before.uid, gid: before.gid },
    stillSame: () => {
      const now = lstatSync(abs, { throwIfNoEntry: false })
      return now !== undefined && now.ino === ours.ino && now.dev === ours.dev
    },
  }).catch((error: unknown) => {
    if (!(error instanceof ChangedMeanwhile)) throw error
  })
}

/**
 * Saves only while the disk still holds the bytes the editor loaded (baseHash). The check is
 * made three times: when the save starts; right before the rename (the path must still name
 * the same file, with the same size, mtime and bytes); and after it, on the replaced file
 * itself, still held open: a program that wrote into it in place meanwhile gets its bytes back
 * on disk, and the save reports a conflict instead of dropping them.
 */
export async function saveArticle(guard: Guard, r: Resolved, text: string, baseHash: string): Promise<SaveResult> {
  const { rel, abs } = r
  let handle: FileHandle
  try {
    handle = await openRegular(guard, r, 'save')
  } catch (error) {
    throw ioError(error, rel, 'save')
  }
  try {
    const before = await handle.stat()
    const current = await bytesOf(handle)
    if (hashBytes(current) !== baseHash) throw conflict(rel, current)
    const decoded = decode(current, rel)
    if (decoded.readOnly) throw new FolioError({ code: 'READ_ONLY', path: rel, message: decoded.readOnly })
    const denied = permissionProblem(before, rel)
    if (denied) throw new FolioError({ code: 'READ_ONLY', path: rel, message: denied })
    const bytes = encode(text, decoded.bom)
    // Cheap facts first and last: the path still names the file we read, which kept its size and mtime.
    const sameFile = (): boolean => {
      const now = lstatSync(abs, { throwIfNoEntry: false })
      if (!now || now.ino !== before.ino || now.dev !== before.dev) return false
      const held = fstatSync(handle.fd)
      return held.size === before.size && held.mtimeMs === before.mtimeMs
    }
    const changedNow = async (): Promise<FolioError> => conflict(rel, (await readRegular(guard, r, 'save')).bytes)
    await writeFileAtomic(abs, bytes, {
      mode: before.mode & 0o7777,
      owner: { uid: before.uid, gid: before.gid },
      // Same size and mtime can still hide a write within one clock tick: the bytes decide.
      beforeRename: async () => {
        if (hashBytes(await bytesOf(handle)) !== baseHash) throw await changedNow()
      },
      stillSame: sameFile,
    }).catch(async (error: unknown) => {
      if (error instanceof ChangedMeanwhile) throw await changedNow()
      if ((error as NodeJS.ErrnoException).code === 'EPERM') {
        throw new FolioError({ code: 'READ_ONLY', path: rel, message: `Could not save ${rel}: its owner and group cannot be kept (${before.uid}:${before.gid}), and saving would change them. Copy the text elsewhere.` })
      }
      throw error
    })
    // Written into in place while we renamed: theirs goes back, ours waits in the conflict view.
    const after = await bytesOf(handle)
    if (hashBytes(after) !== baseHash) {
      await putBack(abs, after, hashBytes(bytes), before)
      throw conflict(rel, after)
    }
    const written = await stat(abs)
    return { path: rel, hash: hashBytes(bytes), mtimeMs: written.mtimeMs, size: written.size }
  } catch (error) {
    throw ioError(error, rel, 'save')
  } finally {
    await handle.close()
  }
}
