/**
 * Atomic replacement of a file: a reader (or a crash) sees either the old bytes or the new ones,
 * never a torn mix. The temp file lives in the same folder so rename(2) never crosses devices.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temp files start with a dot, so scans and watchers skip them like any hidden file. */
const TEMP_MARKER = '.folio-tmp-'

export interface AtomicWriteOptions {
  /** File mode for the result; default: the mode of the file being replaced. */
  mode?: number
  /**
   * fsync file and folder so the new bytes survive a power cut (default true). A cache that can
   * be rebuilt skips it: after a crash it is at worst empty, which reads as "no cache".
   */
  durable?: boolean
}

export async function writeFileAtomic(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true
  const dir = dirname(path)
  // Keep the mode of the file being replaced (a new file gets the usual 0o666 minus umask).
  const mode = options.mode ?? (await stat(path).then((s) => s.mode & 0o7777, () => undefined))
  const temp = join(dir, `${TEMP_MARKER}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`)
  const handle = await open(temp, 'wx', mode ?? 0o666)
  try {
    try {
      await handle.writeFile(data)
      // open() masks the mode with the umask; chmod restores the original exactly.
      if (mode !== undefined) await handle.chmod(mode)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  if (durable) await syncDir(dir)
}

/** Makes the rename itself durable; some file systems refuse to fsync a directory, which is fine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // Not supported here (e.g. some network or Windows file systems): the rename already happened.
  } finally {
    await handle.close()
  }
}
