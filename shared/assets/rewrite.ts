/**
 * Rename and move keep links whole. For files moved (an article with its post asset folder, an
 * image), the minimal patches that make an article's references follow them: in the body
 * (Markdown and HTML links and images, Hexo asset tags and post_link, Jekyll post_url and link,
 * Hugo ref and relref) and in header values (`thumbnail:`, `cover:`). Where a reference points,
 * before and after, is asked of the same resolver the link checker, the preview and the exports
 * use, and every new target is read back through it before it is written: the rewrite writes
 * exactly what they will find. Only a reference's target bytes change; the header goes through
 * the lossless header edit (shared/frontmatter). Pure: the caller lists the files.
 */
import { said, type Problem, type Said } from '../errors'
import { parse, setValue } from '../frontmatter'
import type { EditValue, FieldValue, HeaderError, TextPatch } from '../frontmatter/types'
import type { Generator } from '../sites/types'
import { relativePath } from './insert'
import { findReferences, type Reference } from './references'
import {
  companionFolder,
  fileStem,
  folderOf,
  isBundleIndex,
  isLocalTarget,
  LIQUID_BASE,
  pathPart,
  resolvePath,
  resolveTarget,
  siteRoots,
  targetBases,
  targetPath,
  type AssetRules,
  type TargetBase,
} from './resolve'
import { findSiteLinks, LINK_BASE, siteLinkTarget, type SiteLink } from './site-links'

/** A file or a folder (with everything in it) moving from one path to another (POSIX, relative to the root). */
export interface FileMove {
  from: string
  to: string
}

/** Where a path is after the moves. */
export function relocate(moves: readonly FileMove[], rel: string): string {
  for (const m of moves) {
    if (rel === m.from) return m.to
    if (rel.startsWith(`${m.from}/`)) return m.to + rel.slice(m.from.length)
  }
  return rel
}

/**
 * What renaming one file moves: the file, and for a Hexo post its asset folder when it has one
 * and the new name's folder is free (as the workspace's rename does).
 */
export function movesFor(from: string, to: string, rules: AssetRules, files: ReadonlySet<string>, articles: readonly string[]): FileMove[] {
  const moves: FileMove[] = [{ from, to }]
  const folder = articles.includes(from) ? companionFolder(from, rules) : null
  const next = folder === null ? null : companionFolder(to, rules)
  if (folder === null || next === null || folder === next) return moves
  const has = (dir: string): boolean => [...files].some((f) => f.startsWith(`${dir}/`))
  if (has(folder) && !has(next)) moves.push({ from: folder, to: next })
  return moves
}

/** The site before and after the moves, as the rewrite reads it. */
export interface RewriteSite {
  rules: AssetRules
  /** Every file of the site before the moves. */
  files: ReadonlySet<string>
  /** Every article before the moves. */
  articles: readonly string[]
  moves: readonly FileMove[]
}

export interface RewriteContext extends RewriteSite {
  filesAfter: ReadonlySet<string>
  articlesAfter: readonly string[]
  to(rel: string): string
}

export function rewriteContext(site: RewriteSite): RewriteContext {
  const to = (rel: string): string => relocate(site.moves, rel)
  return { ...site, to, filesAfter: new Set([...site.files].map(to)), articlesAfter: site.articles.map(to) }
}

/** A reference that points to a moved file but cannot be written to reach it: left as written. */
export interface LeftReference {
  /** Offset of the target in the article's text. */
  offset: number
  target: string
  /** Why it is left as written, in English; `said` names it for the UI's language. */
  reason: string
  said: Said
}

export interface ArticleRewrite {
  /** Patches in the text's coordinates; empty when nothing needs to change. */
  patches: TextPatch[]
  left: LeftReference[]
  /** The header does not parse: nothing is patched (references in it cannot be read). */
  headerError: HeaderError | null
}

const under = (path: string, folder: string): boolean => folder === '' || path.startsWith(`${folder}/`)

/** The file a path reference reaches from `article` in a site whose files are `files`, and through which base. */
function reached(
  ref: { kind: Reference['kind']; target: string },
  article: string,
  rules: AssetRules,
  files: ReadonlySet<string>,
): { file: string; base: TargetBase } | null {
  const path = targetPath(ref)
  for (const base of targetBases(ref, article, rules)) {
    const file = resolvePath(base.folder, path)
    if (file !== null && file !== '' && files.has(file)) return { file, base }
  }
  return null
}

