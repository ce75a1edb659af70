/**
 * The address the site-server frame loads: the page's own, with a marker that is new for every
 * load. Dev servers (Hugo's among them) send Last-Modified, whole seconds, and no Cache-Control,
 * so Chromium keeps the page and asks again with If-Modified-Since: a save rebuilt within the
 * same second as the page answers 304 and the frame kept the old page, and a page kept for a
 * while may be reused without asking at all. A fresh address is always fetched from the server.
 */
export const LOAD_MARKER = 'folio-load'

export function freshUrl(url: string, load: number): string {
  const fresh = new URL(url)
  fresh.searchParams.set(LOAD_MARKER, String(load))
  return fresh.href
}
