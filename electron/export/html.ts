/** The document shell and links every exported page shares. */

import { escapeHtml } from '../../shared/html/escape'

/** A relative href from path segments (CJK names stay readable on disk, percent-encoded in links). */
export function href(...segments: string[]): string {
  return segments.map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/')
}

/**
 * No script of any origin runs in an exported page: the article was sanitized, and this policy
 * is the second lock should a sanitizer ever miss something.
 */
const CSP = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

/**
 * A page that is printed to PDF loads nothing from anywhere (its images are data URIs, its CSS
 * inline) unless remote content was allowed; then http(s) images, media, CSS and fonts too. It is
 * the page's own lock behind the sanitizer's, and behind the printer's blocked network.
 */
export function printPolicy(remote: boolean): string {
  const from = remote ? ' https: http:' : ''
  return `default-src 'none'; img-src data:${from}; media-src data:${from}; font-src data:${from}; style-src 'unsafe-inline'${from}`
}

export interface ShellOptions {
  lang: string
  title: string
  description: string
  /** Open Graph and article facts; omitted entries are left out of the head. */
  og?: { type: 'article' | 'website'; url?: string; image?: string; publishedTime?: string; modifiedTime?: string; section?: string; tags?: string[] }
  author?: string | null
  /** Extra Content-Security-Policy directives (printPolicy for a page that is printed). */
  policy?: string
  /** The theme inlined (standalone page) or linked (site pages share one stylesheet). */
  css: { inline: string } | { href: string }
  /** Links to feeds, relative. */
  feeds?: { rss: string; atom: string; title: string }
  body: string
}

function meta(attr: 'name' | 'property', key: string, value: string | undefined | null): string {
  return value ? `<meta ${attr}="${key}" content="${escapeHtml(value)}">\n` : ''
}

export function documentShell(o: ShellOptions): string {
  const og = o.og
  const head =
    `<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${o.policy ? `${CSP}; ${o.policy}` : CSP}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="color-scheme" content="light dark">\n` +
    `<title>${escapeHtml(o.title)}</title>\n` +
    meta('name', 'description', o.description) +
    meta('name', 'author', o.author) +
    (og
      ? meta('property', 'og:type', og.type) +
        meta('property', 'og:title', o.title) +
        meta('property', 'og:description', o.description) +
        meta('property', 'og:url', og.url) +
        meta('property', 'og:image', og.image) +
        meta('property', 'article:published_time', og.publishedTime) +
        meta('property', 'article:modified_time', og.modifiedTime) +
        meta('property', 'article:section', og.section) +
        (og.tags ?? []).map((t) => meta('property', 'article:tag', t)).join('')
      : '') +
    ('inline' in o.css ? `<style>\n${o.css.inline}</style>\n` : `<link rel="stylesheet" href="${escapeHtml(o.css.href)}">\n`) +
    (o.feeds
      ? `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(o.feeds.title)}" href="${escapeHtml(o.feeds.rss)}">\n` +
        `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(o.feeds.title)}" href="${escapeHtml(o.feeds.atom)}">\n`
      : '')
  return `<!doctype html>\n<html lang="${escapeHtml(o.lang)}">\n<head>\n${head}</head>\n<body>\n${o.body}</body>\n</html>\n`
}

/** An ISO 8601 / RFC 3339 instant without milliseconds, as feeds and Open Graph expect. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
