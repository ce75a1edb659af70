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
import { ARTICLE_ADD_TAGS, ARTICLE_FORBID_ATTR, ARTICLE_FORBID_TAGS } from '../../shared/html/sanitize-rules'
import { decideElementSources, sourceKind, type SourceDecider } from '../../shared/resources'
import { safeDecode } from './assets'

/**
 * jsdom is loaded on the first sanitizer, not with this module: the app's main process imports
 * the export code at start, and loading jsdom there (0.5 s or more) would delay the first window.
 */
let jsdom: { JSDOM: typeof JSDOMClass } | null = null
const loadJsdom = (): { JSDOM: typeof JSDOMClass } => (jsdom ??= createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JSDOMClass })

export interface Sanitizer {
  /** `decide` rules on every source the HTML would load (images, media, CSS url()…). */
  sanitize(html: string, decide?: SourceDecider): string
  /** The same, as a fragment of the sanitizer's own DOM, for callers that restyle the tree. */
  sanitizeToFragment(html: string, decide?: SourceDecider): DocumentFragment
}

/**
 * `style` too: an exported page or copy carries the export theme's CSS only, never an article's
 * style sheet (with its @import of who knows what).
 */
const FORBID_TAGS = [...ARTICLE_FORBID_TAGS, 'script', 'noscript', 'style']
const FORBID_ATTR = [...ARTICLE_FORBID_ATTR]
const ADD_TAGS = [...ARTICLE_ADD_TAGS]

/** One DOM for the whole export: building a jsdom window costs ~100 ms, a sanitize call ~4 ms. */
export function createSanitizer(): Sanitizer {
  const { window } = new (loadJsdom().JSDOM)('')
  const purify: DOMPurify = createDOMPurify(window as unknown as Window & typeof globalThis)
  let decide: SourceDecider | undefined
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (decide && node.nodeType === 1) decideElementSources(node as Element, decide)
  })
  const run = <T>(current: SourceDecider | undefined, sanitize: () => T): T => {
    decide = current
    try {
      return sanitize()
    } finally {
      decide = undefined
    }
  }
  return {
    sanitize: (html, rule) => run(rule, () => purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, ADD_TAGS })),
    sanitizeToFragment: (html, rule) => run(rule, () => purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, ADD_TAGS, RETURN_DOM_FRAGMENT: true })),
  }
}

export interface SourcePolicy {
  /**
   * Local sources as written (decoded) → the one to publish. A local source not in it does not
   * resolve inside the folder (missing, outside, `../../`, `/abs/…`): it is left out.
   */
  images: ReadonlyMap<string, string>
  /** Keep remote (http, https, //) sources; when false they are left out. */
  remote: boolean
}

export interface SanitizedBody {
  html: string
  /** Local sources left out, as written (decoded), sorted. */
  missing: string[]
  /** Remote sources left out because remote content was not allowed, sorted. */
  remote: string[]
}

/**
 * The export's rule for each source: data: and #fragments stay; a local source becomes the copy
 * or data URI the policy maps it to, or goes; remote ones stay only when allowed; anything else
 * (file:, blob:, javascript:) goes. What went is reported, never kept as written.
 */
export function exportDecider(policy: SourcePolicy): { decide: SourceDecider; missing: Set<string>; remote: Set<string> } {
  const missing = new Set<string>()
  const remote = new Set<string>()
  const decide: SourceDecider = (src) => {
    const kind = sourceKind(src)
    if (kind === 'data' || kind === 'fragment') return src
    if (kind === 'remote') {
      if (policy.remote) return src
      remote.add(src.trim())
      return null
    }
    const decoded = safeDecode(src.trim())
    const mapped = kind === 'local' ? policy.images.get(decoded) : undefined
    if (mapped !== undefined) return mapped
    missing.add(decoded)
    return null
  }
  return { decide, missing, remote }
}

/**
 * What an export renders with: sanitizing may happen in this thread or in worker threads, so
 * the call is asynchronous.
 */
export interface ExportSanitizer {
  sanitize(html: string, policy: SourcePolicy): Promise<SanitizedBody>
  close(): Promise<void>
}

/** Sanitizing in this thread: small exports, where starting workers would cost more than it saves. */
export function inThread(sanitizer: Sanitizer = createSanitizer()): ExportSanitizer {
  return {
    sanitize: async (html, policy) => {
      const { decide, missing, remote } = exportDecider(policy)
      return { html: sanitizer.sanitize(html, decide), missing: [...missing].sort(), remote: [...remote].sort() }
    },
    close: async () => undefined,
  }
}
