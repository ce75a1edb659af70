/**
 * Word counts that are right for Chinese and Japanese: those scripts put no spaces between words,
 * so each Han/kana character counts as one word, while Latin (and Korean, which does use spaces)
 * text counts runs of letters. HTML tags, comments, Hexo `{% … %}` tags and link targets are
 * markup, not prose, and are skipped. Pure, and allocates nothing per character (a character
 * table once): the status bar counts the open article a slice at a time whenever typing pauses,
 * and the index counts every article.
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

const SEP = 0
const SPACE = 1
const WORD = 2
const CJK = 3
/** `<`, `{` and `]`: may start markup to skip. */
const MARKUP = 4
/** Apostrophes and hyphens: part of a word when letters follow (don't, well-known). */
const JOINER = 5
/** A high surrogate: the pair is judged as one character. */
const HIGH = 6

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

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b)
}

const letterOrDigit = /[\p{L}\p{N}\p{M}]/u

function classify(code: number): number {
  if (code === 60 || code === 123 || code === 93) return MARKUP
  if (code === 39 || code === 0x2019 || code === 45) return JOINER
  if (isSpace(code)) return SPACE
  if (isCjk(code)) return CJK
  if (code >= 0xd800 && code <= 0xdbff) return HIGH
  if (code >= 0xdc00 && code <= 0xf8ff) return SEP // lone low surrogates, private use
  if (code >= 0xac00 && code <= 0xd7a3) return WORD // Hangul syllables: Korean separates words by spaces
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) ? WORD : SEP
  return letterOrDigit.test(String.fromCharCode(code)) ? WORD : SEP
}

/** One class per UTF-16 code unit, built on first use: the counting loop is then one lookup per character. */
let classes: Uint8Array | null = null
function classTable(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(0x10000)
    for (let code = 0; code < 0x10000; code++) classes[code] = classify(code)
  }
  return classes
}

/** Supplementary-plane characters: ideographs (extensions B and later) are CJK, letters are words. */
function classifyPair(text: string, i: number): number {
  const high = text.charCodeAt(i)
  if (high >= 0xd840 && high <= 0xd87f) return CJK
  return letterOrDigit.test(text.slice(i, i + 2)) ? WORD : SEP
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

/**
 * A count under way: how far into the text it has got and what it has found so far. The count
 * stops only between two characters it would have read one after the other (never inside markup
 * or a surrogate pair), so going on from here gives exactly what one pass would.
 */
export interface StatsProgress {
  /** The next UTF-16 unit to read: the count is done once this is at (or past) the text's length. */
  at: number
  latinWords: number
  cjkChars: number
  chars: number
  inWord: boolean
}

export function statsStart(): StatsProgress {
  return { at: 0, latinWords: 0, cjkChars: 0, chars: 0, inWord: false }
}

/**
 * Counts `text` on from `progress` until it has read up to `until` (or a little past it, to the
 * end of markup or of a surrogate pair) and returns where it got. A long text is counted a slice
 * at a time this way, letting the window's keys in between (renderer/status/StatusBar.tsx).
 */
export function countOn(text: string, progress: StatsProgress, until = text.length): StatsProgress {
  const table = classTable()
  let { latinWords, cjkChars, chars, inWord } = progress
  const length = text.length
  const end = Math.min(until, length)
  let i = progress.at
  for (; i < end; i++) {
    const code = text.charCodeAt(i)
    let cls = table[code] as number
    if (cls === MARKUP) {
      const skipped = skipMarkup(text, i, code)
      if (skipped !== i) {
        inWord = false
        i = skipped - 1
        continue
      }
      cls = SEP
    } else if (cls === SPACE) {
      inWord = false
      continue
    } else if (cls === HIGH) {
      cls = i + 1 < length ? classifyPair(text, i) : SEP
      i++
    } else if (cls === JOINER) {
      cls = inWord && i + 1 < length && table[text.charCodeAt(i + 1)] === WORD ? WORD : SEP
    }
    chars++
    if (cls === CJK) {
      cjkChars++
      inWord = false
    } else if (cls === WORD) {
      if (!inWord) latinWords++
      inWord = true
    } else inWord = false
  }
  return { at: i, latinWords, cjkChars, chars, inWord }
}

/** What a finished count (countOn up to the text's end) says. */
export function statsOf(progress: StatsProgress): TextStats {
  const { latinWords, cjkChars, chars } = progress
  const words = latinWords + cjkChars
  const minutes = latinWords / LATIN_WPM + cjkChars / CJK_CPM
  return { words, cjkChars, chars, readingMinutes: words === 0 ? 0 : Math.max(1, Math.ceil(minutes)) }
}

export function textStats(text: string): TextStats {
  return statsOf(countOn(text, statsStart()))
}

/** U+FFFD, what a decoder gives for bytes that are not UTF-8. */
const REPLACEMENT = 0xfffd

/** The length in bytes of the character utf8At decoded last (a module variable: no object per character). */
let decodedLength = 1

/**
 * The code point of the UTF-8 character at `i` (its length in decodedLength), decoding as Buffer
 * and TextDecoder do: a broken sequence is one U+FFFD for its longest valid beginning (the WHATWG
 * rule), so counts over bytes equal counts over the decoded text.
 */
function utf8At(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i] as number
  decodedLength = 1
  if (b < 0x80) return b
  let need: number
  let lower = 0x80
  let upper = 0xbf
  let code: number
  if (b >= 0xc2 && b <= 0xdf) {
    need = 1
    code = b & 0x1f
  } else if (b >= 0xe0 && b <= 0xef) {
    need = 2
    code = b & 0x0f
    if (b === 0xe0) lower = 0xa0
    else if (b === 0xed) upper = 0x9f
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3
    code = b & 0x07
    if (b === 0xf0) lower = 0x90
    else if (b === 0xf4) upper = 0x8f
  } else return REPLACEMENT
  for (let k = 1; k <= need; k++) {
    const c = i + k < end ? (bytes[i + k] as number) : -1
    if (c < lower || c > upper) {
      decodedLength = k
      return REPLACEMENT
    }
    lower = 0x80
    upper = 0xbf
    code = (code << 6) | (c & 0x3f)
  }
  decodedLength = need + 1
  return code
}

