/**
 * A folder's index without the rest of the workspace: the site it is, its article index (with
 * the cache) and its schema file. The workspace builds on it; `folio index` and `folio check`
 * use it alone, so they load no editing, watching or rendering code.
 */
import { basename } from 'node:path'
import type { AssetRules } from '../../shared/assets/resolve'
import type { FolderInfo } from '../../shared/contract'
import { createCache } from './cache'
import { siteKey } from './cache-key'
import { ArticleIndex, type TextFacts } from './indexer'
import { pathRules, type PathRules } from './scan'
import { schemaFileReader, type SchemaFile } from './schema-file'
import { detectFolder } from './folder-site'
import type { SiteSettings } from './site'

export interface FolderIndex {
  site: SiteSettings
  rules: PathRules
  index: ArticleIndex
  /** The folder's `.folio/schema.yml`, read again only when it changed. */
  schemaFile: () => SchemaFile | null
  /** What the renderer and the command line are told of the folder; the build adds its warnings. */
  info: FolderInfo
}

export interface FolderIndexOptions {
  /** Where the index cache lives; omitted means no persistent cache. */
  cacheDir?: string
  /** Threads a cold index of a big folder may use, this one included (default 1). */
  threads?: number
  /** Facts to take from each article's text as the build reads it. */
  textFacts?: TextFacts
}

/** Where the site keeps assets, as the one asset module (shared/assets) reads references. */
export function siteAssetRules(site: SiteSettings): AssetRules {
  return { kind: site.kind, postAssetFolder: site.postAssetFolder, sourceDir: site.sourceDir }
}

/** Detects the site at root (or takes the one detected) and sets up its index (not built yet: the caller chooses how). */
export async function prepareFolderIndex(root: string | SiteSettings, options: FolderIndexOptions = {}): Promise<FolderIndex> {
  const site = typeof root === 'string' ? await detectFolder(root) : root
  const rules = pathRules(site)
  const index = new ArticleIndex(
    site,
    rules,
    options.cacheDir ? createCache(options.cacheDir, site.root, JSON.stringify(siteKey(site))) : null,
    options.threads,
    options.textFacts,
  )
  const info: FolderInfo = {
    root: site.root,
    name: basename(site.root),
    kind: site.kind,
    contentRoots: site.contentRoots,
    warnings: [...site.warnings],
    assets: siteAssetRules(site),
    timeZone: site.timeZone,
  }
  return { site, rules, index, schemaFile: schemaFileReader(site.root), info }
}
