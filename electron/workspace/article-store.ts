/**
 * The one write path for articles: the app's save, bulk edits (taxonomy apply and undo) and every
 * edit of the `folio` command go through ArticleStore.edit. It reads the file through a handle
 * checked to be inside the folder, decodes it with the one decoder, applies the change and
 * writes atomically, and only while the disk still holds the bytes the change was made from:
 * the caller's baseHash when it has one (the editor's loaded version), else the bytes read here.
 * A file changed meanwhile is never overwritten; the edit fails with a CONFLICT naming it.
 */
import { fstatSync, lstatSync, type Stats } from 'node:fs'
import { readFile, stat, type FileHandle } from 'node:fs/promises'
import type { SaveResult } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import { ChangedMeanwhile, writeFileAtomic } from './atomic-write'
import { decode, encode, hashBytes } from './encoding'
import { ioError, permissionProblem } from './files'
import type { Guard, Resolved } from './guard'
import { openRegular, readRegular } from './open-inside'

/** The new text, or how to make it from the text on disk (patches applied to what was read). */
export type ArticleChange = string | ((text: string) => string)

export interface EditResult extends SaveResult {
  /** False when the change left the text as it was: nothing was written. */
  changed: boolean
}

export interface ArticleStoreOptions {
  /** How messages about the bytes name the file; default its path in the folder. */
  name?: (rel: string) => string
  /**
   * Runs after the file was read and the change applied, right before the write starts. For
   * tests that change the file in that window to prove it is not overwritten.
   */
  beforeWrite?: (abs: string) => Promise<void>
}

export interface ArticleStore {
  readonly guard: Guard
  /**
   * Applies `change` to the article at `path` (relative to the folder) and writes it atomically.
   * With `baseHash`, writes only while the file still has those bytes; without, only while it
   * still has the bytes this edit read. Keeps the BOM, line endings, mode and owner.
   */
  edit(path: string, change: ArticleChange, baseHash?: string): Promise<EditResult>
  /** Runs fn while no other edit or exclusive operation on the same real file runs. */
  exclusive<T>(abs: string, fn: () => Promise<T>): Promise<T>
}

class ChangeRefused extends Error {
  constructor(override readonly cause: unknown) {
    super('the change was refused')
  }
}

function conflict(rel: string, disk: Uint8Array, sinceOpened: boolean): FolioError {
  const message = sinceOpened
    ? `${rel} was changed on disk since it was opened. Reload it, keep your version, or compare the two.`
    : `${rel} was changed on disk by another program while it was being edited; it was left as that program wrote it. Run the edit again.`
  return new FolioError({
    code: 'CONFLICT',
    path: rel,
    message,
    reason: sinceOpened ? 'changed-since-opened' : 'changed-during-edit',
    params: { path: rel },
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
  // Unreadable now means someone else replaced or removed it again: theirs is newer than both.
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

export function createArticleStore(guard: Guard, options: ArticleStoreOptions = {}): ArticleStore {
  const name = options.name ?? ((rel: string) => rel)
  // One operation at a time per file: two writes of the same file must not interleave.
  const locks = new Map<string, Promise<unknown>>()
  const exclusive = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).then(fn, fn)
    const tail = run.catch(() => undefined)
    locks.set(key, tail)
    void tail.then(() => locks.get(key) === tail && locks.delete(key))
    return run
  }

  /**
   * The check against the expected bytes is made three times: when the edit starts; right
   * before the rename (the path must still name the same file, with the same size, mtime and
   * bytes); and after it, on the replaced file itself, still held open: a program that wrote into
   * it in place meanwhile gets its bytes back on disk, and the edit reports a conflict instead.
   */
  const editResolved = async (r: Resolved, change: ArticleChange, baseHash: string | undefined): Promise<EditResult> => {
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
      const currentHash = hashBytes(current)
      if (baseHash !== undefined && currentHash !== baseHash) throw conflict(rel, current, true)
      const expected = baseHash ?? currentHash
      const decoded = decode(current, name(rel))
      // A text Folio cannot write back as it was (decode names why, and says it in readOnly).
      if (decoded.problem)
        throw new FolioError({ code: 'READ_ONLY', path: rel, message: decoded.readOnly ?? '', reason: decoded.problem, params: { path: rel } })
      const denied = permissionProblem(before, name(rel))
      if (denied) throw new FolioError({ code: 'READ_ONLY', path: rel, ...denied })
      let text: string
      try {
        text = typeof change === 'string' ? change : change(decoded.text)
      } catch (error) {
        // The change's own refusal (a header that does not parse) says what it is; it is no I/O error.
        throw new ChangeRefused(error)
      }
      if (text === decoded.text) return { path: rel, hash: currentHash, mtimeMs: before.mtimeMs, size: before.size, changed: false }
      const bytes = encode(text, decoded.bom)
      await options.beforeWrite?.(abs)
      // Cheap facts first and last: the path still names the file we read, which kept its size and mtime.
      const sameFile = (): boolean => {
        const now = lstatSync(abs, { throwIfNoEntry: false })
        if (!now || now.ino !== before.ino || now.dev !== before.dev) return false
        const held = fstatSync(handle.fd)
        return held.size === before.size && held.mtimeMs === before.mtimeMs
      }
      const changedNow = async (): Promise<FolioError> => conflict(rel, (await readRegular(guard, r, 'save')).bytes, baseHash !== undefined)
      await writeFileAtomic(abs, bytes, {
        mode: before.mode & 0o7777,
        owner: { uid: before.uid, gid: before.gid },
        // Same size and mtime can still hide a write within one clock tick: the bytes decide.
        beforeRename: async () => {
          if (hashBytes(await bytesOf(handle)) !== expected) throw await changedNow()
        },
        stillSame: sameFile,
      }).catch(async (error: unknown) => {
        if (error instanceof ChangedMeanwhile) throw await changedNow()
        if ((error as NodeJS.ErrnoException).code === 'EPERM') {
          throw new FolioError({
            code: 'READ_ONLY',
            path: rel,
            ...said('owner-not-kept', { path: rel, uid: before.uid, gid: before.gid }),
          })
        }
        throw error
      })
      // Written into in place while we renamed: theirs goes back, ours waits in the conflict view.
      const after = await bytesOf(handle)
      if (hashBytes(after) !== expected) {
        await putBack(abs, after, hashBytes(bytes), before)
        throw conflict(rel, after, baseHash !== undefined)
      }
      const written = await stat(abs)
      return { path: rel, hash: hashBytes(bytes), mtimeMs: written.mtimeMs, size: written.size, changed: true }
    } catch (error) {
      if (error instanceof ChangeRefused) throw error.cause
      throw ioError(error, rel, 'save')
    } finally {
      await handle.close()
    }
  }

  return {
    guard,
    exclusive,
    edit(path, change, baseHash) {
      // Queued by the path as sent before any await, so edits run in the order they were asked;
      // then by the real file, so a rename or another path to the same file never interleaves.
      return exclusive(`edit:${path}`, async () => {
        const r = await guard.resolve(path)
        return exclusive(r.abs, () => editResolved(r, change, baseHash))
      })
    },
  }
}
