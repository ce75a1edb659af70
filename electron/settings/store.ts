/**
 * The one settings store, a small JSON file in userData: the writer's settings (the contract's
 * Settings), article goals by folder and path, and the shell's own memory between launches
 * (recent folders, the last folder, the window's place, whether the sample folder was made).
 *
 * A damaged file is worth a fresh start, not a crash at launch; a value that is not valid is
 * logged and replaced by its default, and the rest of the file is still used.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ArticleGoal, Settings, SettingsProblem } from '../../shared/contract'
import { isArticleGoal, readSettings, SETTINGS_DEFAULTS } from '../../shared/settings'
import { log } from '../log/log'
import { writeFileAtomic } from '../workspace/atomic-write'

/** The main window's place on screen (electron/app/window.ts reads it back). */
export interface StoredWindow {
  bounds: { x: number; y: number; width: number; height: number }
  maximized: boolean
}

/** Goals by content folder (absolute root), then by article (POSIX path relative to it). */
export type Goals = Record<string, Record<string, ArticleGoal>>

export interface StoredState {
  /** Newest first, absolute paths. */
  recentFolders: string[]
  lastFolder: string | null
  window: StoredWindow | null
  /** The first-run sample copy was made once; never again, even if the user deleted it. */
  sampleCreated: boolean
  /** The writer's settings. */
  preferences: Settings
  goals: Goals
}

export const MAX_RECENT = 10

const DEFAULTS: StoredState = {
  recentFolders: [],
  lastFolder: null,
  window: null,
  sampleCreated: false,
  preferences: { ...SETTINGS_DEFAULTS },
  goals: table(),
}

export interface SettingsStore {
  get(): Readonly<StoredState>
  /** The settings file; null for a store kept in memory. */
  readonly file: string | null
  /** Values of the file that were not valid when it was read (each replaced by its default). */
  problems(): readonly SettingsProblem[]
  /** Resolves once written; a failed write is logged, and the next update writes everything again. */
  update(patch: Partial<Omit<StoredState, 'preferences' | 'goals'>>): Promise<void>
  /** Changes the writer's settings; the patch must already be valid (shared/settings isSettingsPatch). */
  updatePreferences(patch: Partial<Settings>): Promise<Settings>
  goal(root: string, path: string): ArticleGoal | null
  /** Sets or (null) removes an article's goal. */
  setGoal(root: string, path: string, goal: ArticleGoal | null): Promise<void>
  /** An article was renamed or moved: its goal goes with it. */
  moveGoal(root: string, from: string, to: string): Promise<void>
  /** Puts a folder first in the recent list (and makes it the one restored next launch). */
  addRecent(folder: string): Promise<void>
  /** Resolves once every update so far is on disk (the app waits for it before it quits). */
  flush(): Promise<void>
}

const isRectangle = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k]))

/** Keyed by folder and path, which may be any string: no prototype to reach through `__proto__`. */
function table<T>(entries: Iterable<[string, T]> = []): Record<string, T> {
  const result = Object.create(null) as Record<string, T>
  for (const [key, value] of entries) result[key] = value
  return result
}

function readGoals(raw: unknown, problems: SettingsProblem[]): Goals {
  if (raw === undefined) return table()
  const goals: Goals = table()
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ key: 'goals', value: JSON.stringify(raw).slice(0, 80) })
    return goals
  }
  for (const [root, byPath] of Object.entries(raw)) {
    if (typeof byPath !== 'object' || byPath === null) continue
    for (const [path, goal] of Object.entries(byPath)) {
      if (isArticleGoal(goal)) (goals[root] ??= table())[path] = { target: goal.target, unit: goal.unit }
      else problems.push({ key: `goals › ${path}`, value: (JSON.stringify(goal) ?? '').slice(0, 80) })
    }
  }
  return goals
}

