import { useDeferredValue, useMemo } from 'react'
import { previewBody, previewDocument, type PreviewOptions } from './render'

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
  const { body, lineOffset } = useMemo(() => previewBody(deferred), [deferred])
  // Keyed on the body, not the text: typing in the header (or the form) renders nothing again.
  const doc = useMemo(() => previewDocument(body, lineOffset, options), [body, lineOffset, options])
  return <iframe className="preview-frame" data-testid="preview" title={title} sandbox="" srcDoc={doc} />
}
