/**
 * Pinyin for Chinese titles, so `zwxz` (initials) or `zhongwen` (full syllables) finds 中文写作.
 * pinyin-pro and its dictionary load only when quick open first needs them, off the start-up path.
 */
type Convert = (text: string) => { initials: string; full: string }

let convert: Convert | null = null
let loading: Promise<void> | null = null
const cache = new Map<string, { initials: string; full: string } | null>()
const HAN = /\p{Script=Han}/u

export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(({ pinyin }) => {
    convert = (text) => ({
      initials: pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
      full: pinyin(text, { toneType: 'none', type: 'array' }).join(''),
    })
  })
  return loading
}

/** The title's pinyin (lower case, no spaces), or null when it has no Chinese or pinyin is not loaded yet. */
export function pinyinOf(title: string): { initials: string; full: string } | null {
  if (!convert || !HAN.test(title)) return null
  let found = cache.get(title)
  if (found === undefined) {
    const { initials, full } = convert(title)
    found = { initials: initials.toLowerCase().replace(/\s+/g, ''), full: full.toLowerCase().replace(/\s+/g, '') }
    cache.set(title, found)
  }
  return found
}
