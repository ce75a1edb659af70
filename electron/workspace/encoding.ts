/**
 * What an article's bytes and line endings allow. Folio edits UTF-8 with LF or CRLF lines;
 * UTF-16 (with its byte-order mark, or without one) and lines ending in a lone CR are shown
 * read-only, each with a message saying why and what to do, so a save can never put UTF-8 or
 * LF lines in front of them.
 */

export type Utf16 = 'utf-16le' | 'utf-16be'

/** How much of the start of a file the NUL pattern is read from. */
const SNIFF_BYTES = 4096

/**
 * UTF-16 by its byte-order mark, or without one by its NUL bytes: UTF-8 text has none, while in
 * UTF-16 every ASCII character (fences, keys, Markdown) has one on the same side of its pair.
 */
export function utf16Of(bytes: Uint8Array): Utf16 | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null
  const end = Math.min(bytes.length, SNIFF_BYTES)
  let even = 0
  let odd = 0
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  // Text in Chinese has few NULs (a CJK character's bytes are rarely 0), so a few suffice when
  // they all sit on one side; valid UTF-8 text has none at all.
  const enough = Math.max(2, Math.min(8, end / 2 / 16))
  if (odd >= enough && even * 4 < odd) return 'utf-16le'
  if (even >= enough && odd * 4 < even) return 'utf-16be'
  return null
}

const utf16Decoders: Record<Utf16, TextDecoder> = {
  'utf-16le': new TextDecoder('utf-16le'),
  'utf-16be': new TextDecoder('utf-16be'),
}

/** UTF-16 bytes as text, for display (a byte-order mark is dropped). */
export function decodeUtf16(bytes: Uint8Array, encoding: Utf16): string {
  return utf16Decoders[encoding].decode(bytes)
}

export function utf16Message(path: string): string {
  return `${path} is encoded as UTF-16. Folio edits UTF-8 only; convert the file to UTF-8 to edit it.`
}

/** Lines end in a lone CR (classic Mac OS) more often than in LF. */
export function crOnlyLines(text: string): boolean {
  let cr = 0
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) cr++
  if (cr === 0) return false
  let lf = 0
  for (let i = text.indexOf('\n'); i !== -1 && lf < cr; i = text.indexOf('\n', i + 1)) lf++
  return cr > lf
}

export function crOnlyMessage(path: string): string {
  return `${path} ends its lines with CR only (classic Mac OS). Folio keeps line endings as they are and cannot edit these; convert the file's line endings to LF to edit it.`
}
