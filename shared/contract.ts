/**
 * The single IPC contract between the main process and the renderer: Electron (app/ipc.ts +
 * preload.ts) and the e2e harness implement exactly this. Every method's arguments have a schema
 * (INVOKE_ARGUMENTS, valibot): the argument types are inferred from it and the handlers check each
 * call against it, since the renderer is not trusted.
 */
import * as v from 'valibot'
import type { InsertSettings } from './assets/insert'
import type { AssetRules } from './assets/resolve'
import type { Envelope, FolioErrorData, Problem, Said } from './errors'
import type { FieldCheck } from './frontmatter/checks'
import type { FrontMatterFormat, HeaderError, HeaderErrorCode, HeaderErrorReason, TextPatch } from './frontmatter/types'
import type { FolderSchema } from './schema/types'

/** The generator whose rules (shared/sites) Folio reads the folder by. */
import type { Generator } from './sites/types'
import { isArticleGoal, isSettingsPatch, MEDIA_CHECKS } from './settings'

export type SiteKind = Generator

export interface FolderInfo {
  /** Absolute path of the open folder, for display only: never sent back as a path argument. */
  root: string
  name: string
  kind: SiteKind
  /** POSIX paths relative to root where articles live ('' for the whole folder). */
  contentRoots: string[]
  /** URL prefix (ending in '/') under which the open folder's files are served read-only, for previews. */
  assetBase?: string
  /** What the user should know about the folder as it opened (a setting refused, a folder unreadable). */
  warnings?: FolderWarning[]
  /** Where the site keeps images and other files its articles point to (shared/assets). */
  assets?: AssetRules
  /**
   * The IANA zone a date written without one is read in: the site's configured zone (Hexo and
   * Jekyll `timezone`, Hugo `timeZone`), else the computer's. The index reads dates in it too.
   */
  timeZone?: string
  /** Present while the index still reads the folder (an early open): articles known of all found (see IndexProgress). */
  indexing?: { done: number; total: number; listing?: boolean }
}

/**
 * What the library shows of the open folder: the articles read so far (every one once the index
 * is done), newest first, and the folder schema the form's widgets follow.
 */
export interface FolderRows {
  articles: LibraryRow[]
  schema: FolderSchema
  /** Where rowsSince goes on from: what changes after these rows were listed. */
  cursor: RowsCursor
}

/**
 * A place in the open folder's changes: the open it belongs to (each open of a folder numbers
 * anew) and how many changes of that open came before it.
 */
export interface RowsCursor {
  open: number
  at: number
}

/**
 * What changed in the open folder since a cursor (rowsSince): the rows read or changed since
 * (their summaries now, in no order) and the paths no longer articles. A folder of 100,000 posts
 * is sent once while its index reads it, not again with every count.
 */
export interface RowsUpdate {
  folder: FolderInfo
  rows: LibraryRow[]
  removed: string[]
  cursor: RowsCursor
  /** How many articles the folder holds now: a library holding another number asks for the whole listing. */
  count: number
  /** The folder schema, once the index has read every file (while it reads, the one listed first serves). */
  schema?: FolderSchema
  /** More changes than one answer carries: ask again from this cursor at once (count holds once none are left). */
  more?: true
}

/**
 * openFolder's answer: the folder, with its first rows and schema in the same reply, so the
 * library paints them without another round trip; the rest follows (IndexProgress, folderListing).
 */
export interface OpenedFolder extends FolderInfo {
  rows: FolderRows
}

/** The open folder and its rows in one answer: what the library asks for again after a change. */
export interface FolderListing {
  folder: FolderInfo
  rows: FolderRows
}

/**
 * An image on its way in: the name it came with ('' for none) and either its bytes, base64 (plain
 * JSON crosses every transport: a pasted screenshot has no file), or the absolute path of the file
 * the writer dropped or copied (WireApi.pathForFile), which the main process reads itself: a
 * photo's megabytes then never cross the bridge, encoded or not.
 */
export const ImageUploadSchema = v.union(
  [v.strictObject({ name: v.string(), data: v.string() }), v.strictObject({ name: v.string(), file: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)) })],
  'An image is { name, data } (its bytes, base64) or { name, file } (the absolute path of its file)',
)
export type ImageUpload = v.InferOutput<typeof ImageUploadSchema>

/** A file handed over by a drop or a paste (the DOM's File, named here without the DOM). */
export interface DroppedFile {
  readonly name: string
  readonly size: number
  readonly type: string
}

/** An image copied into the folder (or found there with the same bytes) and the text that links it. */
export interface InsertedImage {
  /** POSIX path relative to the root. */
  path: string
  /** What goes into the article: `![alt](path)` or `{% asset_img name %}`, by the site. */
  link: string
  /** The same bytes were already there under this name: nothing was written. */
  reused: boolean
  /** Uploaded to the writer's image host: the URL the link points to (`path` is then the local copy, or '' when none is kept). */
  url?: string
  /** Inserted with `background`: the file is still being made; imagesLanded(landing) settles once it is written or given up. */
  landing?: string
}

/** `background`: answer as soon as the names and links are decided, before photos are processed and written. */
export const InsertOptionsSchema = v.strictObject({ background: v.optional(v.boolean()) })
export type InsertOptions = v.InferOutput<typeof InsertOptionsSchema>

/** An image in the open folder and the places that show it (bodies and headers), for the media panel. */
export interface MediaImage {
  /** POSIX path relative to the root. */
  path: string
  /** Bytes. */
  size: number
  /** Articles showing it, with the 1-based line of each reference; empty: unused. */
  usedBy: Array<{ path: string; line: number }>
}

export interface MediaReport {
  images: MediaImage[]
  /** `folio check --links`'s findings across the folder. */
  broken: LinkProblem[]
}

/** Something about the open folder worth telling: the file (and key and line) it comes from and what was done. */
export interface FolderWarning extends Said {
  /** POSIX path relative to the root of the file or folder concerned ('' for the folder itself). */
  path: string
  /** The setting concerned (e.g. `new_post_name`), when it comes from a site's settings file. */
  key?: string
  /** 1-based line of that setting, when known. */
  line?: number
  /** What happened and what Folio did instead, naming the file. */
  message: string
  /** Files or folders the index left out (links it does not follow, folders it may not read, files gone meanwhile). */
  skipped?: true
}

export interface ArticleSummary {
  /** POSIX path relative to the content root. */
  path: string
  format: FrontMatterFormat
  title: string | null
  /** The date as the author wrote it. */
  date: string | null
  /** That date as an instant (ms since epoch) in the site's time zone, when it can be read. */
  dateMs: number | null
  updated: string | null
  /** That update date as an instant in the site's time zone, when it can be read. */
  updatedMs: number | null
  tags: string[]
  /** Each category as its hierarchy path: Hexo `[A, B]` is one path A › B. */
  categories: string[][]
  draft: boolean
  excerpt: string
  words: number
  readingMinutes: number
  size: number
  mtimeMs: number
  error: HeaderError | null
  /** Top-level keys of the header, for the required-key check. */
  keys: string[]
  /** Field checks that depend on the file alone (lengths, duplicate keys); see summaryChecks. */
  checks: FieldCheck[]
  /** Set when the bytes are UTF-16 or not valid UTF-8 (the list shows them decoded leniently): which, and on what line. */
  encoding?: EncodingProblem
}

/**
 * An article as the library holds it: its summary without the excerpt, which no row, filter or
 * sort reads (at 100,000 posts the excerpts were ~35 MB of the window's heap). The folder's rows
 * cross the bridge in this shape; the CLI, export and the cache keep the whole summary.
 */
