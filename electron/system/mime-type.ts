import mime from 'mime'

/**
 * The one place that names a file's media type: the app's protocol, export's inline images and
 * the test harness all ask here, so they cannot disagree.
 */

/** Text types are always UTF-8 in a site folder; saying so stops the browser from guessing. */
const UTF8 = /^(?:text\/|application\/(?:json|javascript|xml)$)/

/** A Markdown file opened on its own is shown as text, not offered as a download. */
const SHOWN_AS = new Map([['text/markdown', 'text/plain']])

/** Image types every Chromium shows inline; others (HEIC, TIFF) are copied beside a page instead. */
const INLINE_IMAGES = new Set([
  'image/png',
  'image/apng',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
  'image/bmp',
  'image/vnd.microsoft.icon',
])

/** The bare media type of a path by its extension, or null when none is known. */
export function mediaType(path: string): string | null {
  const type = mime.getType(path)
  return type === null ? null : (SHOWN_AS.get(type) ?? type)
}

/** The Content-Type header for a served file: its media type, with the charset for text. */
export function contentType(path: string): string {
  const type = mediaType(path)
  if (type === null) return 'application/octet-stream'
  return UTF8.test(type) ? `${type}; charset=utf-8` : type
}

/** The media type of an image a page can show inline, or null for any other file. */
export function inlineImageType(path: string): string | null {
  const type = mediaType(path)
  return type !== null && INLINE_IMAGES.has(type) ? type : null
}
