/**
 * Reading an article for a bulk edit. Nearly every file is valid UTF-8, and Buffer's decoder is
 * many times faster than the strict TextDecoder; the strict one (with its read-only verdicts for
 * UTF-16 and broken bytes) runs only when the fast one had to substitute something.
 */
import { crOnlyLines, crOnlyMessage, utf16Of } from '../workspace/encoding'
import { decode } from '../workspace/files'

export interface ArticleText {
  /** Without the BOM. */
  text: string
  bom: boolean
  /** Why the file must not be edited, or null. */
  readOnly: string | null
}

export function decodeArticle(bytes: Buffer, path: string): ArticleText {
  const utf16 = utf16Of(bytes) !== null
  const text = utf16 ? '' : bytes.toString('utf8')
  if (utf16 || text.includes('\uFFFD')) {
    const { text: strict, bom, readOnly } = decode(bytes, path)
    return { text: strict, bom, readOnly }
  }
  const bom = text.charCodeAt(0) === 0xfeff
  return { text: bom ? text.slice(1) : text, bom, readOnly: crOnlyLines(text) ? crOnlyMessage(path) : null }
}
