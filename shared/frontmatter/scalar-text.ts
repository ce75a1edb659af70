/** Scalars as text: the one rule the index, the taxonomy and the folder schema count values by. */
import type { FieldValue } from './types'

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
