/**
 * `folio index` and `folio check` when the listing cache cannot answer: the folder's index (the
 * app's cache has the summaries of unchanged files), its schema and every article's checks, made
 * into entries as they are written out; the listing cache is written after the output.
 * Loaded only then, with the code that reads articles.
 */
import type { ArticleSummary, EncodingProblem } from '../shared/contract'
import { requiredKeys, summaryChecks } from '../shared/frontmatter/checks'
import type { HeaderError } from '../shared/frontmatter/types'
import { collectionOf } from '../shared/schema'
import type { CliIo } from './cli-command'
import type { IndexEntry } from './cli-index'
import { lineUnder, Listed, schemaStamp, type ListingHead } from './cli-listing'
import { stampTrusted } from './workspace/cache-key'
import { saveListing } from './cli-listing-save'
import { openIndexFromCommandLine } from './workspace/open-from-cli'
import type { SiteSettings } from './workspace/site'

/** Every article of the site under `dir`, in path order; `cacheDir` for the caches (none with --no-cache). */
export async function* indexedEntries(site: SiteSettings, dir: string, cacheDir: string | undefined, now: number, io: CliIo): AsyncGenerator<Listed> {
  const folder = await openIndexFromCommandLine(site, { cacheDir })
  const { index, info } = folder
  try {
    for (const w of info.warnings ?? []) if (w.skipped) io.err(`folio: warning: ${w.message}`)
    const { kind, contentRoots } = info
    // Stamped before the schema is read: a schema file changed meanwhile makes the listing stale, never wrong.
    const readAt = Date.now()
    const stamp = cacheDir ? schemaStamp(site.root) : null
    // A stamp within its mtime's tick stands for no contents: kept without its mtime, the next run works the checks out again.
    const schemaFile: ListingHead['schema'] = stamp && !stampTrusted(stamp[1], readAt) ? [stamp[0], null] : stamp
    // Only which keys each collection requires matters to the checks: the schema of keys alone.
    const schema = index.keySchema(folder.schemaFile())
    const required = new Map(schema.collections.map((c) => [c.name, requiredKeys(c)]))
    const articles = index.list().sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
    const lines: string[] = []
    let validUntil: number | null = null
    for (const a of articles) {
      if (a.dateMs !== null && a.dateMs > now && (validUntil === null || a.dateMs < validUntil)) validUntil = a.dateMs
      const entry: IndexEntry = {
        path: a.path,
        format: a.format,
        title: a.title,
        date: a.date,
        tags: a.tags,
        categories: a.categories,
        draft: a.draft,
        words: a.words,
        error: articleError(a),
        checks: summaryChecks(a, { now, required: required.get(collectionOf(kind, contentRoots, a.path)) }).map((c) => ({
          code: c.code,
          key: c.key,
          severity: c.severity,
          line: c.line,
          message: c.message,
        })),
      }
      const json = JSON.stringify(entry)
      lines.push(json)
      const line = lineUnder(json, site.root, dir)
      if (line !== null) yield new Listed(line, line === json ? entry : undefined)
    }
    // After the output: the listing for the next run (a listing that cannot be written only costs speed).
    if (cacheDir) await saveListing(cacheDir, site, { files: index.stamps(), schema: schemaFile, madeAt: now, validUntil, lines }).catch(() => undefined)
  } finally {
    await index.close()
  }
}

/** Why an article's header could not be read (it does not parse, or its bytes are not UTF-8), or null. */
export function articleError(a: Pick<ArticleSummary, 'error' | 'encoding'>): IndexEntry['error'] {
  return a.error ? errorEntry(a.error) : encodingError(a.encoding)
}

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
