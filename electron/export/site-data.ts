/**
 * What an exported article's tags that name other files of its site render as: the same answer
 * the preview gets (electron/siteserver/references.ts), read from the export's source through its
 * guard, so an exported page shows the address of a `{% link %}` or `{% post_url %}`, the file of
 * an `{% include_code %}` and the value of a `{{< param >}}` as the preview does, instead of a
 * guess or a placeholder.
 */
import { previewReferences, type ReferenceDeps } from '../siteserver/references'
import { pageParams, referencesIn, type SiteData } from '../../shared/render/site-refs'
import { readRegularFile } from '../workspace/open-inside'
import { scan } from '../workspace/scan'
import type { ExportArticle } from './article'
import type { ExportSource } from './source'

/** The site's article list, read once per export source (a site export asks for every page). */
const listed = new WeakMap<ExportSource['site'], Promise<{ path: string }[]>>()

function depsOf(source: ExportSource): ReferenceDeps {
  const { site, rules, guard } = source
  const list = (): Promise<{ path: string }[]> => {
    let found = listed.get(site)
    if (!found) listed.set(site, (found = scan(site, rules).then((entries) => entries.map((entry) => ({ path: entry.rel })))))
    return found
  }
  const resolve = async (path: string): Promise<string> => (await guard.resolve(path)).abs
  return {
    root: site.root,
    kind: site.kind,
    sourceDir: site.sourceDir,
    timeZone: site.timeZone,
    list,
    resolve,
    read: async (path) => {
      const { bytes, stats } = await readRegularFile(await resolve(path))
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), mtimeMs: stats.mtimeMs }
    },
  }
}

/** The site data an article's body needs to render, or undefined when its tags name nothing else of the site. */
export async function exportSiteData(article: ExportArticle, body: string, source: ExportSource): Promise<SiteData | undefined> {
  const generator = source.site.kind
  const request = referencesIn(body, generator)
  if (request === null) return undefined
  const refs = await previewReferences(depsOf(source), request)
  return generator === 'hugo' ? { refs, page: pageParams(article.fields) } : { refs }
}
