/**
 * Reading and saving one article: bytes ⇄ text with the encoding facts the editor needs so an
 * unchanged text saves back to identical bytes, plus the hash check that prevents silent
 * overwrites of changes made elsewhere.
 */
import { createHash } from 'node:crypto'
import { open, readFile, stat } from 'node:fs/promises'
import type { ArticleFile, LineEnding, SaveResult } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import { writeFileAtomic } from './atomic-write'
import { crOnlyLines, crOnlyMessage, decodeUtf16, utf16Message, utf16Of } from './encoding'

export interface Decoded {
  text: string
  bom: boolean
  eol: LineEnding
  /** Why the bytes cannot be edited safely, or null. */
  readOnly: string | null
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
const encoder = new TextEncoder()

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/** The line ending used by most lines; '\n' when there are none or it is a tie. */
export function dominantEol(text: string): LineEnding {
  let crlf = 0
  let lf = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++
    else lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

export function decode(bytes: Uint8Array, path: string): Decoded {
  const bom = hasUtf8Bom(bytes)
  const body = bom ? bytes.subarray(3) : bytes
  const utf16 = bom ? null : utf16Of(bytes)
  if (utf16) {
    const text = decodeUtf16(bytes, utf16)
    return { text, bom: false, eol: dominantEol(text), readOnly: utf16Message(path) }
  }
  try {
    const text = strict.decode(body)
    return { text, bom, eol: dominantEol(text), readOnly: crOnlyLines(text) ? crOnlyMessage(path) : null }
  } catch {
    const text = lenient.decode(body)
    return {
      text,
      bom,
      eol: dominantEol(text),
      readOnly: `${path} is not valid UTF-8 (perhaps Latin-1 or GBK); it is shown read-only so saving cannot damage it. Convert it to UTF-8 to edit it.`,
    }
  }
}

export function encode(text: string, bom: boolean): Uint8Array {
  return encoder.encode(bom ? '\uFEFF' + text : text)
}

/** A file-system failure as a typed error naming the file and what was being done. */
export function ioError(error: unknown, rel: string, doing: string): FolioError {
  if (error instanceof FolioError) return error
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') {
    return new FolioError({ code: 'NOT_FOUND', path: rel, message: `Could not ${doing} ${rel}: the file does not exist (moved or deleted?).` })
  }
  if (code === 'EISDIR') {
    return new FolioError({ code: 'BAD_ARGUMENT', path: rel, message: `Could not ${doing} ${rel}: it is a folder, not a file.` })
  }
  const reason = error instanceof Error ? error.message : String(error)
  return new FolioError({ code: 'IO', path: rel, message: `Could not ${doing} ${rel}: ${reason}` })
}

export async function readArticle(abs: string, rel: string): Promise<ArticleFile> {
  let bytes: Buffer
  let mtimeMs: number
  try {
    // One handle, so the mtime belongs to the bytes read even if the file is replaced meanwhile.
    const handle = await open(abs, 'r')
    try {
      mtimeMs = (await handle.stat()).mtimeMs
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw ioError(error, rel, 'read')
  }
  const decoded = decode(bytes, rel)
  return { path: rel, ...decoded, hash: hashBytes(bytes), mtimeMs, size: bytes.length }
}

/** Saves only while the disk still holds the bytes the editor loaded (baseHash). */
export async function saveArticle(abs: string, rel: string, text: string, baseHash: string): Promise<SaveResult> {
  let current: Buffer
  try {
    current = await readFile(abs)
  } catch (error) {
    throw ioError(error, rel, 'save')
  }
  const currentHash = hashBytes(current)
  const decoded = decode(current, rel)
  if (currentHash !== baseHash) {
    throw new FolioError({
      code: 'CONFLICT',
      path: rel,
      message: `${rel} was changed on disk since it was opened. Reload it, keep your version, or compare the two.`,
      disk: { text: decoded.text, hash: currentHash },
    })
  }
  if (decoded.readOnly) throw new FolioError({ code: 'READ_ONLY', path: rel, message: decoded.readOnly })
  const bytes = encode(text, decoded.bom)
  try {
    await writeFileAtomic(abs, bytes)
    const after = await stat(abs)
    return { path: rel, hash: hashBytes(bytes), mtimeMs: after.mtimeMs, size: after.size }
  } catch (error) {
    throw ioError(error, rel, 'save')
  }
}
