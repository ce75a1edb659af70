/**
 * One article read for export: its bytes, body and the header facts a page shows, read by the same
 * rules as the library (workspace/indexer), so an export never disagrees with the article list.
 */
import { join } from 'node:path'
import { fieldRecord, parse } from '../../shared/frontmatter'
import type { FieldValue } from '../../shared/frontmatter/types'
import { FolioError, headerParams, said } from '../../shared/errors'
import { summarize } from '../workspace/indexer'
import { readRegularFile } from '../workspace/open-inside'
import type { PathRules } from '../workspace/scan'
import type { SiteSettings } from '../workspace/site'

export interface ExportArticle {
  /** POSIX path relative to the site root. */
  rel: string
  /** The file's bytes, untouched (the Markdown bundle keeps the header byte for byte). */
  bytes: Uint8Array
  /** The decoded text without BOM; `bodyStart` indexes into it. */
  text: string
  bodyStart: number
  title: string
  /** The date as the author wrote it (shown on pages). */
  date: string | null
  /** The same date as an instant in the site's zone (sorting, feeds). */
  dateMs: number | null
  updatedMs: number | null
  author: string | null
  /** Plain text: the header's description/excerpt or the start of the body. */
  excerpt: string
  tags: string[]
  categories: string[][]
  draft: boolean
  /** A cover image URL from the header (for og:image); only absolute http(s) URLs qualify. */
  image: string | null
  /** The header's fields: Hugo's `{{< param >}}` reads the page's own first. */
  fields: Record<string, FieldValue>
}

/** Keys themes use for a post's cover picture, most specific first. */
const IMAGE_KEYS = ['cover', 'image', 'banner', 'thumbnail', 'headimg', 'og_image']

function fileTitle(rel: string): string {
  const name = rel.slice(rel.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

function imageOf(fields: Record<string, FieldValue>): string | null {
  for (const key of IMAGE_KEYS) {
    const value = fields[key]
    if (value?.type === 'string' && /^https?:\/\/\S+$/i.test(value.value.trim())) return value.value.trim()
  }
  return null
}

function authorOf(fields: Record<string, FieldValue>): string | null {
  const author = fields.author
  if (author?.type === 'string' && author.value.trim() !== '') return author.value.trim()
  if (author?.type === 'map') {
    const name = author.entries.find((e) => e.key === 'name')?.value
    if (name?.type === 'string') return name.value
  }
  return null
}

/**
 * Reads and interprets one article. A header that does not parse is refused with HEADER_PARSE
 * (naming the file and line): exporting it would publish the broken header as body text.
 * With `needsHeader` (an .html or .txt found in a folder), a file without a header is not an
 * article: null.
 */
export async function loadArticle(site: SiteSettings, rules: PathRules, rel: string, needsHeader = false): Promise<ExportArticle | null> {
  const abs = join(site.root, rel)
  let bytes: Uint8Array
  let facts: { size: number; mtimeMs: number }
  try {
    ;({ bytes, stats: facts } = await readRegularFile(abs))
  } catch (error) {
    throw new FolioError({
      code: 'NOT_FOUND',
      path: rel,
      ...said('export-unreadable', { path: rel, detail: (error as Error).message, errno: (error as NodeJS.ErrnoException).code ?? '' }),
    })
  }
  const indexed = summarize({ rel, size: facts.size, mtimeMs: facts.mtimeMs, kind: needsHeader ? 'needs-header' : 'article' }, bytes, site, rules)
  if (!indexed) return null
  const { summary, text } = indexed
  if (summary.error) {
    throw new FolioError({
      code: 'HEADER_PARSE',
      path: rel,
      line: summary.error.line,
      message: `The front matter of "${rel}" does not parse (line ${summary.error.line}: ${summary.error.message}). Fix the header, then export again.`,
      reason: 'export-header',
      params: headerParams(rel, summary.error),
    })
  }
  const parsed = parse(text, { site: site.kind, timeZone: site.timeZone })
  const fields = fieldRecord(parsed)
  return {
    rel,
    bytes,
    text,
    bodyStart: parsed.detection.bodyStart,
    title: summary.title?.trim() || fileTitle(rel),
    date: summary.date,
    dateMs: summary.dateMs,
    updatedMs: summary.updatedMs,
    author: authorOf(fields),
    image: imageOf(fields),
    excerpt: summary.excerpt,
    tags: summary.tags,
    categories: summary.categories,
    draft: summary.draft,
    fields,
  }
}

export function bodyOf(article: ExportArticle): string {
  return article.text.slice(article.bodyStart)
}
