/**
 * Writing the command line's listing cache (cli-listing.ts describes it) after a run that indexed
 * the folder anew. Apart from the check, which a run answered from the listing makes alone: it
 * loads no writing code.
 */
import { mkdir } from 'node:fs/promises'
import { writeFileAtomic } from './workspace/atomic-write'
import { ENTRY_SEPARATOR, listingFile, listingKey, type ListingHead } from './cli-listing'
import type { SiteSettings } from './workspace/site'

/** What the listing needs of a finished index, to be written after the command's output. */
export interface ListingFacts {
  files: Iterable<{ rel: string; size: number; mtimeMs: number; untrusted: boolean }>
  schema: ListingHead['schema']
  madeAt: number
  validUntil: number | null
  /** Each article's entry JSON, site-relative paths, in path order. */
  lines: readonly string[]
}

/** Entries per written part: 100,000 entries never become one string. */
const SAVE_SLICE = 2_000

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
    // No mtime matches null: a stamp no cache may trust makes the listing stale for the next run.
    head.mtimes.push(f.untrusted ? null : f.mtimeMs)
  }
  // JSON never holds a raw newline: the head is the first line.
  yield Buffer.from(JSON.stringify(head) + '\n')
  for (let i = 0; i < facts.lines.length; i += SAVE_SLICE) {
    yield Buffer.from((i > 0 ? ENTRY_SEPARATOR : '') + facts.lines.slice(i, i + SAVE_SLICE).join(ENTRY_SEPARATOR))
  }
}

export async function saveListing(cacheDir: string, site: SiteSettings, facts: ListingFacts): Promise<void> {
  await mkdir(cacheDir, { recursive: true })
  await writeFileAtomic(listingFile(cacheDir, site.root), listingParts(site, facts), { durable: false })
}
