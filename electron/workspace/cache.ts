/**
 * The index cache in the app's data folder: one file per content root. An entry is reused while
 * its file keeps the same path, size and mtime, so re-opening an unchanged folder reads the
 * directory listings, one stat per file and this one file instead of every article.
 * Summaries are stored as positional tuples: a third smaller and faster to parse than objects.
 * The JSON is stored as UTF-16LE, the string's own encoding: reading it back is a copy, where
 * decoding megabytes of CJK excerpts from UTF-8 costs ten times as long.
 */
import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary, EncodingProblem } from '../../shared/contract'
import type { FieldCheck } from '../../shared/frontmatter/checks'
import type { FrontMatterFormat, HeaderError } from '../../shared/frontmatter/types'
import type { ObservedField } from '../../shared/schema'
import { writeFileAtomic } from './atomic-write'
import { cacheFileName } from './cache-key'
import { removeOldCaches } from './cache-old-names'

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

type SummaryTuple = [
  format: FrontMatterFormat,
  title: string | null,
  date: string | null,
  dateMs: number | null,
  updated: string | null,
  updatedMs: number | null,
  tags: string[],
  categories: string[][],
  draft: 0 | 1,
  excerpt: string,
  words: number,
  readingMinutes: number,
  error: HeaderError | null,
  keys: string[],
  checks: FieldCheck[],
  /** Left out when the bytes are fine (nearly always). */
  encoding?: EncodingProblem,
]

interface CacheDocument {
  /** Settings and indexer version the summaries were made with. */
  key: string
  root: string
  files: [path: string, size: number, mtimeMs: number, summary: SummaryTuple | null, fields: ObservedField[] | null][]
}

export interface IndexCache {
  load(): Map<string, CachedFile>
  save(files: ReadonlyMap<string, CachedFile>): Promise<void>
}

function pack(s: ArticleSummary): SummaryTuple {
  const t: SummaryTuple = [
    s.format,
    s.title,
    s.date,
    s.dateMs,
    s.updated,
    s.updatedMs,
    s.tags,
    s.categories,
    s.draft ? 1 : 0,
    s.excerpt,
    s.words,
    s.readingMinutes,
    s.error,
    s.keys,
    s.checks,
  ]
  if (s.encoding) t.push(s.encoding)
  return t
}

function unpack(path: string, size: number, mtimeMs: number, t: SummaryTuple): ArticleSummary {
  const [format, title, date, dateMs, updated, updatedMs, tags, categories, draft, excerpt, words, readingMinutes, error, keys, checks, encoding] = t
  const summary: ArticleSummary = {
    path,
    format,
    title,
    date,
    dateMs,
    updated,
    updatedMs,
    tags,
    categories,
    draft: draft === 1,
    excerpt,
    words,
    readingMinutes,
    size,
    mtimeMs,
    error,
    keys,
    checks,
  }
  if (encoding) summary.encoding = encoding
  return summary
}

/** Entries per part of the written cache: 100,000 posts never become one string of 170 MB. */
const SAVE_SLICE = 2_000

/** The JSON of a CacheDocument, a slice of entries at a time, in UTF-16LE. */
function* documentParts(key: string, root: string, files: ReadonlyMap<string, CachedFile>): Generator<Uint8Array> {
  const head = JSON.stringify({ key, root, files: [] } satisfies CacheDocument)
  yield Buffer.from(head.slice(0, -2), 'utf16le')
  let slice: CacheDocument['files'] = []
  let first = true
  const flush = (): Uint8Array => {
    const text = JSON.stringify(slice).slice(1, -1)
    const part = Buffer.from((first ? '' : ',') + text, 'utf16le')
    first = false
    slice = []
    return part
  }
  for (const [path, f] of files) {
    // Left out: the next open reads the file again.
    if (f.untrusted) continue
    slice.push([path, f.size, f.mtimeMs, f.summary ? pack(f.summary) : null, f.fields])
    if (slice.length === SAVE_SLICE) yield flush()
  }
  if (slice.length > 0) yield flush()
  yield Buffer.from(']}', 'utf16le')
}

export function createCache(cacheDir: string, root: string, key: string): IndexCache {
  const file = join(cacheDir, cacheFileName('index', root, 'utf16.json'))
  // Nothing writes the old names any more: looking for them once per open is enough.
  let oldRemoved = false
  return {
    load() {
      const files = new Map<string, CachedFile>()
      try {
        const doc = JSON.parse(readFileSync(file, 'utf16le')) as CacheDocument
        if (doc.key !== key || doc.root !== root || !Array.isArray(doc.files)) return files
        for (const [path, size, mtimeMs, t, fields] of doc.files) {
          files.set(path, { size, mtimeMs, summary: t ? unpack(path, size, mtimeMs, t) : null, fields: t ? (fields ?? []) : null })
        }
      } catch {
        // Missing or damaged cache: index from the files, and the next save repairs it.
      }
      return files
    },
    async save(files) {
      await mkdir(cacheDir, { recursive: true })
      await writeFileAtomic(file, documentParts(key, root, files), { durable: false })
      if (oldRemoved) return
      oldRemoved = true
      await removeOldCaches(cacheDir, root)
    },
  }
}
