/**
 * What the caches in the profile's index-cache folder are named by and valid for: the index
 * cache (cache.ts) and the command line's listing (cli-listing.ts). Apart from both, with no
 * imports beyond the site's zone key, so checking a listing loads no hashing, writing or parsing code.
 */
import { zoneKey, type SiteSettings } from './site'

/** Bump when the summary changes shape or meaning: old caches are then ignored. */
export const INDEX_VERSION = 6

/**
 * A folder's cache file name: `kind`, a 64-bit FNV-1a hash of the folder's real path and the
 * extension. The file's own record of the path settles a collision (a cache of another folder is
 * ignored), so a fast hash suits and node:crypto need not load.
 */
export function cacheFileName(kind: 'index' | 'listing', root: string, extension: string): string {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < root.length; i++) hash = ((hash ^ BigInt(root.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn
  return `${kind}-${hash.toString(16).padStart(16, '0')}.${extension}`
}

/** The site's settings a summary depends on: a cache made with others is ignored. */
export function siteKey(site: SiteSettings): unknown[] {
  return [INDEX_VERSION, site.kind, zoneKey(site), site.contentRoots, site.sourceDir]
}

/**
 * Filesystems count mtimes in ticks (a second on HFS+ and ext3, two on FAT, a few milliseconds
 * on ext4), so a file written again within the tick it was read in keeps its mtime, and at the
 * same size its stamp says nothing changed. A stamp read this close after its mtime (or before
 * it: a clock behind the disk's) is kept by no cache: the file is read again next time.
 */
const SAME_TICK_MS = 2_000

/** Whether a file's size and mtime, read at `readAt`, may stand for its contents in a cache. */
export function stampTrusted(mtimeMs: number, readAt: number): boolean {
  return readAt >= trustedFrom(mtimeMs)
}

/** The earliest time a read of a file with this mtime is trusted (stampTrusted). */
export function trustedFrom(mtimeMs: number): number {
  return mtimeMs + SAME_TICK_MS
}
