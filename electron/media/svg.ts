/**
 * SVG is a document that can carry scripts, event handlers and links to anywhere. An inserted SVG
 * is cleaned once, on the way in (DOMPurify's SVG profile on jsdom, the same pair the exports use):
 * what lands in the site can run nothing in a reader's browser, whatever the preview does.
 */
import { createRequire } from 'node:module'
import createDOMPurify from 'dompurify'
import type { JSDOM as JSDOMClass } from 'jsdom'

let jsdom: { JSDOM: typeof JSDOMClass } | null = null
const loadJsdom = (): { JSDOM: typeof JSDOMClass } => (jsdom ??= createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JSDOMClass })

/** The SVG without scripts, handlers and foreign content; null when nothing of an SVG is left. */
export function sanitizeSvg(text: string): string | null {
  const { window } = new (loadJsdom().JSDOM)('')
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis)
  // Parsed as XML, names keep their case, but DOMPurify's SVG allowlists are lower case: allow a
  // camelCase name (viewBox, linearGradient, clipPath, stdDeviation) when its lower case is allowed.
  purify.addHook('uponSanitizeElement', (_node, data) => {
    const lower = data.tagName.toLowerCase()
    if (lower !== data.tagName && data.allowedTags[lower]) data.allowedTags[data.tagName] = true
  })
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const lower = data.attrName.toLowerCase()
    if (lower !== data.attrName && data.allowedAttributes[lower]) data.allowedAttributes[data.attrName] = true
  })
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links and images may only point inside the file itself or at image data.
    for (const name of ['href', 'xlink:href']) {
      const value = node.getAttribute(name)
      if (value !== null && !/^\s*(#|data:image\/(png|jpeg|gif|webp);)/i.test(value)) {
        node.removeAttribute(name)
      }
    }
  })
  // The XML declaration and doctype go: parsed as XML (so the result is a well-formed .svg again).
  const body = text.replace(/^\uFEFF/, '').replace(/^\s*(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)*/i, '')
  const clean = purify.sanitize(body, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'script', 'style'],
    PARSER_MEDIA_TYPE: 'application/xhtml+xml',
  })
  window.close()
  if (!/^<svg[\s>]/i.test(clean.trim())) return null
  return `${clean.trim()}\n`
}
