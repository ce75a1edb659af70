/**
 * Where a reference points, by the site's rules: a path relative to the article's folder, to
 * Hexo's post asset folder (the folder named after the post), to a page bundle, or for `/x.png`
 * to the folder the generator serves as the site root (Hexo `source/`, Hugo `static/`, Astro
 * `public/`, Jekyll and plain folders the root itself). Paths are POSIX, relative to the site
 * root; nothing here touches a disk: callers that can look pass `exists` to pick among candidates.
 */
import type { SiteKind } from '../contract'
import { sourceKind } from '../resources'
import type { ReferenceKind } from './references'

/** What the asset rules need to know about a site. */
export interface AssetRules {
  kind: SiteKind
  /** Hexo's `post_asset_folder`. */
  postAssetFolder: boolean
  /** Hexo `source_dir`, Hugo `contentDir`, … relative to the root ('' for plain folders). */
  sourceDir: string
}

export const PLAIN_RULES: AssetRules = { kind: 'plain', postAssetFolder: false, sourceDir: '' }

/** A file's name without its extension (`foo` for `a/foo.md`; a leading dot is part of the name). */
export function fileStem(rel: string): string {
  const name = rel.slice(rel.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/** The folder of a path ('' at the root). */
export function folderOf(rel: string): string {
  const slash = rel.lastIndexOf('/')
  return slash === -1 ? '' : rel.slice(0, slash)
}

/** Joins POSIX paths. */
export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/')
}

/** Hexo's post asset folder: the article's path without its extension (`_posts/foo` for `_posts/foo.md`). */
export function postAssetFolder(articleRel: string): string {
  return joinPath(folderOf(articleRel), fileStem(articleRel))
}

/**
 * The folder that goes with an article when it is renamed, duplicated or trashed: Hexo's post
 * asset folder when the site has them; null otherwise (a bundle's files stay with their folder).
 */
export function companionFolder(articleRel: string, rules: AssetRules): string | null {
  const name = articleRel.slice(articleRel.lastIndexOf('/') + 1)
  if (!rules.postAssetFolder || name.lastIndexOf('.') <= 0) return null
  return postAssetFolder(articleRel)
}

/** A Hugo page bundle's content file (`index.md`, `_index.md`): its resources live beside it. */
export function isBundleIndex(articleRel: string): boolean {
  const stem = fileStem(articleRel)
  return stem === 'index' || stem === '_index'
}

/** The folder an article keeps its own files in: the bundle's folder, or the post asset folder. */
export function ownMediaFolder(articleRel: string): string {
  return isBundleIndex(articleRel) ? folderOf(articleRel) : postAssetFolder(articleRel)
}

/** Folders the generator serves at the site's `/` for files that are not articles. */
export function siteRoots(rules: AssetRules): string[] {
  switch (rules.kind) {
    case 'hugo':
      return ['static', rules.sourceDir]
    case 'astro':
      return ['public']
    case 'jekyll':
    case 'plain':
      return ['']
    default:
      return [rules.sourceDir]
  }
}

/**
 * Normalizes `path` (POSIX, `.` and `..` resolved, a leading `/` read as `base`) against `base`; null when it climbs out of the
 * site root, which nothing in a site may point to.
 */
export function resolvePath(base: string, path: string): string | null {
  const parts = base.split('/').filter(Boolean)
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (!parts.length) return null
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}

/** Jekyll's `{{ site.baseurl }}` (and `{{ site.url }}{{ site.baseurl }}`) in front of a root path. */
export const LIQUID_BASE = /^\{\{\s*site\.(?:url\s*\}\}\{\{\s*site\.)?baseurl\s*\}\}/

/** The path part of a target: no query or fragment. */
export function pathPart(target: string): string {
  return target.replace(LIQUID_BASE, '').split(/[?#]/)[0] ?? ''
}

/** Whether a target names a file of the site rather than a web address, an anchor or nothing. */
export function isLocalTarget(target: string): boolean {
  return sourceKind(target) === 'local' && pathPart(target) !== ''
}

/** A folder a reference's path is read against: the site root served at `/`, the article's folder, or its post asset folder. */
export interface TargetBase {
  kind: 'root' | 'folder' | 'asset'
  folder: string
}

const isAssetTag = (kind: ReferenceKind): boolean => kind === 'asset_img' || kind === 'asset_link' || kind === 'asset_path'

/**
 * The folders a reference's path is read against, best first. Empty for web addresses, anchors
 * and nothing at all. The rename rewrite writes a moved target against the same kind of base.
 */
export function targetBases(ref: { kind: ReferenceKind; target: string }, articleRel: string, rules: AssetRules): TargetBase[] {
  if (isAssetTag(ref.kind)) return [{ kind: 'asset', folder: postAssetFolder(articleRel) }]
  if (!isLocalTarget(ref.target)) return []
  const path = pathPart(ref.target)
  if (path.startsWith('/')) return siteRoots(rules).map((folder) => ({ kind: 'root', folder }))
  const beside: TargetBase = { kind: 'folder', folder: folderOf(articleRel) }
  if (!rules.postAssetFolder || isBundleIndex(articleRel)) return [beside]
  // Hexo publishes the asset folder at the post's own URL, so a bare `cover.png` is there;
  // `post/cover.png` (how Typora and the editor write it) is beside the post.
  const inFolder: TargetBase = { kind: 'asset', folder: postAssetFolder(articleRel) }
  const plain = path.replace(/^(\.\/)+/, '')
  return plain.startsWith(`${fileStem(articleRel)}/`) || plain.startsWith('../') ? [beside, inFolder] : [inFolder, beside]
}

/** The path a reference names, to be read against each of its bases. */
export function targetPath(ref: { kind: ReferenceKind; target: string }): string {
  return isAssetTag(ref.kind) ? ref.target.replace(/^\/+/, '') : pathPart(ref.target)
}

/**
 * Where a reference's target may be, best first, as paths relative to the site root. Empty for
 * web addresses, anchors, and paths that leave the site.
 */
export function targetCandidates(ref: { kind: ReferenceKind; target: string }, articleRel: string, rules: AssetRules): string[] {
  const path = targetPath(ref)
  const list = targetBases(ref, articleRel, rules).map((base) => resolvePath(base.folder, path))
  return [...new Set(list.filter((p): p is string => p !== null && p !== ''))]
}

/** Where a reference points: the first candidate that `exists` (or the first, when no one can look). */
export function resolveTarget(
  ref: { kind: ReferenceKind; target: string },
  articleRel: string,
  rules: AssetRules,
  exists?: (rel: string) => boolean,
): string | null {
  const candidates = targetCandidates(ref, articleRel, rules)
  if (!exists) return candidates[0] ?? null
  return candidates.find(exists) ?? null
}
