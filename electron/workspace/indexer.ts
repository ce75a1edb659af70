/**
 * One article's bytes → its ArticleSummary: header fields by the site's conventions (which key
 * holds the date, Hexo's category hierarchy, drafts), an excerpt and CJK-aware counts.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary, ContentChange } from '../../shared/contract'
import { fieldRecord, parse } from '../../shared/frontmatter'
import { parseDateText } from '../../shared/frontmatter/dates'
import type { FieldValue } from '../../shared/frontmatter/types'
import { textStats } from '../../shared/text-stats'
import type { CachedFile, IndexCache } from './cache'
import { type FileKind, mapLimit, type PathRules, scan, type ScanEntry } from './scan'
import type { SiteSettings } from './site'

/** Bump when the summary changes shape or meaning: old caches are then ignored. */
export const INDEX_VERSION = 1

const EXCERPT_LENGTH = 140
const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'created']
const UPDATED_KEYS = ['updated', 'lastmod', 'last_modified_at', 'updatedDate', 'modified']
const EXCERPT_KEYS = ['excerpt', 'description', 'summary']
const MORE = /<!--\s*more\s*-->/i

export interface Indexed {
  summary: ArticleSummary
  /** The decoded text, for search. */
  text: string
}

export interface FileFacts {
  rel: string
  size: number
  mtimeMs: number
  kind: FileKind
}

/** Scalars as text; lists and maps have no single text. */
function scalarText(value: FieldValue | undefined): string | null {
  if (!value) return null
  switch (value.type) {
    case 'string':
      return value.value
    case 'number':
      return value.text
    case 'boolean':
      return String(value.value)
    case 'date':
      return value.text
    default:
      return null
  }
}

function first(fields: Record<string, FieldValue>, keys: readonly string[]): FieldValue | undefined {
  for (const key of keys) if (fields[key] && fields[key].type !== 'null') return fields[key]
  return undefined
}

function items(value: FieldValue | undefined): FieldValue[] {
  if (!value || value.type === 'null') return []
  return value.type === 'list' ? value.items : [value]
}

function texts(values: FieldValue[]): string[] {
  return values.map(scalarText).filter((t): t is string => t !== null && t.trim() !== '')
}

/** Jekyll accepts `tags: a b` and `categories: a b` as space-separated lists. */
function splitJekyll(site: SiteSettings, value: FieldValue | undefined): string[] {
  if (site.kind === 'jekyll' && value?.type === 'string') return value.value.split(/\s+/).filter(Boolean)
  return texts(items(value))
}

/**
 * Hexo: a flat list is ONE hierarchy (`[A, B]` is B inside A); a list holding lists is several
 * categories, each item its own path. Elsewhere every item is its own category.
 */
function categoriesOf(site: SiteSettings, value: FieldValue | undefined): string[][] {
  if (site.kind !== 'hexo') return splitJekyll(site, value).map((c) => [c])
  const list = items(value)
  if (!list.some((item) => item.type === 'list')) {
    const path = texts(list)
    return path.length ? [path] : []
  }
  return list.map((item) => texts(items(item))).filter((path) => path.length > 0)
}

function dateOf(value: FieldValue | undefined, site: SiteSettings): { text: string | null; ms: number | null } {
  if (!value) return { text: null, ms: null }
  if (value.type === 'date') return { text: value.text, ms: value.instant }
  if (value.type !== 'string') return { text: null, ms: null }
  return { text: value.value, ms: parseDateText(value.value, site.timeZone)?.instant ?? null }
}

/** Jekyll takes a post's date from its name when the header has none. */
function dateFromName(rel: string, site: SiteSettings): { text: string; ms: number | null } | null {
  if (site.kind !== 'jekyll') return null
  const m = /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(rel)
  if (!m?.[1]) return null
  return { text: m[1], ms: parseDateText(m[1], site.timeZone)?.instant ?? null }
}