export type LibraryRow = Omit<ArticleSummary, 'excerpt'>

export interface EncodingProblem {
  code: 'utf-16' | 'invalid-utf8'
  /** 1-based line of the first byte that is not UTF-8 (1 for UTF-16). */
  line: number
}

export type LineEnding = '\n' | '\r\n'

export interface ArticleFile {
  path: string
  /** The decoded text without BOM, line endings exactly as on disk. */
  text: string
  bom: boolean
  /** The dominant line ending: the editor joins new lines with it. */
  eol: LineEnding
  /** sha-256 (hex) of the bytes on disk; pass it back to saveArticle. */
  hash: string
  mtimeMs: number
  size: number
  /** Why the file can only be viewed (e.g. not valid UTF-8), or null. */
  readOnly: string | null
  /** The same reason named, for the UI's language. */
  readOnlyReason?: Said
  /** readOnly is only the file's missing write permission, which makeArticleWritable can add. */
  canMakeWritable: boolean
}

export interface SaveResult {
  path: string
  hash: string
  mtimeMs: number
  size: number
}

export interface SearchHit {
  path: string
  title: string | null
  /** 1-based line of the match in the file. */
  line: number
  snippet: string
  /** Where the match sits inside the snippet, for highlighting. */
  matchStart: number
  matchEnd: number
}

/** One match of a folder search, where the editor finds it (its text: no BOM, LF line ends). */
export interface SearchMatch {
  /** 1-based line. */
  line: number
  /** UTF-16 offset of the match in its line. */
  column: number
  /** UTF-16 length of the match (it may run over several lines with a regular expression). */
  length: number
  /** The matched text, to find the match again in an edited buffer. */
  text: string
  /** Context on its line, cut so the match shows. */
  snippet: string
  matchStart: number
  matchEnd: number
}

/** An article's matches: all of them counted, the first ones listed. */
export interface ArticleMatches {
  path: string
  title: string | null
  count: number
  matches: SearchMatch[]
}

export const SearchScopeSchema = v.picklist(['all', 'body', 'header', 'field'])
export type SearchScope = v.InferOutput<typeof SearchScopeSchema>

/** What a folder search asks for (shared/search/query.ts turns it into one regular expression). */
export const SearchQuerySchema = v.strictObject({
  text: v.string(),
  caseSensitive: v.boolean(),
  wholeWord: v.boolean(),
  /** `text` is a JavaScript regular expression (Unicode mode). */
  regex: v.boolean(),
  scope: SearchScopeSchema,
  /** The header key searched when scope is 'field'. */
  field: v.optional(v.string()),
})
export type SearchQuery = v.InferOutput<typeof SearchQuerySchema>

const Count = v.pipe(v.number(), v.integer(), v.minValue(0))
const NonEmptyStrings = v.pipe(v.array(v.string()), v.nonEmpty())

export const SearchRequestSchema = v.strictObject({
  query: SearchQuerySchema,
  /** The articles to search, in the order shown (the library's filters and sort); all when absent. */
  paths: v.optional(v.array(v.string())),
  /** The first article of the page (0 for the first page). */
  offset: v.optional(Count),
  /** How many articles the page lists. */
  limit: v.optional(Count),
  /**
   * false: answer as soon as the page is listed (and one more article is known to match), without
   * searching the rest of the folder; the totals then cover the articles searched so far. A search
   * box asks this way first, then for the totals alone (limit 0), so its first rows come early.
   */
  countAll: v.optional(v.boolean()),
})
export type SearchRequest = v.InferOutput<typeof SearchRequestSchema>

export interface SearchResults {
  /** The page of articles, from the request's offset on. */
  articles: ArticleMatches[]
  /** Every match in every article searched. */
  totalMatches: number
  totalArticles: number
  /** Offset of the next page; null when this page is the last. */
  nextOffset: number | null
  /** The totals cover every article searched (false only when asked with countAll: false, and stopped early). */
  counted: boolean
}

export const NewArticleOptionsSchema = v.object({
  title: v.string(),
  /** 'post' (default), 'draft' or 'page'; sites without drafts treat 'draft' as a draft flag. */
  layout: v.optional(v.picklist(['post', 'draft', 'page'])),
  /** Use an ASCII slug for the file name instead of the readable CJK title. */
  asciiSlug: v.optional(v.boolean()),
  /** Folder (relative POSIX) to create the article in, when the site has no convention. */
  folder: v.optional(v.string()),
})
export type NewArticleOptions = v.InferOutput<typeof NewArticleOptionsSchema>

export interface ContentChange {
  added: string[]
  changed: string[]
  removed: string[]
}

/** An editor buffer with edits not yet on disk, journaled so a crash or a kill loses nothing. */
export const UnsavedBufferSchema = v.object({
  /** POSIX path relative to the content root. */
  path: v.string(),
  text: v.string(),
  /** The hash the editor loaded: a restored buffer still saves through the conflict check. */
  baseHash: v.string(),
})
export type UnsavedBuffer = v.InferOutput<typeof UnsavedBufferSchema>

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0))

/**
 * An unsaved buffer for the crash journal as a change to what the journal last received of it:
 * its whole text, or the span [from, to) of the text named `after` replaced by `insert`, making a
 * text of `length` characters. `version` names the text it makes, for the next change to build on.
 */
export const JournalEditSchema = v.object({
  path: v.string(),
  baseHash: v.string(),
  version: v.string(),
  edit: v.union([v.object({ text: v.string() }), v.object({ after: v.string(), from: Offset, to: Offset, insert: v.string(), length: Offset })]),
})
export type JournalEdit = v.InferOutput<typeof JournalEditSchema>

/** What a crash, a kill or a renderer crash left in the journal. */
export interface RecoveredBuffers {
  /** The folder those buffers belong to (absolute): openFolder(root) first when another is open. */
  root: string
  /** When the journal was written (ms since epoch). */
  savedAt: number
  buffers: UnsavedBuffer[]
}

/**
 * How a nested Hexo category path travels as one value: in taxonomy values, bulk edits, the
 * library's category filter and exported labels. `['技术', 'JS']` is `技术 › JS`.
 */
export const CATEGORY_SEPARATOR = ' › '

/** One value of a list-valued header key, with the articles that carry it. */
export interface TaxonomyValue {
  /** The value as text; a Hexo category is its path joined with CATEGORY_SEPARATOR. */
  value: string
  count: number
  /** POSIX paths of the articles carrying it (for a category: it or anything inside it). */
  paths: string[]
}

/** A node of a Hexo category tree: `categories: [A, B]` is B inside A. */
export interface CategoryNode {
  name: string
  path: string[]
  /** Articles in this category or below it. */
  count: number
  children: CategoryNode[]
}

export interface TaxonomyKey {
  key: string
  values: TaxonomyValue[]
  /** The hierarchy for Hexo categories, null for flat keys. */
  tree: CategoryNode[] | null
}

/** Every list-valued header key of the folder (tags and categories first) with its values. */
export interface Taxonomy {
  keys: TaxonomyKey[]
}

/**
 * A bulk edit. Values of Hexo `categories` are paths joined with CATEGORY_SEPARATOR: renaming `A › B` to
 * `C › B` moves that category with its articles. Field edits apply to the listed articles only.
 */
