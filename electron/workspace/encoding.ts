/**
 * The one decoder of article bytes, for the app, the index, bulk edits and the command line.
 * Folio edits UTF-8 with LF or CRLF lines; UTF-16 (with its byte-order mark, or without one),
 * bytes that are not UTF-8 and lines ending in a lone CR are shown read-only, each with a
 * message saying why and what to do, so a save can never put UTF-8 or LF lines in front of them.
 */
import { Buffer, isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import type { EncodingProblem, LineEnding } from '../../shared/contract'
import type { Said } from '../../shared/errors'
import { dominantEol } from '../../shared/frontmatter/detect'

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

export interface Decoded {
  /** Without the byte-order mark. */
  text: string
  bom: boolean
  eol: LineEnding
  /** Why the bytes cannot be edited safely, or null. */
  readOnly: string | null
  /** What readOnly is about, for callers that word it their own way. */
  problem: 'utf-16' | 'not-utf-8' | 'cr-only' | null
  /** Byte offset of the first byte that is not UTF-8, or -1. */
  invalidAt: number
}

/** Why the decoded file is read-only because of its encoding, named for the UI's language; null when it is not. */
export function encodingSaid(decoded: Decoded, path: string): Said | null {
  return decoded.readOnly !== null && decoded.problem !== null ? { reason: decoded.problem, params: { path } } : null
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/**
 * Buffer's decoder is many times faster than a strict TextDecoder and turns bad bytes into
 * U+FFFD; only text holding one (rare: bad bytes, or an author's own U+FFFD) is checked byte by byte.
 */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need === -1) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    const c1 = bytes[i + 1] ?? 0
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) {
      return i
    }
    i += need + 1
  }
  return -1
}

export function notUtf8Message(path: string): string {
  return `${path} is not valid UTF-8 (perhaps Latin-1 or GBK); it is shown read-only so saving cannot damage it. Convert it to UTF-8 to edit it.`
}

/** The bytes as text with what they allow: the BOM and line ending to write back, or why not to write. */
export function decode(bytes: Uint8Array, path: string): Decoded {
  const bom = hasUtf8Bom(bytes)
  const utf16 = bom ? null : utf16Of(bytes)
  if (utf16) {
    const text = decodeUtf16(bytes, utf16)
    return { text, bom: false, eol: dominantEol(text), readOnly: utf16Message(path), problem: 'utf-16', invalidAt: -1 }
  }
  const body = bom ? bytes.subarray(3) : bytes
  const text = utf8(body)
  const bad = text.includes('\uFFFD') ? firstInvalidUtf8(body) : -1
  const eol = dominantEol(text)
  if (bad !== -1) return { text, bom, eol, readOnly: notUtf8Message(path), problem: 'not-utf-8', invalidAt: bad + (bom ? 3 : 0) }
  const crOnly = crOnlyLines(text)
  return { text, bom, eol, readOnly: crOnly ? crOnlyMessage(path) : null, problem: crOnly ? 'cr-only' : null, invalidAt: -1 }
}

/**
 * What decode() would object to in the bytes, for the index (which decodes leniently for
 * display): UTF-16, or the line of the first byte that is not UTF-8. The native check keeps the
 * common case (valid UTF-8) a single pass that allocates nothing.
 */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | null {
  const bom = hasUtf8Bom(bytes)
  if (!bom && utf16Of(bytes)) return { code: 'utf-16', line: 1 }
  const body = bom ? bytes.subarray(3) : bytes
  if (isUtf8(body)) return null
  const bad = firstInvalidUtf8(body)
  if (bad === -1) return null
  const end = bad + (bom ? 3 : 0)
  let line = 1
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++
  return { code: 'invalid-utf8', line }
}

/** The text to list, count and search: what decode() gives, without its verdicts (the index only displays). */
export function displayText(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes)
  if (utf16) return decodeUtf16(bytes, utf16)
  return utf8(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes)
}

const encoder = new TextEncoder()

export function encode(text: string, bom: boolean): Uint8Array {
  return encoder.encode(bom ? '\uFEFF' + text : text)
}
