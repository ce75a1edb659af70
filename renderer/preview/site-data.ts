import { useEffect, useMemo, useState } from 'react'
import type { PreviewReferences } from '../../shared/contract'
import { fieldRecord, parse } from '../../shared/frontmatter'
import { pageParams, referencesIn, type SiteData } from '../../shared/render/site-refs'
import type { Generator } from '../../shared/sites/types'
import { folio, onMainEvent } from '../bridge'

const NONE: SiteData = {}

/**
 * What the rest of the site says about the article's tags that name its other files: asked of the
 * main process when the set of names changes (not on every keystroke) and again when the folder's
 * articles change (the index's update events: a post a tag names was added, removed or edited) or
 * a file the answer read does (an include_code file: electron/siteserver/reference-watch.ts),
 * kept while a new answer comes, so a tag does not flicker back to its placeholder. An answer equal
 * to the last one keeps it, so the preview does not render again for nothing. Hugo's page
 * parameters come from the header being edited, so a changed value shows without a save.
 */
export function useSiteData(path: string, body: string, header: string, generator: Generator | undefined): SiteData {
  const request = useMemo(() => referencesIn(body, generator), [body, generator])
  const key = request === null ? '' : JSON.stringify(request)
  const [answer, setAnswer] = useState<{ path: string; refs: PreviewReferences; json: string } | null>(null)
  // Counts the folder's article changes while the article names other files.
  const [folderChanges, setFolderChanges] = useState(0)
  const asks = request !== null
  useEffect(() => {
    if (!asks) return
    const changed = () => setFolderChanges((n) => n + 1)
    // Articles come from the index's events; a file the answer read that is not one (an include_code file) from its own watch.
    const stops = [onMainEvent('contentChanged', changed), onMainEvent('previewFilesChanged', changed)]
    return () => stops.forEach((stop) => stop())
  }, [asks])
  useEffect(() => {
    if (request === null) return
    let current = true
    folio.previewReferences(path, request).then(
      (refs) => {
        if (!current) return
        const json = JSON.stringify(refs)
        setAnswer((last) => (last?.path === path && last.json === json ? last : { path, refs, json }))
      },
      // The folder closed or the file went: the tags keep their placeholders.
      () => undefined,
    )
    return () => {
      current = false
    }
    // The request is the same while its key is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key, folderChanges])
  const page = useMemo(() => {
    if (generator !== 'hugo' || !asks) return undefined
    return pageParams(fieldRecord(parse(header, { site: generator })))
  }, [generator, asks, header])
  const refs = answer?.path === path ? answer.refs : undefined
  // The same object while nothing in it changed: typing elsewhere in the body keeps it.
  return useMemo(() => (asks ? { refs, page } : NONE), [asks, refs, page])
}
