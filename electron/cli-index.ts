/**
 * `folio index` and `folio check`: every article under a folder, read through the app's own index
 * (and its cache), as lines or JSON. Loaded alone by cli.ts, so a big folder's listing starts
 * without the editing, rendering and export code.
 */
import { join, relative, sep } from 'node:path'
import type { LinkLeads } from '../shared/assets/check'
import type { ArticleSummary } from '../shared/contract'
import type { FieldCheck } from '../shared/frontmatter/checks'
import { commandLineFolder, openIndexFromCommandLine } from './workspace/open-from-cli'
import { detectFolder } from './workspace/folder-site'
import { entryLines, freshListing, lineUnder, Listed, type FreshListing } from './cli-listing'
import { INDEX_CACHE_FOLDER, userDataFolder } from './system/app-data'
import { parseCommandArgs, writeJsonBytes, writeJsonList, type CliIo } from './cli-command'
import type { SiteSettings } from './workspace/site'

/** The JSON shape of `folio index --json`, one object per article. */
export interface IndexEntry {
  path: string
  format: ArticleSummary['format']
  title: string | null
  date: string | null
  tags: string[]
  /** Each category as its hierarchy path (Hexo `[A, B]` is one path A › B). */
  categories: string[][]
  draft: boolean
  words: number
  error: null | { code: string; message: string; line: number; column?: number }
  /** Field checks: advice, never an error (see shared/frontmatter/checks.ts). */
  checks: CheckEntry[]
}

export interface CheckEntry {
  code: FieldCheck['code']
  key: string
  severity: FieldCheck['severity']
  /** Null for a missing key. */
  line: number | null
  message: string
}

/** What `folio index` and `folio check` list: a folder, its site, and the stored listing when it is still true. */
interface Listing {
  dir: string
  site: SiteSettings
  /** The app's index cache folder; undefined with --no-cache. */
  cacheDir: string | undefined
  now: number
  fresh: FreshListing | null
}

async function listing(dirArg: string, io: CliIo, cache: boolean): Promise<Listing> {
  const dir = await commandLineFolder(dirArg, io.cwd)
  const site = await detectFolder(dir)
  // The app's own index cache: summaries of unchanged files (same path, size and mtime) are reused, never kept in the site.
  const cacheDir = cache ? join(userDataFolder(), INDEX_CACHE_FOLDER) : undefined
  const now = Date.now()
  // Eleventy's tags also come from data files the listing does not watch: always indexed.
  const fresh = cacheDir && site.kind !== 'eleventy' ? freshListing(cacheDir, site, now) : null
  if (fresh) for (const w of [...site.warnings, ...fresh.warnings]) if (w.skipped) io.err(`folio: warning: ${w.message}`)
  return { dir, site, cacheDir, now, fresh }
}

/**
 * Every article under DIR in path order, made one at a time as they are written out. With the
 * cache, an unchanged folder's entries come from the listing cache (cli-listing.ts) as they were
 * written last time; else the index reads what changed (the app's cache has the rest) and the
 * listing is written again after the output. What the index left out (links it does not follow,
 * folders it may not read, files gone meanwhile) is named on stderr either way.
 */
async function* entriesOf({ dir, site, cacheDir, now, fresh }: Listing, io: CliIo): AsyncGenerator<Listed> {
  if (fresh) {
    for (const json of entryLines(fresh.entries)) {
      const line = lineUnder(json, site.root, dir)
      if (line !== null) yield new Listed(line)
    }
    return
  }
  // Loaded on demand: only a folder that changed since the listing needs the code that reads articles.
  yield* (await import('./cli-index-build')).indexedEntries(site, dir, cacheDir, now, io)
}

export async function indexCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio index DIR [--json] [--no-cache]',
    options: { json: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dir = ''] = positionals
  const listed = await listing(dir, io, !values['no-cache'])
  if (values.json) {
    // The whole site, compact: the stored entries are the array's inside, byte for byte.
    if (listed.fresh && listed.site.root === listed.dir && !io.tty) writeJsonBytes(io, listed.fresh.entries)
    else await writeJsonList(io, entriesOf(listed, io), { json: (l) => l.json, value: (l) => l.entry })
    return 0
  }
  for await (const { entry: e } of entriesOf(listed, io)) {
    const status = e.error ? `ERROR line ${e.error.line}: ${e.error.message}` : e.draft ? 'draft' : ''
    io.out([e.path, e.format, e.date ?? '-', e.title ?? '(untitled)', status].filter((s) => s !== '').join('\t'))
  }
  return 0
}