export const BulkOperationSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('rename'), key: v.string(), from: v.string(), to: v.string() }),
  v.strictObject({ kind: v.literal('merge'), key: v.string(), from: NonEmptyStrings, to: v.string() }),
  v.strictObject({ kind: v.literal('delete'), key: v.string(), value: v.string() }),
  v.strictObject({ kind: v.literal('move-category'), from: NonEmptyStrings, toParent: v.array(v.string()) }),
  v.strictObject({ kind: v.picklist(['set', 'add-to-list', 'remove-from-list']), paths: NonEmptyStrings, key: v.string(), value: v.string() }),
  v.strictObject({ kind: v.literal('unset'), paths: NonEmptyStrings, key: v.string() }),
])
export type BulkOperation = v.InferOutput<typeof BulkOperationSchema>

/** A run of changed lines in a preview: `removed` lines from `line` (1-based) become `added`. */
export interface DiffHunk {
  line: number
  removed: string[]
  added: string[]
}

export interface BulkSkip {
  path: string
  reason: string
  /**
   * Why, for the UI to say in its own language: the kind of reason and its details (a header
   * error's code, reason and subject; a read-only file's named reason).
   */
  why?: {
    kind: 'changed' | 'changed-after' | 'unsaved' | 'header' | 'read-only' | 'refused'
    line?: number
    code?: HeaderErrorCode
    reason?: HeaderErrorReason
    subject?: string
    message?: string
    said?: Said
  }
}

/** What a bulk edit would do, file by file; kept on the main side under `id` until applied. */
export interface BulkPlan {
  id: string
  /** The first page of changed files with their diffs, sorted by path. */
  files: { path: string; hunks: DiffHunk[] }[]
  /** Articles read for the plan whose diffs are still being computed (applying includes them). */
  pending: number
  /** Articles the operation concerns that cannot be edited (header does not parse, not UTF-8, …). */
  skipped: BulkSkip[]
}

/** A broken image or internal link of an article, where its target is written (1-based line and column). */
export interface LinkProblem {
  /** POSIX path of the article, relative to the root. */
  path: string
  line: number
  column: number
  rule: 'broken-image' | 'broken-link'
  target: string
  message: string
  /** For the UI's language: the file looked for (absent when the target leads outside the folder), or the site tag that names no article. */
  missing?: string
  tag?: string
}

/** A link problem of the text being edited, with the target's offsets in that text (for the editor's lint). */
export interface LinkDiagnostic extends LinkProblem {
  from: number
  to: number
}

/** What a reference is written as: a Markdown image, link or definition, an HTML attribute, or a Hexo asset tag. */
export const REFERENCE_KINDS = ['image', 'link', 'definition', 'html', 'asset_img', 'asset_link', 'asset_path'] as const
/** A generator's tag that links to another article of the site. */
export const SITE_LINK_KINDS = ['post_link', 'post_url', 'link', 'ref'] as const

/**
 * Bounds on what the editor's lint may send: each file reference costs the main process's thread a
 * few stats, so a forged request must not name millions. Far above what a real article writes.
 */
export const TEXT_LINKS_LIMITS = { references: 20_000, target: 4096 } as const

/** Where a reference is written: the line and column shown (1-based) and its target's offsets in the whole text. */
const WrittenEntries = {
  line: v.pipe(Offset, v.minValue(1)),
  column: v.pipe(Offset, v.minValue(1)),
  from: Offset,
  to: Offset,
  target: v.pipe(v.string(), v.maxLength(TEXT_LINKS_LIMITS.target)),
}
/**
 * The references of an article's text that a missing file or article would break, as read from the
 * text alone, without the site's rules (shared/assets/check.ts `textLinks`): what the editor sends
 * for its lint instead of the whole text. The main side resolves and checks each as it would the text's.
 */
export const TextLinksSchema = v.strictObject({
  /** References to files; `image` says which rule a broken one breaks. */
  files: v.pipe(
    v.array(
      v.pipe(
        v.strictObject({ ...WrittenEntries, kind: v.picklist(REFERENCE_KINDS), image: v.boolean() }),
        v.check((ref) => ref.from <= ref.to, 'Expected from ≤ to'),
      ),
    ),
    v.maxLength(TEXT_LINKS_LIMITS.references),
  ),
  site: v.pipe(
    v.array(
      v.pipe(
        v.strictObject({ ...WrittenEntries, kind: v.picklist(SITE_LINK_KINDS) }),
        v.check((ref) => ref.from <= ref.to, 'Expected from ≤ to'),
      ),
    ),
    v.maxLength(TEXT_LINKS_LIMITS.references),
  ),
})
export type TextLinks = v.InferOutput<typeof TextLinksSchema>

/** An article's unsaved text in the editor ('\n'-joined), for a rename to rewrite in the buffer instead of on disk. */
export const MoveBufferSchema = v.strictObject({ path: v.string(), text: v.string() })
export type MoveBuffer = v.InferOutput<typeof MoveBufferSchema>

/** A reference that cannot follow a rename (an asset tag whose file left the post's folder): left as written. */
export interface MoveLeft {
  path: string
  line: number
  column: number
  target: string
  /** Why it is left as written, in English; `said` names it for the UI's language. */
  reason: string
  said: Said
}

/**
 * What renaming or moving a file (an article, an image) would change: every reference to it, and
 * the moved article's own relative links, file by file. Kept on the main side under `id`.
 */
export interface MovePlan {
  id: string
  from: string
  to: string
  /** What moves along: a Hexo post's asset folder; null when nothing does. */
  folder: { from: string; to: string } | null
  /**
   * Files whose references change, by their path now, with the changed lines. One with `buffer`
   * has unsaved edits in the editor: applying does not write it; the editor applies `changes`
   * (positions in the text it sent) to its buffer, and the writer's save writes them.
   */
  files: { path: string; hunks: DiffHunk[]; buffer?: { changes: TextPatch[] } }[]
  left: MoveLeft[]
  /** Files that refer to it but are left untouched (header does not parse, not UTF-8, unreadable), with why. */
  skipped: BulkSkip[]
}

/** What undoing a Hugo leaf page made a page bundle did (undoLeafBundle). */
export interface LeafBundleUndone extends BulkResult {
  /** Images the insert put beside index.md, removed (unchanged since). */
  removed: string[]
  /** What else is in the bundle folder (put there since), kept with the folder; empty: the folder was removed. */
  kept: string[]
}

/** A bulk-edit preview once all of it is computed. */
export interface BulkPlanTotals {
  files: number
  skipped: BulkSkip[]
}

export interface BulkResult {
  /** The journal entry: pass it to undoBulkEdit. */
  id: string
  changed: string[]
  skipped: BulkSkip[]
}

/** Replace across the folder: the search's query and what each match becomes. */
export const ReplaceRequestSchema = v.strictObject({
  query: SearchQuerySchema,
  /** With a regular expression, `$1`, `$<name>`, `$&`, `$$`, `\n` and `\t` are expanded. */
  replacement: v.string(),
  /** The articles to change, in the order shown (the library's filters); all when absent. */
  paths: v.optional(v.array(v.string())),
})
export type ReplaceRequest = v.InferOutput<typeof ReplaceRequestSchema>

/** One change of a replace preview: the lines it alone makes differ. */
export interface ReplaceChange {
  /** Its number in the article (send it back to leave this change out). */
  index: number
  /** The header key whose value it changes, or null in the body. */
  key: string | null
  hunk: DiffHunk
}

export interface ReplaceFile {
  path: string
  title: string | null
  changes: ReplaceChange[]
}

/** A page of a replace preview; the plan stays in the main process under `id` until applied. */
export interface ReplacePreview {
  id: string
  /** The page of articles from the asked offset, in the order searched. */
  files: ReplaceFile[]
  totalChanges: number
  totalFiles: number
  nextOffset: number | null
  /** Articles with matches that will not be changed (header does not parse, unsaved edits, …). */
  skipped: BulkSkip[]
}

