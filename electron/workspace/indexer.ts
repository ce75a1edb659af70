/**
 * The article index. summarize(): one article's bytes → its ArticleSummary, with header fields
 * read by the site's conventions (which key holds the date, Hexo's category hierarchy, drafts),
 * an excerpt and CJK-aware counts. ArticleIndex: every article of the folder, kept in step with
 * the disk and the cache. `folio index`, export and the app all list articles through this.
 */
import { Buffer } from 'node:buffer'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { ArticleSummary, ContentChange, FolderWarning } from '../../shared/contract'
import { fieldRecord, parse, scalarText } from '../../shared/frontmatter'
import { checkFields, subjectOfParsed } from '../../shared/frontmatter/checks'
import { DATE_KEYS, parseDateText } from '../../shared/frontmatter/dates'
import type { FieldValue, ParsedFrontMatter } from '../../shared/frontmatter/types'
import { buildFolderSchema, observeHeader, type FolderSchema, type ObservedField, type SchemaPins } from '../../shared/schema'
import { readTaxonomy, siteRules } from '../../shared/sites'
import { textStats, utf8TextStats } from '../../shared/text-stats'
import type { CachedFile, CachedSchema, IndexCache } from './cache'
import { stampTrusted, trustedFrom } from './cache-key'
import {
  findFiles,
  type FileKind,
  type FolderListing,
  type FoundFile,
  type Listings,
  type PathRules,
  scan,
  type ScanEntry,
  Skipped,
  statArticle,
  statFound,
} from './scan'
import { log } from '../log/log'
import { displayText, encodingProblem, hashBytes, utf16Of } from './encoding'
import { EleventyData } from './eleventy-data'
import { readRegularFileStatSync, readRegularFileSync } from './open-inside'
import { inSlices } from './slices'
import { readOnThreads, THREAD_THRESHOLD } from './index-threads'
import type { SiteSettings } from './site'

const EXCERPT_LENGTH = 140
const UPDATED_KEYS = ['updated', 'lastmod', 'last_modified_at', 'updatedDate', 'modified']
const EXCERPT_KEYS = ['excerpt', 'description', 'summary']

export interface Indexed {
  summary: ArticleSummary
  /** The decoded text, for search. */
  text: string
  /** The header's keys as the folder schema counts them. */
  fields: ObservedField[]
}

export interface FileFacts {
  rel: string
  size: number
  mtimeMs: number
  kind: FileKind
}

/** Scalars as text; lists, maps and absent keys have no single text. */
function textOf(value: FieldValue | undefined): string | null {
  return value ? scalarText(value) : null
}

function first(fields: Record<string, FieldValue>, keys: readonly string[]): FieldValue | undefined {
  for (const key of keys) if (fields[key] && fields[key].type !== 'null') return fields[key]
  return undefined
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

const CLOSE_RAW = /<\/(?:script|style)\s*>/gi
const MORE_AT = /<!--\s*more\s*-->/iy
const MDX_LINE = /(?:import|export)\s/y

/**
 * Prose from the start of a body, up to `<!-- more -->`: HTML tags and comments, Hexo and
 * Liquid tags, images, link targets, MDX imports and Markdown marks removed. One pass that stops
 * after the excerpt's length, so a 5 MB article costs no more than a short one.
 */
export function plainExcerpt(body: string): string {
  return scanExcerpt(body).excerpt
}

/**
 * The excerpt, and whether the scan stopped on its own (the excerpt's length, `<!-- more -->`)
 * before `end`, the index in body where it stopped: a body cut after that point gives the same excerpt.
 */
function scanExcerpt(body: string): { excerpt: string; stopped: boolean; end: number } {
  let out = ''
  let count = 0
  let space = false
  let lineStart = true
  const skipTo = (from: number, close: string): number => {
    const end = body.indexOf(close, from)
    return end === -1 ? body.length : end + close.length - 1
  }
  let i = 0
  let stopped = false
  for (; i < body.length && count <= EXCERPT_LENGTH; i++) {
    const c = body.charCodeAt(i)
    const next = body.charCodeAt(i + 1)
    if (c === 10 || c === 13) {
      lineStart = true
      space = true
      continue
    }
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000) {
      space = true
      continue
    }
    if (c === 60 /* < */) {
      if (body.startsWith('<!--', i)) {
        MORE_AT.lastIndex = i
        if (MORE_AT.test(body)) {
          stopped = true
          break
        }
        i = skipTo(i + 4, '-->')
        space = true
        continue
      }
      if (next === 47 || next === 33 || ((next | 32) >= 97 && (next | 32) <= 122)) {
        if ((next | 32) === 115 /* s */ && /^<(?:script|style)\b/i.test(body.slice(i, i + 8))) {
          CLOSE_RAW.lastIndex = i
          i = CLOSE_RAW.exec(body) ? CLOSE_RAW.lastIndex - 1 : body.length
        } else i = skipTo(i + 1, '>')
        space = true
        continue
      }
    }
    if (c === 123 /* { */ && (next === 37 || next === 123)) {
      i = skipTo(i + 2, next === 37 ? '%}' : '}}')
      space = true
      continue
    }
    if (c === 33 /* ! */ && next === 91 /* [ */) {
      i = skipTo(i + 2, ']')
      if (body.charCodeAt(i + 1) === 40) i = skipTo(i + 2, ')')
      space = true
      continue
    }
    if (c === 93 /* ] */ && next === 40 /* ( */) {
      i = skipTo(i + 2, ')')
      continue
    }
    if (c === 91 || c === 93 || c === 42 || c === 95 || c === 126 || c === 96) continue // [ ] * _ ~ `
    if (lineStart) {
      MDX_LINE.lastIndex = i
      if (MDX_LINE.test(body)) {
        i = skipTo(i, '\n') - 1
        continue
      }
      if (c === 35 || c === 62 || ((c === 45 || c === 43) && next === 32)) continue // # > - +
      lineStart = false
    }
    if (c === 38 /* & */ && body.startsWith('&nbsp;', i)) {
      i += 5
      space = true
      continue
    }
    if (space && out) out += ' '
    space = false
    out += body[i]
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < body.length) out += body[++i]
    count++
  }
  if (count <= EXCERPT_LENGTH) return { excerpt: out, stopped, end: i }
  return { excerpt: [...out].slice(0, EXCERPT_LENGTH).join('').trimEnd() + '…', stopped: true, end: i }
}

