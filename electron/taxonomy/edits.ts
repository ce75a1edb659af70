/**
 * One article's part of a bulk edit: the header text in, shared/frontmatter patches out. Every
 * change goes through setValue / addListItem / removeKey, so a renamed tag rewrites the line that
 * holds it and nothing else (quotes, comments, order and line endings of other lines stay).
 */
import { addListItem, fieldRecord, fieldToEditValue, removeKey, scalarText, setValue } from '../../shared/frontmatter'
import type { EditOptions, EditValue, Field, FieldValue, ParsedFrontMatter, TextPatch } from '../../shared/frontmatter/types'
import { siteRules, taxonomyKey } from '../../shared/sites'
import type { Generator, TaxonomyRule } from '../../shared/sites/types'

/** The generator's rule for `tags` or `categories`; null for any other key. */
export function taxonomyRule(generator: Generator, key: string): TaxonomyRule | null {
  const rules = siteRules(generator)
  return key === 'tags' ? rules.tags : key === 'categories' ? rules.categories : null
}

/** The keys the index reads tags and categories from (plural and singular), for the taxonomy view. */
export function indexedKeys(generator: Generator): Set<string> {
  const { tags, categories } = siteRules(generator)
  return new Set([tags.plural, tags.singular, categories.plural, categories.singular].filter((k): k is string => k !== null))
}

/** The field a key is read from, picked as the generator (and so the index) picks it: `tag` or `tags`. */
export function fieldFor(parsed: ParsedFrontMatter, key: string, generator: Generator): Field | null {
  const rule = taxonomyRule(generator, key)
  const name = rule ? taxonomyKey(rule, fieldRecord(parsed)) : key
  const field = parsed.fields.find((f) => f.key === name)
  return field && field.value.type !== 'null' ? field : null
}

/** Old value → new value, or null to remove it. */
export type ValueMap = ReadonlyMap<string, string | null>

/**
 * Renames, merges or removes values of a flat list key. A renamed item whose new value the list
 * already holds is dropped rather than duplicated, which changes one line instead of two.
 */
export function editFlatValues(text: string, parsed: ParsedFrontMatter, key: string, map: ValueMap, generator: Generator, opts: EditOptions): TextPatch[] {
  const field = fieldFor(parsed, key, generator)
  if (!field) return []
  const value = field.value
  if (value.type === 'list') {
    const kept = new Set<string>()
    for (const item of value.items) {
      const t = scalarText(item)
      if (t !== null && !map.has(t)) kept.add(t)
    }
    let changed = false
    const out: EditValue[] = []
    for (const item of value.items) {
      const t = scalarText(item)
      if (t === null || !map.has(t)) {
        out.push(fieldToEditValue(item))
        continue
      }
      changed = true
      const to = map.get(t) ?? null
      if (to === null || kept.has(to)) continue
      kept.add(to)
      out.push(to)
    }
    return changed ? setValue(text, field.key, out, opts) : []
  }
  const t = scalarText(value)
  if (t === null) return []
  // Jekyll splits a plural string on spaces: `categories: a b` is two values, and a value that
  // holds a space can only be written as a list item there (`[Blog Notes]`).
  const rule = taxonomyRule(generator, key)
  const splits = rule !== null && rule.splitPluralString && field.key === rule.plural && value.type === 'string'
  const words = splits ? t.split(/\s+/).filter(Boolean) : [t]
  if (!words.some((w) => map.has(w))) return []
  const out: string[] = []
  for (const w of words) {
    const to = map.has(w) ? (map.get(w) ?? null) : w
    if (to !== null && !out.includes(to)) out.push(to)
  }
  if (out.length === 0) return removeKey(text, field.key, opts)
  if (splits && out.some((v) => /\s/.test(v))) return setValue(text, field.key, out, opts)
  return setValue(text, field.key, splits ? out.join(' ') : (out[0] as string), opts)
}

/** A category path → its new path, or null to drop it (deleting a top-level category). */
export type PathMove = (path: readonly string[]) => string[] | null

interface CategoryItem {
  /** Written as a lone string (`- 随笔`) rather than a list. */
  scalar: boolean
  path: string[]
}

function texts(values: readonly FieldValue[]): string[] {
  return values.map(scalarText).filter((t): t is string => t !== null && t.trim() !== '')
}

/**
 * Hexo categories: a string is one category, a flat list is ONE path (B inside A), a list holding
 * lists is several categories. The edit keeps the form the author used.
 */
export function editCategoryPaths(text: string, parsed: ParsedFrontMatter, move: PathMove, generator: Generator, opts: EditOptions): TextPatch[] {
  const field = fieldFor(parsed, 'categories', generator)
  if (!field) return []
  const value = field.value
  const nested = value.type === 'list' && value.items.some((i) => i.type === 'list')
  let items: CategoryItem[]
  if (value.type === 'list') {
    items = nested
      ? value.items.map((i) => (i.type === 'list' ? { scalar: false, path: texts(i.items) } : { scalar: true, path: texts([i]) }))
      : [{ scalar: false, path: texts(value.items) }]
  } else {
    items = [{ scalar: true, path: texts([value]) }]
  }
  let changed = false
  const seen = new Set<string>()
  const out: CategoryItem[] = []
  for (const item of items) {
    const next = item.path.length === 0 ? item.path : move(item.path)
    if (next === null || next.join('\n') !== item.path.join('\n')) changed = true
    if (next === null) continue
    const id = next.join('\n')
    if (seen.has(id) && next.length > 0) {
      changed = true
      continue
    }
    seen.add(id)
    out.push({ scalar: item.scalar, path: next })
  }
  if (!changed) return []
  if (value.type !== 'list') {
    const only = out[0]
    if (!only) return removeKey(text, field.key, opts)
    return setValue(text, field.key, only.path.length === 1 ? (only.path[0] as string) : only.path, opts)
  }
  if (!nested) return setValue(text, field.key, out[0]?.path ?? [], opts)
  return setValue(
    text,
    field.key,
    out.map((i) => (i.scalar && i.path.length === 1 ? (i.path[0] as string) : i.path)),
    opts,
  )
}

/** Moves every path under `from` to `to` (a rename, a move or a merge), or drops it when `to` is null. */
export function pathMove(moves: readonly { from: readonly string[]; to: readonly string[] | null }[]): PathMove {
  return (path) => {
    for (const { from, to } of moves) {
      if (from.length === 0 || from.length > path.length || !from.every((s, i) => path[i] === s)) continue
      // Deleting A › B keeps its articles in A; deleting a top-level category drops it.
      if (to === null) return from.length > 1 ? path.slice(0, from.length - 1) : null
      return [...to, ...path.slice(from.length)]
    }
    return [...path]
  }
}

/** Appends a value to a list key unless the list already holds it. */
export function addToList(text: string, parsed: ParsedFrontMatter, key: string, value: string, generator: Generator, opts: EditOptions): TextPatch[] {
  const field = fieldFor(parsed, key, generator)
  const present = field ? (field.value.type === 'list' ? field.value.items : [field.value]).some((i) => scalarText(i) === value) : false
  if (present) return []
  return addListItem(text, field?.key ?? key, value, opts)
}