/**
 * Headers that do not parse are errors (exit 1); field checks are printed after them as
 * `warning:` (something to fix) or `note:` (scheduled), and never change the exit code: a
 * folder with a long title still builds.
 */
/** One finding of `folio check --json`: a header error or a field check, in file order. */
export interface CheckRow {
  path: string
  /** 1-based; null when the finding has no line (a key that is missing). */
  line: number | null
  column: number | null
  severity: 'error' | 'warning' | 'info'
  /** What was checked: a header error code (`syntax`, `not-read`, …) or a field check code. */
  rule: string
  message: string
}

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio check DIR [--links] [--json] [--no-cache]',
    options: { json: { type: 'boolean', default: false }, links: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dir = ''] = positionals
  const json = values.json
  if (values.links) return linksCommand(dir, json, !values['no-cache'], io)
  let bad = 0
  async function* findings(): AsyncGenerator<CheckRow> {
    for await (const { entry: e } of entriesOf(await listing(dir, io, !values['no-cache']), io)) {
      if (e.error) {
        bad++
        yield { path: e.path, line: e.error.line, column: e.error.column ?? null, severity: 'error', rule: e.error.code, message: e.error.message }
      }
      for (const c of e.checks) {
        // The parse error above already names the first duplicate key.
        if (e.error && c.code === 'duplicate-key' && c.line === e.error.line) continue
        yield { path: e.path, line: c.line, column: null, severity: c.severity, rule: c.code, message: c.message }
      }
    }
  }
  if (json) await writeJsonList(io, findings())
  else {
    for await (const r of findings()) {
      if (r.severity === 'error') io.out(`${r.path}:${r.line ?? ''}: ${r.message}`)
      else io.out(`${r.path}:${r.line === null ? '' : `${r.line}:`} ${r.severity === 'info' ? 'note' : 'warning'}: ${r.message}`)
    }
  }
  return bad > 0 ? 1 : 0
}

/**
 * `check --links`: broken images and internal links, path:line:column: message; exit 1 if any.
 * What the index could not read is said as plain `check` says it: folders and files it left out
 * on stderr, headers that do not parse and bytes that are not UTF-8 as `path:line: message` rows
 * (exit 1), since their header links could not be checked.
 */
async function linksCommand(dirArg: string, json: boolean, cache: boolean, io: CliIo): Promise<number> {
  const dir = await commandLineFolder(dirArg, io.cwd)
  const site = await detectFolder(dir)
  // Loaded on demand: the link checker reads bodies with the Markdown parser, which nothing else here needs.
  const [{ checkFolderLinks }, { articleError }] = await Promise.all([import('./links/check'), import('./cli-index-build')])
  // Each article's link leads, taken while the index reads it: no file is read twice (those the cache answers for are read by the check).
  const leads = new Map<string, LinkLeads>()
  const cacheDir = cache ? join(userDataFolder(), INDEX_CACHE_FOLDER) : undefined
  const { index, info } = await openIndexFromCommandLine(site, {
    cacheDir,
    textFacts: { name: 'links', found: (rel, facts) => leads.set(rel, facts as LinkLeads) },
  })
  try {
    for (const w of info.warnings ?? []) if (w.skipped) io.err(`folio: warning: ${w.message}`)
    const articles = index.list()
    const unread: LinksRow[] = articles.flatMap((a) => {
      const e = articleError(a)
      return e ? [{ path: a.path, line: e.line, column: e.column ?? null, severity: 'error', rule: e.code, message: e.message }] : []
    })
    const broken: LinksRow[] = (await checkFolderLinks(info, articles, leads)).map((p) => ({ ...p, severity: 'error' }))
    const rows = [...unread, ...broken]
      .map((r) => ({
        ...r,
        path: relative(dir, join(info.root, ...r.path.split('/')))
          .split(sep)
          .join('/'),
      }))
      .filter((r) => !r.path.startsWith('..'))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0)))
    if (json) await writeJsonList(io, rows)
    // A header error as plain check prints it; a link with its column.
    else for (const r of rows) io.out(r.target === undefined ? `${r.path}:${r.line}: ${r.message}` : `${r.path}:${r.line}:${r.column}: ${r.message}`)
    return rows.length ? 1 : 0
  } finally {
    await index.close()
  }
}

/** A row of `check --links --json`: a broken reference (with its target), or an article whose header or bytes could not be read. */
type LinksRow = Omit<CheckRow, 'line'> & { line: number; target?: string }
