/**
 * Opening files inside the root so that nothing swapped in between the guard's check and the
 * open can redirect it: the last component is opened with O_NOFOLLOW, only regular files are
 * opened at all (a FIFO named `.md` would block a read forever and tie up Node's I/O pool), and
 * the descriptor's own real path must still be inside the root before a byte is read or written.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs'
import { lstat, mkdir, open, readlink, realpath, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { FolioError, said } from '../../shared/errors'
import { isInside, type Guard, type Resolved } from './guard'

// Windows has neither flag; there the guard's realpath check is what stands.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0
// Opening a FIFO for reading waits for a writer unless O_NONBLOCK; for regular files it changes nothing.
const NONBLOCK = constants.O_NONBLOCK ?? 0

/** What a non-regular file is, in words a user knows. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder'
  if (s.isFIFO()) return 'a named pipe (FIFO)'
  if (s.isSocket()) return 'a socket'
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device'
  if (s.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/** A folder where a file was expected (found by a stat, or by the system's EISDIR). */
export function isFolderError(rel: string, doing: string): FolioError {
  return new FolioError({
    code: 'BAD_ARGUMENT',
    path: rel,
    message: `Could not ${doing} ${rel}: it is a folder, not a file.`,
    reason: 'is-folder',
    params: { doing, path: rel },
  })
}

export function notRegular(rel: string, s: Stats, doing: string): FolioError {
  const kind = kindOf(s)
  if (s.isDirectory()) return isFolderError(rel, doing)
  const named = s.isFIFO() ? 'fifo' : s.isSocket() ? 'socket' : s.isCharacterDevice() || s.isBlockDevice() ? 'device' : s.isSymbolicLink() ? 'link' : 'other'
  return new FolioError({
    code: 'IO',
    path: rel,
    message: `Could not ${doing} ${rel}: it is ${kind}, not a regular file. Folio opens regular files only; remove or rename it.`,
    reason: 'not-regular',
    params: { doing, path: rel, kind: named },
  })
}

function escaped(rel: string): FolioError {
  return new FolioError({
    code: 'OUTSIDE_ROOT',
    path: rel,
    message: `Refused the path "${rel}": it leads outside the open folder (a folder on the way was replaced by a link). Use a path inside the folder.`,
    reason: 'outside-folder',
    params: { path: rel },
  })
}

/**
 * The real path of an open descriptor. Linux and most Unixes expose it under /proc; elsewhere
 * the path is resolved again and must still name the same file (device and inode) as the handle.
 */
export async function realPathOf(handle: FileHandle, abs: string): Promise<string | null> {
  const viaProc = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => null)
  if (viaProc !== null && viaProc.startsWith('/')) return viaProc.replace(/ \(deleted\)$/, '')
  const [real, held] = await Promise.all([realpath(abs).catch(() => null), handle.stat()])
  if (real === null) return null
  const named = await lstat(real).catch(() => null)
  return named && named.dev === held.dev && named.ino === held.ino ? real : null
}

async function verifyInside(guard: Guard, handle: FileHandle, r: Resolved): Promise<void> {
  const real = await realPathOf(handle, r.abs)
  if (real === null || !isInside(guard.root, real)) throw escaped(r.rel)
}

/**
 * Opens an existing regular file inside the root for reading (or 'r+' for in-place use).
 * lstat first: anything but a regular file is refused without being opened.
 */
