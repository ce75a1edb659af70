/**
 * The `folio` command: index, check and edit front matter from a terminal. Plain Node over
 * electron/workspace and shared/frontmatter, so it edits exactly as the app does: minimal text
 * patches, written atomically, bytes of untouched files and lines left alone.
 */
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { ArticleSummary, EncodingProblem } from '../shared/contract'
import { version } from '../package.json'
import { FolioError } from '../shared/errors'
import { applyPatches, removeKey, setValue } from '../shared/frontmatter'
import { requiredKeys, summaryChecks, type FieldCheck } from '../shared/frontmatter/checks'
import type { EditOptions, EditValue, HeaderError } from '../shared/frontmatter/types'
import { collectionOf } from '../shared/schema'
import { createArticleStore } from './workspace/article-store'
import { createGuard } from './workspace/guard'
import { readRegularFile } from './workspace/open-inside'
import { detectSite } from './workspace/site'
import { openFromCommandLine } from './workspace/open-from-cli'
import { checkLinks } from './links/check'
import { INDEX_CACHE_FOLDER, userDataFolder } from './system/app-data'
import { parseCommandArgs, UsageError, type CliIo } from './cli-command'

const USAGE = `Usage:
  folio index DIR [--json]           list every article under DIR (one JSON array with --json)
  folio check DIR [--json]           print path:line: message for each header that does not parse (exit 1),
                                     then field checks as warning:/note: lines (they never fail the check)
  folio check DIR --links [--json]   broken images and internal links (path:line:column: message, exit 1)
                                     index and check reuse the app's index cache for files unchanged since
                                     (same size and modification time); --no-cache reads every file
  folio set FILE... KEY=VALUE        set KEY to the string VALUE in each file's header
  folio set FILE... --json KEY=JSON  set KEY to a typed JSON value (number, boolean, list, …)
  folio unset FILE... KEY            remove KEY from each file's header
  folio export PATH... --format html|md|site --out DIR [--inline-images] [--drafts]
                                     export articles as pages, Markdown bundles or a static site
  folio taxonomy DIR [--json]        every value of tags, categories and other list keys, with counts
  folio rename-value DIR KEY OLD NEW [--dry-run]
                                     rename a value of KEY in every article (Hexo categories: A › B);
                                     --dry-run prints each file's changed lines and writes nothing
  folio mv OLD NEW [--dry-run] [--json]
                                     rename or move an article (a Hexo post with its asset folder) or
                                     an image and rewrite every reference to it; --dry-run prints the
                                     changed lines and writes nothing
  folio status DIR [--json]          the articles changed since the last git commit, with their titles
                                     (new, untracked, modified, staged, deleted or conflicted)
  folio --version                    print Folio's version
Edits touch only the edited lines and are written atomically; a file whose header does not
parse, or that is not UTF-8, is left as it is and reported on stderr (exit status 1).`

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  cwd: process.cwd(),
}

/** Runs one command; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      case 'index':
        return await indexCommand(args, io)
      case 'check':
        return await checkCommand(args, io)
      case 'set':
        return await setCommand(args, io)
      case 'unset':
        return await unsetCommand(args, io)
      case 'export':
        // Loaded on demand: the exporter's DOM (jsdom) would slow every other command's start.
        return await (await import('./export/cli-export')).runExport(args, io)
      case 'taxonomy':
      case 'rename-value': {
        // Loaded on demand, like export: most commands never need it.
        const taxonomy = await import('./taxonomy/cli-taxonomy')
        return await (command === 'taxonomy' ? taxonomy.taxonomyCommand(args, io) : taxonomy.renameValueCommand(args, io))
      }
      case 'mv':
        // Loaded on demand, like taxonomy.
        return await (await import('./links/cli-mv')).mvCommand(args, io)
      case 'status':
        // Loaded on demand: only this command runs git.
        return await (await import('./git/cli-status')).statusCommand(args, io)
      case '--version':
      case '-v':
        io.out(version)
        return 0
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return command === undefined ? 2 : 0
      default:
        io.err(`folio: unknown command "${command}"`)
        io.err(USAGE)
        return 2
    }
  } catch (error) {
    io.err(`folio: ${error instanceof Error ? error.message : String(error)}`)
    return error instanceof UsageError ? 2 : 1
  }
}

// ---------------------------------------------------------------- index / check

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

/**
 * Every article under DIR in path order, made one at a time as they are read out: 100,000 posts
 * never sit in memory twice (summaries and rows).
 */
