/** The public API of shared/frontmatter: detect, parse, edit as text patches. */
export { detect } from './detect'
export { parse, fieldRecord } from './parse'
export { setValue, addKey, removeKey, renameKey, addListItem, removeListItem, applyPatches, fieldToEditValue } from './edit'
export { scalarText } from './scalar-text'
export { parseDateText, isDateLike, type DateReading } from './dates'
export { needsQuotes } from './quote'
export type * from './types'
