/**
 * A folder's index without the rest of the workspace: the site it is, its article index (with
 * the cache) and its schema file. The workspace builds on it; `folio index` and `folio check`
 * use it alone, so they load no editing, watching or rendering code.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FolderInfo } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import { createCache } from './cache'
import { ArticleIndex, INDEX_VERSION } from './indexer'
import { pathRules, type PathRules } from './scan'
import { schemaFileReader, type SchemaFile } from './schema-file'
import { detectSite, type SiteSettings } from './site'

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
}

function cacheKey(site: SiteSettings): string {
  return JSON.stringify([INDEX_VERSION, site.kind, site.timeZone, site.contentRoots, site.sourceDir])
}

async function openFolder(root: string): Promise<string> {
  try {
    const real = await realpath(root)
    if (!(await stat(real)).isDirectory()) throw Object.assign(new Error('it is a file, not a folder'), { code: 'ENOTDIR' })
    return real
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? ''
    const detail = errno === 'ENOENT' ? 'it does not exist' : (error as Error).message
    throw new FolioError({ code: 'NOT_FOUND', ...said('folder-unopenable', { root, detail, errno }) })
  }
}

/** Detects the site at root and sets up its index (not built yet: the caller chooses how). */
export async function prepareFolderIndex(root: string, options: FolderIndexOptions = {}): Promise<FolderIndex> {
  const site = await detectSite(await openFolder(root))
  const rules = pathRules(site)
  const index = new ArticleIndex(site, rules, options.cacheDir ? createCache(options.cacheDir, site.root, cacheKey(site)) : null, options.threads)
  const info: FolderInfo = {
    root: site.root,
    name: basename(site.root),
    kind: site.kind,
    contentRoots: site.contentRoots,
    warnings: [...site.warnings],
    assets: { kind: site.kind, postAssetFolder: site.postAssetFolder, sourceDir: site.sourceDir },
    timeZone: site.timeZone,
  }
  return { site, rules, index, schemaFile: schemaFileReader(site.root), info }
}