/** Left out of an apply: whole articles, and single changes of others. */
export const ReplaceExclusionsSchema = v.strictObject({
  files: v.array(v.string()),
  changes: v.array(v.strictObject({ path: v.string(), index: Count })),
})
export type ReplaceExclusions = v.InferOutput<typeof ReplaceExclusionsSchema>

/**
 * What an export writes: a standalone page, a PDF, a Markdown bundle per article (a folder, or
 * one .zip), or a static site of the whole folder (index, pages, tags, categories, feeds).
 */
export const ExportFormatSchema = v.picklist(['html', 'pdf', 'md', 'zip', 'site'])
export type ExportFormat = v.InferOutput<typeof ExportFormatSchema>

export const PdfPageSizeSchema = v.picklist(['A4', 'A5', 'Letter', 'Legal'])
export type PdfPageSize = v.InferOutput<typeof PdfPageSizeSchema>

/** Millimetres: a margin wider than half an A4 page is a mistake, not a layout. */
const Margin = v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)))

export const ExportOptionsSchema = v.strictObject({
  /** html and site: local images as data URIs inside the page (a PDF always carries its images). */
  inlineImages: v.optional(v.boolean()),
  /** md and zip: the body alone, without the front matter. */
  stripHeader: v.optional(v.boolean()),
  /** With articles 'all': drafts too (draft: true, published: false, a drafts folder). */
  drafts: v.optional(v.boolean()),
  /**
   * html, pdf and site: keep remote images, media and CSS sources, which load from their servers
   * when the page is viewed or printed. Default false: they are left out and listed in remoteLeftOut.
   */
  remoteContent: v.optional(v.boolean()),
  pdf: v.optional(
    v.strictObject({
      pageSize: v.optional(PdfPageSizeSchema),
      landscape: v.optional(v.boolean()),
      /** Millimetres. */
      margins: v.optional(v.strictObject({ top: Margin, right: Margin, bottom: Margin, left: Margin })),
      /** The article's title at the top of every page. */
      headerTitle: v.optional(v.boolean()),
      /** "3 / 12" at the bottom of every page. */
      pageNumbers: v.optional(v.boolean()),
    }),
  ),
})
export type ExportOptions = v.InferOutput<typeof ExportOptionsSchema>

export const ExportRequestSchema = v.strictObject({
  /** Chosen by the renderer: progress events carry it and cancelExport(id) stops the export. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** POSIX paths relative to the content root, or 'all' for every article of the open folder. */
  articles: v.union([v.literal('all'), NonEmptyStrings]),
  format: ExportFormatSchema,
  options: v.optional(ExportOptionsSchema),
})
export type ExportRequest = v.InferOutput<typeof ExportRequestSchema>

/** One article that could not be exported (the others still were). */
export interface ExportFailure extends Said {
  /** POSIX path relative to the content root. */
  path: string
  code: string
  /** The English the command line prints; the UI says `reason` in its language. */
  message: string
  line?: number
}

export interface ExportResult {
  id: string
  /** The file or folder written to (absolute, for display only). */
  target: string
  /** Articles written. */
  exported: number
  failures: ExportFailure[]
  /**
   * Local images and media that do not resolve inside the folder (missing, outside it, `/abs/…`,
   * `../../`): left out of pages and PDFs, never kept as written. Bundles keep their Markdown as is.
   */
  missingImages: { path: string; src: string }[]
  /** Remote sources left out because options.remoteContent was off. */
  remoteLeftOut: { path: string; src: string }[]
  /** cancelExport stopped it; articles not started are in neither list. */
  cancelled: boolean
}

export interface ExportProgress {
  id: string
  done: number
  total: number
  /** The article just finished (POSIX, relative). */
  current: string
}

/** The app's colours: the system's light or dark, or one of them whatever the system says. */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** What an article's goal counts: words (each Chinese or Japanese character is one, as in the status bar) or visible characters. */
export type GoalUnit = 'words' | 'characters'

/** A writer's target for one article, kept on this computer (never in the article). */
export interface ArticleGoal {
  target: number
  unit: GoalUnit
}

/**
 * The writer's settings, kept by the main process in one store (userData/settings.json) and
 * validated there (shared/settings.ts): the renderer reads them with getSettings and changes
 * them with updateSettings.
 */
export interface Settings {
  theme: ThemeChoice
  /** A CSS font-family list for the editor; '' for Folio's own monospace. */
  editorFont: string
  /** Pixels. */
  editorFontSize: number
  /** A multiple of the font size. */
  editorLineHeight: number
  lineWrap: boolean
  /** Dims every paragraph but the one with the cursor. */
  focusMode: boolean
  /** Keeps the cursor's line in the middle of the editor while typing. */
  typewriter: boolean
  vim: boolean
  spellCheck: boolean
  /** The spell checker's languages (codes as the session lists them); empty for the system's. */
  spellCheckLanguages: string[]
  /** HTML on the clipboard goes into a Markdown article as Markdown (HTML articles keep HTML). */
  pasteHtmlAsMarkdown: boolean
  /** Save a dirty article after a pause in typing. Off by default: saving is the writer's call. */
  autosave: boolean
  /**
   * Content folders (absolute roots) whose articles may load remote images, media and CSS in the
   * preview, and keep them in exports and copies. Empty by default: loading a remote image tells
   * its server that the article was opened, so the writer chooses, folder by folder.
   */
  remoteContentFolders: string[]
  /**
   * The publish command the writer chose, per content folder (absolute root). Kept on this
   * computer, never read from the site: a cloned site cannot choose what Folio runs.
   */
  publishCommands: Record<string, string>
  /**
   * Content folders (absolute roots) whose own server the writer agreed to start: starting it runs
   * the site's code (npm scripts, Hexo plugins, gems). Kept on this computer, never read from the
   * site; the main process refuses to start a server for a folder not listed.
   */
  siteServerFolders: string[]
  /** Images: names, resize, metadata, upload command (shared/assets/insert, renderer/media). */
  media: MediaSettings
  /**
   * Where an image inserted into a Hugo leaf page goes, per content folder (absolute root) whose
   * writer said to remember it: 'bundle' turns the page into a page bundle (the image beside its
   * index.md), 'static' puts the image in static/images/. A folder not listed asks each time.
   */
  hugoLeafImages: Record<string, HugoLeafImages>
}

/** An image for a Hugo leaf page: the page becomes a bundle, or the image goes to static/images/. */
export type HugoLeafImages = 'bundle' | 'static'

/** The image settings, and whether the writer has seen them (the first insert shows them before copying anything). */
export interface MediaSettings extends InsertSettings {
  confirmed: boolean
}

/** A value in the settings file that was not valid, replaced by the default. */
export interface SettingsProblem {
  key: string
  /** The value as the file had it (JSON, shortened). */
  value: string
}

export interface SettingsState {
  settings: Settings
  /** The settings file (absolute, for display only); null when settings are kept in memory. */
  file: string | null
  /** Values of the file that were not valid when it was read: each replaced by its default. */
  problems: SettingsProblem[]
  /** The languages the spell checker offers; null when the system chooses them (macOS, or no spell checker). */
  spellCheckLanguages: string[] | null
}

/** Commands the native menu (or the close guard) asks the renderer to run. */
export type MenuCommand =
  | 'new-article'
  | 'open-folder'
  | 'quick-open'
  | 'command-palette'
  | 'save'
  | 'save-all'
  | 'export'
  | 'find'
  | 'search-folder'
  | 'replace-folder'
  | 'toggle-sidebar'
  | 'toggle-properties'
  | 'toggle-preview'
  | 'insert-image'

