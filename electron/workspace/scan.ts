/**
 * Finding article files under the content roots, with the skip rules each site generator uses,
 * and their size and mtime (all the cache needs to decide whether to read a file again).
 */
import type { Dirent, Stats } from 'node:fs'
import type { FolderWarning } from '../../shared/contract'
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { dirname, join, sep } from 'node:path'
import { isTempName, STALE_TEMP_MS, TEMP_NAMES } from './atomic-write'
import { stampTrusted } from './cache-key'
import { specialKind } from './open-inside'
import { inSlices } from './slices'
import type { SiteSettings } from './site'

/** Always articles. */
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx'])
/** Articles only when they start with a front-matter header (decided when read). */
const HEADER_EXTENSIONS = new Set(['.html', '.htm', '.txt'])
const ALWAYS_SKIPPED = new Set(['node_modules'])

/**
 * Which file names a kept folder listing holds (see listingOf): a cache written under other
 * extensions or temp names has listings that would hide files this version reads, so it is
 * stored beside them and a cache with another one lists every folder again.
 */
export const LISTING_FILTER = `${[...ARTICLE_EXTENSIONS, ...HEADER_EXTENSIONS].join(',')}|${TEMP_NAMES}`

/** Whether a cached listing's name can be an entry of one folder: one path segment, nothing that climbs out. */
export function isEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
}

export type FileKind = 'article' | 'needs-header'

/** Whether a file of this name can be an article, by its extension alone. */
export function articleFileKind(name: string): FileKind | null {
  const ext = extension(name)
  return ARTICLE_EXTENSIONS.has(ext) ? 'article' : HEADER_EXTENSIONS.has(ext) ? 'needs-header' : null
}

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
  /** For a named pipe, socket or device with an article's name: what it is. It is listed, never opened. */
  special?: string
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

/** Whether a file name has one of the types the scan reads as (possible) articles. */
export function isArticleName(name: string): boolean {
  const ext = extension(name)
  return ARTICLE_EXTENSIONS.has(ext) || HEADER_EXTENSIONS.has(ext)
}

function lastSegment(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1)
}

/** Whether rel is folder or lies under it; no string is built (the walk asks this of every file against every root). */
function under(rel: string, folder: string): boolean {
  return folder === '' || (rel.startsWith(folder) && (rel.length === folder.length || rel.charCodeAt(folder.length) === SLASH))
}

const SLASH = 0x2f

/**
 * Whether `rel` lies in a folder named by the layout: a path (`source/_posts`, '' for the root)
 * covers what is under it; a bare `_`-name (`_posts`) covers such a folder anywhere, as Jekyll
 * reads `blog/_posts` too.
 */
function inFolder(rel: string, folder: string): boolean {
  if (under(rel, folder)) return true
  if (folder.includes('/') || !folder.startsWith('_')) return false
  return `/${rel}/`.includes(`/${folder}/`)
}

/** The scan's rules from the generator's layout (shared/sites): roots, pages, drafts, skipped names. */
export function pathRules(site: SiteSettings): PathRules {
  const { roots, pages, drafts, skipUnderscore, keep, skip } = site.layout
  const hidden = (rel: string, name = lastSegment(rel)): boolean => {
    if (name.startsWith('.') || ALWAYS_SKIPPED.has(name)) return true
    if (skip.some((s) => under(rel, s))) return true
    return skipUnderscore && name.startsWith('_') && !keep.some((k) => rel === k || (!k.includes('/') && name === k))
  }
  const inRoots = (rel: string): boolean => roots.some((root) => inFolder(rel, root))
  const inPages = (rel: string): boolean => pages.some((page) => under(rel, page))
  const leadsTo = (rel: string): boolean => [...roots, ...pages].some((root) => under(root, rel))
  return {
    dir: (rel) => (rel === '' || !hidden(rel)) && (inRoots(rel) || inPages(rel) || leadsTo(rel)),
    file(rel) {
      const name = lastSegment(rel)
      if (hidden(rel, name)) return null
      const kind = articleFileKind(name)
      if (kind === null || inRoots(rel)) return kind
      // A page is an article only when it starts with a header (Jekyll copies the others as they are).
      return inPages(rel) ? 'needs-header' : null
    },
    inDrafts: (rel) => drafts.some((d) => inFolder(rel, d)),
  }
}

