/**
 * Types of the folder schema: what the headers of a folder look like, key by key, so the form
 * picks a widget from the folder's habits instead of from the value being typed.
 */

/** What a key holds, as a person filling the form thinks of it. */
export type FieldKind = 'text' | 'longtext' | 'number' | 'boolean' | 'date' | 'list' | 'taxonomy' | 'image' | 'url' | 'object'

export const FIELD_KINDS: readonly FieldKind[] = ['text', 'longtext', 'number', 'boolean', 'date', 'list', 'taxonomy', 'image', 'url', 'object']

/** How a block writes its lists: `[a, b]`, or one `- a` per line after this indent. */
export type ListStyle = { flow: true } | { flow: false; indent: string }

/**
 * One key of one header, as the index keeps it per file (a tuple: cached for every article).
 * `kind` is null for an empty value; `values` are the scalar texts worth suggesting; a date's
 * format (the date module's pattern) is read once here rather than on every schema build.
 */
export type ObservedField = [key: string, kind: FieldKind | null, values: string[], listStyle: ListStyle | null, dateFormat?: string | null]

export interface ValueCount {
  value: string
  count: number
}

export interface SchemaKey {
  key: string
  kind: FieldKind
  /** Headers that have this key (an empty value counts: the key is there). */
  count: number
  /** count / the headers of the collection, 0..1. */
  presence: number
  /** How often each kind was seen: a mix shows values that do not fit. */
  kinds: Partial<Record<FieldKind, number>>
  /** Scalar values and list items, most frequent first (bounded). */
  values: ValueCount[]
  /** Date keys: the formats written (date module patterns, `YYYY/M/D HH:mm:ss`), most used first. */
  dateFormats: ValueCount[]
  /** Hexo categories: a flat list is one path (B inside A). */
  nested: boolean
  /** Lists of this key: the dominant way they are written, null when none was seen. */
  listStyle: ListStyle | null
  /** From the schema file: allowed values to offer first. */
  choices: string[]
  required: boolean
  /** The kind comes from the schema file, not from the headers. */
  pinned: boolean
}

export interface CollectionSchema {
  /** '' for the folder's own articles (a plain folder, Hugo's root pages). */
  name: string
  articles: number
  keys: SchemaKey[]
}

export interface FolderSchema {
  articles: number
  /** Every key across the folder. */
  keys: SchemaKey[]
  /** Per collection: Hexo posts/drafts/pages, Jekyll collections, Hugo sections, Astro collections. */
  collections: CollectionSchema[]
  /** The folder's dominant list style, for a list written where the file shows none. */
  listStyle: ListStyle | null
  /** The schema file read (relative path), or null when the folder has none. */
  file: string | null
  /** Problems in that file, each naming what to fix; the rest of it still applies. */
  fileErrors: string[]
}

/** What the schema file can say about one key. */
export interface KeyPin {
  kind?: FieldKind
  choices?: string[]
  required?: boolean
}

export interface SchemaPins {
  keys: Record<string, KeyPin>
  collections: Record<string, Record<string, KeyPin>>
}