/**
 * The new path (decoded, as the resolver reads it) for a path reference whose file moves, or
 * null when the path as written still reaches it. Tries the same kind of base first: a
 * site-rooted `/images/a.png` stays site-rooted, a path beside the post stays beside it.
 */
function newPath(
  ref: Reference | { kind: Reference['kind']; target: string },
  article: string,
  ctx: RewriteContext,
): { path: string } | { left: Problem } | null {
  const before = reached(ref, article, ctx.rules, ctx.files)
  if (!before) return null
  const file = ctx.to(before.file)
  const moved = ctx.to(article)
  if (file === before.file && moved === article) return null
  const reaches = (target: string): boolean => resolveTarget({ kind: ref.kind, target }, moved, ctx.rules, (f) => ctx.filesAfter.has(f)) === file
  if (reaches(ref.target)) return null
  const asset = ref.kind === 'asset_img' || ref.kind === 'asset_link' || ref.kind === 'asset_path'
  const tries: string[] = []
  const dotSlash = /^\.\//.test(targetPath(ref))
  const rooted = (): void => {
    const roots = siteRoots(ctx.rules)
    for (const root of [before.base.folder, ...roots]) if (under(file, root)) tries.push(`/${file.slice(root === '' ? 0 : root.length + 1)}`)
  }
  const relative = (kind: TargetBase['kind']): void => {
    const bases = targetBases({ kind: ref.kind, target: 'x' }, moved, ctx.rules).filter((b) => b.kind === kind)
    for (const base of bases) {
      const rel = relativePath(base.folder, file)
      if (asset && rel.startsWith('../')) continue
      tries.push(dotSlash && !rel.startsWith('../') ? `./${rel}` : rel)
    }
  }
  if (asset) relative('asset')
  else if (before.base.kind === 'root') {
    rooted()
    relative('folder')
  } else {
    relative(before.base.kind)
    relative(before.base.kind === 'asset' ? 'folder' : 'asset')
  }
  const path = tries.find(reaches)
  if (path !== undefined) return { path }
  return { left: asset ? said('left-asset-outside', { file }) : said('left-no-path', { file, moved }) }
}