/**
 * Size and mtime of one article file; null when it is gone, a folder, or a symlink out of the
 * root. A FIFO, socket or device is returned with `special` set, so it is listed as an error.
 */
export function statArticle(root: string, rel: string, kind: FileKind, link?: boolean, abs = join(root, rel)): ScanEntry | null {
  try {
    const s = statSync(abs, { throwIfNoEntry: false })
    if (!s || s.isDirectory()) return null
    // A symlinked article counts only when it points at a file inside the root.
    if ((link ?? lstatSync(abs).isSymbolicLink()) && !realpathSync(abs).startsWith(root.endsWith('/') ? root : root + '/')) return null
    const entry: ScanEntry = { rel, abs, size: s.size, mtimeMs: s.mtimeMs, kind }
    // Set only when it is one (rarely): a re-open makes an entry per file, and a spread of an empty object per entry costs as much as the entry.
    const special = specialKind(s)
    if (special) entry.special = special
    return entry
  } catch {
    // Gone between the listing and the stat, or a link that leads nowhere: not an article now.
    return null
  }
}

/** What the walk needs of a folder's entry: a Dirent, or one a cached listing names. */
export interface FolderEntry {
  readonly name: string
  isDirectory(): boolean
  isSymbolicLink(): boolean
  isFile(): boolean
}

/**
 * A folder's listing as the index cache keeps it: the folder's stamp when it was listed and the
 * entries any scan rules can look at (folders, links, article and temp-file names). Creating,
 * removing or renaming an entry changes the folder's mtime; a chmod its ctime; a folder put in
 * its place its inode. While all three are the same, the listing stands for the folder.
 */
export interface FolderListing {
  mtimeMs: number
  ctimeMs: number
  ino: number
  names: string[]
  /** One letter per name: d a folder, f a regular file, l a symbolic link, o anything else. */
  types: string
}

/** The listings a walk may reuse (from the cache) and the ones it leaves for the next save. */
export interface Listings {
  known: ReadonlyMap<string, FolderListing>
  /** Every folder listed (with a stamp old enough to trust) or reused in this walk. */
  kept: Map<string, FolderListing>
  /** How many listings this walk kept that the cache did not hold: worth a save. */
  added: number
}

class ListedEntry implements FolderEntry {
  constructor(
    readonly name: string,
    private readonly type: string,
  ) {}
  isDirectory(): boolean {
    return this.type === 'd'
  }
  isSymbolicLink(): boolean {
    return this.type === 'l'
  }
  isFile(): boolean {
    return this.type === 'f'
  }
}

function entriesOf(listing: FolderListing): FolderEntry[] {
  const out: FolderEntry[] = []
  for (let i = 0; i < listing.names.length; i++) out.push(new ListedEntry(listing.names[i] as string, listing.types[i] as string))
  return out
}

function listingOf(s: Stats, entries: readonly Dirent[]): FolderListing {
  const names: string[] = []
  let types = ''
  for (const entry of entries) {
    const dir = entry.isDirectory()
    const link = entry.isSymbolicLink()
    // Kept whatever the rules: a change of the site's settings needs no new listing.
    if (!dir && !link && !isArticleName(entry.name) && !isTempName(entry.name)) continue
    names.push(entry.name)
    types += dir ? 'd' : link ? 'l' : entry.isFile() ? 'f' : 'o'
  }
  return { mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, names, types }
}

/**
 * The entries of one folder: its cached listing while the folder's stamp is the one listed, else
 * a listing now (kept for the cache when its mtime is older than the tick a change could hide in).
 */