/**
 * Bytes of a file's start decoded to read its header when its text is not kept, a few first and
 * more when the header runs on; a longer header is read from the whole text.
 */
const HEAD_BYTES = [1024, 4096]
/** Bytes of a body decoded for its excerpt (markup before the prose included), the same way. */
const EXCERPT_BYTES = [1536, 4096]
/** How far the excerpt scan looks past a character (`<script`, `&nbsp;`, `export `): a cut body must reach this far beyond where it stopped. */
const EXCERPT_LOOKAHEAD = 64

/** What a summary needs of the body: its counts and, when asked, its excerpt. */
interface BodyFacts {
  words: number
  readingMinutes: number
  excerpt: () => string
}

/**
 * Null when the file is not an article (a .txt or .html without a header). Whatever goes wrong
 * reading one file becomes that file's error row: one bad file never fails the folder.
 * `keepText: false` (index threads, the command line): the text is not wanted, so only the
 * header and the body's first lines are decoded and the words are counted over the bytes; the
 * summary is the same (tests/unit/workspace/summarize-head.test.ts).
 */
export function summarize(facts: FileFacts, bytes: Uint8Array, site: SiteSettings, rules: PathRules, options: { keepText?: boolean } = {}): Indexed | null {
  try {
    const head = options.keepText === false ? summarizeHead(facts, bytes, site, rules) : 'whole'
    const indexed = head === 'whole' ? summarizeText(facts, displayText(bytes), site, rules) : head
    if (indexed && options.keepText === false) indexed.text = ''
    const encoding = indexed && encodingProblem(bytes)
    if (indexed && encoding) indexed.summary.encoding = encoding
    return indexed
  } catch (error) {
    return unreadable(facts, error)
  }
}

function summarizeText(facts: FileFacts, text: string, site: SiteSettings, rules: PathRules): Indexed | null {
  const parsed = parse(text, { site: site.kind, timeZone: site.timeZone })
  const body = text.slice(parsed.detection.bodyStart)
  const stats = textStats(body)
  return summarizeParsed(facts, text, parsed, { words: stats.words, readingMinutes: stats.readingMinutes, excerpt: () => plainExcerpt(body) }, site, rules)
}

function utf8(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8')
}

/** An offset at or before `at` that starts a UTF-8 character (never inside one). */
function characterStart(bytes: Uint8Array, at: number, floor: number): number {
  let i = Math.min(at, bytes.length)
  while (i > floor && i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80) i--
  return i
}

/**
 * The summary from the header's bytes and the body's counted bytes, or 'whole' when the start of
 * the file cannot tell it alone (UTF-16, a short file, a header longer than HEAD_BYTES or not
 * closed in them, bytes that are not UTF-8 there, no header at all): then the whole text is read.
 */