export async function openRegular(guard: Guard, r: Resolved, doing: string, write = false): Promise<FileHandle> {
  const s = await lstat(r.abs)
  if (!s.isFile()) throw notRegular(r.rel, s, doing)
  const handle = await open(r.abs, (write ? constants.O_RDWR : constants.O_RDONLY) | NOFOLLOW | NONBLOCK)
  try {
    const held = await handle.stat()
    if (!held.isFile()) throw notRegular(r.rel, held, doing)
    await verifyInside(guard, handle, r)
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** Thrown by the plain readers below for a path that is not a regular file. */
export class NotRegularFile extends Error {
  constructor(
    readonly abs: string,
    readonly kind: string,
  ) {
    super(`it is ${kind}, not a regular file`)
    this.name = 'NotRegularFile'
  }
}

/**
 * The bytes of a regular file, synchronously, for code that already holds a checked path (the
 * index, taxonomy): O_NONBLOCK makes opening a FIFO return at once, and fstat then refuses it,
 * so a named pipe called `.md` can never block the main thread.
 */
export function readRegularFileSync(abs: string): Buffer {
  return readRegularFileStatSync(abs).bytes
}

/**
 * The same, with the size and mtime of the file as read (from the open descriptor: no stat of the
 * path). `noFollow`: a link at the path is refused (ELOOP), for a path a listing named as a file.
 */
export function readRegularFileStatSync(abs: string, noFollow = false): { bytes: Buffer; size: number; mtimeMs: number } {
  const fd = openSync(abs, constants.O_RDONLY | NONBLOCK | (noFollow ? NOFOLLOW : 0))
  try {
    const s = fstatSync(fd)
    if (!s.isFile()) throw new NotRegularFile(abs, kindOf(s))
    return { bytes: readFileSync(fd), size: s.size, mtimeMs: s.mtimeMs }
  } finally {
    closeSync(fd)
  }
}

/** The same, asynchronously, with the stats of the bytes read. */
export async function readRegularFile(abs: string): Promise<{ bytes: Buffer; stats: Stats }> {
  const handle = await open(abs, constants.O_RDONLY | NONBLOCK)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new NotRegularFile(abs, kindOf(stats))
    return { bytes: await handle.readFile(), stats }
  } finally {
    await handle.close()
  }
}

/** What a non-regular file is, in words ('a named pipe (FIFO)'), or null for a regular file or folder. */
export function specialKind(s: Stats): string | null {
  return s.isFile() || s.isDirectory() ? null : kindOf(s)
}

/** The whole of a regular file inside the root, with the stats of the bytes read. */
export async function readRegular(guard: Guard, r: Resolved, doing = 'read'): Promise<{ bytes: Buffer; stats: Stats }> {
  const handle = await openRegular(guard, r, doing)
  try {
    const stats = await handle.stat()
    return { bytes: await handle.readFile(), stats }
  } finally {
    await handle.close()
  }
}

/**
 * Makes the missing folders of a guarded folder path one level at a time (never recursive
 * mkdir, which follows whatever link appears on the way) and checks the result is inside.
 */
export async function ensureFolder(guard: Guard, folderRel: string): Promise<Resolved> {
  // Never make the open folder itself again: if it vanished, the user decides (close or locate it).
  if (
    !(await lstat(guard.root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new FolioError({
      code: 'NOT_FOUND',
      path: '',
      ...said('create-folder-gone', { root: guard.root }),
    })
  }
  const folder = await guard.resolve(folderRel, { allowRoot: true })
  const rootSegments = folder.rel === '' ? [] : folder.rel.split('/')
  let at = guard.root
  for (const segment of rootSegments) {
    at = join(at, segment)
    try {
      await mkdir(at)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  const again = await guard.resolve(folderRel, { allowRoot: true })
  const real = await realpath(again.abs)
  if (!isInside(guard.root, real)) throw escaped(folderRel)
  return { rel: again.rel, abs: real }
}

/**
 * Creates a new file inside the root: the parent is made and checked first, then O_CREAT|O_EXCL
 * (which never follows a link at the last component) makes "does not exist" and "create" one
 * step. Throws EEXIST (as a Node error) when the name is taken.
 */
export async function createExclusive(guard: Guard, rel: string, bytes: Uint8Array, mode = 0o666): Promise<Resolved> {
  const slash = rel.lastIndexOf('/')
  const name = rel.slice(slash + 1)
  const parent = await ensureFolder(guard, slash === -1 ? '' : rel.slice(0, slash))
  const target = await guard.resolve(parent.rel ? `${parent.rel}/${name}` : name)
  const abs = join(parent.abs, name)
  if (target.abs !== abs) throw escaped(rel)
  const handle = await open(abs, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | NOFOLLOW, mode)
  try {
    const real = await realPathOf(handle, abs)
    if (real === null || !isInside(guard.root, real)) {
      // A folder on the way was swapped after the check: take back what was made out there.
      if (real !== null) await unlink(real).catch(() => undefined)
      throw escaped(rel)
    }
    await handle.writeFile(bytes)
  } finally {
    await handle.close()
  }
  return { rel: target.rel, abs }
}
