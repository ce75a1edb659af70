/**
 * Output names. Titles become file names the way new posts are named (workspace/create): CJK
 * stays readable, only characters file systems and URLs trip over are replaced.
 */
import { fileStem } from '../../shared/assets'
import { readableSlug } from '../workspace/create'

/** A readable name from the title, else from the file name, else "article". */
export function slugFor(title: string, rel: string): string {
  return readableSlug(title) || readableSlug(fileStem(rel)) || 'article'
}

/**
 * Unique names for items, decided in path order so the same input always gets the same names;
 * case-insensitively unique because macOS and Windows file systems are. `reserved` names are
 * taken already (the folder's own index page).
 */
export function uniqueSlugs<T extends { rel: string }>(
  items: readonly T[],
  slugOf: (item: T) => string,
  reserved: readonly string[] = [],
): Map<string, string> {
  const out = new Map<string, string>()
  const taken = new Set(reserved.map((name) => name.toLowerCase()))
  for (const item of [...items].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
    const base = slugOf(item)
    let slug = base
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`
    taken.add(slug.toLowerCase())
    out.set(item.rel, slug)
  }
  return out
}