function summarizeHead(facts: FileFacts, bytes: Uint8Array, site: SiteSettings, rules: PathRules): Indexed | null | 'whole' {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (utf16Of(bytes)) return 'whole'
  let read: { head: string; parsed: ParsedFrontMatter } | null = null
  for (const size of HEAD_BYTES) {
    if (bytes.length - start <= size) return 'whole'
    const head = utf8(bytes, start, characterStart(bytes, start + size, start))
    // A U+FFFD: bad bytes (or the author's own) make text offsets and byte offsets disagree.
    if (head.includes('\uFFFD')) return 'whole'
    const parsed = parse(head, { site: site.kind, timeZone: site.timeZone })
    const { block, format } = parsed.detection
    // Closed before the cut, the newline after its fence included: the rest of the file cannot change it.
    if (format !== 'none' && block !== null && block.to < head.length) {
      read = { head, parsed }
      break
    }
  }
  if (!read) return 'whole'
  const { head, parsed } = read
  const bodyAt = start + Buffer.byteLength(head.slice(0, parsed.detection.bodyStart), 'utf8')
  const stats = utf8TextStats(bytes, bodyAt)
  const excerpt = (): string => {
    for (const size of EXCERPT_BYTES) {
      const cut = characterStart(bytes, bodyAt + size, bodyAt)
      const first = utf8(bytes, bodyAt, cut)
      const scan = scanExcerpt(first)
      if (cut >= bytes.length || (scan.stopped && scan.end + EXCERPT_LOOKAHEAD < first.length)) return scan.excerpt
    }
    return plainExcerpt(utf8(bytes, bodyAt, bytes.length))
  }
  return summarizeParsed(facts, head, parsed, { words: stats.words, readingMinutes: stats.readingMinutes, excerpt }, site, rules)
}

/** `text`: the file's text, or at least all of its header. */
function summarizeParsed(facts: FileFacts, text: string, parsed: ParsedFrontMatter, body: BodyFacts, site: SiteSettings, rules: PathRules): Indexed | null {
  const format = parsed.detection.format
  if (format === 'none' && facts.kind === 'needs-header' && parsed.ok) return null
  const fields = fieldRecord(parsed)
  const generator = siteRules(site.kind)
  const headerDate = dateOf(first(fields, DATE_KEYS), site)
  const date = headerDate.text === null ? (dateFromName(facts.rel, site) ?? headerDate) : headerDate
  const updated = dateOf(first(fields, UPDATED_KEYS), site)
  const published = fields.published
  const draft = rules.inDrafts(facts.rel) || (published?.type === 'boolean' && !published.value) || (fields.draft?.type === 'boolean' && fields.draft.value)
  const described = textOf(first(fields, EXCERPT_KEYS))
  return {
    text,
    fields: observeHeader(text, parsed),
    summary: {
      path: facts.rel,
      format,
      title: textOf(fields.title),
      date: date.text,
      dateMs: date.ms,
      updated: updated.text,
      updatedMs: updated.ms,
      tags: readTaxonomy(generator.tags, fields).map((path) => path.join(' ')),
      categories: readTaxonomy(generator.categories, fields),
      draft,
      excerpt: described ? plainExcerpt(described) : body.excerpt(),
      words: body.words,
      readingMinutes: body.readingMinutes,
      size: facts.size,
      mtimeMs: facts.mtimeMs,
      error: parsed.errors[0] ?? null,
      keys: parsed.fields.map((f) => f.key),
      checks: checkFields(subjectOfParsed(text, parsed, site.timeZone)),
    },
  }
}

/** The row of a file whose reading failed in a way the header grammar did not foresee. */
export function unreadable(facts: FileFacts, error: unknown): Indexed {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    text: '',
    fields: [],
    summary: {
      path: facts.rel,
      format: 'none',
      title: null,
      date: null,
      dateMs: null,
      updated: null,
      updatedMs: null,
      tags: [],
      categories: [],
      draft: false,
      excerpt: '',
      words: 0,
      readingMinutes: 0,
      size: facts.size,
      mtimeMs: facts.mtimeMs,
      error: {
        code: 'unreadable',
        message: `Folio could not read this article (${reason}); it is listed so you can open it as text and fix it.`,
        line: 1,
        column: 1,
      },
      keys: [],
      checks: [],
    },
  }
}

/** A file to read: found by the listing (its size and mtime come with the read) or stat'ed already. */
export interface ReadTarget {
  rel: string
  abs: string
  kind: FileKind
  /** A named pipe, socket or device (from a stat): listed as an error row, never opened. */
  special?: string
  /** From a stat, when there was one; a listed file has them from its read. */
  size?: number
  mtimeMs?: number
  /** Open only a regular file at this path, not a link (the listing said it was a file). */
  noFollow?: boolean
}

/**
 * What reading one file gives: its summary (null: not an article) and the size and mtime it had,
 * or 'gone' when it vanished meanwhile; `facts`: what the build's TextFacts took from an article.
 */
/**
 * `readAt`: Date.now() before the file was opened, for stampTrusted (cache-key.ts); `hash`: of the
 * bytes read, given when the stamp is not trusted (or when asked), to compare with a later read.
 */
export type ReadEntry = { size: number; mtimeMs: number; readAt: number; indexed: Indexed | null; facts?: unknown; hash?: string } | 'gone'

/**
 * Facts a build takes from each article's text while it has the bytes, so a pass over the whole
 * folder afterwards reads no file again (`folio check --links`): `name` says which (every thread
 * of the build loads their reader by it), `found` gets each article's.
 */
export interface TextFacts {
  name: TextFactsName
  found: (rel: string, facts: unknown) => void
}

export type TextFactsName = 'links'

export type TextFactsReader = (text: string, rel: string) => unknown

