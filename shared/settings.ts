/**
 * The writer's settings: their defaults and the one check of each value. The main process reads
 * its settings file and every updateSettings patch through it; the renderer starts from the
 * defaults until the main process answers.
 */
import { DEFAULT_INSERT_SETTINGS } from './assets/insert'
import type { ArticleGoal, MediaSettings, Settings, SettingsProblem } from './contract'

export const SETTINGS_DEFAULTS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  editorFont: '',
  editorFontSize: 15,
  editorLineHeight: 1.7,
  lineWrap: true,
  focusMode: false,
  typewriter: false,
  vim: false,
  spellCheck: true,
  spellCheckLanguages: [],
  pasteHtmlAsMarkdown: true,
  autosave: false,
  remoteContentFolders: [],
  publishCommands: {},
  siteServerFolders: [],
  media: { ...DEFAULT_INSERT_SETTINGS, confirmed: false },
  hugoLeafImages: {},
})

export const FONT_SIZE = { min: 10, max: 40 } as const
export const LINE_HEIGHT = { min: 1, max: 3 } as const
export const GOAL_TARGET = { min: 1, max: 10_000_000 } as const

type Check = (value: unknown) => boolean

const bool: Check = (v) => typeof v === 'boolean'
const between =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
const stringList =
  (max: number, item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(item)
/** Font names go into a style sheet: letters, digits, spaces, quotes, commas, dots, hyphens; never `;{}()\\`. */
const fontFamily: Check = (v) => typeof v === 'string' && v.length <= 200 && /^[\p{L}\p{N} ,'"._-]*$/u.test(v)
/** A BCP 47 language code as Chromium's spell checker names them (en-US, de, pt-BR, sr-Latn). */
const languageCode: Check = (v) => typeof v === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v)
const folderPath: Check = (v) => typeof v === 'string' && v.length > 0 && v.length <= 4096

const quality = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100

/** Each image setting's check: the settings file and an insert's arguments (electron/handlers) both use them. */
export const MEDIA_CHECKS: { [K in keyof MediaSettings]: Check } = {
  naming: (v) => v === 'original' || v === 'timestamp',
  hexoLink: (v) => v === 'tag' || v === 'markdown',
  maxWidth: (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 20_000),
  compress: bool,
  jpegQuality: quality,
  webpQuality: quality,
  metadata: (v) => v === 'strip' || v === 'keep',
  uploadCommand: (v) => typeof v === 'string' && v.length <= 2_000,
  keepLocal: bool,
  confirmed: bool,
}

const mediaSettings: Check = (v) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).every((key) => Object.hasOwn(MEDIA_CHECKS, key)) &&
  Object.entries(MEDIA_CHECKS).every(([key, check]) => check((v as Record<string, unknown>)[key]))

const CHECKS: { [K in keyof Settings]: Check } = {
  theme: (v) => v === 'system' || v === 'light' || v === 'dark',
  editorFont: fontFamily,
  editorFontSize: between(FONT_SIZE.min, FONT_SIZE.max),
  editorLineHeight: between(LINE_HEIGHT.min, LINE_HEIGHT.max),
  lineWrap: bool,
  focusMode: bool,
  typewriter: bool,
  vim: bool,
  spellCheck: bool,
  spellCheckLanguages: stringList(50, languageCode),
  pasteHtmlAsMarkdown: bool,
  autosave: bool,
  remoteContentFolders: stringList(10_000, folderPath),
  siteServerFolders: stringList(10_000, folderPath),
  publishCommands: (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([folder, command]) => folderPath(folder) && typeof command === 'string' && command.length <= 10_000),
  media: mediaSettings,
  hugoLeafImages: (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(([folder, choice]) => folderPath(folder) && (choice === 'bundle' || choice === 'static')),
}

const KEYS = Object.keys(CHECKS) as (keyof Settings)[]

function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(CHECKS, key)
}

/** Whether `value` is a valid value of the setting `key`. */
export function validSetting(key: string, value: unknown): boolean {
  return isSettingKey(key) && CHECKS[key](value)
}

/** A patch the renderer may send: an object of known keys, each with a valid value. */
export function isSettingsPatch(value: unknown): value is Partial<Settings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.entries(value).every(([key, item]) => validSetting(key, item))
}

function shown(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 80 ? text.slice(0, 79) + '…' : text
}

/**
 * Reads settings as a file holds them: a missing key takes its default, a value that is not valid
 * takes its default and is named in `problems`, and keys Folio does not know are left out.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = []
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  if (raw !== undefined && source !== raw) problems.push({ key: '', value: shown(raw) })
  const settings = { ...SETTINGS_DEFAULTS } as Record<keyof Settings, unknown>
  for (const key of KEYS) {
    if (!Object.hasOwn(source, key)) continue
    if (CHECKS[key](source[key])) settings[key] = source[key]
    else problems.push({ key, value: shown(source[key]) })
  }
  return { settings: settings as unknown as Settings, problems }
}

/** Whether `value` is a goal an article may have. */
export function isArticleGoal(value: unknown): value is ArticleGoal {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const goal = value as Record<string, unknown>
  return (
    Object.keys(goal).every((key) => key === 'target' || key === 'unit') &&
    Number.isInteger(goal.target) &&
    between(GOAL_TARGET.min, GOAL_TARGET.max)(goal.target) &&
    (goal.unit === 'words' || goal.unit === 'characters')
  )
}
