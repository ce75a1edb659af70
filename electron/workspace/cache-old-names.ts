/**
 * What earlier versions named a folder's caches in the profile's index-cache folder: `index-` or
 * `listing-` and the first 24 hex digits of the SHA-256 of the folder's real path. Since the names
 * became cache-key.ts's, those files were never read nor deleted again (some 17 MB per 10,000
 * posts for each folder); the first save of a folder's cache removes that folder's, and only those.
 */
import { createHash } from 'node:crypto'
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'

/** Every name an earlier version gave this folder's caches (UTF-8 index, UTF-16 index, UTF-16 listing). */
export function oldCacheNames(root: string): string[] {
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 24)
  return [`index-${hash}.json`, `index-${hash}.utf16.json`, `listing-${hash}.utf16`]
}

/** Deletes the folder's caches under their old names; a name that is not there is fine. */
export async function removeOldCaches(cacheDir: string, root: string): Promise<void> {
  await Promise.all(oldCacheNames(root).map((name) => unlink(join(cacheDir, name)).catch(() => undefined)))
}