async function* indexEntries(dirArg: string, io: CliIo, cache: boolean): AsyncGenerator<IndexEntry> {
  // The app's own index cache: summaries of unchanged files (same path, size and mtime) are reused, never kept in the site.
  const { workspace, dir } = await openFromCommandLine(dirArg, io.cwd, { cacheDir: cache ? join(userDataFolder(), INDEX_CACHE_FOLDER) : undefined })
  try {
    // What the index left out (links it does not follow, folders it may not read, files gone meanwhile), and why.
    for (const w of workspace.info.warnings ?? []) if (w.skipped) io.err(`folio: warning: ${w.message}`)
    const { kind, contentRoots } = workspace.info
    const schema = await workspace.schema()
    const required = new Map(schema.collections.map((c) => [c.name, requiredKeys(c)]))
    const now = Date.now()
    const rows: { path: string; a: ArticleSummary }[] = []
    for (const a of await workspace.list()) {
      const abs = join(workspace.info.root, ...a.path.split('/'))
      // The workspace may have opened the site around DIR: keep what lies under DIR.
      const rel = relative(dir, abs)
      if (rel.startsWith('..') || isAbsolute(rel)) continue
      rows.push({ path: rel.split(sep).join('/'), a })
    }
    rows.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
    for (const { path, a } of rows) {
      yield {
        path,
        format: a.format,
        title: a.title,
        date: a.date,
        tags: a.tags,
        categories: a.categories,
        draft: a.draft,
        words: a.words,
        error: a.error ? errorEntry(a.error) : encodingError(a.encoding),
        checks: summaryChecks(a, { now, required: required.get(collectionOf(kind, contentRoots, a.path)) }).map((c) => ({
          code: c.code,
          key: c.key,
          severity: c.severity,
          line: c.line,
          message: c.message,
        })),
      }
    }
  } finally {
    await workspace.close()
  }
}

/** Entries per write of `index --json`: few writes, and no single string of the whole folder. */
const JSON_CHUNK = 256

function errorEntry(e: HeaderError): IndexEntry['error'] {
  return { code: e.code, message: e.message, line: e.line, column: e.column }
}

/** The index decodes leniently for display and notes what the bytes lack; the command reports it as the file's error. */
function encodingError(problem: EncodingProblem | undefined): IndexEntry['error'] {
  if (!problem) return null
  // CR-only lines are already a header error of the index.
  if (problem.code === 'utf-16') return { code: 'utf-16', message: 'The file is encoded as UTF-16; convert it to UTF-8 to edit it', line: 1 }
  return { code: 'invalid-utf8', message: 'The file is not valid UTF-8', line: problem.line }
}

async function indexCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio index DIR [--json] [--no-cache]',
    options: { json: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dir = ''] = positionals
  const json = values.json
  if (json) {
    // The bytes JSON.stringify(entries, null, 2) gives, written a chunk of entries at a time: a
    // chunk's own array without its brackets is its entries, indented and joined as in the whole.
    const inside = (entries: IndexEntry[]): string => JSON.stringify(entries, null, 2).slice(2, -2)
    let chunk: IndexEntry[] = []
    let any = false
    for await (const e of indexEntries(dir, io, !values['no-cache'])) {
      if (chunk.length === JSON_CHUNK) {
        io.out((any ? '' : '[\n') + inside(chunk) + ',')
        any = true
        chunk = []
      }
      chunk.push(e)
    }
    if (!any && chunk.length === 0) io.out('[]')
    else io.out((any ? '' : '[\n') + inside(chunk) + '\n]')
    return 0
  }
  for await (const e of indexEntries(dir, io, !values['no-cache'])) {
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

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio check DIR [--links] [--json] [--no-cache]',
    options: { json: { type: 'boolean', default: false }, links: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dir = ''] = positionals
  const json = values.json
  if (values.links) return linksCommand(dir, json, io)
  let bad = 0
  const rows: CheckRow[] = []
  for await (const e of indexEntries(dir, io, !values['no-cache'])) {
    if (e.error) {
      bad++
      rows.push({ path: e.path, line: e.error.line, column: e.error.column ?? null, severity: 'error', rule: e.error.code, message: e.error.message })
    }
    for (const c of e.checks) {
      // The parse error above already names the first duplicate key.
      if (e.error && c.code === 'duplicate-key' && c.line === e.error.line) continue
      rows.push({ path: e.path, line: c.line, column: null, severity: c.severity, rule: c.code, message: c.message })
    }
  }
  if (json) io.out(JSON.stringify(rows, null, 2))
  else {
    for (const r of rows) {
      if (r.severity === 'error') io.out(`${r.path}:${r.line ?? ''}: ${r.message}`)
      else io.out(`${r.path}:${r.line === null ? '' : `${r.line}:`} ${r.severity === 'info' ? 'note' : 'warning'}: ${r.message}`)
    }
  }
  return bad > 0 ? 1 : 0
}

