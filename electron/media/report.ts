/**
 * The media panel's picture of the folder: every image with its size and the articles (and lines)
 * that show it (shared/assets/usage: bodies and headers), and the broken references the link
 * checker finds. References are resolved by the one asset module, so an image the panel calls
 * unused is one that preview, export and the checker would not show either.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { MediaImage, MediaReport } from '../../shared/contract'
import { IMAGE_FILE, imageUses, PLAIN_RULES } from '../../shared/assets'
import { allFiles, checkLinks } from '../links/check'
import type { Workspace } from '../workspace/workspace'

export async function mediaReport(workspace: Workspace): Promise<MediaReport> {
  const root = workspace.info.root
  const rules = workspace.info.assets ?? PLAIN_RULES
  const [files, articles, broken] = await Promise.all([allFiles(root), workspace.list(), checkLinks(workspace)])
  const paths = [...files].filter((path) => IMAGE_FILE.test(path)).sort()
  const byPath = new Map<string, MediaImage>()
  for (const path of paths) {
    const size = (await stat(join(root, ...path.split('/'))).catch(() => null))?.size
    if (size !== undefined) byPath.set(path, { path, size, usedBy: [] })
  }
  const images = new Set(byPath.keys())
  for (const article of articles) {
    const text = await readFile(join(root, ...article.path.split('/')), 'utf8').catch(() => null)
    if (text === null) continue
    for (const use of imageUses(text, article.path, rules, images))
      if (use.path !== null) byPath.get(use.path)?.usedBy.push({ path: article.path, line: use.line })
  }
  return {
    images: [...byPath.values()],
    broken,
  }
}
