/** The folder schema: what the headers of a folder hold, key by key, per collection. */
export { observeHeader, valueKind, stringKind, listStyleAt, TAXONOMY_KEYS, LONG_TEXT } from './observe'
export { buildFolderSchema, schemaKeyFor, dominantKind, type ObservedArticle, type BuildOptions } from './build'
export { collectionOf } from './collection'
export { readPins, SCHEMA_FILE, type ReadPins } from './pins'
export type * from './types'
