/**
 * What an export reads from: the site around a file or folder (its conventions, time zone, post
 * asset folders), the guard confining image lookups to it, and its articles.
 */
import { realpath, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { FolioError, said } from '../../shared/errors'
import { createGuard, type Guard } from '../workspace/guard'
import { pathRules, type PathRules, scan } from '../workspace/scan'
import { detectSite, type SiteSettings } from '../workspace/site'

export interface ExportSource {
  site: SiteSettings
  rules: PathRules
  guard: Guard
}

/**
 * The site a path belongs to, and that path relative to the site root ('' for the root). `root`
 * names the site when the caller knows it (the open folder): a plain folder has no markers to
 * find it by, and an article's own folder would cut off images that sit beside its parent.
 */
export async function openSource(path: string, root?: string): Promise<{ source: ExportSource; rel: string; isFile: boolean }> {
  let real: string
  let isFile: boolean
  try {
    real = await realpath(path)
    isFile = (await stat(real)).isFile()
  } catch {
    throw new FolioError({ code: 'NOT_FOUND', ...said('export-missing', { path }) })
  }
  const site = await detectSite(root ?? (isFile ? dirname(real) : real))
  const guard = await createGuard(site.root)
  const rel = guard.toRel(real) ?? ''
  return { source: { site, rules: pathRules(site), guard }, rel, isFile }
}

/**
 * The site's possible articles under a folder (POSIX, '' for all), sorted by path, leaving out
 * the output folder when it lies inside (exporting twice must not read the first export back).
 * `needsHeader` files (.html, .txt) are articles only if they start with a header.
 */
export async function articlesUnder(source: ExportSource, folder: string, outDir?: string): Promise<{ rel: string; needsHeader: boolean }[]> {
  const out = outDir === undefined ? null : source.guard.toRel(resolve(outDir))
  const entries = await scan(source.site, source.rules)
  return entries
    .filter((e) => folder === '' || e.rel.startsWith(folder + '/'))
    .filter((e) => out === null || !(out === '' || e.rel === out || e.rel.startsWith(out + '/')))
    .map((e) => ({ rel: e.rel, needsHeader: e.kind === 'needs-header' }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
}
