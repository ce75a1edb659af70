/**
 * Types of shared/frontmatter: finding, reading and minimally editing an article's header.
 * Offsets are UTF-16 indices into the text handed in (the editor's document text, or a file
 * decoded as UTF-8, with or without a leading BOM).
 */

import type { Generator } from '../sites/types'

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'none'

export interface Range {
  from: number
  to: number
}

export interface DetectOptions {
  /**
   * The generator whose reader decides which headers count (shared/sites): blank lines before
   * the fence, fenceless and `;;;` headers, TOML and JSON forms. Default: a plain folder.
   */
  site?: Generator
  /** Older spelling of `site: 'hexo'`. */
  hexo?: boolean
}

export interface ParseOptions extends DetectOptions {
  /** IANA zone for timestamps written without one (Hexo's `timezone`); default UTC. */
  timeZone?: string
}

export interface EditOptions extends ParseOptions {
  /** Format of a block created in a file that has none; default yaml. */
  createFormat?: 'yaml' | 'toml' | 'json'
  /**
   * Line ending for the lines an edit writes; default: the text's own. CodeMirror's
   * `doc.toString()` is LF-only even for a CRLF file (its lineSeparator facet joins lines with
   * CRLF only in `sliceDoc()`), so the editor passes the file's `eol` here: the patches then
   * index the LF text (CodeMirror positions) and insert CRLF lines, which that facet splits.
   */
  eol?: '\n' | '\r\n'
  /**
   * The value is a date (the form's date widget): timestamp text is written plain so the site
   * reads a date. Without it such text is quoted, except where it replaces a plain date.
   */
  date?: boolean
  /**
   * setValue of a string: the style the value had when the person began editing it ('plain'
   * means quotes only where needed). Default: the style it has now. The form passes the first
   * one, so a quote an intermediate keystroke needed (`'The Folio team '`) does not stay.
   */
  quote?: 'plain' | 'single' | 'double'
  /** How to write a new list when the block shows none of its own: the folder's dominant style. */
  listStyle?: { flow: true } | { flow: false; indent: string }
}

export interface Detection {
  format: FrontMatterFormat
  /** The text starts with U+FEFF. */
  bom: boolean
  /** Blank lines (and BOM) before the opening fence. */
  leading: Range
  /** The whole header including its fences and the newline after the closing fence; null when none. */
  block: Range | null
  /** The header's source between the fences; null when none. */
  content: Range | null
  /** The opening fence line as written (`---`, `+++`, `---yaml`, '' for Hexo's fenceless form, `{` for JSON). */
  openFence: string | null
  closeFence: string | null
  /** Dominant line ending of the file. */
  eol: '\n' | '\r\n'
  /** Offset where the body begins. */
  bodyStart: number
  finalNewline: boolean
}

export type HeaderErrorCode =
  | 'syntax'
  | 'duplicate-key'
  | 'not-a-mapping'
  | 'unterminated'
  /** Values nest deeper than parse.ts's MAX_DEPTH. */
  | 'too-deep'
  /** YAML aliases expand past ALIAS_EXPANSION times the written header. */
  | 'too-many-aliases'
  /** A U+0000 inside the header. */
  | 'nul'
  /** The header's lines end in a lone CR: recognised, never edited. */
  | 'cr-only'
  /** A header the site's generator would not read (the message names the rule). */
  | 'not-read'
  /** Reading the file failed in a way the grammar did not foresee (the index's per-file catch). */
  | 'unreadable'

/**
 * What exactly the parser objected to, named by Folio from the YAML package's error code (or the
 * TOML or JSON reader's message), so the UI can explain it in its own language. `message` keeps
 * the parser's English for the command line and for anything not named here.
 */
export type HeaderErrorReason =
  /** A `key:` indented deeper than the key above it (subject: the key). */
  | 'over-indented'
  /** A quoted value whose closing quote never comes (subject: the quote). */
  | 'unclosed-quote'
  /** A `[…]` or `{…}` value whose closing bracket never comes. */
  | 'unclosed-bracket'
  | 'tab-indent'
  /** Lines of one list or map that do not line up. */
  | 'bad-indent'
  /** A line that is neither `key: value` nor the continuation of a value (often a missing colon). */
  | 'no-colon'
  /** `key: a: b`: a colon and space inside a plain value. */
  | 'colon-in-value'
  /** A `#` comment written right after a value, without a space. */
  | 'comment-space'
  /** A plain value starting with a character YAML reserves (subject: the character). */
  | 'reserved-start'
  | 'bad-escape'
  /** More text after a complete value (a quoted value followed by words, say). */
  | 'extra-text'
  /** A comma, colon or space missing between the items of a `[…]` or `{…}` value. */
  | 'missing-separator'
  /** A block list or map inside `[…]` or `{…}`. */
  | 'block-in-flow'
  /** Anchors (&), aliases (*) and tags (!) written wrongly. */
  | 'anchor-or-tag'
  | 'key-too-long'
  /** JSON: a key without double quotes. */
  | 'unquoted-key'
  /** A value missing where one must be (after `=` or `:`). */
  | 'missing-value'
  /** TOML: a key with characters a bare key cannot hold. */
  | 'bad-key'

export interface HeaderError {
  code: HeaderErrorCode
  message: string
  /** 1-based line in the whole text (not in the block). */
  line: number
  /** 1-based column. */
  column: number
  /** For syntax errors: what exactly is wrong, when Folio can name it. */
  reason?: HeaderErrorReason
  /** The key, character or quote the reason (or a duplicate key) is about. */
  subject?: string
}

export type FieldValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number; text: string }
  | { type: 'boolean'; value: boolean }
  /** Date-like text: kept as written; `instant` only for display and sorting. */
  | { type: 'date'; text: string; instant: number | null; hasTime: boolean }
  | { type: 'null' }
  | { type: 'list'; items: FieldValue[] }
  | { type: 'map'; entries: { key: string; value: FieldValue }[] }

export interface Field {
  key: string
  value: FieldValue
  keyRange: Range
  /** The value's source (empty range right after `key:` when the value is empty). */
  valueRange: Range
  /** The whole entry: from its line start through its last line's end, including the newline. */
  range: Range
  /** 1-based line of the key. */
  line: number
}

export interface ParsedFrontMatter {
  detection: Detection
  /** Top-level keys in source order. Empty when errors is not empty. */
  fields: Field[]
  errors: HeaderError[]
  ok: boolean
}

/** A minimal replacement in the text; apply from last to first, or as a CodeMirror change set. */
export interface TextPatch {
  from: number
  to: number
  insert: string
}

/** A typed value an edit writes; strings are quoted only when YAML needs it. */
export type EditValue = string | number | boolean | null | EditValue[] | { [key: string]: EditValue }