/** `check --links`: broken images and internal links, path:line:column: message; exit 1 if any. */
async function linksCommand(dirArg: string, json: boolean, io: CliIo): Promise<number> {
  const { workspace, dir } = await openFromCommandLine(dirArg, io.cwd)
  try {
    const rows = (await checkLinks(workspace))
      .map((p) => ({
        ...p,
        path: relative(dir, join(workspace.info.root, ...p.path.split('/')))
          .split(sep)
          .join('/'),
      }))
      .filter((p) => !p.path.startsWith('..'))
    if (json)
      io.out(
        JSON.stringify(
          rows.map((r) => ({ ...r, severity: 'error' })),
          null,
          2,
        ),
      )
    else for (const r of rows) io.out(`${r.path}:${r.line}:${r.column}: ${r.message}`)
    return rows.length ? 1 : 0
  } finally {
    await workspace.close()
  }
}

// ---------------------------------------------------------------- set / unset

type Edit = { key: string; value: EditValue } | { key: string; remove: true }

const SET_USAGE = 'usage: folio set FILE... KEY=VALUE | --json KEY=JSON'

async function setCommand(args: string[], io: CliIo): Promise<number> {
  const { tokens } = parseCommandArgs(args, {
    usage: SET_USAGE,
    options: { json: { type: 'string', multiple: true } },
    positionals: { min: 1 },
  })
  const files: string[] = []
  const edits: Edit[] = []
  // In command-line order: a key set twice takes the last value, whichever form it was given in.
  for (const token of tokens) {
    if (token.kind === 'option') {
      const arg = token.value ?? ''
      const eq = arg.indexOf('=')
      if (eq <= 0) throw new UsageError(`--json needs KEY=JSON\n${SET_USAGE}`)
      let value: unknown
      try {
        value = JSON.parse(arg.slice(eq + 1))
      } catch {
        throw new UsageError(`--json ${arg}: the value is not valid JSON`)
      }
      edits.push({ key: arg.slice(0, eq), value: value as EditValue })
    } else if (token.kind === 'positional') {
      const arg = token.value
      if (/^[^=/\\]+=/.test(arg) && !(await isFile(resolve(io.cwd, arg)))) {
        const eq = arg.indexOf('=')
        edits.push({ key: arg.slice(0, eq), value: arg.slice(eq + 1) })
      } else files.push(arg)
    }
  }
  if (files.length === 0 || edits.length === 0) throw new UsageError(SET_USAGE)
  return editFiles(files, edits, io)
}

async function unsetCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, { usage: 'usage: folio unset FILE... KEY', options: {}, positionals: { min: 2 }, dashedPositionals: true })
  const files = positionals.slice(0, -1)
  const key = positionals[positionals.length - 1] ?? ''
  return editFiles(files, [{ key, remove: true }], io)
}

function isFile(path: string): Promise<boolean> {
  return readRegularFile(path).then(
    () => true,
    () => false,
  )
}

/** Edits each file on its own: one file's failure leaves it untouched and the others still edited. */
async function editFiles(files: string[], edits: Edit[], io: CliIo): Promise<number> {
  let failed = 0
  for (const file of files) {
    try {
      if (await editFile(resolve(io.cwd, file), edits, io)) io.out(`updated ${file}`)
    } catch (error) {
      failed++
      io.err(`folio: ${file}: ${editFailure(error).replace(/\s*\n\s*/g, ' ')}`)
    }
  }
  return failed > 0 ? 1 : 0
}

function editFailure(error: unknown): string {
  if (!(error instanceof FolioError)) return error instanceof Error ? error.message : String(error)
  if (error.code === 'CONFLICT') return 'changed on disk by another program while folio was editing it; left as that program wrote it. Run the command again.'
  if (error.code === 'READ_ONLY') return `${error.message} Left unchanged.`
  return error.message
}

const siteOptions = new Map<string, Promise<EditOptions>>()

/** Hexo's fenceless headers only count inside a Hexo site; dates follow the site's zone. */
function optionsFor(abs: string): Promise<EditOptions> {
  const dir = dirname(abs)
  let options = siteOptions.get(dir)
  if (!options) {
    options = detectSite(dir).then((site) => ({ site: site.kind, timeZone: site.timeZone }))
    siteOptions.set(dir, options)
  }
  return options
}

/**
 * Applies the edits to the text as read and writes through the one write path, which writes
 * only while the file still holds the bytes the edits were made from: a file another program
 * changes meanwhile is left as that program wrote it, and reported.
 */
async function editFile(path: string, edits: Edit[], io: CliIo): Promise<boolean> {
  const abs = await realpath(path).catch(() => {
    throw new FolioError({ code: 'NOT_FOUND', message: 'no such file' })
  })
  const opts = await optionsFor(abs)
  // The caller names the file before the reason, so the store's messages say "the file".
  const store = createArticleStore(await createGuard(dirname(abs)), { name: () => 'the file', beforeWrite: io.beforeWrite })
  const result = await store.edit(basename(abs), (text) => {
    for (const edit of edits) {
      const patches = 'remove' in edit ? removeKey(text, edit.key, opts) : setValue(text, edit.key, edit.value, opts)
      text = applyPatches(text, patches)
    }
    return text
  })
  return result.changed
}
