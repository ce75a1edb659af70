/**
 * The shell's own memory between launches, a small JSON file in userData: recent folders, the
 * last folder, the window's bounds and whether the sample folder was made. A damaged file is
 * worth a fresh start, not a crash at launch.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { log } from '../log/log'
import { writeFileAtomic } from '../workspace/atomic-write'
import type { WindowState } from './window'

export interface Settings {
  /** Newest first, absolute paths. */
  recentFolders: string[]
  lastFolder: string | null
  window: WindowState | null
  /** The first-run sample copy was made once; never again, even if the user deleted it. */
  sampleCreated: boolean
}

export const MAX_RECENT = 10

const DEFAULTS: Settings = { recentFolders: [], lastFolder: null, window: null, sampleCreated: false }

export interface SettingsStore {
  get(): Readonly<Settings>
  /** Resolves once written; a failed write is logged, and the next update writes everything again. */
  update(patch: Partial<Settings>): Promise<void>
  /** Puts a folder first in the recent list (and makes it the one restored next launch). */
  addRecent(folder: string): Promise<void>
  /** Resolves once every update so far is on disk (the app waits for it before it quits). */
  flush(): Promise<void>
}

const isRectangle = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k]))

function parse(text: string): Settings {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    log.warn('settings', 'The settings file is damaged; starting from the defaults (the next change rewrites it).', error)
    return { ...DEFAULTS }
  }
  if (typeof data !== 'object' || data === null) return { ...DEFAULTS }
  const o = data as Record<string, unknown>
  const window = o.window as Record<string, unknown> | null | undefined
  return {
    recentFolders: Array.isArray(o.recentFolders) ? o.recentFolders.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT) : [],
    lastFolder: typeof o.lastFolder === 'string' ? o.lastFolder : null,
    window:
      window && isRectangle(window.bounds)
        ? { bounds: window.bounds as WindowState['bounds'], maximized: window.maximized === true }
        : null,
    sampleCreated: o.sampleCreated === true,
  }
}

export async function openSettings(file: string): Promise<SettingsStore> {
  let current: Settings = await readFile(file, 'utf8').then(parse, (error: NodeJS.ErrnoException) => {
    // No file yet is a first launch; anything else is worth a line in the log, not a failed start.
    if (error.code !== 'ENOENT') log.warn('settings', `Could not read the settings ${file}; starting from the defaults.`, error)
    return { ...DEFAULTS }
  })
  let writing: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    const text = JSON.stringify(current, null, 2)
    // One write at a time, atomically: the file is always a whole JSON document.
    writing = writing.then(async () => {
      try {
        await mkdir(dirname(file), { recursive: true })
        await writeFileAtomic(file, new TextEncoder().encode(text))
      } catch (error) {
        log.error('settings', `Could not save the settings to ${file}; recent folders and the window's place may be lost at the next launch.`, error)
      }
    })
    return writing
  }

  return {
    get: () => current,
    update(patch) {
      current = { ...current, ...patch }
      return save()
    },
    addRecent(folder) {
      const recentFolders = [folder, ...current.recentFolders.filter((f) => f !== folder)].slice(0, MAX_RECENT)
      current = { ...current, recentFolders, lastFolder: folder }
      return save()
    },
    flush: () => writing,
  }
}