/** Index of the ASCII `pattern` in bytes[from, end), or -1 (ASCII bytes never occur inside a UTF-8 character). */
function indexOfAscii(bytes: Uint8Array, pattern: string, from: number, end: number): number {
  const first = pattern.charCodeAt(0)
  outer: for (let i = bytes.indexOf(first, from); i !== -1 && i + pattern.length <= end; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern.charCodeAt(k)) continue outer
    return i
  }
  return -1
}

/** skipMarkup over bytes: the end of markup starting at i (exclusive), or i when there is none. */
function skipMarkupBytes(bytes: Uint8Array, i: number, code: number, end: number): number {
  const next = i + 1 < end ? (bytes[i + 1] as number) : NaN
  if (code === 60 /* < */) {
    const isTag = next === 33 /* ! */ || next === 47 /* / */ || ((next | 32) >= 97 && (next | 32) <= 122)
    if (!isTag) return i
    const comment = next === 33 && bytes[i + 2] === 45 && bytes[i + 3] === 45 && i + 3 < end
    const close = comment ? indexOfAscii(bytes, '-->', i + 4, end) : indexOfAscii(bytes, '>', i + 1, end)
    if (close === -1) return i
    return close + (bytes[close] === 45 ? 3 : 1)
  }
  if (code === 123 /* { */ && next === 37 /* % */) {
    const close = indexOfAscii(bytes, '%}', i + 2, end)
    return close === -1 ? i : close + 2
  }
  if (code === 93 /* ] */ && next === 40 /* ( */) {
    const close = indexOfAscii(bytes, ')', i + 2, end)
    return close === -1 ? i : close + 1
  }
  return i
}

/**
 * textStats of UTF-8 bytes[from, to), counted without decoding them into a string first: the
 * index counts every article's body this way and decodes only its header and first lines. Equal
 * to textStats(the decoded text) for any bytes, valid UTF-8 or not (tests/unit/workspace).
 */
export function utf8TextStats(bytes: Uint8Array, from = 0, to = bytes.length): TextStats {
  const table = classTable()
  let latinWords = 0
  let cjkChars = 0
  let chars = 0
  let inWord = false
  for (let i = from; i < to;) {
    // ASCII and the three-byte characters of CJK text decoded here; the rest (and anything broken) by utf8At.
    const b = bytes[i] as number
    let code: number
    let length: number
    if (b < 0x80) {
      code = b
      length = 1
    } else if (b >= 0xe1 && b <= 0xec && i + 2 < to && ((bytes[i + 1] as number) & 0xc0) === 0x80 && ((bytes[i + 2] as number) & 0xc0) === 0x80) {
      code = ((b & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f)
      length = 3
    } else {
      code = utf8At(bytes, i, to)
      length = decodedLength
    }
    let cls: number
    if (code >= 0x10000) {
      // A surrogate pair in the text: judged as one character.
      cls = code >= 0x20000 && code <= 0x2ffff ? CJK : letterOrDigit.test(String.fromCodePoint(code)) ? WORD : SEP
    } else {
      cls = table[code] as number
      if (cls === MARKUP) {
        const end = skipMarkupBytes(bytes, i, code, to)
        if (end !== i) {
          inWord = false
          i = end
          continue
        }
        cls = SEP
      } else if (cls === SPACE) {
        inWord = false
        i += length
        continue
      } else if (cls === JOINER) {
        let nextClass = SEP
        if (inWord && i + length < to) {
          const nextCode = utf8At(bytes, i + length, to)
          // A character past U+FFFF starts with a high surrogate in the text, never a word's class.
          nextClass = nextCode >= 0x10000 ? HIGH : (table[nextCode] as number)
        }
        cls = nextClass === WORD ? WORD : SEP
      }
    }
    i += length
    chars++
    if (cls === CJK) {
      cjkChars++
      inWord = false
    } else if (cls === WORD) {
      if (!inWord) latinWords++
      inWord = true
    } else inWord = false
  }
  return statsOf({ at: to, latinWords, cjkChars, chars, inWord })
}
