/**
 * What an export reads from: the site around a file or folder (its conventions, time zone, post
 * asset folders), the guard confining image lookups to it, and its articles.
 */
import { realpath, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { FolioError } from '../../shared/errors'
import { createGuard, type Guard } from '../workspace/guard'
import { pathRules, type PathRules, scan } from '../workspace/scan'
import { detectSite, type SiteSettings } from '../workspace/site'

export interface ExportSource {
  site: SiteSettings
  rules: PathRules
  guard: Guard
}

/** The site a path belongs to, and that path relative to the site root ('' for the root). */
export async function openSource(path: string): Promise<{ source: ExportSource; rel: string; isFile: boolean }> {
  let real: string
  let isFile: boolean
  try {
    real = await realpath(path)
    isFile = (await stat(real)).isFile()
  } catch {
    throw new FolioError({ code: 'NOT_FOUND', message: `Cannot export "${path}": it does not exist. Pass an article file or a folder of articles.` })
  }
  const site = await detectSite(isFile ? dirname(real) : real)
  const guard = await createGuard(site.root)
  const rel = guard.toRel(real) ?? ''
  return { source: { site, rules: pathRules(site), guard }, rel, isFile }
}

/** The site's articles under a folder (POSIX, '' for all), sorted by path. */
export async function articlesUnder(source: ExportSource, folder: string): Promise<string[]> {
  const entries = await scan(source.site, source.rules)
  return entries
    .map((e) => e.rel)
    .filter((rel) => folder === '' || rel.startsWith(folder + '/'))
    .sort()
}
