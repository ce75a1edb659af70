/**
 * Everything in article HTML that makes a browser fetch something: images, media, posters,
 * subtitles, SVG images, table backgrounds and CSS `url()`/`@import`/`image-set()`. The preview,
 * the exports and the rich-text copy all decide source by source through this one table, so a
 * source none of them knows about cannot slip past one of them.
 */

/** Elements (lower-case name) and the attributes through which they load something. */
const LOADING_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  mglyph: ['src'],
}

/** Every element may carry these: `background` (tables, cells, body) and inline CSS. */
const ANY_ELEMENT = ['background']

export type SourceKind = 'data' | 'fragment' | 'remote' | 'local' | 'other'

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/** What a source as written points at. Protocol-relative `//host/x` is remote. */
export function sourceKind(src: string): SourceKind {
  const text = src.trim()
  if (text.startsWith('#')) return 'fragment'
  if (text.startsWith('//') || text.startsWith('\\\\')) return 'remote'
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase()
  if (scheme === undefined) return text === '' ? 'other' : 'local'
  if (scheme === 'http' || scheme === 'https') return 'remote'
  if (scheme === 'data') return 'data'
  return 'other'
}

/**
 * Decides one source: the value to use instead, or null to leave the resource out. `where` says
 * how it is loaded ('css' for url() and @import), for callers that treat them differently.
 */
export type SourceDecider = (src: string, where: 'attribute' | 'css') => string | null

/** The part of a DOM element this module needs (DOMPurify hands us real elements). */
export interface ResourceElement {
  nodeName: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/**
 * Applies `decide` to every loading attribute of `element` and to its inline style. `srcset`
 * goes: it names several files at once and would bypass the decision.
 */
export function decideElementSources(element: ResourceElement, decide: SourceDecider): void {
  const name = element.nodeName.toLowerCase()
  element.removeAttribute('srcset')
  for (const attribute of [...(LOADING_ATTRIBUTES[name] ?? []), ...ANY_ELEMENT]) {
    const src = element.getAttribute(attribute)
    if (src === null) continue
    const next = decide(src, 'attribute')
    if (next === null) element.removeAttribute(attribute)
    else if (next !== src) element.setAttribute(attribute, next)
  }
  const style = element.getAttribute('style')
  if (style !== null && /url|image-set|\\/i.test(style)) {
    const next = decideCssSources(style, decide)
    if (next !== style) element.setAttribute('style', next)
  }
}

/** CSS escapes (`\75 rl(` is `url(`): decoded before looking, so they cannot hide a url(). */
function unescapeCss(css: string): string {
  return css.replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?|\\([^\n0-9a-f])/gi, (_, hex: string | undefined, char: string | undefined) => {
    if (char !== undefined) return char
    const code = Number.parseInt(hex ?? '0', 16)
    return code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code)
  })
}

const CSS_URL = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi
const CSS_IMPORT = /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^)"';\s]+))[^;]*;?/gi
/** image-set() lists bare strings that load too: kept only when each of its sources is kept as is. */
const IMAGE_SET = /(?:-webkit-)?image-set\(((?:[^()]|\([^()]*\))*)\)/gi
const CSS_STRING = /"([^"]*)"|'([^']*)'/g

function cssString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\a ')}"`
}

/**
 * The CSS text (a style attribute or a `<style>` element) with every url(), @import and
 * image-set() decided: kept, replaced, or left out (`none`, or the rule removed).
 */
export function decideCssSources(css: string, decide: SourceDecider): string {
  const text = css.includes('\\') ? unescapeCss(css) : css
  return text
    .replace(CSS_IMPORT, (whole, d: string | undefined, s: string | undefined, bare: string | undefined) => {
      const src = d ?? s ?? bare ?? ''
      const next = decide(src, 'css')
      return next === null ? '' : next === src ? whole : `@import url(${cssString(next)});`
    })
    .replace(IMAGE_SET, (whole, inner: string) => {
      const sources = [...inner.matchAll(CSS_URL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
      const bare = inner.replace(CSS_URL, '')
      for (const m of bare.matchAll(CSS_STRING)) sources.push(m[1] ?? m[2] ?? '')
      const kept = sources.every((src) => decide(src, 'css') === src)
      return kept ? whole : 'none'
    })
    .replace(CSS_URL, (whole, d: string | undefined, s: string | undefined, bare: string | undefined) => {
      const src = d ?? s ?? bare ?? ''
      const next = decide(src, 'css')
      return next === null ? 'none' : next === src ? whole : `url(${cssString(next)})`
    })
}
