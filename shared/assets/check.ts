/**
 * An article's broken images and internal links, with where each target is written. Pure: the
 * caller says which files exist (the whole folder's listing for `folio check --links`, a look at
 * the disk for the editor's lint), so both read references exactly as the preview and the
 * rename rewrite do.
 */
import { detect } from '../frontmatter/detect'
import type { LinkDiagnostic } from '../contract'
import { findReferences, type Reference } from './references'
import { isLocalTarget, targetCandidates, type AssetRules } from './resolve'
import { findSiteLinks, siteLinkFound, type FileSet, type PostTitles } from './site-links'

const isImage = (ref: Reference): boolean => ref.kind === 'image' || ref.kind === 'asset_img' || (ref.kind === 'html' && ref.attribute !== 'href')

/** A link whose last segment has no extension is a site URL (`/about/`), not a file we can look for. */
const namesFile = (target: string): boolean => /\.[a-z0-9]+$/i.test(target.split(/[?#]/)[0] ?? '')

/** Every broken reference of one article's text, in order of position. `titles`: a Hexo site's posts by title, where `post_link` also looks. */
export function linkProblems(
  text: string,
  article: string,
  rules: AssetRules,
  files: FileSet,
  articles: readonly string[],
  titles?: PostTitles,
): LinkDiagnostic[] {
  const bodyStart = detect(text).bodyStart
  const body = text.slice(bodyStart)
  const problems: LinkDiagnostic[] = []
  const where = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, bodyStart + offset)
    return { line: before.split('\n').length, column: offset + bodyStart - before.lastIndexOf('\n') }
  }
  for (const ref of findReferences(body)) {
    const image = isImage(ref)
    if (!isLocalTarget(ref.target) || (!image && !ref.kind.startsWith('asset_') && !namesFile(ref.target))) continue
    const candidates = targetCandidates(ref, article, rules)
    if (candidates.some((c) => files.has(c))) continue
    const rule = image ? 'broken-image' : 'broken-link'
    const why = candidates.length ? `${candidates[0]} does not exist` : 'it leads outside the folder'
    const message = `${image ? 'image' : 'link'} "${ref.target}" is broken: ${why}`
    problems.push({
      path: article,
      ...where(ref.targetStart),
      rule,
      target: ref.target,
      message,
      ...(candidates[0] !== undefined ? { missing: candidates[0] } : {}),
      from: bodyStart + ref.targetStart,
      to: bodyStart + ref.targetEnd,
    })
  }
  for (const link of findSiteLinks(body)) {
    if (siteLinkFound(link, article, rules, files, articles, titles)) continue
    const message = `${link.kind} "${link.target}" finds no article`
    problems.push({
      path: article,
      ...where(link.start),
      rule: 'broken-link',
      target: link.target,
      message,
      tag: link.kind,
      from: bodyStart + link.targetStart,
      to: bodyStart + link.targetEnd,
    })
  }
  return problems.sort((a, b) => a.from - b.from)
}
