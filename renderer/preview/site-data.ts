import { useEffect, useMemo, useState } from 'react'
import type { PreviewReferences } from '../../shared/contract'
import { fieldRecord, parse } from '../../shared/frontmatter'
import { plainValue, referencesIn, type SiteData } from '../../shared/render/site-refs'
import type { Generator } from '../../shared/sites/types'
import { folio } from '../bridge'

const NONE: SiteData = {}

/**
 * What the rest of the site says about the article's tags that name its other files: asked of the
 * main process when the set of names changes (not on every keystroke), kept while a new answer
 * comes, so a tag does not flicker back to its placeholder. Hugo's page parameters come from the
 * header being edited, so a changed value shows without a save.
 */
export function useSiteData(path: string, body: string, header: string, generator: Generator | undefined): SiteData {
  const request = useMemo(() => referencesIn(body, generator), [body, generator])
  const key = request === null ? '' : JSON.stringify(request)
  const [answer, setAnswer] = useState<{ path: string; refs: PreviewReferences } | null>(null)
  useEffect(() => {
    if (request === null) return
    let current = true
    folio.previewReferences(path, request).then(
      (refs) => current && setAnswer({ path, refs }),
      // The folder closed or the file went: the tags keep their placeholders.
      () => undefined,
    )
    return () => {
      current = false
    }
    // The request is the same while its key is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, key])
  const page = useMemo(() => {
    if (generator !== 'hugo' || request === null) return undefined
    const parsed = parse(header, { site: generator })
    return Object.fromEntries(Object.entries(fieldRecord(parsed)).map(([k, v]) => [k, plainValue(v)]))
  }, [generator, request, header])
  const refs = answer?.path === path ? answer.refs : undefined
  return useMemo(() => (request === null ? NONE : { refs, page }), [request, refs, page])
}
