/**
 * `folio check --links`: broken images and internal links across the folder, with their line and
 * column. Every reference is resolved by the one asset module (shared/assets), so the checker,
 * the preview, the exports and the rename rewrite cannot disagree about where a reference points.
 */
import { statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary, FolderInfo, LinkDiagnostic, LinkProblem, TextLinks } from '../../shared/contract'
import { brokenLinks, leadsOf, linkLeads, PLAIN_RULES, postTitles, type FileSet, type LinkLeads } from '../../shared/assets'
import { isLanding } from '../media/landing'
import { isEntryName } from '../workspace/scan'
import type { Workspace } from '../workspace/workspace'

export type { LinkProblem }

/** Folders no reference points into: generated output, dependencies, version control. */
const SKIP = new Set(['node_modules', 'public', '_site', 'dist', 'resources', '.git'])

/** Every file of the folder (POSIX paths relative to it), but generated output, dependencies and hidden folders. */
export async function allFiles(root: string, rel = '', into = new Set<string>()): Promise<Set<string>> {
  const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => [])
  await Promise.all(
    entries.map(async (entry) => {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) await allFiles(root, path, into)
      } else into.add(path)
    }),
  )
  return into
}

export async function checkLinks(workspace: Workspace): Promise<LinkProblem[]> {
  return checkFolderLinks(workspace.info, await workspace.list(), new Map())
}

/**
 * Every broken reference of the folder's articles, sorted by path and position. `leads`: what the
 * index already took from articles as it read them; the others are read here.
 */
export async function checkFolderLinks(info: FolderInfo, articles: readonly ArticleSummary[], leads: ReadonlyMap<string, LinkLeads>): Promise<LinkProblem[]> {
  const root = info.root
  const rules = info.assets ?? PLAIN_RULES
  const files = await allFiles(root)
  const paths = articles.map((a) => a.path)
  // Hexo's post_link also finds a post by its title.
  const titles = postTitles(articles)
  const problems: LinkProblem[] = []
  for (const article of paths) {
    let found = leads.get(article)
    if (!found) {
      const text = await readFile(join(root, ...article.split('/')), 'utf8').catch(() => null)
      if (text === null) continue
      found = linkLeads(text, article, rules)
    }
    for (const { path, line, column, rule, target, message } of brokenLinks(found, rules, files, paths, titles))
      problems.push({ path, line, column, rule, target, message })
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column))
}

/**
 * Whether `rel` is a path inside the folder as the index writes one: every segment a plain entry name (scan.ts), and,
 * on Windows, none with a colon (a drive or a stream there; elsewhere a plain character of a name, `10:30.png`).
 */
export function isFolderPath(rel: string, platform: NodeJS.Platform = process.platform): boolean {
  const colonMeansMore = platform === 'win32'
  return rel.split('/').every((s) => isEntryName(s) && !(colonMeansMore && s.includes(':')))
}

/**
 * The folder's files as looked at one by one on disk, each looked at once. A path that is not
 * plainly inside the folder is never looked at: the window must not learn what exists outside it.
 */
export function filesOnDisk(root: string): FileSet {
  const seen = new Map<string, boolean>()
  const there = (rel: string): boolean => {
    if (!isFolderPath(rel)) return false
    const abs = join(root, ...rel.split('/'))
    // An image still being made (its link already in) counts as there: it lands in a moment.
    return statSync(abs, { throwIfNoEntry: false })?.isFile() === true || isLanding(abs)
  }
  return {
    has: (rel) => {
      let found = seen.get(rel)
      if (found === undefined) seen.set(rel, (found = there(rel)))
      return found
    },
  }
}

/**
 * The open article's problems for the editor, from the references its text makes as being edited
 * (read in the window: untrusted, so each is resolved here under the site's rules as if read from
 * the text). Files are looked at one by one on disk (a few per article) instead of listing a
 * folder of thousands. `path` comes from the window too: the guard refuses one leading outside.
 */
export async function articleLinks(workspace: Workspace, path: string, links: TextLinks): Promise<LinkDiagnostic[]> {
  await workspace.resolve(path)
  // A path the index never writes (`./a.md`, `a//b.md`) names no article to check.
  if (!isFolderPath(path)) return []
  const listed = await workspace.list()
  const rules = workspace.info.assets ?? PLAIN_RULES
  return brokenLinks(
    leadsOf(links, path, rules),
    rules,
    filesOnDisk(workspace.info.root),
    listed.map((a) => a.path),
    postTitles(listed),
  )
}
