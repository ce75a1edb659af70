/**
 * Word counts that are right for Chinese and Japanese: those scripts put no spaces between words,
 * so each Han/kana character counts as one word, while Latin (and Korean, which does use spaces)
 * text counts runs of letters. HTML tags, comments, Hexo `{% … %}` tags and link targets are
 * markup, not prose, and are skipped. Pure and allocation-free: it runs on every keystroke in the
 * status bar and over every article in the index.
 */

export interface TextStats {
  /** Latin-style words plus CJK characters. */
  words: number
  /** Han, hiragana and katakana characters. */
  cjkChars: number
  /** Visible characters (no whitespace, no markup). */
  chars: number
  /** Whole minutes, at least 1 when there is a word. */
  readingMinutes: number
}

/** Typical silent reading speeds: words per minute for Latin text, characters for CJK. */
const LATIN_WPM = 220
const CJK_CPM = 400

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0x31f0 && code <= 0x31ff) || // katakana phonetic extensions
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xff66 && code <= 0xff9f) // half-width katakana
  )
}

/** Supplementary-plane ideographs (extensions B and later) arrive as surrogate pairs. */
function isCjkHighSurrogate(code: number): boolean {
  return code >= 0xd840 && code <= 0xd87f
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b)
}

const letterOrDigit = /[\p{L}\p{N}\p{M}]/u

function isWordChar(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  // Fast answers for the common non-ASCII cases before the (slower) Unicode property test.
  if (code < 0x250) return code >= 0xc0 && code !== 0xd7 && code !== 0xf7
  if ((code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f)) return false
  if (code >= 0xff00 && code <= 0xffef) {
    return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)
  }
  if (code >= 0xd800 && code <= 0xdbff) return letterOrDigit.test(text.slice(i, i + 2))
  return letterOrDigit.test(text[i] as string)
}

/** End of markup starting at i (exclusive), or i when there is none. */
function skipMarkup(text: string, i: number, code: number): number {
  const next = text.charCodeAt(i + 1)
  if (code === 60 /* < */) {
    const isTag = next === 33 /* ! */ || next === 47 /* / */ || ((next | 32) >= 97 && (next | 32) <= 122)
    if (!isTag) return i
    const close = text.startsWith('!--', i + 1) ? text.indexOf('-->', i + 4) : text.indexOf('>', i + 1)
    if (close === -1) return i
    return close + (text.charCodeAt(close) === 45 ? 3 : 1)
  }
  if (code === 123 /* { */ && next === 37 /* % */) {
    const close = text.indexOf('%}', i + 2)
    return close === -1 ? i : close + 2
  }
  if (code === 93 /* ] */ && next === 40 /* ( */) {
    const close = text.indexOf(')', i + 2)
    return close === -1 ? i : close + 1
  }
  return i
}

export function textStats(text: string): TextStats {
  let latinWords = 0
  let cjkChars = 0
  let chars = 0
  let inWord = false
  const length = text.length
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (code === 60 || code === 123 || code === 93) {
      const end = skipMarkup(text, i, code)
      if (end !== i) {
        inWord = false
        i = end - 1
        continue
      }
    }
    if (isSpace(code)) {
      inWord = false
      continue
    }
    chars++
    if (isCjk(code) || (isCjkHighSurrogate(code) && i + 1 < length)) {
      cjkChars++
      inWord = false
      if (code >= 0xd800) i++
      continue
    }
    if (isWordChar(text, i, code)) {
      if (!inWord) latinWords++
      inWord = true
    } else if (!(inWord && (code === 39 || code === 0x2019 || code === 45) && i + 1 < length && isWordChar(text, i + 1, text.charCodeAt(i + 1)))) {
      // Apostrophes and hyphens inside a word (don't, well-known) keep it one word.
      inWord = false
    }
    if (code >= 0xd800 && code <= 0xdbff) i++
  }
  const words = latinWords + cjkChars
  const minutes = latinWords / LATIN_WPM + cjkChars / CJK_CPM
  return { words, cjkChars, chars, readingMinutes: words === 0 ? 0 : Math.max(1, Math.ceil(minutes)) }
}
