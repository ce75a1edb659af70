/**
 * What a processed photo became, by the hash of the bytes it came as and the settings it was made
 * with: inserting the same photo again links the file made the first time instead of making a
 * copy. Kept in a small file of the app's own (its profile folder) when given one, so this holds
 * after a restart too. A file made is reused only while it is still there with the bytes it was
 * written with (size, then hash): one the writer edited or replaced since is never linked for it.
 * (A file that was not processed is found by its own hash in the folder: see insert.ts.)
 */
import { webcrypto } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImageProcessing } from '../../shared/assets'
import { log } from '../log/log'
import { writeFileAtomic } from '../workspace/atomic-write'

/** Hashed in libuv's pool (WebCrypto's digest), not on the main loop: a photo is megabytes, and the window waits on that loop. */
export async function hashOf(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex')
}

interface Made {
  /** The file's name in its folder. */
  name: string
  size: number
  /** SHA-256 of the bytes written. */
  hash: string
}

/** Photos remembered; past this the oldest are forgotten, so the file stays a few hundred kilobytes. */
export const KEPT_MADE = 2000
const VERSION = 1

interface Stored {
  version: number
  /** Oldest first: [key, what was made]. */
  made: Array<[string, Made]>
}

function isMade(value: unknown): value is Made {
  const m = value as Made
  return typeof m === 'object' && m !== null && typeof m.name === 'string' && typeof m.size === 'number' && typeof m.hash === 'string'
}

export class MadeImages {
  #made: Promise<Map<string, Made>> | null = null
  #saving: Promise<void> = Promise.resolve()

  /** `file`: where the record is kept between runs; null keeps it in memory only. */
  constructor(private readonly file: string | null = null) {}

  static #key(folderAbs: string, hash: string, settings: ImageProcessing): string {
    const { maxWidth, compress, jpegQuality, webpQuality, metadata } = settings
    return JSON.stringify([folderAbs, hash, maxWidth, compress, jpegQuality, webpQuality, metadata])
  }

  /** Records that `bytes`, written as `name` in the folder, were made from the photo with this hash and these settings. */
  async remember(folderAbs: string, hash: string, settings: ImageProcessing, name: string, bytes: Uint8Array): Promise<void> {
    const made = await this.#load()
    const key = MadeImages.#key(folderAbs, hash, settings)
    // Newest last: the oldest are the ones forgotten.
    made.delete(key)
    made.set(key, { name, size: bytes.length, hash: await hashOf(bytes) })
    for (const old of made.keys()) {
      if (made.size <= KEPT_MADE) break
      made.delete(old)
    }
    await this.#save(made)
  }

  /**
   * The file made from these bytes with these settings, if it is still in the folder as it was
   * written; `files`: the folder's files by lower-cased name.
   */
  async find(folderAbs: string, hash: string, settings: ImageProcessing, files: ReadonlyMap<string, { name: string; size: number }>): Promise<string | null> {
    const made = await this.#load()
    const key = MadeImages.#key(folderAbs, hash, settings)
    const record = made.get(key)
    const there = record && files.get(record.name.toLowerCase())
    if (!record || !there || there.size !== record.size) return null
    const bytes = await readFile(join(folderAbs, there.name)).catch(() => null)
    if (bytes && (await hashOf(bytes)) === record.hash) return there.name
    // Changed since it was made: never linked for this photo again.
    made.delete(key)
    await this.#save(made)
    return null
  }

  #load(): Promise<Map<string, Made>> {
    this.#made ??= this.#read()
    return this.#made
  }

  async #read(): Promise<Map<string, Made>> {
    const made = new Map<string, Made>()
    if (this.file === null) return made
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as Stored
      if (stored.version !== VERSION || !Array.isArray(stored.made)) return made
      for (const entry of stored.made) if (Array.isArray(entry) && typeof entry[0] === 'string' && isMade(entry[1])) made.set(entry[0], entry[1])
    } catch (error) {
      // None yet is the first photo; a damaged record only costs making a photo again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn('media', `Could not read the record of processed photos ${this.file}; photos are made again.`, error)
    }
    return made
  }

  /** One write at a time, each of the record as it is then. */
  #save(made: Map<string, Made>): Promise<void> {
    const file = this.file
    if (file === null) return Promise.resolve()
    this.#saving = this.#saving.then(async () => {
      const stored: Stored = { version: VERSION, made: [...made] }
      // Rebuilt by inserting again: no fsync needed.
      await writeFileAtomic(file, Buffer.from(JSON.stringify(stored)), { durable: false }).catch((error: unknown) =>
        log.warn('media', `Could not write the record of processed photos ${file}; after a restart the same photo is made again.`, error),
      )
    })
    return this.#saving
  }
}
