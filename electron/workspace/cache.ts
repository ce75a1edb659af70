/**
 * The index cache in the app's data folder: one file per content root. An entry is reused while
 * its file keeps the same path, size and mtime, so re-opening an unchanged folder reads the
 * directory listings, one stat per file and this one file instead of every article.
 * Summaries are stored as positional tuples: a third smaller and faster to parse than objects.
 * The JSON is stored as UTF-16LE, the string's own encoding: reading it back is a copy, where
 * decoding megabytes of CJK excerpts from UTF-8 costs ten times as long.
 * The header fields (half the file) follow the entries as a second JSON text, after a newline, and
 * are decoded and parsed only when first asked: the folder schema the cache was saved with is kept
 * in it too, so re-opening an unchanged folder never reads them.
 */
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary, EncodingProblem } from '../../shared/contract'
import type { FrontMatterFormat, HeaderError } from '../../shared/frontmatter/types'
import type { FolderSchema, ObservedField } from '../../shared/schema'
import { log } from '../log/log'
import { writeFileAtomic } from './atomic-write'
import { cacheFileName } from './cache-key'
import { removeOldCaches } from './cache-old-names'
import { isEntryName, LISTING_FILTER, type FolderListing } from './scan'

export interface CachedFile {
  size: number
  mtimeMs: number
  /** Null for a file that turned out not to be an article (a .txt without a header). */
  summary: ArticleSummary | null
  /** The header's keys for the folder schema; null with no summary. */
  fields: ObservedField[] | null
  /** Read within its mtime's tick (stampTrusted): a change since may have kept the stamp, so no cache keeps it. */
  untrusted?: true
  /** With untrusted: the hash of the bytes the summary was made from, so a re-read can tell a rewrite that kept the stamp. */
  hash?: string
}

/** A folder schema and the schema file's pins it was built with (their JSON): valid only for the files it was saved with. */
export interface CachedSchema {
  pins: string
  schema: FolderSchema
}

/** What a cache holds: its files, when one was saved with them their folder schema, and its folders' listings. */
export interface LoadedIndex {
  files: Map<string, CachedFile>
  schema: CachedSchema | null
  folders: Map<string, FolderListing>
}

/** A list's number in the document's `lists`: the few distinct ones (header keys, categories, tags, checks) are written once. */
type ListRef = number

type SummaryTuple = [
  format: FrontMatterFormat,
  title: string | null,
  date: string | null,
  dateMs: number | null,
  updated: string | null,
  updatedMs: number | null,
  tags: ListRef,
  categories: ListRef,
  draft: 0 | 1,
  excerpt: string,
  words: number,
  readingMinutes: number,
  error: HeaderError | null,
  keys: ListRef,
  checks: ListRef,
  /** Left out when the bytes are fine (nearly always). */
  encoding?: EncodingProblem,
]

/** The first JSON text of the file; the second is the entries' fields, in the same order (FieldsDocument). */
interface CacheDocument {
  /** Settings and indexer version the summaries were made with. */
  key: string
  root: string
  schema: CachedSchema | null
  files: [path: string, size: number, mtimeMs: number, summary: SummaryTuple | null][]
  /** The lists the summaries name by number (ListRef). */
  lists: unknown[]
  /** The listings of the folders the files were found in (absent in a cache written before they were kept). */
  dirs?: [path: string, mtimeMs: number, ctimeMs: number, ino: number, names: string[], types: string][]
  /** Which names the listings hold (scan.ts LISTING_FILTER); listings kept under another are not used. */
  dirsFilter?: string
}

/**
 * The lists of the summaries written, each distinct one once: 10,000 posts repeat a few dozen sets
 * of header keys and categories, so the file is a quarter smaller and a load makes one array of each,
 * which its summaries share (nothing changes a summary's lists in place).
 */
class ListTable {
  private readonly numbers = new Map<string, ListRef>()
  readonly lists: unknown[] = []

  ref(list: unknown[]): ListRef {
    const json = JSON.stringify(list)
    let n = this.numbers.get(json)
    if (n === undefined) {
      n = this.lists.length
      this.lists.push(list)
      this.numbers.set(json, n)
    }
    return n
  }
}

/** A list a loaded summary names; a number that names none is a damaged cache. */
function listAt<T>(lists: unknown[], n: ListRef): T {
  const list = lists[n]
  if (!Array.isArray(list)) throw new Error(`the index cache names list ${n}, which it does not hold`)
  return list as T
}

