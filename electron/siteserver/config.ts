/**
 * The site's settings that decide its pages' addresses: Hexo's and Jekyll's `_config.yml`,
 * Hugo's config file (the same files, read the same way, as the workspace reads them).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SiteKind } from '../../shared/contract'
import { HUGO_CONFIGS, parseConfig } from '../workspace/site'

// An absent file is the generator's defaults, as it would be for the generator.
const read = (path: string): Promise<string | null> => readFile(path, 'utf8').catch(() => null)

export async function readSiteConfig(root: string, kind: SiteKind): Promise<Record<string, unknown>> {
  if (kind === 'hexo' || kind === 'jekyll') {
    const text = (await read(join(root, '_config.yml'))) ?? (kind === 'jekyll' ? await read(join(root, '_config.yaml')) : null)
    return await parseConfig(text, 'yaml')
  }
  if (kind === 'hugo') {
    for (const [name, format] of HUGO_CONFIGS) {
      const text = await read(join(root, name))
      if (text !== null) return await parseConfig(text, format)
    }
  }
  // Astro's and Eleventy's settings are code, never run to be read.
  return {}
}