/**
 * The keys of each command in CodeMirror notation (Mod is Cmd on macOS, Ctrl elsewhere). The
 * renderer binds them itself, so they work without native menus (browser harness); the native
 * menu only displays them and sends the command when the item is clicked, so nothing fires twice.
 */
export const COMMAND_KEYS = {
  'new-article': 'Mod-n',
  'open-folder': 'Mod-o',
  'quick-open': 'Mod-p',
  'command-palette': 'Mod-Shift-p',
  save: 'Mod-s',
  'save-all': 'Mod-Alt-s',
  export: 'Mod-Shift-e',
  find: 'Mod-f',
  'search-folder': 'Mod-Shift-f',
  'replace-folder': 'Mod-Shift-h',
  'toggle-sidebar': 'Mod-Alt-b',
  'toggle-properties': 'Mod-Alt-m',
  'toggle-preview': 'Mod-Alt-p',
  'insert-image': 'Mod-Shift-m',
} as const satisfies Record<MenuCommand, string>

/** Requests from the renderer, answered by the main process. */
export interface InvokeApi {
  /** Open a content folder; without a path the native folder dialog asks. Null when cancelled. */
  openFolder(path?: string): Promise<OpenedFolder | null>
  getFolder(): Promise<FolderInfo | null>
  /** The open folder with its rows so far and its schema, in one answer; null when none is open. */
  folderListing(): Promise<FolderListing | null>
  /** Stops working on the open folder (the Welcome screen follows); nothing on disk changes. */
  closeFolder(): Promise<void>
  listArticles(): Promise<ArticleSummary[]>
  /** The rows read or changed since a cursor of the open folder; null when none is open or the cursor is another open's (ask folderListing). */
  rowsSince(cursor: RowsCursor): Promise<RowsUpdate | null>
  /** What the folder's headers hold, key by key and per collection: the form's widgets follow it. */
  folderSchema(): Promise<FolderSchema>
  /** Images kept with an article (its asset folder, its bundle), as its header would name them. */
  articleImages(path: string): Promise<string[]>
  /**
   * Copies images (pasted or dropped) where the site keeps them for this article and returns the
   * text linking each; all or nothing (shared/assets/insert, electron/media).
   */
  insertImages(articlePath: string, images: ImageUpload[], settings?: Partial<InsertSettings>, options?: InsertOptions): Promise<InsertedImage[]>
  /**
   * "Insert image…": the native open dialog for images; the absolute paths chosen (inserted with
   * insertImages as files, once the writer has answered what else an insert asks), null when cancelled.
   */
  pickImages(): Promise<string[] | null>
  /**
   * Settles once the files of a background insert (InsertedImage.landing) are written; rejects
   * with what went wrong, everything that insert wrote taken back.
   */
  imagesLanded(landing: string): Promise<void>
  /** Every image of the open folder with its size and where it is used, and the broken references (the media panel). */
  mediaReport(): Promise<MediaReport>
  readArticle(path: string): Promise<ArticleFile>
  /**
   * The writer's choice on a read-only file: adds the owner's write permission (the rest of the
   * mode stays) and reads it again. Refused for another user's file.
   */
  makeArticleWritable(path: string): Promise<ArticleFile>
  /** Writes atomically, only if the disk still has baseHash; otherwise a CONFLICT error. */
  saveArticle(path: string, text: string, baseHash: string): Promise<SaveResult>
  /**
   * Writes an article where no file is: one deleted on disk while open, saved again, or saved
   * under another name. `bom` puts the UTF-8 byte order mark first, as the original had it.
   * Refused with EXISTS when something is at the path: it never overwrites.
   */
  saveArticleAs(path: string, text: string, bom: boolean): Promise<SaveResult>
  searchArticles(query: string, limit?: number): Promise<SearchHit[]>
  /** Search grouped by article with every match counted, a page at a time (see SearchRequest). */
  searchFolder(request: SearchRequest): Promise<SearchResults>
  createArticle(options: NewArticleOptions): Promise<ArticleSummary>
  renameArticle(from: string, to: string): Promise<ArticleSummary>
  duplicateArticle(path: string): Promise<ArticleSummary>
  trashArticle(path: string): Promise<void>
  createFolder(path: string): Promise<void>
  /** Paths with unsaved edits ([] when all saved): closing the window or quitting asks first. */
  setUnsaved(paths: string[]): Promise<void>
  /**
   * The page's answer to the reportUnsaved event `ask`: every edit still on its way is in its
   * buffer, and these paths are unsaved ([] when all saved).
   */
  answerUnsaved(ask: number, paths: string[]): Promise<void>
  /** Journals every unsaved buffer of the open folder, replacing the previous set ([] clears it). */
  journalUnsaved(buffers: UnsavedBuffer[]): Promise<void>
  /**
   * The same, each buffer sent as a change to the text the journal last received of it, so typing
   * in a long article sends its keys, not its text. Answers the paths whose change it could not
   * apply (it holds another text for them, or none): send those whole.
   */
  journalEdits(edits: JournalEdit[]): Promise<string[]>
  /** Buffers a crash or a kill left behind, to offer back; null when there are none. */
  takeRecovered(): Promise<RecoveredBuffers | null>
  /**
   * What the app was asked to open before this page could hear it (launch arguments, a second
   * launch, the OS), taken once as the page starts; later requests come as openRequest and
   * openProblem events.
   */
  takeOpenRequest(): Promise<PendingOpen>
  /** Recently opened folders (absolute paths), newest first. */
  listRecentFolders(): Promise<string[]>
  /** The UI language the writer chose: native menus and dialogs follow it. */
  setUiLocale(locale: UiLocale): Promise<void>
  /** Every list-valued header key with its values, counts and articles. */
  taxonomy(): Promise<Taxonomy>
  /** Computes a bulk edit's per-file diffs without writing anything. */
  planBulkEdit(operation: BulkOperation): Promise<BulkPlan>
  /** Applies a plan: files changed on disk since the plan are skipped; the result can be undone. */
  applyBulkEdit(planId: string): Promise<BulkResult>
  /** Restores every file of an applied bulk edit that nobody changed since, byte for byte. */
  undoBulkEdit(resultId: string): Promise<BulkResult>
  /** Waits until every article of a bulk-edit preview is computed: the exact number of files it changes, and every skip. */
  bulkPlanTotals(planId: string): Promise<BulkPlanTotals>
  /** Plans a replace across the folder without writing: the first page of its preview. */
  planReplace(request: ReplaceRequest): Promise<ReplacePreview>
  /** Another page of a planned replace's preview. */
  replacePreviewPage(planId: string, offset: number): Promise<ReplacePreview>
  /** Applies a planned replace but the exclusions; undo it with undoBulkEdit. */
  applyReplace(planId: string, excluded: ReplaceExclusions): Promise<BulkResult>
  /**
   * Plans renaming or moving a file with every reference to it rewritten; nothing is written.
   * `buffers`: the articles with unsaved edits, whose references are rewritten in their text.
   */
  planMove(from: string, to: string, buffers?: MoveBuffer[]): Promise<MovePlan>
  /**
   * Moves the file, then rewrites each planned file but the excluded ones (paths as in the plan)
   * that has not changed since the preview; undo it with undoBulkEdit.
   */
  applyMove(planId: string, exclude: string[]): Promise<BulkResult>
  /**
   * Undoes making a Hugo leaf page a page bundle (applyMove to leafBundle's path): refused, nothing
   * changed, when any file it touched changed since; else the links it rewrote are restored, the
   * page moves back, `images` (what the insert put beside index.md) are removed and the folder too
   * when nothing else is in it.
   */
  undoLeafBundle(resultId: string, images: string[]): Promise<LeafBundleUndone>
  /**
   * Broken images and internal links of an article as being edited (the editor's lint), from the
   * references its text makes (read in the window, off its thread): a 1 MB text never crosses.
   */
  articleLinkRefs(path: string, links: TextLinks): Promise<LinkDiagnostic[]>
  /**
   * Exports articles of the open folder; the main side asks where to (a save dialog for one
   * file, a folder dialog otherwise). Null when that question was cancelled. Progress comes as
   * exportProgress events; an article that fails is listed in the result while the rest go on.
   */
  exportArticles(request: ExportRequest): Promise<ExportResult | null>
  /** Stops the export with that id after the articles in flight; unknown ids are ignored. */
  cancelExport(id: string): Promise<void>
  /**
   * Puts the rendered article (as saved on disk) on the clipboard as text/html and text/plain.
   * Remote images, media and CSS sources are left out unless `remoteContent` is true.
   */
  copyRichText(path: string, options?: { remoteContent?: boolean }): Promise<void>
  /** The open folder's git status, from one `git status` call. */
  gitState(): Promise<GitState>
  /** The commits that changed an article, newest first, following renames. */
  articleHistory(path: string): Promise<CommitInfo[]>
  /** An article's text in a commit; `path` is CommitInfo.path (its name then). */
  articleAtCommit(path: string, commit: string): Promise<string>
  /** Commits exactly these articles and their asset folders; nothing else that changed is swept in. */
  commitArticles(paths: string[], message: string): Promise<GitOutcome>
  /** `git pull` with the user's own strategy (merge when unset); progress as gitProgress events. */
  pullChanges(): Promise<GitOutcome>
  pushChanges(): Promise<GitOutcome>
  /** Stops a running pull, push or commit (a hook that hangs). */
  cancelGit(): Promise<void>
  /**
   * The three versions git keeps of an article in conflict: the common ancestor (null when both
   * sides added it), ours and theirs (null when that side deleted it).
   */
  conflictVersions(path: string): Promise<{ base: string | null; mine: string | null; theirs: string | null }>
  /** A conflicted article was merged and saved: stage it, as `git add` would. */
  markResolved(path: string): Promise<void>
  /** A failure in the page (an uncaught error, a rejected promise, a render that threw), for Folio's log file. */
  reportError(report: ErrorReport): Promise<void>
  /** Publish commands that fit the open site (read from its package.json, _config.yml, tools on PATH). */
  publishSuggestions(): Promise<PublishSuggestion[]>
  /** Runs the writer's publish command in the open folder; its output streams as publishOutput events. */
  runPublish(command: string): Promise<PublishResult>
  cancelPublish(): Promise<void>
  /** The site's own server for the open folder: what would run (or what is missing), its state and its log so far. */
  siteServerState(): Promise<SiteServerSnapshot>
  /**
   * Starts the site's own server (`hugo server`, `hexo server`, …) from the site folder on a free
   * port of 127.0.0.1; resolves once it answers, or with why it ended. This runs the site's code.
   */
  startSiteServer(): Promise<SiteServerState>
  /** Stops the site's server and everything it started. */
  stopSiteServer(): Promise<void>
  /** Where the running server shows an article (POSIX path); null when no server runs. */
  siteServerPage(path: string): Promise<SiteServerPage | null>
  /** What the article's preview needs from the rest of the site to render its tags as the generator does. */
  previewReferences(path: string, request: PreviewReferenceRequest): Promise<PreviewReferences>
  /** The writer's settings, what was wrong in their file, and what the spell checker offers. */
  getSettings(): Promise<SettingsState>
  /** Changes some settings (each value validated; BAD_ARGUMENT otherwise) and answers them all. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>
  /** The open folder's article's goal, or null. */
  articleGoal(path: string): Promise<ArticleGoal | null>
  /** Sets (or with null removes) an article's goal, kept on this computer by folder and path. */
  setArticleGoal(path: string, goal: ArticleGoal | null): Promise<void>
}

