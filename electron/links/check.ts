/**
 * `folio check --links`: broken images and internal links across the folder, with their line and
 * column. Every reference is resolved by the one asset module (shared/assets), so the checker,
 * the preview and the exports cannot disagree about where a reference points.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findReferences, findSiteLinks, isLocalTarget, PLAIN_RULES, siteLinkFound, targetCandidates, type Reference } from '../../shared/assets'
import { detect } from '../../shared/frontmatter/detect'
import type { Workspace } from '../workspace/workspace'

export interface LinkProblem {
  /** POSIX path of the article, relative to the root. */
  path: string
  line: number
  column: number
  rule: 'broken-image' | 'broken-link'
  target: string
  message: string
}

/** Folders no reference points into: generated output, dependencies, version control. */
const SKIP = new Set(['node_modules', 'public', '_site', 'dist', 'resources', '.git'])

async function allFiles(root: string, rel = '', into = new Set<string>()): Promise<Set<string>> {
  const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) await allFiles(root, path, into)
    } else into.add(path)
  }
  return into
}

const isImage = (ref: Reference): boolean =>
  ref.kind === 'image' || ref.kind === 'asset_img' || (ref.kind === 'html' && ref.attribute !== 'href')

/** A link whose last segment has no extension is a site URL (`/about/`), not a file we can look for. */
const namesFile = (target: string): boolean => /\.[a-z0-9]+$/i.test(target.split(/[?#]/)[0] ?? '')

export async function checkLinks(workspace: Workspace): Promise<LinkProblem[]> {
  const root = workspace.info.root
  const rules = workspace.info.assets ?? PLAIN_RULES
  const [files, articles] = await Promise.all([allFiles(root), workspace.list()])
  const paths = articles.map((a) => a.path)
  const problems: LinkProblem[] = []
  for (const article of paths) {
    const text = await readFile(join(root, ...article.split('/')), 'utf8').catch(() => null)
    if (text === null) continue
    const bodyStart = detect(text).bodyStart
    const body = text.slice(bodyStart)
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
      problems.push({ path: article, ...where(ref.targetStart), rule, target: ref.target, message: `${image ? 'image' : 'link'} "${ref.target}" is broken: ${why}` })
    }
    for (const link of findSiteLinks(body)) {
      if (siteLinkFound(link, article, rules, files, paths)) continue
      problems.push({ path: article, ...where(link.start), rule: 'broken-link', target: link.target, message: `${link.kind} "${link.target}" finds no article` })
    }
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column))
}
