/** Tags and categories read from a header the way the generator reads them (its TaxonomyRule). */
import { scalarText } from '../frontmatter/scalar-text'
import type { FieldValue } from '../frontmatter/types'
import type { TaxonomyRule } from './types'

/** The field a taxonomy is read from, as the generator picks it; null when the header has none. */
export function taxonomyKey(rule: TaxonomyRule, fields: Readonly<Record<string, FieldValue>>): string | null {
  const has = (key: string | null): key is string => key !== null && present(fields[key])
  const order = rule.first === 'singular' ? [rule.singular, rule.plural] : [rule.plural, rule.singular]
  return order.find(has) ?? null
}

/** Hexo's `tags || tag` and Jekyll's singular test: null and an empty string hold no value. */
function present(v: FieldValue | undefined): boolean {
  return v !== undefined && v.type !== 'null' && !(v.type === 'string' && v.value === '')
}

function texts(values: readonly FieldValue[]): string[] {
  return values.map(scalarText).filter((t): t is string => t !== null && t.trim() !== '')
}

/** Items of a value, nested lists flattened (Jekyll and most readers flatten). */
function flat(v: FieldValue): FieldValue[] {
  return v.type === 'list' ? v.items.flatMap(flat) : [v]
}

/**
 * The taxonomy values of a header, each as a path (a one-element path where there is no
 * hierarchy), read the way the generator reads them.
 */
export function readTaxonomy(rule: TaxonomyRule, fields: Readonly<Record<string, FieldValue>>): string[][] {
  const key = taxonomyKey(rule, fields)
  const value = key === null ? undefined : fields[key]
  if (!value) return []
  if (rule.hierarchy) {
    if (value.type !== 'list') return texts([value]).map((t) => [t])
    if (!value.items.some((i) => i.type === 'list')) {
      const path = texts(value.items)
      return path.length ? [path] : []
    }
    return value.items.map((i) => texts(flat(i))).filter((p) => p.length > 0)
  }
  if (value.type === 'string' && key === rule.plural && rule.splitPluralString) {
    return value.value
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => [t])
  }
  return [...new Set(texts(flat(value)))].map((t) => [t])
}
