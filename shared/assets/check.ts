/**
 * An article's broken images and internal links, with where each target is written. Pure, in two
 * steps: `linkLeads` reads the text alone (what each reference may point to), `brokenLinks` judges
 * the leads against the files that exist (the whole folder's listing for `folio check --links`, a
 * look at the disk for the editor's lint). The command takes the leads while the index reads each
 * file, so no file is read twice; both read references exactly as the preview and the rename
 * rewrite do.
 */
import { detect } from '../frontmatter/detect'
import type { LinkDiagnostic, TextLinks } from '../contract'
import { LineIndex } from '../line-index'
import { findReferences, type Reference, type ReferenceKind } from './references'
import { isLocalTarget, targetCandidates, type AssetRules } from './resolve'
import { findSiteLinks, siteLinkFound, type FileSet, type PostTitles, type SiteLinkKind } from './site-links'

const isImage = (ref: Reference): boolean => ref.kind === 'image' || ref.kind === 'asset_img' || (ref.kind === 'html' && ref.attribute !== 'href')

/** A link whose last segment has no extension is a site URL (`/about/`), not a file we can look for. */
const namesFile = (target: string): boolean => /\.[a-z0-9]+$/i.test(target.split(/[?#]/)[0] ?? '')

/** Where a lead is written: the line and column shown, and the target's offsets in the whole text. */
interface Written {
  line: number
  column: number
  from: number
  to: number
  target: string
}

/** A reference to a file: broken when none of its candidates exists. */
export interface FileLead extends Written {
  image: boolean
  candidates: string[]
}

/** A generator's link tag to an article, judged against the folder's articles. */
export interface SiteLead extends Written {
  kind: SiteLinkKind
}

/** What an article's text says about the files and articles it links to, before any is looked for. */
export interface LinkLeads {
  article: string
  files: FileLead[]
  site: SiteLead[]
}

/**
 * The references of an article's text that a missing file or article would break, in order of
 * position, read from the text alone: the editor reads them in the window and sends only these.
 */
export function textLinks(text: string): TextLinks {
  const bodyStart = detect(text).bodyStart
  const body = text.slice(bodyStart)
  const lines = new LineIndex(text)
  const files: TextLinks['files'] = []
  const site: TextLinks['site'] = []
  for (const ref of findReferences(body)) {
    const image = isImage(ref)
    if (!checkable(ref.kind, ref.target, image)) continue
    const { line, column } = lines.at(bodyStart + ref.targetStart)
    files.push({ line, column, from: bodyStart + ref.targetStart, to: bodyStart + ref.targetEnd, target: ref.target, kind: ref.kind, image })
  }
  for (const link of findSiteLinks(body)) {
    const { line, column } = lines.at(bodyStart + link.start)
    site.push({ line, column, from: bodyStart + link.targetStart, to: bodyStart + link.targetEnd, target: link.target, kind: link.kind })
  }
  return { files, site }
}

/** Whether a missing file would break a reference: a local file's path (a link's, only when it names a file). */
const checkable = (kind: ReferenceKind, target: string, image: boolean): boolean =>
  isLocalTarget(target) && (image || kind.startsWith('asset_') || namesFile(target))

/**
 * The leads of an article's references: where each file reference may point under the site's
 * rules. The references may come from the window, so the ones no text would give are left out.
 */
export function leadsOf(links: TextLinks, article: string, rules: AssetRules): LinkLeads {
  const files = links.files
    .filter((ref) => checkable(ref.kind, ref.target, ref.image))
    .map(({ line, column, from, to, target, kind, image }) => ({
      line,
      column,
      from,
      to,
      target,
      image,
      candidates: targetCandidates({ kind, target }, article, rules),
    }))
  const site = links.site.map(({ line, column, from, to, target, kind }) => ({ line, column, from, to, target, kind }))
  return { article, files, site }
}

/** The references of an article's text that a missing file or article would break, in order of position. */
export function linkLeads(text: string, article: string, rules: AssetRules): LinkLeads {
  return leadsOf(textLinks(text), article, rules)
}

/** The leads that find nothing, in order of position. `titles`: a Hexo site's posts by title, where `post_link` also looks. */
export function brokenLinks(leads: LinkLeads, rules: AssetRules, files: FileSet, articles: readonly string[], titles?: PostTitles): LinkDiagnostic[] {
  const { article } = leads
  const problems: LinkDiagnostic[] = []
  for (const { line, column, from, to, target, image, candidates } of leads.files) {
    if (candidates.some((c) => files.has(c))) continue
    const why = candidates.length ? `${candidates[0]} does not exist` : 'it leads outside the folder'
    problems.push({
      path: article,
      line,
      column,
      rule: image ? 'broken-image' : 'broken-link',
      target,
      message: `${image ? 'image' : 'link'} "${target}" is broken: ${why}`,
      ...(candidates[0] !== undefined ? { missing: candidates[0] } : {}),
      from,
      to,
    })
  }
  for (const { line, column, from, to, target, kind } of leads.site) {
    if (siteLinkFound({ kind, target }, article, rules, files, articles, titles)) continue
    problems.push({ path: article, line, column, rule: 'broken-link', target, message: `${kind} "${target}" finds no article`, tag: kind, from, to })
  }
  return problems.sort((a, b) => a.from - b.from)
}

/** Every broken reference of one article's text, in order of position. */
export function linkProblems(
  text: string,
  article: string,
  rules: AssetRules,
  files: FileSet,
  articles: readonly string[],
  titles?: PostTitles,
): LinkDiagnostic[] {
  return brokenLinks(linkLeads(text, article, rules), rules, files, articles, titles)
}