/** Prose from the start of a body: tags, Hexo tags, images, link targets and Markdown marks removed. */
export function plainExcerpt(body: string): string {
  const more = body.search(MORE)
  const head = (more === -1 ? body : body.slice(0, more)).slice(0, 4000)
  const prose = head
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*(?:import|export)\s.*$/gm, ' ') // MDX
    .replace(/[`*_~]+/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (prose.length <= EXCERPT_LENGTH) return prose
  const cut = [...prose.slice(0, EXCERPT_LENGTH + 1)].slice(0, EXCERPT_LENGTH).join('')
  return cut.trimEnd() + '…'
}

/** Drops a leading BOM; invalid bytes become U+FFFD (the index only displays). */
const textDecoder = new TextDecoder('utf-8')

/** Null when the file is not an article (a .txt or .html without a header). */
export function summarize(facts: FileFacts, bytes: Uint8Array, site: SiteSettings, rules: PathRules): Indexed | null {
  const text = textDecoder.decode(bytes)
  const parsed = parse(text, { hexo: site.kind === 'hexo', timeZone: site.timeZone })
  const format = parsed.detection.format
  if (format === 'none' && facts.kind === 'needs-header' && parsed.ok) return null
  const fields = fieldRecord(parsed)
  const body = text.slice(parsed.detection.bodyStart)
  const headerDate = dateOf(first(fields, DATE_KEYS), site)
  const date = headerDate.text === null ? (dateFromName(facts.rel, site) ?? headerDate) : headerDate
  const updated = dateOf(first(fields, UPDATED_KEYS), site)
  const published = fields.published
  const draft =
    rules.inDrafts(facts.rel) ||
    (published?.type === 'boolean' && !published.value) ||
    (fields.draft?.type === 'boolean' && fields.draft.value)
  const stats = textStats(body)
  const described = scalarText(first(fields, EXCERPT_KEYS))
  return {
    text,
    summary: {
      path: facts.rel,
      format,
      title: scalarText(fields.title),
      date: date.text,
      dateMs: date.ms,
      updated: updated.text,
      tags: splitJekyll(site, fields.tags ?? fields.tag),
      categories: categoriesOf(site, fields.categories ?? fields.category),
      draft,
      excerpt: described ? plainExcerpt(described) : plainExcerpt(body),
      words: stats.words,
      readingMinutes: stats.readingMinutes,
      size: facts.size,
      mtimeMs: facts.mtimeMs,
      error: parsed.errors[0] ?? null,
    },
  }
}

const PERSIST_DELAY_MS = 2000

/** Reads in flight at once: enough to keep the disk busy while parsing runs. */
const READ_CONCURRENCY = 16

/**
 * The folder's articles in memory, kept in step with the disk: built once on open (from the
 * cache where files are unchanged), refreshed per path by the watcher and by our own writes.
 */
export class ArticleIndex {
  private files = new Map<string, CachedFile>()
  private texts = new Map<string, string>()
  private loadingTexts: Promise<void> | null = null
  private persistTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly site: SiteSettings,
    private readonly rules: PathRules,
    private readonly cache: IndexCache | null,
  ) {}

  async build(): Promise<void> {
    const [found, cached] = await Promise.all([scan(this.site, this.rules), this.cache?.load() ?? new Map<string, CachedFile>()])
    const stale: ScanEntry[] = []
    for (const entry of found) {
      const hit = cached.get(entry.rel)
      if (hit && hit.size === entry.size && hit.mtimeMs === entry.mtimeMs) this.files.set(entry.rel, hit)
      else stale.push(entry)
    }
    await mapLimit(stale, READ_CONCURRENCY, (entry) => this.load(entry))
    if (stale.length > 0 || cached.size !== this.files.size) await this.persist()
  }

  list(): ArticleSummary[] {
    const out: ArticleSummary[] = []
    for (const f of this.files.values()) if (f.summary) out.push(f.summary)
    return out.sort((a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || a.path.localeCompare(b.path))
  }

  get(rel: string): ArticleSummary | null {
    return this.files.get(rel)?.summary ?? null
  }

  /** Re-reads the given paths (files, or folders meaning everything indexed under them). */
  async refresh(paths: Iterable<string>): Promise<ContentChange> {
    const change: ContentChange = { added: [], changed: [], removed: [] }
    const targets = new Set<string>()
    for (const path of paths) {
      targets.add(path)
      for (const rel of this.files.keys()) if (rel.startsWith(path + '/')) targets.add(rel)
    }
    await mapLimit([...targets], READ_CONCURRENCY, async (rel) => {
      const kind = this.rules.file(rel)
      const before = this.files.get(rel)
      const s = kind ? await stat(join(this.site.root, rel)).catch(() => null) : null
      if (!kind || !s?.isFile()) {
        if (before) this.forget(rel)
        if (before?.summary) change.removed.push(rel)
        return
      }
      if (before && before.size === s.size && before.mtimeMs === s.mtimeMs) return
      const after = await this.load({ rel, abs: join(this.site.root, rel), size: s.size, mtimeMs: s.mtimeMs, kind })
      if (before?.summary && after) change.changed.push(rel)
      else if (after) change.added.push(rel)
      else if (before?.summary) change.removed.push(rel)
    })
    if (change.added.length + change.changed.length + change.removed.length > 0) this.schedulePersist()
    return change
  }

  forget(rel: string): void {
    this.files.delete(rel)
    this.texts.delete(rel)
  }

  /** Every article's text, reading the ones a cached open skipped. */
  async allTexts(): Promise<ReadonlyMap<string, string>> {
    this.loadingTexts ??= mapLimit([...this.files.keys()], READ_CONCURRENCY, async (rel) => {
      if (this.texts.has(rel) || !this.files.get(rel)?.summary) return
      const bytes = await readFile(join(this.site.root, rel)).catch(() => null)
      if (bytes) this.texts.set(rel, textDecoder.decode(bytes))
    }).then(() => undefined)
    await this.loadingTexts
    this.loadingTexts = null
    return this.texts
  }

  /** Writes the cache now (on open and close); a cache that cannot be written only costs speed. */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    await this.cache?.save(this.files).catch(() => undefined)
  }

  /** Saves and outside changes come in runs: write the cache once the run is over. */
  private schedulePersist(): void {
    if (!this.cache) return
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_DELAY_MS)
    this.persistTimer.unref()
  }

  /** Reads and summarises one file; vanished files are dropped. */
  private async load(entry: ScanEntry): Promise<ArticleSummary | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(entry.abs)
    } catch {
      this.forget(entry.rel)
      return null
    }
    const indexed = summarize(entry, bytes, this.site, this.rules)
    this.files.set(entry.rel, { size: entry.size, mtimeMs: entry.mtimeMs, summary: indexed?.summary ?? null })
    if (indexed) this.texts.set(entry.rel, indexed.text)
    else this.texts.delete(entry.rel)
    return indexed?.summary ?? null
  }
}