type FieldsDocument = (ObservedField[] | null)[]

export interface IndexCache {
  load(): LoadedIndex
  /** `schema`: the folder schema of exactly these files, when one is known; `folders`: listings a re-open may reuse. */
  save(files: ReadonlyMap<string, CachedFile>, schema?: CachedSchema | null, folders?: ReadonlyMap<string, FolderListing>): Promise<void>
}

/** The fields part of a loaded cache: its bytes, decoded and parsed when an entry's fields are first asked. */
class FieldsPart {
  private parsed: FieldsDocument | null = null
  constructor(
    private bytes: Buffer | null,
    private readonly file: string,
  ) {}

  at(i: number): ObservedField[] | null {
    if (!this.parsed) {
      try {
        const doc: unknown = JSON.parse((this.bytes as Buffer).toString('utf16le'))
        if (!Array.isArray(doc)) throw new Error('the fields are not a list')
        this.parsed = doc as FieldsDocument
      } catch (error) {
        // Damaged after the entries parsed: the schema goes without these headers' keys until the next save.
        log.warn('index', `The header fields in the index cache ${this.file} could not be read; the folder schema leaves them out.`, error)
        this.parsed = []
      }
      this.bytes = null
    }
    return this.parsed[i] ?? null
  }
}

/** An entry read from the cache: its fields come from the fields part when first asked. */
class LoadedFile implements CachedFile {
  private own: ObservedField[] | null | undefined
  constructor(
    readonly size: number,
    readonly mtimeMs: number,
    readonly summary: ArticleSummary | null,
    private readonly part: FieldsPart,
    private readonly at: number,
  ) {}

  get fields(): ObservedField[] | null {
    if (this.own === undefined) this.own = this.summary ? (this.part.at(this.at) ?? []) : null
    return this.own
  }
}

function pack(s: ArticleSummary, table: ListTable): SummaryTuple {
  const t: SummaryTuple = [
    s.format,
    s.title,
    s.date,
    s.dateMs,
    s.updated,
    s.updatedMs,
    table.ref(s.tags),
    table.ref(s.categories),
    s.draft ? 1 : 0,
    s.excerpt,
    s.words,
    s.readingMinutes,
    s.error,
    table.ref(s.keys),
    table.ref(s.checks),
  ]
  if (s.encoding) t.push(s.encoding)
  return t
}

/** A tuple back into a summary; indexed reads, since a destructuring walks an iterator per entry of a 10,000-entry load. */
function unpack(path: string, size: number, mtimeMs: number, t: SummaryTuple, lists: unknown[]): ArticleSummary {
  const summary: ArticleSummary = {
    path,
    format: t[0],
    title: t[1],
    date: t[2],
    dateMs: t[3],
    updated: t[4],
    updatedMs: t[5],
    tags: listAt(lists, t[6]),
    categories: listAt(lists, t[7]),
    draft: t[8] === 1,
    excerpt: t[9],
    words: t[10],
    readingMinutes: t[11],
    size,
    mtimeMs,
    error: t[12],
    keys: listAt(lists, t[13]),
    checks: listAt(lists, t[14]),
  }
  const encoding = t[15]
  if (encoding) summary.encoding = encoding
  return summary
}

/** Entries per part of the written cache: 100,000 posts never become one string of 170 MB. */
const SAVE_SLICE = 2_000

/** The elements of a JSON list, a slice at a time, in UTF-16LE (without its brackets). */
function* listParts<T, R>(items: readonly T[], row: (item: T) => R): Generator<Uint8Array> {
  for (let from = 0; from < items.length; from += SAVE_SLICE) {
    const text = JSON.stringify(items.slice(from, from + SAVE_SLICE).map(row)).slice(1, -1)
    yield Buffer.from((from === 0 ? '' : ',') + text, 'utf16le')
  }
}

