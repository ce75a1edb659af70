/**
 * RSS 2.0 and Atom 1.0 feeds. Dates come from the parsed header instants (the site's zone), so
 * feeds are as reproducible as the pages: RFC 822 for RSS, RFC 3339 for Atom.
 */
import { createHash } from 'node:crypto'
import { formatDate, wallTimeAt } from '../../shared/frontmatter/dates'
import { escapeHtml } from '../../shared/html/escape'
import { isoInstant } from './html'

export interface FeedItem {
  title: string
  /** Absolute URL when the site has a base URL, else a link relative to the feed. */
  link: string
  /** Stable identity of the article (its path): survives title changes. */
  key: string
  dateMs: number
  updatedMs: number | null
  summary: string
  author: string | null
  categories: string[]
}

export interface FeedInfo {
  title: string
  description: string
  /** The home page: absolute with a base URL, else relative. */
  link: string
  /** The site's base URL ending in '/', or '' when unknown. */
  baseUrl: string
  author: string | null
  language: string
}

/** Characters XML 1.0 forbids would make the whole feed unreadable; they carry no text. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

function xml(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''))
}

/** RFC 822 (with a four-digit year, as RSS 2.0 recommends), in UTC. */
function rfc822(ms: number): string {
  return formatDate(wallTimeAt(ms).wall, 'ddd, DD MMM YYYY HH:mm:ss [+0000]')
}

/** A name-based (v5-style) UUID URN: a valid, stable id when the site has no URL to use. */
function urnFor(name: string): string {
  const h = createHash('sha1').update(name).digest('hex')
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`
}

function idOf(item: FeedItem, feed: FeedInfo): string {
  return feed.baseUrl ? item.link : urnFor(`${feed.title}\n${item.key}`)
}

function newest(items: readonly FeedItem[]): number {
  return items.reduce((max, i) => Math.max(max, i.updatedMs ?? i.dateMs, i.dateMs), 0)
}

export function rss(items: readonly FeedItem[], feed: FeedInfo, selfLink: string): string {
  const entries = items.map((item) => {
    const permalink = feed.baseUrl !== ''
    return (
      `<item>\n<title>${xml(item.title)}</title>\n<link>${xml(item.link)}</link>\n` +
      `<guid isPermaLink="${permalink}">${xml(idOf(item, feed))}</guid>\n<pubDate>${rfc822(item.dateMs)}</pubDate>\n` +
      (item.author ? `<dc:creator>${xml(item.author)}</dc:creator>\n` : '') +
      item.categories.map((c) => `<category>${xml(c)}</category>\n`).join('') +
      `<description>${xml(item.summary)}</description>\n</item>\n`
    )
  })
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n` +
    `<title>${xml(feed.title)}</title>\n<link>${xml(feed.link)}</link>\n<description>${xml(feed.description || feed.title)}</description>\n` +
    `<language>${xml(feed.language)}</language>\n` +
    (items.length ? `<lastBuildDate>${rfc822(newest(items))}</lastBuildDate>\n` : '') +
    `<generator>Folio</generator>\n<atom:link href="${xml(selfLink)}" rel="self" type="application/rss+xml"/>\n` +
    entries.join('') +
    `</channel>\n</rss>\n`
  )
}

export function atom(items: readonly FeedItem[], feed: FeedInfo, selfLink: string): string {
  const author = feed.author ?? feed.title
  const entries = items.map(
    (item) =>
      `<entry>\n<title>${xml(item.title)}</title>\n<link rel="alternate" type="text/html" href="${xml(item.link)}"/>\n` +
      `<id>${xml(idOf(item, feed))}</id>\n<published>${isoInstant(item.dateMs)}</published>\n` +
      `<updated>${isoInstant(Math.max(item.updatedMs ?? item.dateMs, item.dateMs))}</updated>\n` +
      (item.author ? `<author><name>${xml(item.author)}</name></author>\n` : '') +
      item.categories.map((c) => `<category term="${xml(c)}"/>\n`).join('') +
      `<summary>${xml(item.summary)}</summary>\n</entry>\n`,
  )
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">\n` +
    `<title>${xml(feed.title)}</title>\n` +
    (feed.description ? `<subtitle>${xml(feed.description)}</subtitle>\n` : '') +
    `<link rel="alternate" type="text/html" href="${xml(feed.link)}"/>\n<link rel="self" type="application/atom+xml" href="${xml(selfLink)}"/>\n` +
    `<id>${xml(feed.baseUrl || urnFor(feed.title))}</id>\n<updated>${isoInstant(newest(items))}</updated>\n` +
    `<author><name>${xml(author)}</name></author>\n<generator>Folio</generator>\n` +
    entries.join('') +
    `</feed>\n`
  )
}
