/**
 * What a folder's headers look like: per key, how often it appears, its dominant type and its
 * values with counts. The form picks widgets from the type and autocompletes from the values.
 */
import type { FieldValue, KeySchema, ParsedFrontMatter, Schema } from './types'

/** Values kept per key: enough for autocompletion, bounded for folders with unique titles. */
const MAX_VALUES = 500

export function inferSchema(headers: readonly ParsedFrontMatter[]): Schema {
  const keys = new Map<string, { count: number; types: Map<FieldValue['type'], number>; values: Map<string, number> }>()
  for (const header of headers) {
    for (const field of header.fields) {
      let k = keys.get(field.key)
      if (!k) {
        k = { count: 0, types: new Map(), values: new Map() }
        keys.set(field.key, k)
      }
      k.count++
      k.types.set(field.value.type, (k.types.get(field.value.type) ?? 0) + 1)
      const scalars = field.value.type === 'list' ? field.value.items : [field.value]
      for (const v of scalars) {
        const text = scalarText(v)
        if (text !== null) k.values.set(text, (k.values.get(text) ?? 0) + 1)
      }
    }
  }
  const out: KeySchema[] = [...keys.entries()].map(([key, k]) => ({
    key,
    count: k.count,
    type: dominant(k.types),
    values: [...k.values.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_VALUES)
      .map(([value, count]) => ({ value, count })),
  }))
  out.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
  return { headers: headers.length, keys: out }
}

/** The most frequent type; a list beats a lone string on a tie (Hexo's one-tag shorthand). */
function dominant(types: Map<FieldValue['type'], number>): FieldValue['type'] {
  let best: FieldValue['type'] = 'null'
  let bestCount = -1
  for (const [type, count] of types) {
    if (type === 'null') continue
    if (count > bestCount || (count === bestCount && type === 'list')) {
      best = type
      bestCount = count
    }
  }
  return best
}

/** A scalar's text as written for display and counting; null for lists, maps and null. */
export function scalarText(v: FieldValue): string | null {
  switch (v.type) {
    case 'string':
      return v.value
    case 'number':
      return v.text
    case 'boolean':
      return String(v.value)
    case 'date':
      return v.text
    default:
      return null
  }
}