function listFolder(abs: string, rel: string, listings: Listings | undefined): FolderEntry[] {
  if (!listings) return readdirSync(abs, { withFileTypes: true })
  // The time before the stat and the listing: a change after it gives the folder a later mtime.
  const listedAt = Date.now()
  const s = statSync(abs, { throwIfNoEntry: false })
  const known = listings.known.get(rel)
  if (s && known && known.mtimeMs === s.mtimeMs && known.ctimeMs === s.ctimeMs && known.ino === s.ino) {
    listings.kept.set(rel, known)
    return entriesOf(known)
  }
  const entries = readdirSync(abs, { withFileTypes: true })
  if (s && stampTrusted(s.mtimeMs, listedAt)) {
    listings.kept.set(rel, listingOf(s, entries))
    listings.added++
  }
  return entries
}

/**
 * Every folder the scan descends into with its entries, breadth first, one listing per step, so
 * a caller can read the files of the first folders before the last ones are listed. Unreadable
 * folders are skipped (and told to `unreadable`). With `listings`, a folder unchanged since the
 * cache listed it is not listed again.
 */
function* folders(
  site: SiteSettings,
  rules: PathRules,
  unreadable?: (rel: string, error: unknown) => void,
  listings?: Listings,
): Generator<{ rel: string; abs: string; entries: FolderEntry[] }> {
  const dirs = ['']
  for (let i = 0; i < dirs.length; i++) {
    const rel = dirs[i] as string
    const abs = rel ? join(site.root, rel) : site.root
    let entries: FolderEntry[]
    try {
      entries = listFolder(abs, rel, listings)
    } catch (error) {
      // Vanished meanwhile is nothing to report; a folder we may not read is.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') unreadable?.(rel, error)
      continue
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory() && rules.dir(childRel)) dirs.push(childRel)
    }
    yield { rel, abs, entries }
  }
}

/** A possible article as its folder's listing names it, before any stat. */
export interface FoundFile {
  rel: string
  abs: string
  kind: FileKind
  /** A symbolic link: it counts only when it leads to a file inside the root, which a stat checks. */
  link: boolean
  /** The listing says it is a regular file: it can be opened at once, its size and mtime taken from the open file. */
  regular: boolean
}

/** The problem of a folder that could not be listed, in the words the folder's warnings use. */
function unreadableFolder(problems: FolderWarning[] | undefined): (rel: string, error: unknown) => void {
  return (rel, error) => {
    const errno = (error as NodeJS.ErrnoException).code ?? ''
    const reason = errno === 'EACCES' ? 'permission denied' : (error as Error).message
    const name = rel || 'the folder itself'
    problems?.push({
      path: rel,
      message: `Could not list ${name} (${reason}): its articles are not shown. Give yourself read access to it and open the folder again.`,
      reason: 'folder-unlistable',
      params: { path: rel, errno, detail: reason },
      skipped: true,
    })
  }
}

/**
 * Every possible article under the site's content roots, a folder at a time, from the listings
 * alone (no stat: the index stats only what its cache knows or what the listing cannot tell).
 * Symlinked folders are not followed (loops) and are noted in `skipped`; folders that cannot be
 * read are added to `problems`, so they are reported instead of looking empty. `listings`: see folders().
 */
export function* findFiles(site: SiteSettings, rules: PathRules, skipped: Skipped, problems?: FolderWarning[], listings?: Listings): Generator<FoundFile> {
  for (const { rel, abs, entries } of folders(site, rules, unreadableFolder(problems), listings)) {
    // A listed name is one segment: the folder's path and the name need no join (which normalises every path again).
    const prefix = abs.endsWith(sep) ? abs : abs + sep
    for (const entry of entries) {
      if (entry.isDirectory()) continue
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      const kind = rules.file(childRel)
      const link = entry.isSymbolicLink()
      if (kind) yield { rel: childRel, abs: prefix + entry.name, kind, link, regular: entry.isFile() }
      else if (link && rules.dir(childRel) && statSync(join(site.root, childRel), { throwIfNoEntry: false })?.isDirectory())
        skipped.add('folder-link', childRel)
    }
  }
}

