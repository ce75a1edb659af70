/**
 * What kind of site a folder is, where its articles live, and the settings that change how
 * articles are read and created. Opening a folder inside a site (Hexo's `source/_posts`,
 * Jekyll's `_posts`, Hugo's `content/posts`, …) opens the site itself.
 */
import { readlinkSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { dirname, relative, sep } from 'node:path'
import type { FolderWarning, SiteKind } from '../../shared/contract'
import { siteRules } from '../../shared/sites'
import type { Layout, LayoutInput } from '../../shared/sites/types'
import { createGuard, type Guard } from './guard'
import { readRegular } from './open-inside'
import { isArticleName } from './scan'

export interface SiteSettings {
  kind: SiteKind
  /** Real absolute path of the site root. */
  root: string
  /** POSIX paths relative to root where articles live ('' for the whole folder). */
  contentRoots: string[]
  /** Where articles, pages and drafts live, by the generator's rules (shared/sites). */
  layout: Layout
  /** IANA zone for dates written without one. */
  timeZone: string
  /** The zone the site's settings name; absent when timeZone is the system's (see zoneKey). */
  zoneSetting?: string
  /** Hexo's `new_post_name` (default `:title.md`). */
  newPostName: string
  /** Hexo's `post_asset_folder`. */
  postAssetFolder: boolean
  /** Hexo `source_dir`, Hugo `contentDir`, … relative to root ('' for plain folders). */
  sourceDir: string
  /** Templates for new articles by layout (Hexo scaffolds, Hugo archetypes), as text. */
  scaffolds: Partial<Record<'post' | 'draft' | 'page', string>>
  /** Settings that were refused (a path leading outside the folder), with their file, key and line. */
  warnings: FolderWarning[]
}

type Settings = Record<string, unknown>

let system: string | undefined
/**
 * The system's zone, worked out when first asked: the first Intl.DateTimeFormat loads ICU's
 * locale and zone data (20–50 ms, more on a busy machine), which a folder whose dates are never
 * read (`folio index` answered from its listing) does not need. V8 itself keeps the zone it
 * found for the life of the process, so keeping it here changes nothing.
 */
export function systemZone(): string {
  return (system ??= Intl.DateTimeFormat().resolvedOptions().timeZone)
}

/**
 * What the site's zone depends on, cheaply: the zone its settings name, or what the system's
 * comes from (the TZ variable, else where /etc/localtime links, as ICU looks); only where neither
 * says (Windows, a copied zone file) the zone itself. For caches that must notice a change of
 * zone without working the zone out.
 */
export function zoneKey(site: SiteSettings): string {
  if (site.zoneSetting !== undefined) return site.zoneSetting
  const tz = process.env.TZ
  if (tz !== undefined) return `TZ=${tz}`
  try {
    return `localtime=${readlinkSync('/etc/localtime')}`
  } catch {
    // Not a link, or no such file: only the zone itself tells.
    return site.timeZone
  }
}

function validZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || zone.trim() === '') return null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() })
    return zone.trim()
  } catch {
    // Not a zone this runtime knows: the caller falls back to the system's.
    return null
  }
}

/**
 * A site's own files, read through the guard: a settings file, scaffold or archetype that is a
 * link out of the folder, or not a regular file, reads as absent.
 */
interface SiteFiles {
  guard: Guard
  warnings: FolderWarning[]
}

async function readText(files: SiteFiles, rel: string): Promise<string | null> {
  try {
    return (await readRegular(files.guard, await files.guard.resolve(rel))).bytes.toString('utf8')
  } catch {
    // Absent (the common case), refused by the guard or not a regular file: read as no such config.
    return null
  }
}

async function kindAt(files: SiteFiles, rel: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat((await files.guard.resolve(rel)).abs)
    return s.isDirectory() ? 'dir' : 'file'
  } catch {
    // Absent, or outside the folder: detection only asks whether it is there.
    return null
  }
}

const isDir = async (files: SiteFiles, rel: string): Promise<boolean> => (await kindAt(files, rel)) === 'dir'
const exists = async (files: SiteFiles, rel: string): Promise<boolean> => (await kindAt(files, rel)) !== null

