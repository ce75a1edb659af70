/**
 * The undo log of applied bulk edits (not the crash journal of unsaved buffers): for every file written, the text it had before and the
 * hashes before and after, so an undo can restore it byte for byte (and only if nobody changed it
 * since). Written before the first file changes, so a crash mid-way still leaves a usable undo.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BulkOperation, ReplaceRequest } from '../../shared/contract'
import { writeFileAtomic } from '../workspace/atomic-write'
import { PRIVATE_DIR, PRIVATE_FILE } from '../recovery/crash-journal'

export interface JournalFile {
  path: string
  beforeHash: string
  afterHash: string
  /** The decoded text before the edit; the file's BOM is unchanged by edits and kept by save. */
  before: string
}

/** What a journaled edit was: a bulk header edit, a replace across the folder, or a rename keeping links whole. */
export type JournaledOperation = BulkOperation | ({ kind: 'replace' } & Omit<ReplaceRequest, 'paths'>) | { kind: 'move'; from: string; to: string }

/** A file moved before the texts were written (a rename keeping links whole); undo moves it back after restoring them. */
export interface JournalMove {
  from: string
  to: string
}

export interface JournalEntry {
  id: string
  /** The content folder (absolute) the paths belong to. */
  root: string
  createdAt: number
  operation: JournaledOperation
  /** Paths of `files` are where they are after this move. */
  move?: JournalMove
  files: JournalFile[]
}

export interface UndoLog {
  write(entry: JournalEntry): Promise<void>
  read(id: string): Promise<JournalEntry | null>
  remove(id: string): Promise<void>
}

const ID = /^[A-Za-z0-9-]+$/
/** Undo reaches back this many bulk edits; older journals (megabytes each for big renames) go. */
const KEPT = 20

async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('bulk-') && n.endsWith('.json'))
  if (names.length <= KEPT) return
  const aged = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })))
  aged.sort((a, b) => b.t - a.t)
  await Promise.all(aged.slice(KEPT).map(({ n }) => rm(join(dir, n), { force: true })))
}

/** The undo log in `dir` (one JSON file per edit), or in memory when there is no data folder. */
export function createUndoLog(dir: string | null): UndoLog {
  if (dir === null) {
    const entries = new Map<string, JournalEntry>()
    return {
      write: async (entry) => void entries.set(entry.id, entry),
      read: async (id) => entries.get(id) ?? null,
      remove: async (id) => void entries.delete(id),
    }
  }
  // Ids are ours (random UUIDs); anything else names no journal rather than a path.
  const file = (id: string): string | null => (ID.test(id) ? join(dir, `bulk-${id}.json`) : null)
  return {
    async write(entry) {
      const target = file(entry.id)
      if (target === null) throw new Error(`Bulk edit ids are UUIDs; ${JSON.stringify(entry.id)} is not one.`)
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR })
      // The text every file had before the edit: as private as the crash journal.
      await writeFileAtomic(target, new TextEncoder().encode(JSON.stringify(entry)), { mode: PRIVATE_FILE })
      await prune(dir)
    },
    async read(id) {
      const target = file(id)
      const text = target === null ? null : await readFile(target, 'utf8').catch(() => null)
      return text === null ? null : (JSON.parse(text) as JournalEntry)
    },
    async remove(id) {
      const target = file(id)
      if (target !== null) await rm(target, { force: true })
    },
  }
}