function parse(text: string, file: string): { state: StoredState; problems: SettingsProblem[] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    log.warn('settings', `The settings file ${file} is damaged; starting from the defaults (the next change rewrites it).`, error)
    return { state: { ...DEFAULTS, goals: table() }, problems: [{ key: '', value: text.slice(0, 80) }] }
  }
  if (typeof data !== 'object' || data === null) return { state: { ...DEFAULTS, goals: table() }, problems: [{ key: '', value: text.slice(0, 80) }] }
  const o = data as Record<string, unknown>
  const window = o.window as Record<string, unknown> | null | undefined
  const { settings, problems } = readSettings(o.preferences)
  const goals = readGoals(o.goals, problems)
  if (problems.length > 0) {
    const named = problems.map((p) => `${p.key || '(the whole section)'} = ${p.value}`).join('; ')
    log.warn('settings', `Some values in ${file} are not valid and were replaced by their defaults: ${named}`)
  }
  return {
    state: {
      recentFolders: Array.isArray(o.recentFolders) ? o.recentFolders.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT) : [],
      lastFolder: typeof o.lastFolder === 'string' ? o.lastFolder : null,
      window: window && isRectangle(window.bounds) ? { bounds: window.bounds as StoredWindow['bounds'], maximized: window.maximized === true } : null,
      sampleCreated: o.sampleCreated === true,
      preferences: settings,
      goals,
    },
    problems,
  }
}

/** The store over `file`, read from it first (null: in memory only, for tests and a harness without a profile). */
export async function openSettings(file: string | null): Promise<SettingsStore> {
  if (file === null) return settingsStore(null)
  const read = await readFile(file, 'utf8').then(
    (text) => parse(text, file),
    (error: NodeJS.ErrnoException) => {
      // No file yet is a first launch; anything else is worth a line in the log, not a failed start.
      if (error.code !== 'ENOENT') log.warn('settings', `Could not read the settings ${file}; starting from the defaults.`, error)
      return undefined
    },
  )
  if (read && read.problems.length > 0) await keepDamaged(file)
  return settingsStore(file, read)
}

/**
 * The next change rewrites the file with defaults in place of what could not be read, so the file
 * as it was is copied aside first: a hand edit with one stray comma must not cost every setting.
 */
async function keepDamaged(file: string): Promise<void> {
  const copy = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await copyFile(file, copy).then(
    () => log.warn('settings', `The settings file as it was is kept in ${copy}: copy back from it what you need.`),
    (error: unknown) => log.warn('settings', `Could not keep a copy of the damaged settings ${file}; the next change rewrites it.`, error),
  )
}

/** A store starting from what was read (the defaults when nothing was), writing to `file` unless it is null. */
export function settingsStore(file: string | null, read?: { state: StoredState; problems: SettingsProblem[] }): SettingsStore {
  let current: StoredState = read?.state ?? { ...DEFAULTS, goals: table() }
  const problems = read?.problems ?? []
  let writing: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    if (file === null) return writing
    const text = JSON.stringify(current, null, 2)
    // One write at a time, atomically: the file is always a whole JSON document.
    writing = writing.then(async () => {
      try {
        await mkdir(dirname(file), { recursive: true })
        await writeFileAtomic(file, new TextEncoder().encode(text))
      } catch (error) {
        log.error('settings', `Could not save the settings to ${file}; the latest changes may be lost at the next launch.`, error)
      }
    })
    return writing
  }

  const setGoals = (root: string, byPath: Record<string, ArticleGoal>): void => {
    const goals = table(Object.entries(current.goals))
    if (Object.keys(byPath).length === 0) delete goals[root]
    else goals[root] = byPath
    current = { ...current, goals }
  }

  return {
    file,
    get: () => current,
    problems: () => problems,
    update(patch) {
      current = { ...current, ...patch }
      return save()
    },
    async updatePreferences(patch) {
      current = { ...current, preferences: { ...current.preferences, ...patch } }
      await save()
      return current.preferences
    },
    goal: (root, path) => current.goals[root]?.[path] ?? null,
    setGoal(root, path, goal) {
      const byPath = table(Object.entries(current.goals[root] ?? {}))
      if (goal === null) delete byPath[path]
      else byPath[path] = { target: goal.target, unit: goal.unit }
      setGoals(root, byPath)
      return save()
    },
    moveGoal(root, from, to) {
      const goal = current.goals[root]?.[from]
      if (!goal) return writing
      const byPath = table(Object.entries(current.goals[root] ?? {}))
      delete byPath[from]
      byPath[to] = goal
      setGoals(root, byPath)
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