/** 1-based line where a top-level key is set in a YAML, TOML or JSON settings text. */
function lineOfKey(text: string, key: string): number | undefined {
  const escapedKey = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^\\s*["']?${escapedKey}["']?\\s*[:=]`)
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => pattern.test(line))
  return index === -1 ? undefined : index + 1
}

/** Hexo, Hugo and Jekyll join these to the site folder; only `./` and trailing slashes are noise. */
function cleanFolder(value: string): string {
  return value
    .trim()
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '')
}

/**
 * A folder path from a site's settings, checked by the guard. One that leads outside the folder
 * (`..`, an absolute path, a link out) is reported with its file, key and line, and the
 * generator's default is used instead.
 */
async function configFolder(files: SiteFiles, file: string, text: string, key: string, value: unknown, fallback: string): Promise<string> {
  if (typeof value !== 'string' || value.trim() === '') return fallback
  const folder = cleanFolder(value)
  try {
    return (await files.guard.resolve(folder, { allowRoot: true })).rel
  } catch {
    refuse(files, file, text, key, String(value), 'outside', fallback)
    return fallback
  }
}

/** A setting refused (why: it leads outside the folder, or makes no article file) and the value used instead ('' the folder itself). */
function refuse(files: SiteFiles, file: string, text: string, key: string, value: string, why: 'outside' | 'not-article', instead: string): void {
  const line = lineOfKey(text, key)
  const what = why === 'outside' ? 'leads outside the folder' : 'does not make an article file'
  files.warnings.push({
    path: file,
    key,
    ...(line === undefined ? {} : { line }),
    message: `${file}${line === undefined ? '' : ` line ${line}`}: ${key} "${value}" ${what}; Folio uses ${instead ? `"${instead}"` : 'the folder itself'} instead. Change the setting to a path inside the site folder.`,
    reason: 'setting-refused',
    params: { path: file, line: line ?? '', key, value, why, instead },
  })
}

/**
 * Hexo's `new_post_name` is a path pattern under `source/_posts`; one whose expansion leaves
 * that folder (through `..` or a link) or makes something other than an article is refused.
 */
async function checkNewPostName(files: SiteFiles, text: string, value: unknown, postsFolder: string): Promise<string> {
  const fallback = ':title.md'
  if (typeof value !== 'string' || value === '') return fallback
  const sample = value.replace(/:[a-z_]+/g, 'x')
  const named = /\.[A-Za-z0-9]+$/.test(sample) ? sample : `${sample}.md`
  if (!isArticleName(named)) {
    refuse(files, '_config.yml', text, 'new_post_name', value, 'not-article', fallback)
    return fallback
  }
  try {
    const posts = await files.guard.resolve(postsFolder, { allowRoot: true })
    const target = await files.guard.resolve(`${postsFolder}/${named}`)
    if (!target.abs.startsWith(posts.abs + sep)) throw new Error('outside the posts folder')
    return value
  } catch {
    refuse(files, '_config.yml', text, 'new_post_name', value, 'outside', fallback)
    return fallback
  }
}

/** The parser of a settings format, loaded when a site's settings first need it (most folders have no YAML or TOML settings). */
async function parserOf(format: 'yaml' | 'toml' | 'json'): Promise<(text: string) => unknown> {
  if (format === 'yaml') return (await import('yaml')).parse
  if (format === 'toml') return (await import('smol-toml')).parse
  return JSON.parse
}

/** A settings file that does not parse is treated as empty: the folder still opens. */
export async function parseConfig(text: string | null, format: 'yaml' | 'toml' | 'json'): Promise<Settings> {
  if (text === null) return {}
  const parse = await parserOf(format)
  try {
    const value: unknown = parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Settings) : {}
  } catch {
    // A config its generator could not read either: the generator's defaults apply, as they would there.
    return {}
  }
}

async function hasHexoDependency(files: SiteFiles): Promise<boolean> {
  const pkg = await parseConfig(await readText(files, 'package.json'), 'json')
  const deps = { ...(pkg.dependencies as Settings | undefined), ...(pkg.devDependencies as Settings | undefined) }
  return 'hexo' in deps || typeof pkg.hexo === 'object'
}

export const HUGO_CONFIGS: [string, 'toml' | 'yaml' | 'json'][] = [
  ['hugo.toml', 'toml'],
  ['hugo.yaml', 'yaml'],
  ['hugo.yml', 'yaml'],
  ['hugo.json', 'json'],
  ['config.toml', 'toml'],
  ['config.yaml', 'yaml'],
  ['config.yml', 'yaml'],
  ['config.json', 'json'],
]
const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs']

