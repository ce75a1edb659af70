import { useDeferredValue, useMemo } from 'react'
import { previewDocument, type PreviewOptions } from './render'

interface Props {
  text: string
  options: PreviewOptions
  title: string
}

/**
 * The live preview. `sandbox=""` grants nothing: no scripts, an opaque origin (so nothing in
 * the frame can reach window.folio), no forms, no popups, no top navigation.
 */
export function Preview({ text, options, title }: Props) {
  const deferred = useDeferredValue(text)
  const doc = useMemo(() => previewDocument(deferred, options), [deferred, options])
  return <iframe className="preview-frame" data-testid="preview" title={title} sandbox="" srcDoc={doc} />
}
