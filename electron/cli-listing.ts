/**
 * The command line's listing cache: what the last `folio index` or `folio check` worked out for a
 * folder, as the JSON line of each article's `index --json` entry (site-relative path), beside the
 * size and mtime of every file it came from and what else its checks depended on (the schema
 * file, the time of the next scheduled date). When nothing of that changed, a run lists and stats
 * the folder and writes these lines: it loads neither the index cache's summaries nor the code
 * that reads articles, and works out no schema or checks.
 * It sits beside the app's index cache (index-cache/ in the profile), one file per folder, and
 * is rewritten by every command run that indexed the folder anew.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { version } from '../package.json'
import { SCHEMA_FILE } from '../shared/schema/pins'
import { writeFileAtomic } from './workspace/atomic-write'
import { INDEX_VERSION } from './workspace/cache'
import { findFiles, pathRules, Skipped, statFound } from './workspace/scan'
import type { SiteSettings } from './workspace/site'
import type { FolderWarning } from '../shared/contract'
import type { IndexEntry } from './cli-index'

/** Bump when the listing's layout or the entries' JSON change. */
const LISTING_VERSION = 1

/** What a listing is valid for besides its files: the code and the site's settings. */
function listingKey(site: SiteSettings): string {
  return JSON.stringify([LISTING_VERSION, version, INDEX_VERSION, site.kind, site.timeZone, site.contentRoots, site.sourceDir])
}

interface ListingHead {
  key: string
  root: string
  /** Every file the index knew (articles or not), as parallel lists. */
  paths: string[]
  sizes: number[]
  mtimes: number[]
  /** The schema file's size and mtime when the checks were worked out; null when there was none. */
  schema: [size: number, mtimeMs: number] | null
  /** When the lines were made; a clock set back before it makes them stale. */
  madeAt: number
  /** The first article date after madeAt: from then on that article's "scheduled" note is wrong. */
  validUntil: number | null
}

/** What the listing needs of a finished index, to be written after the command's output. */
export interface ListingFacts {
  files: Iterable<{ rel: string; size: number; mtimeMs: number }>
  schema: ListingHead['schema']
  madeAt: number
  validUntil: number | null
  /** Each article's entry JSON, site-relative paths, in path order. */
  lines: readonly string[]
}

export function listingFile(cacheDir: string, root: string): string {
  return join(cacheDir, `listing-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.utf16`)
}

/** The schema file's size and mtime, or null when there is none. */
export function schemaStamp(root: string): ListingHead['schema'] {
  const s = statSync(join(root, SCHEMA_FILE), { throwIfNoEntry: false })
  return s?.isFile() ? [s.size, s.mtimeMs] : null
}

/** Lines per written part: 100,000 entries never become one string. */
const SAVE_SLICE = 2_000

/** Stored as UTF-16LE, the strings' own encoding: reading it back is a copy, not a decode. */
function* listingParts(site: SiteSettings, facts: ListingFacts): Generator<Uint8Array> {
  const head: ListingHead = {
    key: listingKey(site),
    root: site.root,
    paths: [],
    sizes: [],
    mtimes: [],
    schema: facts.schema,
    madeAt: facts.madeAt,
    validUntil: facts.validUntil,
  }
  for (const f of facts.files) {
    head.paths.push(f.rel)
    head.sizes.push(f.size)
    head.mtimes.push(f.mtimeMs)
  }
  // JSON never holds a raw newline: the head is the first line, each entry a line after it.
  yield Buffer.from(JSON.stringify(head), 'utf16le')
  for (let i = 0; i < facts.lines.length; i += SAVE_SLICE) yield Buffer.from('\n' + facts.lines.slice(i, i + SAVE_SLICE).join('\n'), 'utf16le')
}

export async function saveListing(cacheDir: string, site: SiteSettings, facts: ListingFacts): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  await writeFileAtomic(listingFile(cacheDir, site.root), listingParts(site, facts), { durable: false })
}

/** A listing still true of the folder: its entry lines and what the listing of the folder left out. */
export interface FreshListing {
  /** Each article's entry JSON, site-relative paths, in path order, separated by newlines. */
  lines: string
  warnings: FolderWarning[]
}

/**
 * The stored listing when it is still true: same code and settings, the schema file as it was,
 * no scheduled date reached, and every file found with the size and mtime it had (none added,
 * none gone). Null otherwise, or when there is none or it is damaged.
 */
export function freshListing(cacheDir: string, site: SiteSettings, now: number): FreshListing | null {
  let text: string
  try {
    text = readFileSync(listingFile(cacheDir, site.root), 'utf16le')
  } catch {
    return null // none yet
  }
  const newline = text.indexOf('\n')
  let head: ListingHead
  try {
    head = JSON.parse(newline === -1 ? text : text.slice(0, newline)) as ListingHead
  } catch {
    return null // damaged: the next indexing run writes it again
  }
  if (head.key !== listingKey(site) || head.root !== site.root || now < head.madeAt || (head.validUntil !== null && now >= head.validUntil)) return null
  const schema = schemaStamp(site.root)
  if (schema?.[0] !== head.schema?.[0] || schema?.[1] !== head.schema?.[1]) return null
  // The listing keeps the files in the order the last run found them: an unchanged folder is
  // compared in step, and a map is made only when the order differs.
  let known: Map<string, number> | null = null
  const indexOf = (rel: string, at: number): number | undefined => {
    if (head.paths[at] === rel) return at
    known ??= new Map(head.paths.map((path, i) => [path, i]))
    return known.get(rel)
  }
  const skipped = new Skipped()
  const problems: FolderWarning[] = []
  let seen = 0
  for (const found of findFiles(site, pathRules(site), skipped, problems)) {
    const entry = statFound(site.root, found, skipped)
    if (!entry) continue
    const i = indexOf(found.rel, seen)
    if (i === undefined || entry.size !== head.sizes[i] || entry.mtimeMs !== head.mtimes[i]) return null
    seen++
  }
  if (seen !== head.paths.length) return null
  return { lines: newline === -1 ? '' : text.slice(newline + 1), warnings: [...problems, ...skipped.warnings()] }
}

/** One article of the listing: its `index --json` entry as a JSON line, parsed when asked. */
export class Listed {
  constructor(
    readonly json: string,
    private parsed?: IndexEntry,
  ) {}

  get entry(): IndexEntry {
    return (this.parsed ??= JSON.parse(this.json) as IndexEntry)
  }
}

const PATH_START = '{"path":'
/** What follows an entry's path (a quote inside a path is escaped, so this ends it). */
const PATH_END = '","format":'

/**
 * An entry's JSON line with its site-relative path made relative to DIR, or null when the article
 * is not under DIR (the workspace may be the site around DIR).
 */
export function lineUnder(line: string, root: string, dir: string): string | null {
  if (root === dir) return line
  const end = line.indexOf(PATH_END)
  const rel = relative(dir, join(root, ...(JSON.parse(line.slice(PATH_START.length, end + 1)) as string).split('/')))
  if (rel.startsWith('..') || isAbsolute(rel)) return null
  return PATH_START + JSON.stringify(rel.split(sep).join('/')) + line.slice(end + 1)
}
