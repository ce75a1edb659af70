/**
 * Atomic replacement of a file: a reader (or a crash) sees either the old bytes or the new ones,
 * never a torn mix. The temp file lives in the same folder so rename(2) never crosses devices.
 */
import { open, rename, stat, unlink } from 'node:fs/promises'
import { renameSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Temp files are `.folio-<12 hex>.tmp`: short whatever the article's name (so an 80-character
 * CJK title still saves within the 255-byte name limit), hidden (scans and watchers skip dot
 * files) and matched by the common `*.tmp` ignore pattern, so git does not show them.
 */
const TEMP_NAME = /^\.folio-[0-9a-f]{12}\.tmp$/
/** What earlier versions named them (`.folio-tmp-<article name>-<pid>-<hex>`): cleaned the same way. */
const OLD_TEMP_NAME = /^\.folio-tmp-[^/\\]*$/

/** What decides a temp name, for a cache that keeps the names it matched (see scan.ts LISTING_FILTER). */
export const TEMP_NAMES = `${TEMP_NAME.source}|${OLD_TEMP_NAME.source}`

export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name) || OLD_TEMP_NAME.test(name)
}

function tempName(): string {
  // The global Web Crypto, loaded on first use: a module that only reads (a listing checked
  // against the cache) never pays for node:crypto's start.
  return `.folio-${Buffer.from(crypto.getRandomValues(new Uint8Array(6))).toString('hex')}.tmp`
}

export interface AtomicWriteOptions {
  /** File mode for the result; default: the mode of the file being replaced. */
  mode?: number
  /** Owner for the result; default: the owner of the file being replaced (kept when it differs from ours). */
  owner?: { uid: number; gid: number }
  /**
   * fsync file and folder so the new bytes survive a power cut (default true). A cache that can
   * be rebuilt skips it: after a crash it is at worst empty, which reads as "no cache".
   */
  durable?: boolean
  /**
   * Runs once the temp file is complete, right before the rename. A throw cancels the
   * replacement: the temp file is removed and the target is left as it is.
   */
  beforeRename?: () => Promise<void>
  /**
   * A last, synchronous check: when given, it and the rename run back to back with no turn of
   * the event loop between them, so the window another program can slip into is a few system
   * calls wide. False cancels the replacement like a throw from beforeRename.
   */
  stillSame?: () => boolean
}

export class ChangedMeanwhile extends Error {
  constructor(path: string) {
    super(`${path} changed on disk while it was being saved`)
    this.name = 'ChangedMeanwhile'
  }
}

/** `data` may come in parts (a big cache written a slice at a time, never as one string). */
export async function writeFileAtomic(path: string, data: Uint8Array | Iterable<Uint8Array>, options: AtomicWriteOptions = {}): Promise<void> {
  const durable = options.durable ?? true
  const dir = dirname(path)
  // Keep the mode and owner of the file being replaced (a new file gets 0o666 minus umask, and is ours).
  const existing = options.mode === undefined || options.owner === undefined ? await stat(path).catch(() => null) : null
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : undefined)
  const owner = options.owner ?? (existing ? { uid: existing.uid, gid: existing.gid } : undefined)
  const temp = join(dir, tempName())
  const handle = await open(temp, 'wx', mode ?? 0o666)
  try {
    try {
      // Each writeFile continues where the last one ended.
      for (const part of data instanceof Uint8Array ? [data] : data) await handle.writeFile(part)
      if (owner) {
        const made = await handle.stat()
        // Only root may give a file away; anyone may set a group they belong to. EPERM means "cannot keep it".
        if (made.uid !== owner.uid || made.gid !== owner.gid) await handle.chown(owner.uid, owner.gid)
      }
      // open() masks the mode with the umask (and chown may clear set-id bits): chmod restores it exactly.
      if (mode !== undefined) await handle.chmod(mode)
      if (durable) await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeRename?.()
    if (options.stillSame) {
      if (!options.stillSame()) throw new ChangedMeanwhile(path)
      renameSync(temp, path)
    } else {
      await rename(temp, path)
    }
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

/** A temp file older than this was left by a crash or a kill, not by a save in progress. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000