/** The other files of the site an article's tags name, as written in it (at most 200 of each). */
export const PreviewReferenceRequestSchema = v.strictObject({
  /** Jekyll `{% link path %}`: a page, post or document by its path in the site. */
  links: v.array(v.string()),
  /** Jekyll `{% post_url name %}`: a post by its file name without the extension; Hexo `{% post_link slug %}` and `{% post_path slug %}`: a post by its slug. */
  posts: v.array(v.string()),
  /** Hexo `{% include_code … path %}`: a file in the site's code folder (`code_dir`). */
  code: v.array(v.string()),
})
export type PreviewReferenceRequest = v.InferOutput<typeof PreviewReferenceRequestSchema>

/** A named file's text to show, or why the generator would not show it. */
export type PreviewCode = { text: string; url: string } | Problem

/** What the site answers for a PreviewReferenceRequest. */
export interface PreviewReferences {
  /** Each `link` path → its page's address on the site (base URL included), or null when the site has no such file. */
  links: Record<string, string | null>
  /** Each `post_url` name (Hexo: `post_link` slug) → its post's address, or null when no post has that name. */
  posts: Record<string, string | null>
  /** Each post found for `posts` → its title (Hexo's post_link shows it when the tag gives no text). */
  postTitles: Record<string, string>
  code: Record<string, PreviewCode>
  /** Hugo's site parameters (`params` in its settings); {} for other sites. */
  params: Record<string, unknown>
}

/** The tools Folio can start a site's own server with. */
export type SiteServerTool = 'hexo' | 'hugo' | 'jekyll' | 'astro' | 'eleventy'

/** What keeps the site's server from starting, for the UI's own words (`missing` and `install` say it in English). */
export type SiteServerMissing = 'node' | 'hexo' | 'hexo-server' | 'hexo-command' | 'hugo' | 'gemfile' | 'bundler' | 'dev-script' | 'packages'

/** The site's own server for the open folder. `origin` is always http://127.0.0.1:<port>. */
export type SiteServerState =
  | { status: 'unsupported' }
  | { status: 'missing'; tool: SiteServerTool; reason: SiteServerMissing; missing: string; install: string }
  | { status: 'stopped'; tool: SiteServerTool; command: string }
  | { status: 'starting'; tool: SiteServerTool; command: string; origin: string }
  | { status: 'running'; tool: SiteServerTool; command: string; origin: string }
  | {
      status: 'exited'
      tool: SiteServerTool
      command: string
      /** It ended by itself ('ended', with `code`), could not start at all, or never answered in time (then Folio stopped it). */
      reason: 'ended' | 'could-not-start' | 'no-answer'
      code: number | null
      message: string
    }

export interface SiteServerSnapshot {
  state: SiteServerState
  /** The end of what the server printed. */
  log: string
}

/** An article's page on the site's own server. */
export interface SiteServerPage {
  /** The page's full address (on the server's origin). */
  url: string
  /** False when the article's own page could not be found and this is the site's home page. */
  exact: boolean
  /** The address the site's rules gave, when it was not found there. */
  tried?: string
}

/** Limits on an ErrorReport's fields: the page is not trusted to keep the log small. */
export const ERROR_REPORT_LIMITS = { source: 100, message: 10_000, stack: 50_000 } as const

/** What the page tells the log about one of its failures. */
export const ErrorReportSchema = v.strictObject({
  /** Where it was caught: 'window', 'promise', 'render', or the feature that caught it. */
  source: v.pipe(v.string(), v.maxLength(ERROR_REPORT_LIMITS.source)),
  message: v.pipe(v.string(), v.maxLength(ERROR_REPORT_LIMITS.message)),
  stack: v.optional(v.pipe(v.string(), v.maxLength(ERROR_REPORT_LIMITS.stack))),
})
export type ErrorReport = v.InferOutput<typeof ErrorReportSchema>

