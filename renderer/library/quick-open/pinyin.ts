/**
 * Pinyin for Chinese titles, so `zwxz` (initials) or `zhongwen` (full syllables) finds 中文写作.
 * Working out a title's pinyin takes pinyin-pro tens of microseconds, seconds for a big folder, so
 * it never happens on a keystroke: `warmPinyin` works through the library's titles in idle time
 * as they arrive (pinyin-pro and its dictionary load then, only for a folder with Chinese titles),
 * and quick open takes what is known (`knownPinyin`), listening for more (`subscribePinyin`).
 */
export interface Spoken {
  /** The first letter of each syllable, lower case, no spaces: zwxz. */
  initials: string
  /** The syllables without tones, lower case, no spaces: zhongwenxiezuo. */
  full: string
}

import { whenIdle, type Deadline } from '../../idle/idle'

type Convert = (text: string) => string[]

let convert: Convert | null = null
let loading: Promise<void> | null = null
const cache = new Map<string, Spoken>()
const HAN = /\p{Script=Han}/u

export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    convert = (text) => pinyin(text, { toneType: 'none', type: 'array' })
  })
  return loading
}

function hasHan(title: string | null): title is string {
  return title !== null && HAN.test(title)
}

/** The pinyin worked out now: what `warmPinyin` does for each title, and tests ask directly. */
export function pinyinOf(title: string): Spoken | null {
  if (!convert || !HAN.test(title)) return null
  let found = cache.get(title)
  if (found === undefined) {
    const syllables = convert(title)
    // One syllable per Han character, every other character as itself (its first code point
    // is its initial: an emoji is two UTF-16 units).
    const initials = syllables.map((s) => String.fromCodePoint(s.codePointAt(0) ?? 32)).join('')
    // Lower-cased last: replace() leaves a rope of its pieces (about 1 KB a title, 86 MB for
    // 100,000 Chinese titles kept here), toLowerCase() one flat string.
    found = { initials: initials.replace(/\s+/g, '').toLowerCase(), full: syllables.join('').replace(/\s+/g, '').toLowerCase() }
    cache.set(title, found)
  }
  return found
}

/** The title's pinyin if already worked out; null when it has no Chinese, undefined when not yet known. */
export function knownPinyin(title: string | null): Spoken | null | undefined {
  // The cache first: most titles asked for are known, and the test for Han costs more.
  const known = title === null ? undefined : cache.get(title)
  if (known) return known
  return hasHan(title) ? undefined : null
}

/** Changes each time more titles' pinyin is known. */
let version = 0
const listeners = new Set<() => void>()

export function pinyinVersion(): number {
  return version
}

export function subscribePinyin(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The newest titles asked for and how far the idle work has gone through them. */
let queue: readonly (string | null)[] = []
let cursor = 0
let scheduled = false
let done: (() => void)[] = []

function slice(deadline: Deadline): void {
  scheduled = false
  let learned = false
  while (cursor < queue.length) {
    const title = queue[cursor++] ?? null
    if (hasHan(title) && !cache.has(title)) {
      pinyinOf(title)
      learned = true
      // A look at the clock every few titles: each takes tens of microseconds.
      if (cursor % 16 === 0 && deadline.timeRemaining() <= 1) break
    }
  }
  if (learned) {
    version++
    for (const listener of listeners) listener()
  }
  if (cursor < queue.length) schedule()
  else {
    const waiting = done
    done = []
    for (const resolve of waiting) resolve()
  }
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  whenIdle(slice)
}

/**
 * Works out the pinyin of these titles (the library's, newest list wins) in idle time, a few
 * milliseconds at a time; resolves when every one is known. Titles known before cost a lookup.
 */
export function warmPinyin(titles: readonly (string | null)[]): Promise<void> {
  return new Promise((resolve) => {
    queue = titles
    cursor = 0
    if (!titles.some(hasHan)) {
      resolve()
      return
    }
    done.push(resolve)
    void loadPinyin().then(schedule)
  })
}
