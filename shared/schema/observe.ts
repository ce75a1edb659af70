/**
 * One header → what the folder schema needs to know of it: per key, the kind its value shows,
 * the values worth suggesting and how a list is written. Small enough to cache per file.
 */
import { dateFormatOf } from '../frontmatter/dates'
import { scalarText } from '../frontmatter/scalar-text'
import type { FieldValue, ParsedFrontMatter } from '../frontmatter/types'
import type { FieldKind, ListStyle, ObservedField } from './types'

/** Longer than this, or with a line break, a string is long text (a textarea). */
export const LONG_TEXT = 80
/** Values longer than this are not suggested again (titles, descriptions). */
const MAX_VALUE_LENGTH = 120
const MAX_VALUES_PER_FIELD = 50

/** Keys every generator treats as tags or categories. */
export const TAXONOMY_KEYS: ReadonlySet<string> = new Set(['tags', 'tag', 'categories', 'category', 'keywords', 'series'])
const IMAGE_KEY = /(image|img|cover|thumbnail|thumb|banner|photo|avatar|logo|poster|headimg|icon)/i
const IMAGE_VALUE = /\.(png|jpe?g|gif|webp|svg|avif|bmp|ico)(?:[?#].*)?$/i
const URL_VALUE = /^(?:https?:)?\/\/\S+$|^mailto:\S+$/i

/** The kind a string shows on its own, given the key it is under (`dated`: it reads as a date). */
export function stringKind(key: string, value: string, dated = dateFormatOf(value) !== null): FieldKind {
  if (TAXONOMY_KEYS.has(key)) return 'taxonomy'
  if (dated) return 'date'
  if (IMAGE_VALUE.test(value) && !/\s/.test(value)) return 'image'
  if (URL_VALUE.test(value)) return IMAGE_KEY.test(key) ? 'image' : 'url'
  if (value.length > LONG_TEXT || value.includes('\n')) return 'longtext'
  return 'text'
}

export function valueKind(key: string, value: FieldValue, dateFormat?: string | null): FieldKind | null {
  switch (value.type) {
    case 'null':
      return null
    case 'string':
      return value.value === '' ? null : stringKind(key, value.value, dateFormat === undefined ? undefined : dateFormat !== null)
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'date':
      return 'date'
    case 'map':
      return 'object'
    case 'list':
      if (TAXONOMY_KEYS.has(key) || value.items.some((item) => item.type === 'list')) return 'taxonomy'
      return value.items.every((item) => item.type !== 'map') ? 'list' : 'object'
  }
}

function suggestable(value: FieldValue, out: string[]): void {
  if (out.length >= MAX_VALUES_PER_FIELD) return
  if (value.type === 'list') {
    for (const item of value.items) suggestable(item, out)
    return
  }
  const text = scalarText(value)
  if (text !== null && text !== '' && text.length <= MAX_VALUE_LENGTH && !text.includes('\n')) out.push(text)
}

/** `[a, b]` or the indent before `-` of a block list; null for anything else. */
export function listStyleAt(text: string, from: number, to: number): ListStyle | null {
  const source = text.slice(from, to)
  if (source.startsWith('[')) return { flow: true }
  if (!source.startsWith('-')) return null
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  const indent = text.slice(lineStart, from)
  return /^[ \t]*$/.test(indent) ? { flow: false, indent } : null
}

export function observeHeader(text: string, parsed: ParsedFrontMatter): ObservedField[] {
  const out: ObservedField[] = []
  for (const field of parsed.fields) {
    const v = field.value
    const dateText = v.type === 'date' ? v.text : v.type === 'string' && !TAXONOMY_KEYS.has(field.key) ? v.value : null
    const dateFormat = dateText === null ? null : dateFormatOf(dateText)
    const kind = valueKind(field.key, v, dateFormat)
    const values: string[] = []
    if (kind !== 'longtext' && kind !== 'object') suggestable(field.value, values)
    const style = field.value.type === 'list' && parsed.detection.format === 'yaml' ? listStyleAt(text, field.valueRange.from, field.valueRange.to) : null
    out.push(dateFormat ? [field.key, kind, values, style, dateFormat] : [field.key, kind, values, style])
  }
  return out
}
