/**
 * Finding article files under the content roots, with the skip rules each site generator uses,
 * and their size and mtime (all the cache needs to decide whether to read a file again).
 */
import type { Dirent } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SiteSettings } from './site'

/** Always articles. */
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx'])
/** Articles only when they start with a front-matter header (decided when read). */
const HEADER_EXTENSIONS = new Set(['.html', '.htm', '.txt'])
const ALWAYS_SKIPPED = new Set(['node_modules'])

export type FileKind = 'article' | 'needs-header'

export interface PathRules {
  /** Whether a folder (POSIX, relative to the site root) is descended into. */
  dir(rel: string): boolean
  /** Whether a file is (possibly) an article; null when it is not. */
  file(rel: string): FileKind | null
  /** Files in a drafts folder are unpublished whatever their header says. */
  inDrafts(rel: string): boolean
}

export interface ScanEntry {
  rel: string
  abs: string
  size: number
  mtimeMs: number
  kind: FileKind
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

function lastSegment(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1)
}

function under(rel: string, folder: string): boolean {
  return folder === '' || rel === folder || rel.startsWith(folder + '/')
}

export function pathRules(site: SiteSettings): PathRules {
  const drafts =
    site.kind === 'hexo' ? [`${site.sourceDir}/_drafts`.replace(/^\//, '')] : site.kind === 'jekyll' ? ['_drafts'] : []
  const hexoSpecial = new Set(['_posts', '_drafts'].map((d) => `${site.sourceDir}/${d}`.replace(/^\//, '')))
  // Hexo, Jekyll and Astro leave out `_`-prefixed entries (Hexo's own folders excepted).
  const skipUnderscore = site.kind === 'hexo' || site.kind === 'jekyll' || site.kind === 'astro'
  const hidden = (rel: string): boolean => {
    const name = lastSegment(rel)
    if (name.startsWith('.') || ALWAYS_SKIPPED.has(name)) return true
    return skipUnderscore && name.startsWith('_') && !hexoSpecial.has(rel) && !(site.kind === 'jekyll' && (rel === '_posts' || rel === '_drafts'))
  }
  const inRoots = (rel: string): boolean => site.contentRoots.some((root) => under(rel, root))
  return {
    dir: (rel) => (rel === '' || !hidden(rel)) && (inRoots(rel) || site.contentRoots.some((root) => under(root, rel))),
    file(rel) {
      if (hidden(rel) || !inRoots(rel)) return null
      const ext = extension(lastSegment(rel))
      if (ARTICLE_EXTENSIONS.has(ext)) return 'article'
      return HEADER_EXTENSIONS.has(ext) ? 'needs-header' : null
    },
    inDrafts: (rel) => drafts.some((d) => under(rel, d)),
  }
}

/** Runs fn over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** Every article file under the site's content roots. Symlinked folders are not followed (loops). */
export async function scan(site: SiteSettings, rules: PathRules = pathRules(site)): Promise<ScanEntry[]> {
  const found: { rel: string; abs: string; kind: FileKind; link: boolean }[] = []
  const walk = async (rel: string): Promise<void> => {
    const abs = rel ? join(site.root, rel) : site.root
    let entries: Dirent[]
    try {
      entries = await readdir(abs, { withFileTypes: true })
    } catch {
      return // vanished or unreadable: nothing to index there
    }
    const dirs: string[] = []
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (rules.dir(childRel)) dirs.push(childRel)
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const kind = rules.file(childRel)
        if (kind) found.push({ rel: childRel, abs: join(abs, entry.name), kind, link: entry.isSymbolicLink() })
      }
    }
    await Promise.all(dirs.map(walk))
  }
  await walk('')
  const rootPrefix = site.root.endsWith('/') ? site.root : site.root + '/'
  const stats = await mapLimit(found, 64, async (f) => {
    try {
      // A symlinked article counts only when it points at a file inside the root.
      if (f.link && !(await realpath(f.abs)).startsWith(rootPrefix)) return null
      const s = await stat(f.abs)
      return s.isFile() ? { rel: f.rel, abs: f.abs, size: s.size, mtimeMs: s.mtimeMs, kind: f.kind } : null
    } catch {
      return null
    }
  })
  return stats.filter((s): s is ScanEntry => s !== null)
}