async function readScaffold(files: SiteFiles, rel: string): Promise<string | undefined> {
  return (await readText(files, rel)) ?? undefined
}

/**
 * A site's settings: the generator's layout and defaults, `more` over them. Without a zone in
 * `zone` (the site's own setting), timeZone is the system's, worked out when first read.
 */
function base(
  root: string,
  kind: SiteKind,
  warnings: FolderWarning[] = [],
  input: LayoutInput = { sourceDir: '' },
  zone: string | null = null,
  more: Partial<Pick<SiteSettings, 'newPostName' | 'postAssetFolder' | 'scaffolds'>> = {},
): SiteSettings {
  const layout = siteRules(kind).layout(input)
  const contentRoots = [...new Set([...layout.roots, ...layout.pages])]
  const site = {
    kind,
    root,
    contentRoots,
    layout,
    newPostName: ':title.md',
    postAssetFolder: false,
    sourceDir: input.sourceDir,
    scaffolds: {},
    warnings,
    ...more,
  } as Omit<SiteSettings, 'timeZone'> as SiteSettings
  if (zone !== null) return Object.assign(site, { timeZone: zone, zoneSetting: zone })
  return Object.defineProperty(site, 'timeZone', { get: systemZone, enumerable: true, configurable: true })
}

async function hexo(files: SiteFiles): Promise<SiteSettings | null> {
  const configText = await readText(files, '_config.yml')
  if (configText === null || !(await hasHexoDependency(files))) return null
  const config = await parseConfig(configText, 'yaml')
  const check = (key: string, fallback: string): Promise<string> => configFolder(files, '_config.yml', configText, key, config[key], fallback)
  const sourceDir = await check('source_dir', 'source')
  const scaffoldDir = await check('scaffold_dir', 'scaffolds')
  // Folio writes nothing there, but a site export may one day: refuse it up front all the same.
  await check('public_dir', 'public')
  const newPostName = await checkNewPostName(files, configText, config.new_post_name, sourceDir ? `${sourceDir}/_posts` : '_posts')
  const scaffolds: SiteSettings['scaffolds'] = {}
  for (const layout of ['post', 'draft', 'page'] as const) {
    const text = await readScaffold(files, scaffoldDir ? `${scaffoldDir}/${layout}.md` : `${layout}.md`)
    if (text !== undefined) scaffolds[layout] = text
  }
  return base(files.guard.root, 'hexo', files.warnings, { sourceDir }, validZone(config.timezone), {
    newPostName,
    postAssetFolder: config.post_asset_folder === true,
    scaffolds,
  })
}

async function jekyll(files: SiteFiles): Promise<SiteSettings | null> {
  let configFile = '_config.yml'
  let configText = await readText(files, configFile)
  if (configText === null) configText = await readText(files, (configFile = '_config.yaml'))
  if (configText === null) return null
  if (!(await exists(files, 'Gemfile')) && !(await isDir(files, '_posts'))) return null
  const config = await parseConfig(configText, 'yaml')
  const collectionsDir = await configFolder(files, configFile, configText, 'collections_dir', config.collections_dir, '')
  const inDir = (name: string): string => (collectionsDir ? `${collectionsDir}/${name}` : name)
  const input: LayoutInput = {
    sourceDir: '',
    collections: jekyllCollections(config.collections).map((name) => inDir(`_${name}`)),
    exclude: Array.isArray(config.exclude) ? config.exclude.filter((e): e is string => typeof e === 'string').map(cleanFolder) : [],
  }
  // With a collections_dir, posts and drafts live inside it too.
  if (collectionsDir) input.collections?.push(inDir('_posts'), inDir('_drafts'))
  return base(files.guard.root, 'jekyll', files.warnings, input, validZone(config.timezone))
}

/**
 * Jekyll's rendered collections: `collections: {docs: {output: true}}` (a mapping), or a list of
 * names, whose documents are not rendered. `posts` is read as posts already.
 */
function jekyllCollections(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  return Object.entries(value as Settings)
    .filter(([name, meta]) => name !== 'posts' && /^[\w-]+$/.test(name) && typeof meta === 'object' && meta !== null && (meta as Settings).output === true)
    .map(([name]) => name)
}