/** A found file's size and mtime; null when it is left out (a link out of the root or to nothing, gone meanwhile), noted in `skipped`. */
export function statFound(root: string, found: FoundFile, skipped: Skipped): ScanEntry | null {
  const entry = statArticle(root, found.rel, found.kind, found.link, found.abs)
  if (entry) return entry
  if (found.link) skipped.add(statSync(found.abs, { throwIfNoEntry: false }) ? 'outside-link' : 'dangling-link', found.rel)
  else if (!existsSync(found.abs)) skipped.add('vanished', found.rel)
  return null
}

/** Every article file under the site's content roots with its size and mtime (see findFiles). */
export async function scan(site: SiteSettings, rules: PathRules = pathRules(site), problems?: FolderWarning[]): Promise<ScanEntry[]> {
  const skipped = new Skipped()
  const found: ScanEntry[] = []
  await inSlices(findFiles(site, rules, skipped, problems), (f) => {
    const entry = statFound(site.root, f, skipped)
    if (entry) found.push(entry)
  })
  problems?.push(...skipped.warnings())
  return found
}

export type SkipReason = 'folder-link' | 'outside-link' | 'dangling-link' | 'vanished'

/** Files and links the scan or the index left out, reported as one warning per reason. */
export class Skipped {
  private readonly paths = new Map<SkipReason, string[]>()

  add(reason: SkipReason, rel: string): void {
    const list = this.paths.get(reason)
    if (list) list.push(rel)
    else this.paths.set(reason, [rel])
  }

  warnings(): FolderWarning[] {
    const out: FolderWarning[] = []
    for (const [reason, paths] of this.paths) {
      const n = paths.length
      const named = paths.slice(0, 3).join(', ') + (n > 3 ? `, and ${n - 3} more` : '')
      const one = n === 1
      const message = {
        'folder-link': `Did not follow ${one ? 'a link to a folder' : `${n} links to folders`} (${named}): a link can lead round in a circle, so Folio reads only real folders. Open the folder a link points to on its own, or put the folder itself here.`,
        'outside-link': `Skipped ${one ? 'a link' : `${n} links`} to files outside this folder (${named}): Folio edits only files inside the folder you opened. Open the folder they point to, or copy the files in.`,
        'dangling-link': `Skipped ${one ? 'a link that leads' : `${n} links that lead`} nowhere (${named}): the file pointed to does not exist. Fix or remove ${one ? 'the link' : 'the links'}.`,
        vanished: `${one ? 'A file was' : `${n} files were`} moved or deleted while Folio read the folder (${named}), so ${one ? 'it is' : 'they are'} not listed. Open the folder again to list ${one ? 'it' : 'them'} if ${one ? 'it is' : 'they are'} back.`,
      }[reason]
      out.push({
        path: paths[0] ?? '',
        message,
        reason: 'links-skipped',
        params: { why: reason, count: n, names: paths.slice(0, 3).join('\n') },
        skipped: true,
      })
    }
    return out
  }
}

/**
 * Removes the temp files of saves that a crash or a kill interrupted more than a day ago, in
 * every folder the scan reads (that is where saves put them). Returns how many went. `known`:
 * the listings the index just made or reused (they name temp files too), so a folder unchanged
 * since is not listed again.
 */
export async function sweepStaleTemps(site: SiteSettings, rules: PathRules, known?: ReadonlyMap<string, FolderListing>, now = Date.now()): Promise<number> {
  const stale: string[] = []
  const listings = known && { known, kept: new Map<string, FolderListing>(), added: 0 }
  await inSlices(folders(site, rules, undefined, listings), ({ rel, entries }) => {
    for (const entry of entries) {
      if (!entry.isFile() || !isTempName(entry.name)) continue
      const abs = join(site.root, rel, entry.name)
      // Only ever a file directly in the folder walked, whatever a listing says.
      if (dirname(abs) !== join(site.root, rel)) continue
      const s = lstatSync(abs, { throwIfNoEntry: false })
      if (s?.isFile() && now - s.mtimeMs >= STALE_TEMP_MS) stale.push(abs)
    }
  })
  let removed = 0
  for (const abs of stale)
    if (
      await unlink(abs).then(
        () => true,
        () => false,
      )
    )
      removed++
  return removed
}