/** A CacheDocument's JSON, a newline, then its FieldsDocument's, a slice of entries at a time, in UTF-16LE. */
function* documentParts(
  key: string,
  root: string,
  kept: ReadonlyArray<[string, CachedFile]>,
  schema: CachedSchema | null,
  folders: ReadonlyMap<string, FolderListing>,
): Generator<Uint8Array> {
  const dirs: CacheDocument['dirs'] = [...folders].map(([path, f]) => [path, f.mtimeMs, f.ctimeMs, f.ino, f.names, f.types])
  const head = JSON.stringify({ key, root, schema, dirs, dirsFilter: LISTING_FILTER, files: [], lists: [] } satisfies CacheDocument)
  yield Buffer.from(head.slice(0, head.lastIndexOf('"files":[') + 9), 'utf16le')
  const table = new ListTable()
  yield* listParts(kept, ([path, f]): CacheDocument['files'][number] => [path, f.size, f.mtimeMs, f.summary ? pack(f.summary, table) : null])
  // The lists after the entries that name them: they are known once every entry is written.
  yield Buffer.from(`],"lists":${JSON.stringify(table.lists)}}\n[`, 'utf16le')
  yield* listParts(kept, ([, f]) => f.fields)
  yield Buffer.from(']', 'utf16le')
}

/**
 * The cached folder listings; one that is not well formed is left out (that folder is listed
 * again). A listing decides which paths are read and which temp files are removed, so a name that
 * is not one path segment (a damaged or forged cache) drops its whole listing.
 */
function foldersOf(dirs: unknown, filter: unknown): Map<string, FolderListing> {
  const folders = new Map<string, FolderListing>()
  if (!Array.isArray(dirs) || filter !== LISTING_FILTER) return folders
  for (const d of dirs as unknown[]) {
    if (!Array.isArray(d)) continue
    const [path, mtimeMs, ctimeMs, ino, names, types] = d as unknown[]
    if (typeof path !== 'string' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof ino !== 'number') continue
    if (typeof types !== 'string' || !/^[dflo]*$/.test(types) || !Array.isArray(names) || names.length !== types.length) continue
    if (!names.every((n) => typeof n === 'string' && isEntryName(n))) continue
    folders.set(path, { mtimeMs, ctimeMs, ino, names: names as string[], types })
  }
  return folders
}

const NEWLINE = 0x0a

/** The byte offset of the first newline character of UTF-16LE bytes (JSON.stringify writes none of its own), or -1. */
function newlineAt(bytes: Buffer): number {
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) {
    if (at % 2 === 0 && bytes[at + 1] === 0) return at
  }
  return -1
}

export function createCache(cacheDir: string, root: string, key: string): IndexCache {
  const file = join(cacheDir, cacheFileName('index', root, 'utf16.json'))
  // Nothing writes the old names any more: looking for them once per open is enough.
  let oldRemoved = false
  return {
    load() {
      const files = new Map<string, CachedFile>()
      const none = (): LoadedIndex => ({ files: new Map(), schema: null, folders: new Map() })
      try {
        const bytes = readFileSync(file)
        const cut = newlineAt(bytes)
        if (cut === -1) return none()
        const doc = JSON.parse(bytes.toString('utf16le', 0, cut)) as CacheDocument
        if (doc.key !== key || doc.root !== root || !Array.isArray(doc.files) || !Array.isArray(doc.lists)) return none()
        const lists = doc.lists
        // A copy: a view would keep the whole file's bytes alive for as long as the fields go unread.
        const part = new FieldsPart(Buffer.from(bytes.subarray(cut + 2)), file)
        const entries = doc.files
        for (let at = 0; at < entries.length; at++) {
          const [path, size, mtimeMs, t] = entries[at] as CacheDocument['files'][number]
          files.set(path, new LoadedFile(size, mtimeMs, t ? unpack(path, size, mtimeMs, t, lists) : null, part, at))
        }
        return { files, schema: doc.schema ?? null, folders: foldersOf(doc.dirs, doc.dirsFilter) }
      } catch {
        // Missing or damaged cache: index from the files, and the next save repairs it.
        return none()
      }
    },
    async save(files, schema = null, folders = new Map()) {
      // The entries are taken in the caller's tick, with the schema it made from them: a file
      // changed while the folder is made or the write opens must not be stored beside a schema
      // that never saw it (an open that finds every stamp matching would keep that schema).
      // Both texts list these entries in this order. Untrusted stamps are left out: the next open
      // reads those files again.
      const kept = [...files].filter(([, f]) => !f.untrusted)
      await mkdir(cacheDir, { recursive: true })
      await writeFileAtomic(file, documentParts(key, root, kept, schema, folders), { durable: false })
      if (oldRemoved) return
      oldRemoved = true
      await removeOldCaches(cacheDir, root)
    },
  }
}
