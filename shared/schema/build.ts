/**
 * The folder schema from every header's observed fields: per key its kind (the dominant one,
 * or the one the schema file pins), values with counts, date formats and list style; once for
 * the whole folder and once per collection.
 */
import type { SiteKind } from '../contract'
import { collectionOf } from './collection'
import type { CollectionSchema, FieldKind, FolderSchema, KeyPin, ListStyle, ObservedField, SchemaKey, SchemaPins, ValueCount } from './types'

/** Values kept per key: enough for suggestions, bounded for folders of unique titles. */
const MAX_VALUES = 500
/**
 * Distinct values counted per key and collection. Past this a key is mostly unique text (titles,
 * image paths): values already seen keep counting, new ones are not tracked, which bounds the
 * memory and time of a 10,000-article folder while every value used twice early on is kept.
 */
const MAX_DISTINCT = 2_000
const MAX_DATE_FORMATS = 8

export interface ObservedArticle {
  path: string
  fields: readonly ObservedField[]
}

interface Tally {
  count: number
  kinds: Map<FieldKind, number>
  values: Map<string, number>
  /** Date formats (patterns of the date module) with their counts. */
  dates: Map<string, number>
  styles: Map<string, { style: ListStyle; count: number }>
}

function styleKey(style: ListStyle): string {
  return style.flow ? '[' : `-${style.indent}`
}

class Tallies {
  readonly keys = new Map<string, Tally>()
  articles = 0

  private tally(key: string): Tally {
    let t = this.keys.get(key)
    if (!t) {
      t = { count: 0, kinds: new Map(), values: new Map(), dates: new Map(), styles: new Map() }
      this.keys.set(key, t)
    }
    return t
  }

  add(fields: readonly ObservedField[]): void {
    this.articles++
    for (const [key, kind, values, style, dateFormat] of fields) {
      const t = this.tally(key)
      t.count++
      if (kind) bump(t.kinds, kind, 1)
      for (const value of values) {
        const seen = t.values.get(value)
        if (seen !== undefined) t.values.set(value, seen + 1)
        else if (t.values.size < MAX_DISTINCT) t.values.set(value, 1)
      }
      if (dateFormat) bump(t.dates, dateFormat, 1)
      if (style) {
        const k = styleKey(style)
        const s = t.styles.get(k)
        if (s) s.count++
        else t.styles.set(k, { style, count: 1 })
      }
    }
  }

  /** Adds another set of tallies (a collection's) to these (the folder's). */
  merge(other: Tallies): void {
    this.articles += other.articles
    for (const [key, o] of other.keys) {
      const t = this.tally(key)
      t.count += o.count
      for (const [k, n] of o.kinds) bump(t.kinds, k, n)
      for (const [v, n] of o.values) {
        if (t.values.has(v) || t.values.size < MAX_DISTINCT) bump(t.values, v, n)
      }
      for (const [f, n] of o.dates) bump(t.dates, f, n)
      for (const [k, s] of o.styles) {
        const mine = t.styles.get(k)
        if (mine) mine.count += s.count
        else t.styles.set(k, { style: s.style, count: s.count })
      }
    }
  }
}

function bump<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n)
}

/** Most used first; among equals, in code-unit order, so the same folder always lists the same way. */
function byCount(a: { value: string; count: number }, b: { value: string; count: number }): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
}

/**
 * The kind most values show. Lone strings under a key that is mostly a list are its one-item
 * shorthand; a few long strings among short ones make it long text; URLs with images, images.
 */
export function dominantKind(kinds: ReadonlyMap<FieldKind, number>): FieldKind {
  const get = (k: FieldKind) => kinds.get(k) ?? 0
  let best: FieldKind = 'text'
  let bestCount = 0
  for (const [kind, count] of kinds) {
    if (count > bestCount) {
      best = kind
      bestCount = count
    }
  }
  if (get('taxonomy') > 0 && (best === 'text' || best === 'list')) return 'taxonomy'
  if (best === 'text' && get('list') >= get('text')) return 'list'
  // A date the date module cannot read yet (`Jul 08 2022`) must not turn the key into text.
  if (best === 'text' && get('date') >= get('text')) return 'date'
  if ((best === 'text' || best === 'longtext') && get('longtext') * 5 >= get('text')) return 'longtext'
  if (best === 'url' && get('image') > 0) return 'image'
  return best
}