/** What a written target has around its path: wrapper, site base, query and fragment. */
function parts(raw: string): { open: string; close: string; prefix: string; path: string; suffix: string } {
  let open = ''
  let close = ''
  let inner = raw
  if ((raw.startsWith('<') && raw.endsWith('>')) || (/^["']/.test(raw) && raw.endsWith(raw[0] ?? '') && raw.length > 1)) {
    open = raw[0] ?? ''
    close = raw[raw.length - 1] ?? ''
    inner = raw.slice(1, -1)
  }
  const prefix = LIQUID_BASE.exec(inner)?.[0] ?? ''
  const rest = inner.slice(prefix.length)
  const cut = rest.search(/[?#]/)
  return { open, close, prefix, path: cut === -1 ? rest : rest.slice(0, cut), suffix: cut === -1 ? '' : rest.slice(cut) }
}

/** Percent-encodes a path the way a writer who escapes does: what URLs cannot hold, nothing else. */
const percent = (path: string): string => encodeURI(path).replace(/[?#]/g, (c) => encodeURIComponent(c))

const balanced = (path: string): boolean => {
  let depth = 0
  for (const ch of path) {
    if (ch === '(') depth++
    else if (ch === ')' && --depth < 0) return false
  }
  return depth === 0
}

/** The new target written in the style of the old one: same wrapper, escapes, site base, query and fragment. */
function writeTarget(kind: Reference['kind'], raw: string, path: string): string {
  const p = parts(raw)
  const escaped = /%[0-9a-f]{2}/i.test(p.path)
  let out = escaped ? percent(path) : path
  let { open, close } = p
  if (kind === 'html') {
    if (open === '' && /[\s"'<>=`]/.test(out)) [open, close] = ['"', '"']
    if (open === '"') out = out.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    if (open === "'") out = out.replace(/&/g, '&amp;').replace(/'/g, '&#39;')
  } else if (kind === 'asset_img' || kind === 'asset_link' || kind === 'asset_path') {
    if (open === '' && /\s/.test(out)) [open, close] = ['"', '"']
  } else {
    // A Markdown destination: `<…>` holds spaces; bare, parentheses must balance or be escaped.
    if (open === '' && /[\s<>]/.test(out)) {
      if (/[<>]/.test(out)) out = percent(out)
      else [open, close] = ['<', '>']
    }
    if (open === '' && !balanced(out)) out = out.replace(/[()]/g, '\\$&')
  }
  return `${open}${p.prefix}${out}${p.suffix}${close}`
}

/** Where Hugo reads a ref's path from the content root, without what Hugo adds itself. */
function refShape(file: string, writtenWithExtension: boolean, toBundle: boolean): string {
  if (toBundle && isBundleIndex(file)) return folderOf(file)
  return writtenWithExtension ? file : file.replace(/\.[^./]+$/, '')
}

/** The new target of a site link whose article moves, in the link's own form; null when it still finds it. */
function newSiteTarget(link: SiteLink, article: string, ctx: RewriteContext): { target: string } | { left: Problem } | null {
  const before = siteLinkTarget(link, article, ctx.rules, ctx.files, ctx.articles)
  if (before === null) return null
  const file = ctx.to(before)
  const moved = ctx.to(article)
  const [written = '', ...anchor] = link.target.split('#')
  const hash = anchor.length ? `#${anchor.join('#')}` : ''
  const finds = (target: string): boolean => siteLinkTarget({ kind: link.kind, target }, moved, ctx.rules, ctx.filesAfter, ctx.articlesAfter) === file
  if (file === before && finds(link.target)) return null
  const posts = file.lastIndexOf('_posts/')
  const tries: string[] = []
  const ext = /\.[^./]+$/.test(written)
  switch (link.kind) {
    case 'post_link':
    case 'post_url': {
      if (posts === -1) return { left: said('left-not-under-posts', { file, kind: link.kind }) }
      const inPosts = file.slice(posts + '_posts/'.length)
      const name = ext ? file.slice(file.lastIndexOf('/') + 1) : fileStem(file)
      const path = ext ? inPosts : inPosts.replace(/\.[^./]+$/, '')
      if (written.includes('/')) tries.push(written.startsWith('/') ? `/${path}` : path, name)
      else tries.push(name, path)
      break
    }
    case 'link':
      tries.push(`${LINK_BASE.exec(written)?.[0] ?? ''}${file}`)
      break
    case 'ref': {
      const old = siteLinkTarget({ kind: 'ref', target: written }, article, ctx.rules, ctx.files, ctx.articles)
      const toBundle = old !== null && isBundleIndex(old) && !/(^|\/)_?index(\.[^./]+)?$/.test(written)
      const shaped = refShape(file, ext, toBundle)
      const fromContent = `/${relativePath(ctx.rules.sourceDir, shaped)}`
      const relative = relativePath(folderOf(moved), shaped)
      const name = shaped.slice(shaped.lastIndexOf('/') + 1)
      if (written.startsWith('/')) tries.push(fromContent, relative)
      else if (!written.includes('/')) tries.push(name, relative, fromContent)
      else tries.push(relative, fromContent)
      break
    }
  }
  const found = tries.find((t) => finds(t + hash))
  return found === undefined ? { left: said('left-no-target', { file, moved, kind: link.kind }) } : { target: found + hash }
}

/** A tag argument written in the style of the old one (its quotes kept; quoted when it needs to be). */
function writeArg(raw: string, value: string): string {
  const quote = /^["']/.test(raw) && raw.endsWith(raw[0] ?? '') && raw.length > 1 ? (raw[0] ?? '') : ''
  if (quote) return `${quote}${value}${quote}`
  return /\s/.test(value) ? `"${value}"` : value
}

/** A reference left as written: the English and its reason, apart. */
const leftAs = ({ message, reason, params }: Problem): { reason: string; said: Said } => ({ reason: message, said: { reason, params } })

/** A header value that names a file of the site: a local path with an extension. */
const namesFile = (value: string): boolean => isLocalTarget(value) && /\.[a-z0-9]+$/i.test(pathPart(value))

/** A header string's new value, or null when it needs none. */
function newHeaderValue(value: string, article: string, ctx: RewriteContext, left: LeftReference[], offset: number): string | null {
  if (!namesFile(value)) return null
  const next = newPath({ kind: 'image', target: value }, article, ctx)
  if (next === null) return null
  if ('left' in next) {
    left.push({ offset, target: value, ...leftAs(next.left) })
    return null
  }
  const p = parts(value)
  const path = /%[0-9a-f]{2}/i.test(p.path) ? percent(next.path) : next.path
  return `${p.prefix}${path}${p.suffix}`
}

function headerPatches(
  text: string,
  fields: ReturnType<typeof parse>['fields'],
  article: string,
  ctx: RewriteContext,
  site: Generator,
  left: LeftReference[],
): TextPatch[] {
  const patches: TextPatch[] = []
  for (const field of fields) {
    const v: FieldValue = field.value
    if (v.type === 'string') {
      const next = newHeaderValue(v.value, article, ctx, left, field.valueRange.from)
      if (next !== null) patches.push(...setValue(text, field.key, next, { site }))
    } else if (v.type === 'list' && v.items.every((i) => i.type === 'string')) {
      let changed = false
      const items: EditValue[] = v.items.map((i) => {
        const value = i.type === 'string' ? i.value : ''
        const next = newHeaderValue(value, article, ctx, left, field.valueRange.from)
        if (next === null) return value
        changed = true
        return next
      })
      if (changed) patches.push(...setValue(text, field.key, items, { site }))
    }
  }
  return patches
}

/**
 * The patches that make one article's references follow the moves. `article` is its path
 * before them (it may be one of the moved files: its own relative links are fixed too).
 */
export function rewriteArticle(text: string, article: string, ctx: RewriteContext): ArticleRewrite {
  const site = ctx.rules.kind
  const parsed = parse(text, { site })
  const error = parsed.errors[0]
  if (error) return { patches: [], left: [], headerError: error }
  const bodyStart = parsed.detection.bodyStart
  const body = text.slice(bodyStart)
  const left: LeftReference[] = []
  const patches = headerPatches(text, parsed.fields, article, ctx, site, left)
  for (const ref of findReferences(body)) {
    const next = newPath(ref, article, ctx)
    if (next === null) continue
    if ('left' in next) {
      left.push({ offset: bodyStart + ref.targetStart, target: ref.target, ...leftAs(next.left) })
      continue
    }
    const raw = body.slice(ref.targetStart, ref.targetEnd)
    const insert =
      ref.kind === 'asset_img' || ref.kind === 'asset_link' || ref.kind === 'asset_path' ? writeArg(raw, next.path) : writeTarget(ref.kind, raw, next.path)
    if (insert !== raw) patches.push({ from: bodyStart + ref.targetStart, to: bodyStart + ref.targetEnd, insert })
  }
  for (const link of findSiteLinks(body)) {
    const next = newSiteTarget(link, article, ctx)
    if (next === null) continue
    if ('left' in next) {
      left.push({ offset: bodyStart + link.targetStart, target: link.target, ...leftAs(next.left) })
      continue
    }
    const raw = body.slice(link.targetStart, link.targetEnd)
    const insert = writeArg(raw, next.target)
    if (insert !== raw) patches.push({ from: bodyStart + link.targetStart, to: bodyStart + link.targetEnd, insert })
  }
  return { patches: patches.sort((a, b) => a.from - b.from), left, headerError: null }
}

/**
 * Text an article must hold to possibly refer to a moved file: its name or stem, as written or
 * percent-encoded. An article holding none of them (and not moving itself) needs no parse.
 */
export function mentionsOf(moves: readonly FileMove[]): string[] {
  const words = new Set<string>()
  for (const m of moves) {
    const name = m.from.slice(m.from.lastIndexOf('/') + 1)
    for (const word of [name, fileStem(m.from)]) {
      if (word === '') continue
      words.add(word)
      words.add(encodeURI(word))
      words.add(encodeURIComponent(word))
    }
  }
  return [...words]
}