async function hugo(files: SiteFiles): Promise<SiteSettings | null> {
  for (const [name, format] of HUGO_CONFIGS) {
    const text = await readText(files, name)
    if (text === null) continue
    const config = await parseConfig(text, format)
    // `config.*` is a common name; only call it Hugo when Hugo's folders are there too.
    if (name.startsWith('config.') && !(await isDir(files, 'content')) && !(await isDir(files, 'archetypes'))) continue
    const sourceDir = await configFolder(files, name, text, 'contentDir', config.contentDir, 'content')
    const scaffolds: SiteSettings['scaffolds'] = {}
    const post = (await readScaffold(files, 'archetypes/posts.md')) ?? (await readScaffold(files, 'archetypes/default.md'))
    if (post !== undefined) scaffolds.post = scaffolds.draft = post
    const page = await readScaffold(files, 'archetypes/default.md')
    if (page !== undefined) scaffolds.page = page
    return base(files.guard.root, 'hugo', files.warnings, { sourceDir }, validZone(config.timeZone), { scaffolds })
  }
  return null
}

/** Astro's settings are code (not read): its content folder is the fixed `src/content`. */
async function astro(files: SiteFiles): Promise<SiteSettings | null> {
  for (const name of ASTRO_CONFIGS) {
    if (await exists(files, name)) return base(files.guard.root, 'astro', files.warnings, { sourceDir: 'src/content' })
  }
  return null
}

const ELEVENTY_CONFIGS = ['.eleventy.js', '.eleventy.cjs', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs', 'eleventy.config.ts']

/**
 * Eleventy's settings are code: its input folder is read from a literal `input: "src"` in the
 * config (the common `dir: { input }` form) or `--input=` in package.json scripts, else the root.
 */
async function eleventy(files: SiteFiles): Promise<SiteSettings | null> {
  for (const name of ELEVENTY_CONFIGS) {
    const text = await readText(files, name)
    if (text === null) continue
    const scripts = JSON.stringify((await parseConfig(await readText(files, 'package.json'), 'json')).scripts ?? '')
    const literal = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1] ?? /--input[= ]([^\s"'\\]+)/.exec(scripts)?.[1]
    const sourceDir = await configFolder(files, name, text, 'input', literal, '')
    return base(files.guard.root, 'eleventy', files.warnings, { sourceDir })
  }
  return null
}

/** Detects the site whose root is exactly this folder. */
/** The settings files a detector starts from: a folder with none of them is no generator's site. */
const SETTINGS_FILES = new Set(['_config.yml', '_config.yaml', ...HUGO_CONFIGS.map(([name]) => name), ...ASTRO_CONFIGS, ...ELEVENTY_CONFIGS])

async function detectAt(root: string): Promise<SiteSettings | null> {
  // One listing first: most folders (and every folder above a plain one) hold none of the settings
  // files, and asking the guard for each of the twenty names costs several calls apiece. Names are
  // compared in lower case, as a case-insensitive disk would open them; a folder that cannot be
  // listed is asked name by name.
  const names = await readdir(root).catch(() => null)
  if (names && !names.some((name) => SETTINGS_FILES.has(name.toLowerCase()))) return null
  // Each detector starts with a clean list: a refusal in a detector that does not match is not this site's.
  const files = async (): Promise<SiteFiles> => ({ guard: await createGuard(root), warnings: [] })
  return (
    (await hexo(await files())) ??
    (await hugo(await files())) ??
    (await astro(await files())) ??
    (await eleventy(await files())) ??
    (await jekyll(await files()))
  )
}

/**
 * Detects the site for a real folder path: the folder itself, or, when it lies inside a site's
 * content (say `source/_posts`), the site around it. Otherwise a plain folder.
 */
export async function detectSite(folder: string): Promise<SiteSettings> {
  const here = await detectAt(folder)
  if (here) return here
  for (let candidate = dirname(folder), depth = 0; depth < 4 && candidate !== dirname(candidate); candidate = dirname(candidate), depth++) {
    const site = await detectAt(candidate)
    if (!site) continue
    const inside = relative(candidate, folder).split(sep).join('/')
    if (site.contentRoots.some((r) => inside === r || inside.startsWith(r + '/') || r.startsWith(inside + '/'))) return site
    break
  }
  return base(folder, 'plain')
}
