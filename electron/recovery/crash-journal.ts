/**
 * The crash journal: unsaved editor buffers written to the app's data folder, debounced, so a
 * crash, a kill or a power cut loses at most a few seconds of typing. Plain Node on purpose: the
 * Electron shell (through electron/handlers.ts), the e2e harness and the tests share this code.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as v from 'valibot'
import { UnsavedBufferSchema, type RecoveredBuffers, type UnsavedBuffer } from '../../shared/contract'
import { debounceWithMaxWait } from '../../shared/debounce'
import { log } from '../log/log'
import { writeFileAtomic } from '../workspace/atomic-write'

export const JOURNAL_FILE = 'unsaved.json'
/** Unsaved drafts are the author's private text: readable by their own account only. */
export const PRIVATE_FILE = 0o600
export const PRIVATE_DIR = 0o700

export interface JournalOptions {
  /** Folder for the journal file (created on first write). */
  dir: string
  /** Quiet time after the last change before writing (default 800 ms). */
  debounceMs?: number
  /** Longest a change waits while typing never pauses (default 5 s). */
  maxWaitMs?: number
  now?: () => number
}

export interface Journal {
  /** Replaces the journaled set with these buffers of the folder `root`; [] clears the journal. */
  record(root: string, buffers: readonly UnsavedBuffer[]): void
  /** Writes what record() left pending now instead of after the debounce. */
  flush(): Promise<void>
  /** True while a record() has not reached the disk yet. */
  pending(): boolean
  /** The journaled buffers (after writing anything pending), or null when there are none. */
  read(): Promise<RecoveredBuffers | null>
  /** Forgets every buffer: the user chose to discard them. */
  clear(): Promise<void>
}

export function createCrashJournal(options: JournalOptions): Journal {
  const file = join(options.dir, JOURNAL_FILE)
  const debounceMs = options.debounceMs ?? 800
  const maxWaitMs = options.maxWaitMs ?? 5000
  const now = options.now ?? Date.now

  // `null` as the pending value means "remove the file"; undefined means nothing pending.
  let next: RecoveredBuffers | null | undefined
  // Writes run one after another so an older snapshot can never land after a newer one.
  let writing: Promise<void> = Promise.resolve()

  const write = async (snapshot: RecoveredBuffers | null): Promise<void> => {
    if (snapshot === null) {
      await rm(file, { force: true })
      return
    }
    await mkdir(options.dir, { recursive: true, mode: PRIVATE_DIR })
    // Atomic and durable: a crash mid-write leaves the previous journal intact.
    await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(snapshot)), { mode: PRIVATE_FILE })
  }

  const flush = (): Promise<void> => {
    debounce.cancel()
    if (next !== undefined) {
      const snapshot = next
      next = undefined
      // A failed write (disk full) must not block the next one: each snapshot replaces the last.
      // It was logged where it failed, below.
      writing = writing
        .catch(() => undefined)
        .then(() => write(snapshot))
        .catch((error: unknown) => {
          log.error(
            'journal',
            `Could not write the crash journal ${file}: unsaved edits are not protected against a crash until a later write succeeds.`,
            error,
          )
          throw error
        })
    }
    return writing
  }

  // A failure is logged by flush(); the next change tries again.
  const debounce = debounceWithMaxWait(() => void flush().catch(() => undefined), { waitMs: debounceMs, maxWaitMs, now })

  const schedule = (snapshot: RecoveredBuffers | null): void => {
    next = snapshot
    debounce.request()
  }

  return {
    record(root, buffers) {
      schedule(buffers.length === 0 ? null : { root, savedAt: now(), buffers: buffers.map(copyBuffer) })
    },
    flush,
    pending: () => next !== undefined,
    async read() {
      await flush()
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
      const recovered = parseJournal(text)
      if (recovered === null) log.error('journal', `The crash journal ${file} is damaged or from an unknown version; nothing could be recovered from it.`)
      return recovered
    },
    clear() {
      schedule(null)
      return flush()
    },
  }
}

function copyBuffer(buffer: UnsavedBuffer): UnsavedBuffer {
  return { path: buffer.path, text: buffer.text, baseHash: buffer.baseHash }
}

/** A torn or foreign file is not worth crashing the app over: it yields nothing to recover. */
export function parseJournal(text: string): RecoveredBuffers | null {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    // read() logs a journal that held something but yielded nothing.
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const { root, savedAt, buffers } = data as Record<string, unknown>
  if (typeof root !== 'string' || typeof savedAt !== 'number' || !Array.isArray(buffers)) return null
  const valid = buffers.filter((buffer): buffer is UnsavedBuffer => v.is(UnsavedBufferSchema, buffer))
  return valid.length === 0 ? null : { root, savedAt, buffers: valid.map(copyBuffer) }
}