/** The reader of the named facts, loaded only when a build asks: the index alone needs none of it. */
export async function loadTextFacts(name: TextFactsName, site: SiteSettings): Promise<TextFactsReader> {
  switch (name) {
    case 'links':
      return (await import('../links/leads')).linkLeadsReader(site)
  }
}

export interface ReadOptions {
  keepText?: boolean
  facts?: TextFactsReader
  /** Hash the bytes even when the stamp is trusted (a re-check compares them with the last read's). */
  hash?: boolean
}

/** A target's size and mtime when it could not be read (a stat, when the open failed). */
function factsOf(target: ReadTarget): FileFacts {
  if (target.size !== undefined && target.mtimeMs !== undefined) return { rel: target.rel, kind: target.kind, size: target.size, mtimeMs: target.mtimeMs }
  const s = statSync(target.abs, { throwIfNoEntry: false })
  return { rel: target.rel, kind: target.kind, size: s?.size ?? 0, mtimeMs: s?.mtimeMs ?? 0 }
}

/** Reads and summarises one file; the same on any thread. */
export function readEntry(target: ReadTarget, site: SiteSettings, rules: PathRules, options: ReadOptions = {}): ReadEntry {
  // Taken before the stat: a stamp within a tick of it was within a tick of the read.
  const readAt = Date.now()
  try {
    // A named pipe or device is never opened (a read would wait forever): it is listed as an error.
    if (target.special) throw new Error(`it is ${target.special}, not a regular file, and is never opened`)
    const { bytes, size, mtimeMs } = readRegularFileStatSync(target.abs, target.noFollow)
    const indexed = summarize({ rel: target.rel, kind: target.kind, size, mtimeMs }, bytes, site, rules, options)
    const read: ReadEntry = { size, mtimeMs, readAt, indexed }
    if (options.hash || !stampTrusted(mtimeMs, readAt)) read.hash = hashBytes(bytes)
    if (indexed && options.facts) read.facts = options.facts(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'), target.rel)
    return read
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    // Unreadable (permissions) or not a regular file: one error row, never a vanished article.
    const facts = factsOf(target)
    return { size: facts.size, mtimeMs: facts.mtimeMs, readAt, indexed: unreadable(facts, error) }
  }
}

/** The same result without the article's text (see readOnThreads). */
export function withoutText(read: ReadEntry): ReadEntry {
  return read !== 'gone' && read.indexed ? { ...read, indexed: { ...read.indexed, text: '' } } : read
}

const PERSIST_DELAY_MS = 2000
/** After a stamp's tick, a little more before its re-check, so the read surely comes after it. */
const RECHECK_MARGIN_MS = 100
/** A stamp trusted only further ahead (a disk's clock ahead of ours) waits for the next refresh or open, not a timer. */
const RECHECK_HORIZON_MS = 60_000
/** How long the index goes without a refresh before it re-checks untrusted stamps. */
const RECHECK_QUIET_MS = 2000
/** The values of a field the key schema does not tally. */
const NO_VALUES: string[] = []
/** How often an early build tells its progress. */
const PROGRESS_MS = 150
/** About 400 MB of UTF-16: some 70,000 seed-sized articles. */
const TEXT_BUDGET_CHARS = 200_000_000

/**
 * The folder's articles in memory, kept in step with the disk: built once on open (from the
 * cache where files are unchanged), refreshed per path by the watcher and by our own writes.
 */
export class ArticleIndex {
  private files = new Map<string, CachedFile>()
  private texts = new Map<string, string>()
  private textChars = 0
  private textsFull = false
  private loadingTexts: Promise<void> | null = null
  private persistTimer: NodeJS.Timeout | null = null
  private dirty = false
  private saving: Promise<void> = Promise.resolve()
  private closed = false
  /** The folder schema, kept until a file changes. */
  private schemaMemo: { pins: SchemaPins | null; key: string; schema: FolderSchema } | null = null
  /**
   * The folder schema the cache was saved with: the answer while a build from that cache reads, and
   * after it while no file differs from the cache, so a re-open of an unchanged folder never parses
   * the headers' fields. Dropped at the first file read, changed or gone.
   */
  private cachedSchema: CachedSchema | null = null
  /**
   * The folders' listings of the last build, for the cache: a later change to a folder changes its
   * stamp, so a listing saved after it is listed again on the next open, never trusted.
   */
  private listings: ReadonlyMap<string, FolderListing> = new Map()
  /** The pins (their JSON) of the schema the cache on disk holds for its files; null when it holds none. */
  private schemaOnDisk: string | null = null
  /** Eleventy: tags its data files give templates, added to what the header says. */
  private readonly eleventy: EleventyData | null

  constructor(
    private readonly site: SiteSettings,
    private readonly rules: PathRules,
    private readonly cache: IndexCache | null,
    /** Threads a cold build may read with (this one included); 1 reads here alone. */
    private readonly threads = 1,
    private readonly textFacts?: TextFacts,
  ) {
    this.eleventy = site.kind === 'eleventy' ? new EleventyData(site.root, site.sourceDir) : null
  }

  /** Folders the last build could not list (permissions): reported, not silently empty. */
  readonly problems: FolderWarning[] = []

  /**
   * How far a build has come: files known (from the cache or read) of all found; `listing` while
   * folders are still being listed, so `total` counts the files found so far.
   */
  readonly progress = { done: 0, total: 0, listing: false }
  /** Resolves once every file is read (at once after a build without `early`). */
  complete: Promise<void> = Promise.resolve()
  /** Paths refreshed or forgotten while a build still reads: its own older read of them is dropped. */
  private touched: Set<string> | null = null
  /** Told the path of every file whose summary was set or dropped: the window lists what changed, not everything again. */
  onRow: ((rel: string) => void) | null = null
  /**
   * Told the files read within their mtime's tick once that tick has passed: refreshing them
   * compares their bytes again (an outside rewrite that kept the stamp is then seen), and a read
   * now is trusted, so the cache keeps them. Without it (the command line) they wait for the next run.
   */
  onRecheck: ((paths: string[]) => void) | null = null
  private recheckTimer: NodeJS.Timeout | null = null
  /** When the earliest untrusted stamp waiting for its re-check may be trusted; Infinity with none. */
  private recheckAt = Infinity
  /** When refresh() was last asked, to re-check only once the folder is quiet. */
  private refreshedAt = 0

  /** Whether a build is still listing or reading (after an early build returned). */
  get reading(): boolean {
    return this.progress.listing || this.progress.done < this.progress.total
  }

  /**
   * Lists the folder, takes what the cache knows and reads the rest. With `early` (the app), it
   * reads (or checks against the cache) each file as soon as its folder is listed and resolves
   * after about `early.firstMs` or `early.firstRows` known, so the first rows show at once; then it lists the remaining
   * folders (the count gets its total) and reads on in slices, telling `early.onProgress` a few
   * times a second and once at the end; `complete` resolves when the last file is read.
   */
  async build(early?: {
    firstMs: number
    firstRows: number
    onProgress: (progress: { done: number; total: number; listing: boolean }) => void
  }): Promise<void> {
    const loaded = this.cache?.load()
    const cached = loaded?.files ?? new Map<string, CachedFile>()
    this.cachedSchema = loaded?.schema ?? null
    this.schemaOnDisk = loaded?.schema?.pins ?? null
    const facts = this.textFacts && (await loadTextFacts(this.textFacts.name, this.site))
    const skipped = new Skipped()
    // With a cache, a folder unchanged since it was listed is not listed again (its files are still stat'ed).
    const listings: Listings | undefined = loaded && { known: loaded.folders, kept: new Map(), added: 0 }
    const found = findFiles(this.site, this.rules, skipped, this.problems, listings)
    let read = 0
    /** A found file to read, or null when the cache knows it unchanged (or it is left out). */
    const prepare = (file: FoundFile): ReadTarget | null => {
      const hit = cached.get(file.rel)
      // Not in the cache: read at once, its size and mtime come with the bytes (no stat first).
      if (!hit && file.regular && !file.link) {
        this.progress.total++
        return { rel: file.rel, abs: file.abs, kind: file.kind, noFollow: true }
      }
      const entry = statFound(this.site.root, file, skipped)
      if (!entry) return null
      this.progress.total++
      if (hit && hit.size === entry.size && hit.mtimeMs === entry.mtimeMs) {
        this.files.set(entry.rel, hit)
        this.onRow?.(entry.rel)
        this.progress.done++
        return null
      }
      return entry
    }
    const apply = (target: ReadTarget, result: ReadEntry): void => {
      this.progress.done++
      read++
      // Saved or changed on disk since this read began: the newer summary stays.
      if (this.touched?.has(target.rel)) return
      if (result === 'gone') skipped.add('vanished', target.rel)
      else if (result.facts !== undefined) this.textFacts?.found(target.rel, result.facts)
      this.apply(target.rel, result)
    }
    const finish = (): void => {
      this.touched = null
      this.progress.listing = false
      this.problems.push(...skipped.warnings())
      const filesChanged = read > 0 || cached.size !== this.files.size
      // A file the cache held and the folder no longer has: the cache's schema counted it.
      if (filesChanged) this.schemaChanged()
      if (listings) this.listings = listings.kept
      // A folder listed again (a picture added to it, say) is saved too, so the next open need not list it.
      this.dirty = filesChanged || (listings?.added ?? 0) > 0
      if (this.eleventy) {
        for (const rel of this.files.keys()) this.eleventy.inherited(rel)
        this.problems.push(...this.eleventy.warnings)
      }
      // Written just after the open returns: the list is shown first, the cache follows.
      if (this.dirty) this.schedulePersist(0)
    }
    const stale: ReadTarget[] = []
    if (!early) {
      await inSlices(found, (file) => {
        const target = prepare(file)
        if (target) stale.push(target)
      })
      if (this.threads > 1 && stale.length >= THREAD_THRESHOLD) {
        // Texts stay where they were read: no thread sends them, and this one drops its own too, so a
        // big folder's index holds summaries only (search reads the texts when first asked).
        const results = await readOnThreads(
          stale,
          this.site,
          this.threads,
          (target) => withoutText(readEntry(target, this.site, this.rules, { keepText: false, facts })),
          this.textFacts?.name,
        )
        for (let i = 0; i < stale.length; i++) apply(stale[i] as ReadTarget, results[i] as ReadEntry)
      } else await inSlices(stale, (target) => apply(target, readEntry(target, this.site, this.rules, { facts })))
      finish()
      return
    }
    this.touched = new Set()
    this.progress.listing = true
    const started = performance.now()
    const shownYet = (): boolean => this.progress.done >= early.firstRows || performance.now() - started > early.firstMs
    const site = this.site
    const rules = this.rules
    const options = { facts }
    const progress = this.progress
    function* steps(): Generator<void> {
      // The first rows: each file read as soon as its folder is listed.
      for (let next = found.next(); !next.done; next = found.next()) {
        const target = prepare(next.value)
        if (target) apply(target, readEntry(target, site, rules, options))
        yield
        if (shownYet()) break
      }
      // Then the rest of the listing, so the count has its total, and then the rest of the reading.
      for (let next = found.next(); !next.done; next = found.next()) {
        const target = prepare(next.value)
        if (target) stale.push(target)
        yield
      }
      progress.listing = false
      for (const target of stale) {
        apply(target, readEntry(target, site, rules, options))
        yield
      }
    }
    let told = 0
    let first: (() => void) | null = null
    const shown = new Promise<void>((resolve) => (first = resolve))
    const tell = (): void => {
      told = performance.now()
      early.onProgress({ ...this.progress })
    }
    this.complete = inSlices(
      steps(),
      () => {
        if (first && shownYet()) {
          first()
          first = null
        }
        // A count a few times a second is a progress bar; one per file would flood the window.
        if (performance.now() - told > PROGRESS_MS) tell()
      },
      () => this.closed,
    ).then(() => {
      finish()
      tell()
      first?.()
    })
    await Promise.race([shown, this.complete])
  }

  /** The folders' listings the last build made or reused (what the cache keeps of them). */
  folderListings(): ReadonlyMap<string, FolderListing> {
    return this.listings
  }

  list(): ArticleSummary[] {
    const out: ArticleSummary[] = []
    for (const f of this.files.values()) if (f.summary) out.push(this.shown(f.summary))
    return out.sort((a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }

  /**
   * The folder schema from every article's cached header fields: computed when first asked
   * and again only after a file changed (a save, the watcher) or the schema file did.
   */
  schema(pins: { pins: SchemaPins; file: string; errors: string[] } | null): FolderSchema {
    const memo = this.schemaMemo
    if (memo && memo.pins === (pins?.pins ?? null)) return memo.schema
    const key = JSON.stringify(pins)
    const seed = this.cachedSchema
    const schema = seed && seed.pins === key ? seed.schema : this.buildSchema(pins, (fields) => fields)
    this.schemaMemo = { pins: pins?.pins ?? null, key, schema }
    // The whole folder's schema, which the cache does not hold: kept with it, so the next open need not build it.
    if (!this.reading && this.cache && this.schemaOnDisk !== key) {
      this.dirty = true
      this.schedulePersist()
    }
    return schema
  }

  /** The folder schema of exactly the files held now, when one is known: the cache keeps it with them. */
  private keptSchema(): CachedSchema | null {
    if (this.reading) return null
    const memo = this.schemaMemo
    return memo ? { pins: memo.key, schema: memo.schema } : this.cachedSchema
  }

  /** A file was read, changed or dropped: no schema made before stands for the folder. */
  private schemaChanged(): void {
    this.schemaMemo = null
    this.cachedSchema = null
    this.schemaOnDisk = null
  }

  /**
   * The folder schema of keys alone: each key's presence, kind and pin without its values, date
   * formats or list styles. Enough for the required keys of each collection (the command line's
   * checks), at a fraction of the tallying; not kept.
   */
  keySchema(pins: { pins: SchemaPins; file: string; errors: string[] } | null): FolderSchema {
    return this.buildSchema(pins, (fields) => fields.map(([key, kind]): ObservedField => [key, kind, NO_VALUES, null]))
  }

  private buildSchema(pins: { pins: SchemaPins; file: string; errors: string[] } | null, observed: (fields: ObservedField[]) => ObservedField[]): FolderSchema {
    const articles: { path: string; fields: ObservedField[] }[] = []
    // A header that does not parse says nothing about the folder's keys.
    for (const [path, f] of this.files) if (f.summary && !f.summary.error && f.fields) articles.push({ path, fields: observed(f.fields) })
    return buildFolderSchema(articles, {
      kind: this.site.kind,
      contentRoots: this.site.contentRoots,
      pins: pins?.pins,
      file: pins?.file ?? null,
      fileErrors: pins?.errors ?? [],
    })
  }

  /** Every file the index knows (articles, and files that turned out not to be), with the size and mtime it was read at; `untrusted`: no cache may keep that stamp (stampTrusted). */
  *stamps(): Generator<{ rel: string; size: number; mtimeMs: number; untrusted: boolean }> {
    for (const [rel, f] of this.files) yield { rel, size: f.size, mtimeMs: f.mtimeMs, untrusted: f.untrusted === true }
  }

  /** How many articles the index holds (files that turned out not to be articles left out). */
  articleCount(): number {
    let count = 0
    for (const f of this.files.values()) if (f.summary) count++
    return count
  }

  get(rel: string): ArticleSummary | null {
    const summary = this.files.get(rel)?.summary
    return summary ? this.shown(summary) : null
  }

  /**
   * A summary as listed: the cache keeps what the file's own header says, and an Eleventy
   * template's tags are completed here by its data files (read on open), as Eleventy merges them.
   */
  private shown(summary: ArticleSummary): ArticleSummary {
    if (!this.eleventy || summary.error) return summary
    const tags = this.eleventy.tagsOf(summary.path, summary.tags)
    return tags.length === summary.tags.length ? summary : { ...summary, tags }
  }

  /**
   * Re-reads the given paths (files, or folders meaning everything indexed under them).
   * `sameStampOnly` (the re-check of untrusted stamps): only files whose stamp is still the one
   * read are compared; a file changed or gone since is left to the watcher, which reports it.
   */
  async refresh(paths: Iterable<string>, sameStampOnly = false): Promise<ContentChange> {
    this.refreshedAt = Date.now()
    this.armRecheck()
    const change: ContentChange = { added: [], changed: [], removed: [] }
    let trusted = 0
    const targets = new Set<string>()
    for (const path of paths) {
      targets.add(path)
      // Only a folder stands for what is under it; a known file needs no walk of the whole index.
      if (this.files.has(path)) continue
      for (const rel of this.files.keys()) if (rel.startsWith(path + '/')) targets.add(rel)
    }
    await inSlices(targets, (rel) => {
      this.touched?.add(rel)
      const kind = this.rules.file(rel)
      const before = this.files.get(rel)
      const entry = kind ? statArticle(this.site.root, rel, kind) : null
      if (sameStampOnly && (!before || !entry || before.size !== entry.size || before.mtimeMs !== entry.mtimeMs)) return
      if (!entry) {
        if (before) this.forget(rel)
        if (before?.summary) change.removed.push(rel)
        return
      }
      let after: ArticleSummary | null
      if (before && before.size === entry.size && before.mtimeMs === entry.mtimeMs) {
        if (!before.untrusted) return
        // Read within its mtime's tick: a rewrite at the same size in that tick kept the stamp, so the bytes tell.
        const read = readEntry(entry, this.site, this.rules, { hash: true })
        if (read !== 'gone' && read.hash === before.hash && read.size === before.size && read.mtimeMs === before.mtimeMs) {
          // The same bytes: read now, after its tick, the stamp stands for them and the cache may keep it.
          if (stampTrusted(read.mtimeMs, read.readAt)) {
            delete before.untrusted
            delete before.hash
            this.dirty = true
            trusted++
          }
          return
        }
        after = this.apply(rel, read)
      } else after = this.load(entry)
      if (before?.summary && after) change.changed.push(rel)
      else if (after) change.added.push(rel)
      else if (before?.summary) change.removed.push(rel)
    })
    if (change.added.length + change.changed.length + change.removed.length + trusted > 0) this.schedulePersist()
    return change
  }

  /** Paths whose file differs from the index (new, gone, or another size or mtime); none once closed. */
  async differences(): Promise<string[]> {
    if (this.closed) return []
    const found = await scan(this.site, this.rules)
    const seen = new Set<string>()
    const paths: string[] = []
    for (const entry of found) {
      seen.add(entry.rel)
      const known = this.files.get(entry.rel)
      // An untrusted stamp says nothing of a rewrite that kept it: refresh() compares the bytes.
      if (!known || known.untrusted || known.size !== entry.size || known.mtimeMs !== entry.mtimeMs) paths.push(entry.rel)
    }
    for (const rel of this.files.keys()) if (!seen.has(rel)) paths.push(rel)
    return this.closed ? [] : paths
  }

  forget(rel: string): void {
    this.touched?.add(rel)
    this.files.delete(rel)
    this.onRow?.(rel)
    this.schemaChanged()
    this.dropText(rel)
    this.dirty = true
  }

  /** One article's text, read now if a cached open skipped it ('' when it vanished). */
  textOf(rel: string): string {
    let text = this.texts.get(rel)
    if (text === undefined) {
      try {
        text = displayText(readRegularFileSync(join(this.site.root, rel)))
      } catch {
        return '' // vanished, unreadable or not a regular file: its row says so
      }
      this.keepText(rel, text)
    }
    return text
  }

  /** Texts stay in memory for search up to a budget; past it, search reads them from disk. */
  private keepText(rel: string, text: string): void {
    this.dropText(rel)
    if (this.textChars + text.length > TEXT_BUDGET_CHARS) {
      this.textsFull = true
      return
    }
    this.texts.set(rel, text)
    this.textChars += text.length
  }

  private dropText(rel: string): void {
    this.textChars -= this.texts.get(rel)?.length ?? 0
    this.texts.delete(rel)
  }

  /** Reads the texts a cached open skipped, in slices, so later searches find them in memory. */
  async loadTexts(): Promise<void> {
    await this.complete
    // A turn of the event loop first: the open's caller lists the folder before the first file is read.
    await nextTurn()
    if (this.textsFull || this.closed) return
    const missing = [...this.files].filter(([rel, f]) => f.summary && !this.texts.has(rel)).map(([rel]) => rel)
    if (missing.length > 0) {
      this.loadingTexts ??= inSlices(
        missing,
        (rel) => {
          if (this.files.get(rel)?.summary) this.textOf(rel)
        },
        () => this.closed || this.textsFull,
      ).finally(() => (this.loadingTexts = null))
      await this.loadingTexts
    }
  }

  /** Writes the cache if anything changed; a cache that cannot be written only costs speed. */
  async persist(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    // One write at a time, so close() also waits for a write a timer started.
    this.saving = this.saving.then(async () => {
      if (!this.dirty || !this.cache) return
      this.dirty = false
      const schema = this.keptSchema()
      await this.cache.save(this.files, schema, this.listings).then(
        () => {
          // Unless a file changed while it was written: then the next write says what it holds.
          if (!this.dirty) this.schemaOnDisk = schema?.pins ?? null
        },
        (error: unknown) => {
          this.dirty = true
          log.warn('index', `Could not write the index cache of ${this.site.root}; the next open reads every file again.`, error)
        },
      )
    })
    await this.saving
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.recheckTimer) clearTimeout(this.recheckTimer)
    await this.complete
    await this.loadingTexts
    await this.persist()
  }

  /** Saves and outside changes come in runs: write the cache once the run is over. */
  private schedulePersist(delayMs = PERSIST_DELAY_MS): void {
    if (!this.cache) return
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = setTimeout(() => void this.persist(), delayMs)
    this.persistTimer.unref()
  }

  /**
   * Re-checks the file stamped `mtimeMs` (with any other due by then) once a read of it is trusted,
   * and once the index has had no refresh for RECHECK_QUIET_MS: a burst of changes (a checkout)
   * is re-checked once, after it, not between the watcher's batches.
   */
  private recheckLater(mtimeMs: number): void {
    if (!this.onRecheck || this.closed) return
    const at = trustedFrom(mtimeMs)
    if (at - Date.now() > RECHECK_HORIZON_MS) return
    // Armed already for this stamp or an earlier one (refresh re-arms when the quiet moves): no timer swap per file read.
    if (this.recheckTimer && at >= this.recheckAt) return
    this.recheckAt = Math.min(this.recheckAt, at)
    this.armRecheck()
  }

  private armRecheck(): void {
    if (this.recheckAt === Infinity || this.closed) return
    if (this.recheckTimer) clearTimeout(this.recheckTimer)
    const at = Math.max(this.recheckAt, this.refreshedAt + RECHECK_QUIET_MS)
    this.recheckTimer = setTimeout(() => this.recheck(), Math.max(0, at - Date.now()) + RECHECK_MARGIN_MS)
    this.recheckTimer.unref()
  }

  private recheck(): void {
    this.recheckTimer = null
    this.recheckAt = Infinity
    if (this.closed) return
    const now = Date.now()
    const due: string[] = []
    // The earliest stamp not yet due arms the timer once (not once per file: a checkout leaves thousands).
    let earliest = Infinity
    for (const [rel, f] of this.files) {
      if (!f.untrusted) continue
      if (stampTrusted(f.mtimeMs, now)) due.push(rel)
      else earliest = Math.min(earliest, f.mtimeMs)
    }
    if (earliest !== Infinity) this.recheckLater(earliest)
    if (due.length > 0) this.onRecheck?.(due)
  }

  /** Reads and summarises one file; vanished files are dropped. */
  private load(entry: ScanEntry): ArticleSummary | null {
    return this.apply(entry.rel, readEntry(entry, this.site, this.rules))
  }

  /** Records what reading one file gave (here or on another thread). */
  private apply(rel: string, read: ReadEntry): ArticleSummary | null {
    if (read === 'gone') {
      this.forget(rel)
      return null
    }
    const { indexed } = read
    const file: CachedFile = { size: read.size, mtimeMs: read.mtimeMs, summary: indexed?.summary ?? null, fields: indexed?.fields ?? null }
    if (!stampTrusted(read.mtimeMs, read.readAt)) {
      file.untrusted = true
      if (read.hash !== undefined) file.hash = read.hash
      this.recheckLater(read.mtimeMs)
    }
    this.files.set(rel, file)
    this.onRow?.(rel)
    this.dirty = true
    this.schemaChanged()
    // A summary made on another thread comes without its text: search reads it when first asked.
    if (indexed?.text) this.keepText(rel, indexed.text)
    else this.dropText(rel)
    return indexed?.summary ?? null
  }
}
