/**
 * What kind of site a folder is, where its articles live, and the settings that change how
 * articles are read and created. Opening a folder inside a site (Hexo's `source/_posts`,
 * Jekyll's `_posts`, Hugo's `content/posts`, …) opens the site itself.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { SiteKind } from '../../shared/contract'

export interface SiteSettings {
  kind: SiteKind
  /** Real absolute path of the site root. */
  root: string
  /** POSIX paths relative to root where articles live ('' for the whole folder). */
  contentRoots: string[]
  /** IANA zone for dates written without one. */
  timeZone: string
  /** Hexo's `new_post_name` (default `:title.md`). */
  newPostName: string
  /** Hexo's `post_asset_folder`. */
  postAssetFolder: boolean
  /** Hexo `source_dir`, Hugo `contentDir`, … relative to root ('' for plain folders). */
  sourceDir: string
  /** Templates for new articles by layout (Hexo scaffolds, Hugo archetypes), as text. */
  scaffolds: Partial<Record<'post' | 'draft' | 'page', string>>
}

type Settings = Record<string, unknown>

const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

function validZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || zone.trim() === '') return null
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() })
    return zone.trim()
  } catch {
    return null
  }
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null)
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false)
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

/** A settings file that does not parse is treated as empty: the folder still opens. */
function parseConfig(text: string | null, format: 'yaml' | 'toml' | 'json'): Settings {
  if (text === null) return {}
  try {
    const value: unknown = format === 'yaml' ? parseYaml(text) : format === 'toml' ? parseToml(text) : JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Settings) : {}
  } catch {
    return {}
  }
}

async function hasHexoDependency(root: string): Promise<boolean> {
  const pkg = parseConfig(await readText(join(root, 'package.json')), 'json')
  const deps = { ...(pkg.dependencies as Settings | undefined), ...(pkg.devDependencies as Settings | undefined) }
  return 'hexo' in deps || typeof pkg.hexo === 'object'
}

const HUGO_CONFIGS: [string, 'toml' | 'yaml' | 'json'][] = [
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

async function readScaffold(path: string): Promise<string | undefined> {
  return (await readText(path)) ?? undefined
}

function base(root: string, kind: SiteKind): SiteSettings {
  return { kind, root, contentRoots: [''], timeZone: systemZone(), newPostName: ':title.md', postAssetFolder: false, sourceDir: '', scaffolds: {} }
}

async function hexo(root: string): Promise<SiteSettings | null> {
  const configText = await readText(join(root, '_config.yml'))
  if (configText === null || !(await hasHexoDependency(root))) return null
  const config = parseConfig(configText, 'yaml')
  const sourceDir = typeof config.source_dir === 'string' ? config.source_dir.replace(/^\.?\/+|\/+$/g, '') : 'source'
  const scaffoldDir = join(root, typeof config.scaffold_dir === 'string' ? config.scaffold_dir : 'scaffolds')
  const scaffolds: SiteSettings['scaffolds'] = {}
  for (const layout of ['post', 'draft', 'page'] as const) {
    const text = await readScaffold(join(scaffoldDir, `${layout}.md`))
    if (text !== undefined) scaffolds[layout] = text
  }
  return {
    ...base(root, 'hexo'),
    contentRoots: [sourceDir],
    timeZone: validZone(config.timezone) ?? systemZone(),
    newPostName: typeof config.new_post_name === 'string' && config.new_post_name ? config.new_post_name : ':title.md',
    postAssetFolder: config.post_asset_folder === true,
    sourceDir,
    scaffolds,
  }
}

async function jekyll(root: string): Promise<SiteSettings | null> {
  const configText = (await readText(join(root, '_config.yml'))) ?? (await readText(join(root, '_config.yaml')))
  if (configText === null) return null
  if (!(await exists(join(root, 'Gemfile'))) && !(await isDir(join(root, '_posts')))) return null
  const config = parseConfig(configText, 'yaml')
  return { ...base(root, 'jekyll'), contentRoots: ['_posts', '_drafts'], timeZone: validZone(config.timezone) ?? systemZone() }
}

async function hugo(root: string): Promise<SiteSettings | null> {
  for (const [name, format] of HUGO_CONFIGS) {
    const text = await readText(join(root, name))
    if (text === null) continue
    const config = parseConfig(text, format)
    // `config.*` is a common name; only call it Hugo when Hugo's folders are there too.
    if (name.startsWith('config.') && !(await isDir(join(root, 'content'))) && !(await isDir(join(root, 'archetypes')))) continue
    const sourceDir = typeof config.contentDir === 'string' ? config.contentDir.replace(/^\.?\/+|\/+$/g, '') : 'content'
    const scaffolds: SiteSettings['scaffolds'] = {}
    const post = (await readScaffold(join(root, 'archetypes', 'posts.md'))) ?? (await readScaffold(join(root, 'archetypes', 'default.md')))
    if (post !== undefined) scaffolds.post = scaffolds.draft = post
    const page = await readScaffold(join(root, 'archetypes', 'default.md'))
    if (page !== undefined) scaffolds.page = page
    return { ...base(root, 'hugo'), contentRoots: [sourceDir], timeZone: validZone(config.timeZone) ?? systemZone(), sourceDir, scaffolds }
  }
  return null
}

async function astro(root: string): Promise<SiteSettings | null> {
  for (const name of ASTRO_CONFIGS) {
    if (await exists(join(root, name))) return { ...base(root, 'astro'), contentRoots: ['src/content'], sourceDir: 'src/content' }
  }
  return null
}

/** Detects the site whose root is exactly this folder. */
async function detectAt(root: string): Promise<SiteSettings | null> {
  return (await hexo(root)) ?? (await hugo(root)) ?? (await astro(root)) ?? (await jekyll(root))
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
