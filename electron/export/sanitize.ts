/**
 * Article HTML is hostile (scraped posts, other people's themes): every export runs it through
 * DOMPurify before it reaches a page, a feed or the clipboard. DOMPurify needs a DOM; jsdom is the
 * one Node DOM its maintainers support and test, and it parses with parse5, the HTML standard's
 * algorithm, so what we sanitize is the tree a browser will build (no parser differential to
 * smuggle markup through).
 */
import { createRequire } from 'node:module'
import createDOMPurify, { type DOMPurify } from 'dompurify'
import type { JSDOM as JSDOMClass } from 'jsdom'
import { safeDecode } from './assets'

/**
 * jsdom is loaded on the first sanitizer, not with this module: the app's main process imports
 * the export code at start, and loading jsdom there (0.5 s or more) would delay the first window.
 */
let jsdom: { JSDOM: typeof JSDOMClass } | null = null
const loadJsdom = (): { JSDOM: typeof JSDOMClass } => (jsdom ??= createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JSDOMClass })

/** Maps an image `src` as written to the one to publish; null keeps it as written. */
export type ImageRewriter = (src: string) => string | null

export interface Sanitizer {
  sanitize(html: string, rewriteImage?: ImageRewriter): string
  /** The same, as a fragment of the sanitizer's own DOM, for callers that restyle the tree. */
  sanitizeToFragment(html: string): DocumentFragment
}

const FORBID_TAGS = ['meta', 'base', 'link', 'iframe', 'frame', 'object', 'embed', 'form', 'script', 'noscript']
const FORBID_ATTR = ['srcdoc', 'formaction', 'action', 'ping']

/** One DOM for the whole export: building a jsdom window costs ~100 ms, a sanitize call ~4 ms. */
export function createSanitizer(): Sanitizer {
  const { window } = new (loadJsdom().JSDOM)('')
  const purify: DOMPurify = createDOMPurify(window as unknown as Window & typeof globalThis)
  let rewrite: ImageRewriter | undefined
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'IMG' && node.nodeName !== 'SOURCE') return
    // srcset would bypass the rewrite (and name files we did not copy).
    node.removeAttribute('srcset')
    const src = node.getAttribute('src')
    if (src === null || !rewrite) return
    const next = rewrite(src)
    if (next !== null) node.setAttribute('src', next)
  })
  return {
    sanitize(html, rewriteImage) {
      rewrite = rewriteImage
      try {
        return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR })
      } finally {
        rewrite = undefined
      }
    },
    sanitizeToFragment(html) {
      return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, RETURN_DOM_FRAGMENT: true })
    },
  }
}

/**
 * What an export renders with: sanitizing may happen in this thread or in worker threads, so
 * the call is asynchronous. `images` maps each local source as written (decoded) to the one to
 * publish.
 */
export interface ExportSanitizer {
  sanitize(html: string, images: ReadonlyMap<string, string>): Promise<string>
  close(): Promise<void>
}

/** Sanitizing in this thread: small exports, where starting workers would cost more than it saves. */
export function inThread(sanitizer: Sanitizer = createSanitizer()): ExportSanitizer {
  return {
    sanitize: async (html, images) => sanitizer.sanitize(html, (src) => images.get(safeDecode(src)) ?? null),
    close: async () => undefined,
  }
}
