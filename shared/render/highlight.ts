/**
 * Code highlighted as Hexo and Jekyll-style sites do by default: highlight.js, to static HTML
 * (spans with hljs classes; the preview's style colours them). Results are kept for the next
 * render, since typing elsewhere leaves most code blocks as they were.
 */
import hljs from 'highlight.js/lib/common'

const cache = new Map<string, string | null>()
const CACHE_LIMIT = 2_000

/** The highlighted HTML of `code` in `lang`, or null when highlight.js does not know the language. */
export function highlightCode(code: string, lang: string): string | null {
  const name = lang.trim().toLowerCase()
  if (!name || !hljs.getLanguage(name)) return null
  const key = `${name}\n${code}`
  const known = cache.get(key)
  if (known !== undefined) return known
  const html = hljs.highlight(code, { language: name, ignoreIllegals: true }).value
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, html)
  return html
}