/** What git says about one article, in the one word a writer needs. */
export type GitChangeKind = 'conflicted' | 'untracked' | 'new' | 'deleted' | 'modified' | 'staged'

export interface GitArticleChange {
  /** POSIX, relative to the open folder. */
  path: string
  status: GitChangeKind
  /** Some of the change is already staged. */
  staged: boolean
  /** Null for a deleted article (no longer listed). */
  title: string | null
  /** Where a renamed article came from. */
  from?: string
}

export interface GitBranch {
  /** Null on a detached HEAD. */
  name: string | null
  /** Null before the first commit. */
  commit: string | null
  upstream: string | null
  ahead: number
  behind: number
}

/** Whether and how the open folder is under git. */
export type GitState =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'not-a-repository' }
  | {
      kind: 'repository'
      branch: GitBranch
      /** A merge, rebase, cherry-pick or revert git is in the middle of. */
      operation: 'merge' | 'rebase' | 'cherry-pick' | 'revert' | null
      changes: GitArticleChange[]
      /** Changed files that are not articles (settings, themes, images), relative to the folder. */
      others: { path: string; status: GitChangeKind }[]
    }

export interface CommitInfo {
  hash: string
  author: string
  email: string
  /** ISO 8601 with the author's offset. */
  date: string
  subject: string
  /** The article's path in that commit, relative to the open folder (it may have been renamed since). */
  path: string
}

export interface GitOutcome {
  /** What git printed. */
  output: string
  /** The new commit, after a commit. */
  commit?: string
}

/** A publish command that fits the site, and why: shown, never run until chosen. */
export interface PublishSuggestion {
  command: string
  why: string
  /** Which reason `why` gives, for the UI's language; `steps` lists an npm script's steps, `npmrc` that the site has one. */
  reason?: 'hexo-deploy' | 'hexo-generate' | 'npm-script' | 'hugo' | 'jekyll'
  steps?: string
  npmrc?: boolean
}

export interface PublishResult {
  /** The command's exit status; null when it could not start or was stopped by a signal. */
  code: number | null
  /** The end of what it printed. */
  output: string
}

export interface GitProgress {
  operation: 'pull' | 'push'
  /** A chunk of git's progress output. */
  text: string
}

/** The languages of the UI, the menus and the dialogs. */
export const UI_LOCALES = ['en', 'zh-CN'] as const
export type UiLocale = (typeof UI_LOCALES)[number]

/** Chinese in any script or region reads the Simplified strings; any other language reads English. */
export function uiLocaleFor(language: string | undefined): UiLocale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Events from the main process to the renderer. */
export interface EventApi {
  contentChanged: ContentChange
  menuCommand: { command: MenuCommand }
  /**
   * The OS, the command line, a second launch or the Open Recent menu asks to open a folder
   * (absolute) and maybe a file in it (POSIX, relative): confirm unsaved work, then openFolder.
   */
  openRequest: OpenRequest
  /** Something the app was asked to open and could not (no such file, not an article, a web address). */
  openProblem: FolioErrorData
  exportProgress: ExportProgress
  /** The open folder (absolute) was moved, renamed or deleted while open: close it or locate it. */
  folderGone: { root: string }
  gitProgress: GitProgress
  publishOutput: { text: string }
  siteServerOutput: { text: string }
  siteServerChanged: SiteServerState
  /** A save changed what the server shows for this article (its page, or the page's address). */
  siteServerReload: { path: string; page: SiteServerPage }
  /** Files the preview's last previewReferences answer read (an include_code file, …) changed on disk: ask again. */
  previewFilesChanged: { paths: string[] }
  indexProgress: IndexProgress
  /**
   * The window is about to close (or the app to quit): make every edit still on its way (a form
   * keystroke waits for its paint, a date typed waits for its commit) and answer with
   * answerUnsaved(ask, paths) at once.
   */
  reportUnsaved: { ask: number }
}

/**
 * The open folder's index reading the files its early open left (the first rows show at once):
 * articles known of all files found, a few times a second, the last with done === total.
 */
export interface IndexProgress {
  /** The folder (absolute) it is about: an event of a folder closed meanwhile is not this one's. */
  root: string
  done: number
  total: number
  /** Folders are still being listed: `total` counts the files found so far, and grows. */
  listing?: boolean
}

/** A folder (absolute) to open, and maybe a file in it (POSIX, relative to that folder). */
export interface OpenRequest {
  folder: string
  file: string | null
}

/** What waited for the page: the latest open request, and what could not be opened, with why. */
export interface PendingOpen {
  request: OpenRequest | null
  problems: FolioErrorData[]
}

export type InvokeMethod = keyof InvokeApi
export type EventName = keyof EventApi

export const INVOKE = {
  openFolder: 'folder:open',
  getFolder: 'folder:get',
  folderListing: 'folder:listing',
  closeFolder: 'folder:close',
  listArticles: 'articles:list',
  rowsSince: 'articles:rows-since',
  folderSchema: 'folder:schema',
  articleImages: 'article:images',
  insertImages: 'media:insert',
  pickImages: 'media:pick',
  imagesLanded: 'media:landed',
  mediaReport: 'media:report',
  readArticle: 'article:read',
  makeArticleWritable: 'article:make-writable',
  saveArticle: 'article:save',
  saveArticleAs: 'article:save-as',
  searchArticles: 'articles:search',
  searchFolder: 'articles:search-folder',
  createArticle: 'article:create',
  renameArticle: 'article:rename',
  duplicateArticle: 'article:duplicate',
  trashArticle: 'article:trash',
  createFolder: 'folder:create',
  setUnsaved: 'unsaved:set',
  answerUnsaved: 'unsaved:answer',
  journalUnsaved: 'unsaved:journal',
  journalEdits: 'unsaved:journal-edits',
  takeRecovered: 'unsaved:recovered',
  takeOpenRequest: 'open:take',
  listRecentFolders: 'folders:recent',
  setUiLocale: 'ui:locale',
  taxonomy: 'taxonomy:get',
  planBulkEdit: 'bulk:plan',
  applyBulkEdit: 'bulk:apply',
  undoBulkEdit: 'bulk:undo',
  bulkPlanTotals: 'bulk:totals',
  planReplace: 'replace:plan',
  replacePreviewPage: 'replace:page',
  applyReplace: 'replace:apply',
  planMove: 'links:plan-move',
  applyMove: 'links:apply-move',
  undoLeafBundle: 'links:undo-bundle',
  articleLinkRefs: 'links:article-refs',
  exportArticles: 'export:run',
  cancelExport: 'export:cancel',
  copyRichText: 'export:rich-text',
  gitState: 'git:state',
  articleHistory: 'git:history',
  articleAtCommit: 'git:show',
  commitArticles: 'git:commit',
  pullChanges: 'git:pull',
  pushChanges: 'git:push',
  cancelGit: 'git:cancel',
  conflictVersions: 'git:conflict-versions',
  markResolved: 'git:resolved',
  publishSuggestions: 'publish:suggestions',
  runPublish: 'publish:run',
  cancelPublish: 'publish:cancel',
  siteServerState: 'siteserver:state',
  startSiteServer: 'siteserver:start',
  stopSiteServer: 'siteserver:stop',
  siteServerPage: 'siteserver:page',
  previewReferences: 'preview:references',
  reportError: 'log:error',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  articleGoal: 'goal:get',
  setArticleGoal: 'goal:set',
} as const satisfies Record<InvokeMethod, string>

