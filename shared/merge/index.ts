/** The public API of shared/merge: three-way merge of whole lines, header-aware, and two-text comparison. */
export { merge3, compare2, resolve, type MergeChunk, type MergeResult, type Decision, type Side } from './three-way'
export { splitLines } from './lines'
