/**
 * The command line's listing cache: what the last `folio index` or `folio check` worked out for a
 * folder, as the JSON line of each article's `index --json` entry (site-relative path), beside the
 * size and mtime of every file it came from and what else its checks depended on (the schema
 * file, the time of the next scheduled date). When nothing of that changed, a run lists and stats
 * the folder and writes these lines: it loads neither the index cache's summaries nor the code
 * that reads articles (nor the YAML parser, nor the zone data), and works out no schema or checks.
 * It sits beside the app's index cache (index-cache/ in the profile), one file per folder, and
 * is rewritten by every command run that indexed the folder anew (cli-listing-save.ts).
 * The file is UTF-8: its first line the head (ListingHead's JSON), then the entries as the inside
 * of `index --json`'s array (`entry,\nentry,\n…entry`), so an unchanged folder's answer is
 * written out as the stored bytes, never decoded or encoded.
 */
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { version } from '../package.json'
import { JSON_LIST_SEPARATOR } from './cli-command'
import { SCHEMA_FILE } from '../shared/schema/file'
import { cacheFileName, siteKey } from './workspace/cache-key'
import { findFiles, pathRules, Skipped, statFound } from './workspace/scan'
import type { SiteSettings } from './workspace/site'
import type { FolderWarning } from '../shared/contract'
import type { IndexEntry } from './cli-index'

/** Bump when the listing's layout or the entries' JSON change. */
const LISTING_VERSION = 2

/** What a listing is valid for besides its files: the code and the site's settings. */
export function listingKey(site: SiteSettings): string {
  return JSON.stringify([LISTING_VERSION, version, ...siteKey(site)])
}

export interface ListingHead {
  key: string
  root: string
  /** Every file the index knew (articles or not), as parallel lists. */
  paths: string[]
  sizes: number[]
  /** Null for a stamp read within its mtime's tick (stampTrusted): that file is never taken as unchanged. */
  mtimes: (number | null)[]
  /** The schema file's size and mtime when the checks were worked out (no mtime: not one to trust, stampTrusted); null when there was none. */
  schema: [size: number, mtimeMs: number | null] | null
  /** When the lines were made; a clock set back before it makes them stale. */
  madeAt: number
  /** The first article date after madeAt: from then on that article's "scheduled" note is wrong. */
  validUntil: number | null
}

export function listingFile(cacheDir: string, root: string): string {
  return join(cacheDir, cacheFileName('listing', root, 'jsonl'))
}

/** The schema file's size and mtime, or null when there is none. */
export function schemaStamp(root: string): [size: number, mtimeMs: number] | null {
  const s = statSync(join(root, SCHEMA_FILE), { throwIfNoEntry: false })
  return s?.isFile() ? [s.size, s.mtimeMs] : null
}

/** Between two entries of the stored listing, as between two entries of `index --json`'s array. */
export const ENTRY_SEPARATOR = JSON_LIST_SEPARATOR

/** A listing still true of the folder: its entries and what the listing of the folder left out. */
export interface FreshListing {
  /** Each article's entry JSON (UTF-8), site-relative paths, in path order, joined by ENTRY_SEPARATOR. */
  entries: Buffer
  warnings: FolderWarning[]
}

/**
 * The stored listing when it is still true: same code and settings, the schema file as it was,
 * no scheduled date reached, and every file found with the size and mtime it had (none added,
 * none gone). Null otherwise, or when there is none or it is damaged.
 */
export function freshListing(cacheDir: string, site: SiteSettings, now: number): FreshListing | null {
  let bytes: Buffer
  try {
    bytes = readFileSync(listingFile(cacheDir, site.root))
  } catch {
    return null // none yet
  }
  const newline = bytes.indexOf(10)
  let head: ListingHead
  try {
    head = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline)) as ListingHead
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
  return { entries: newline === -1 ? Buffer.alloc(0) : bytes.subarray(newline + 1), warnings: [...problems, ...skipped.warnings()] }
}

/** Each entry line of a listing's entries (see ENTRY_SEPARATOR). */
export function* entryLines(entries: Buffer): Generator<string> {
  const text = entries.toString('utf8')
  for (let at = 0; at < text.length;) {
    const end = text.indexOf(ENTRY_SEPARATOR, at)
    // A JSON line never holds a raw newline: a comma and a newline are always between entries.
    yield text.slice(at, end === -1 ? undefined : end)
    at = end === -1 ? text.length : end + ENTRY_SEPARATOR.length
  }
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