export const EVENTS = {
  contentChanged: 'content:changed',
  menuCommand: 'menu:command',
  openRequest: 'open:request',
  openProblem: 'open:problem',
  exportProgress: 'export:progress',
  folderGone: 'folder:gone',
  gitProgress: 'git:progress',
  publishOutput: 'publish:output',
  siteServerOutput: 'siteserver:output',
  siteServerChanged: 'siteserver:changed',
  siteServerReload: 'siteserver:reload',
  previewFilesChanged: 'preview:files-changed',
  indexProgress: 'index:progress',
  reportUnsaved: 'unsaved:report',
} as const satisfies Record<EventName, string>

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Image settings for one insert: any of the settings' image options, each checked as the settings file's are. */
const InsertSettingsPatchSchema = v.custom<Partial<InsertSettings>>(
  (value) =>
    isRecord(value) &&
    Object.entries(value).every(
      ([key, item]) => key !== 'confirmed' && Object.hasOwn(MEDIA_CHECKS, key) && (item === undefined || MEDIA_CHECKS[key as keyof InsertSettings](item)),
    ),
  'Invalid image settings',
)

const Text = v.string()
/** A method's arguments, in order; more than it takes is refused too. */
const Args = <const T extends v.TupleItems>(...items: T) =>
  v.strictTuple(items, `Expected ${items.length === 0 ? 'no arguments' : `at most ${items.length} argument(s)`}`)
const NoArguments = Args()

/**
 * Every method's arguments as a schema: what the handlers accept (electron/handlers.ts checks each
 * call against it). InvokeApi's parameters must agree with it, or the build fails (ArgumentsAgree).
 */
export const INVOKE_ARGUMENTS = {
  openFolder: Args(v.optional(Text)),
  getFolder: NoArguments,
  folderListing: NoArguments,
  closeFolder: NoArguments,
  listArticles: NoArguments,
  rowsSince: Args(v.strictObject({ open: v.pipe(v.number(), v.integer(), v.minValue(0)), at: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
  folderSchema: NoArguments,
  articleImages: Args(Text),
  insertImages: Args(Text, v.pipe(v.array(ImageUploadSchema), v.maxLength(100)), v.optional(InsertSettingsPatchSchema), v.optional(InsertOptionsSchema)),
  pickImages: NoArguments,
  imagesLanded: Args(Text),
  mediaReport: NoArguments,
  readArticle: Args(Text),
  makeArticleWritable: Args(Text),
  saveArticle: Args(Text, Text, Text),
  saveArticleAs: Args(Text, Text, v.boolean()),
  searchArticles: Args(Text, v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  searchFolder: Args(SearchRequestSchema),
  createArticle: Args(NewArticleOptionsSchema),
  renameArticle: Args(Text, Text),
  duplicateArticle: Args(Text),
  trashArticle: Args(Text),
  createFolder: Args(Text),
  setUnsaved: Args(v.array(Text)),
  answerUnsaved: Args(Count, v.array(Text)),
  journalUnsaved: Args(v.array(UnsavedBufferSchema)),
  journalEdits: Args(v.array(JournalEditSchema)),
  takeRecovered: NoArguments,
  takeOpenRequest: NoArguments,
  listRecentFolders: NoArguments,
  setUiLocale: Args(v.picklist(UI_LOCALES)),
  taxonomy: NoArguments,
  planBulkEdit: Args(BulkOperationSchema),
  applyBulkEdit: Args(Text),
  undoBulkEdit: Args(Text),
  bulkPlanTotals: Args(Text),
  planReplace: Args(ReplaceRequestSchema),
  replacePreviewPage: Args(Text, Count),
  applyReplace: Args(Text, ReplaceExclusionsSchema),
  planMove: Args(Text, Text, v.optional(v.array(MoveBufferSchema))),
  applyMove: Args(Text, v.array(Text)),
  undoLeafBundle: Args(Text, v.array(Text)),
  articleLinkRefs: Args(Text, TextLinksSchema),
  previewReferences: Args(Text, PreviewReferenceRequestSchema),
  exportArticles: Args(ExportRequestSchema),
  cancelExport: Args(Text),
  copyRichText: Args(Text, v.optional(v.strictObject({ remoteContent: v.optional(v.boolean()) }))),
  gitState: NoArguments,
  articleHistory: Args(Text),
  articleAtCommit: Args(Text, v.pipe(v.string(), v.regex(/^[0-9a-f]{4,64}$/i, 'Expected a commit hash'))),
  commitArticles: Args(
    NonEmptyStrings,
    v.pipe(
      v.string(),
      v.check((message) => message.trim() !== '', 'Expected a commit message'),
      v.maxLength(100_000),
    ),
  ),
  pullChanges: NoArguments,
  pushChanges: NoArguments,
  cancelGit: NoArguments,
  conflictVersions: Args(Text),
  markResolved: Args(Text),
  reportError: Args(ErrorReportSchema),
  publishSuggestions: NoArguments,
  runPublish: Args(
    v.pipe(
      v.string(),
      v.check((command) => command.trim() !== '', 'Expected a command'),
      v.maxLength(10_000),
    ),
  ),
  cancelPublish: NoArguments,
  siteServerState: NoArguments,
  startSiteServer: NoArguments,
  stopSiteServer: NoArguments,
  siteServerPage: Args(Text),
  getSettings: NoArguments,
  updateSettings: Args(v.custom<Partial<Settings>>(isSettingsPatch, 'Invalid settings')),
  articleGoal: Args(Text),
  setArticleGoal: Args(Text, v.nullable(v.custom<ArticleGoal>(isArticleGoal, 'Invalid goal'))),
} as const satisfies { [M in InvokeMethod]: v.GenericSchema<unknown, Parameters<InvokeApi[M]>> }

/**
 * Parameters compared without their optionality (a schema's tuple has no optional items): the
 * `satisfies` above already refuses a schema that lets undefined through to a required parameter.
 */
type Filled<T extends readonly unknown[]> = { [K in keyof T]-?: Exclude<T[K], undefined> }
type Agrees<A extends readonly unknown[], B extends readonly unknown[]> = [Filled<A>] extends [Filled<B>]
  ? [Filled<B>] extends [Filled<A>]
    ? true
    : false
  : false
type Disagreeing = {
  [M in InvokeMethod]: Agrees<v.InferOutput<(typeof INVOKE_ARGUMENTS)[M]>, Parameters<InvokeApi[M]>> extends true ? never : M
}[InvokeMethod]
/** Fails to build, naming the method, when a method's schema and its InvokeApi parameters disagree. */
export type ArgumentsAgree<T extends never = Disagreeing> = T

/** What the handlers table returns for a method: the value, before enveloping. */
export type InvokeResult<M extends InvokeMethod> = Awaited<ReturnType<InvokeApi[M]>>

/**
 * `window.folio` as the preload (or the harness) installs it: the same method names, but each
 * resolves to an Envelope so typed errors survive the bridge; renderer/bridge.ts unwraps them.
 */
export type WireApi = {
  [M in InvokeMethod]: (...args: Parameters<InvokeApi[M]>) => Promise<Envelope<InvokeResult<M>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventApi[E]) => void): () => void
  /**
   * Where a dropped or pasted file is on disk (Electron's webUtils.getPathForFile, the only way a
   * sandboxed page learns it); '' for one with no file behind it (a screenshot) or where no such
   * thing exists (a plain browser).
   */
  pathForFile(file: DroppedFile): string
}