function mostUsedStyle(styles: Iterable<{ style: ListStyle; count: number }>): ListStyle | null {
  let best: { style: ListStyle; count: number } | null = null
  for (const s of styles) if (!best || s.count > best.count) best = s
  return best?.style ?? null
}

function schemaKeys(tallies: Tallies, pins: Record<string, KeyPin>, nested: (key: string) => boolean): SchemaKey[] {
  const out: SchemaKey[] = []
  const seen = new Set<string>()
  for (const [key, t] of tallies.keys) {
    seen.add(key)
    out.push(keyOf(key, t, tallies.articles, pins[key], nested(key)))
  }
  // A pinned key nobody wrote yet still gets its widget and its choices.
  for (const [key, pin] of Object.entries(pins)) {
    if (seen.has(key)) continue
    const empty: Tally = { count: 0, kinds: new Map(), values: new Map(), dates: new Map(), styles: new Map() }
    out.push(keyOf(key, empty, tallies.articles, pin, nested(key)))
  }
  return out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

function keyOf(key: string, t: Tally, articles: number, pin: KeyPin | undefined, nested: boolean): SchemaKey {
  const values = [...t.values]
    .map(([value, count]) => ({ value, count }))
    .sort(byCount)
    .slice(0, MAX_VALUES)
  const dateFormats: ValueCount[] = [...t.dates]
    .map(([value, count]) => ({ value, count }))
    .sort(byCount)
    .slice(0, MAX_DATE_FORMATS)
  const kind = pin?.kind ?? (t.kinds.size ? dominantKind(t.kinds) : 'text')
  return {
    key,
    kind,
    count: t.count,
    presence: articles ? t.count / articles : 0,
    kinds: Object.fromEntries(t.kinds),
    values,
    dateFormats,
    nested: nested && (kind === 'taxonomy' || kind === 'list'),
    listStyle: mostUsedStyle(t.styles.values()),
    choices: pin?.choices ?? [],
    required: pin?.required ?? false,
    pinned: pin?.kind !== undefined,
  }
}

export interface BuildOptions {
  kind: SiteKind
  contentRoots: readonly string[]
  pins?: SchemaPins
  file?: string | null
  fileErrors?: string[]
}

export function buildFolderSchema(articles: Iterable<ObservedArticle>, options: BuildOptions): FolderSchema {
  const all = new Tallies()
  const perCollection = new Map<string, Tallies>()
  const styles = new Map<string, { style: ListStyle; count: number }>()
  for (const article of articles) {
    const name = collectionOf(options.kind, options.contentRoots, article.path)
    let c = perCollection.get(name)
    if (!c) perCollection.set(name, (c = new Tallies()))
    c.add(article.fields)
  }
  for (const c of perCollection.values()) all.merge(c)
  for (const t of all.keys.values()) {
    for (const [k, s] of t.styles) {
      const mine = styles.get(k)
      if (mine) mine.count += s.count
      else styles.set(k, { style: s.style, count: s.count })
    }
  }
  const pins = options.pins ?? { keys: {}, collections: {} }
  const nested = (key: string) => options.kind === 'hexo' && (key === 'categories' || key === 'category')
  const collections: CollectionSchema[] = [...perCollection]
    .map(([name, t]) => ({ name, articles: t.articles, keys: schemaKeys(t, { ...pins.keys, ...pins.collections[name] }, nested) }))
    .sort((a, b) => b.articles - a.articles || (a.name < b.name ? -1 : 1))
  return {
    articles: all.articles,
    keys: schemaKeys(all, pins.keys, nested),
    collections,
    listStyle: mostUsedStyle(styles.values()),
    file: options.file ?? null,
    fileErrors: options.fileErrors ?? [],
  }
}

/** The key as the form sees it for an article: its collection's view first, then the folder's. */
export function schemaKeyFor(schema: FolderSchema | null, collection: string, key: string): SchemaKey | null {
  if (!schema) return null
  return schema.collections.find((c) => c.name === collection)?.keys.find((k) => k.key === key) ?? schema.keys.find((k) => k.key === key) ?? null
}
