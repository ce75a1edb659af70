/**
 * Each generator's reading rules as data: where its articles live, which header forms its own
 * reader accepts, and how it reads tags and categories. The index, the form, the taxonomy view,
 * bulk edits and export all ask these modules, so Folio reads a site the way its generator does.
 */

export type Generator = 'hexo' | 'jekyll' | 'hugo' | 'astro' | 'eleventy' | 'plain'

/** Which header forms the generator's reader accepts (see each module for the source). */
export interface HeaderRules {
  /** Blank lines allowed before the opening fence; null when any number is fine. */
  leadingBlankLines: number | null
  /** A header without an opening fence (`title: x\n---\nbody`, Hexo). */
  fenceless: boolean
  /** Tabs that indent header lines are read as two spaces each (Hexo), not refused. */
  tabsAsSpaces: boolean
  /** `;;;` closes a JSON header (Hexo). */
  semicolonJson: boolean
  /** A leading `{…}` object is a JSON header (Hugo). */
  jsonObject: boolean
  /** `+++` TOML headers (Hugo, Zola). */
  toml: boolean
  /** A block with no keys (`---\n---`) is printed as body, so removing the last key removes the block. */
  emptyBlockIsBody: boolean
  /** Languages read after the opening fence (`---json`, gray-matter's form); any other is not read. */
  fenceLanguages: readonly string[]
  /** Languages after the fence whose header is code the generator runs (`---js`): never read, never edited. */
  codeLanguages: readonly string[]
  /** YAML's document-end marker `...` closes a YAML header (Jekyll's reader). */
  yamlDocumentEnd: boolean
  /** Spaces or tabs may follow the opening fence (all but Hexo, whose reader then finds no header). */
  openFenceTrailingSpace: boolean
  /**
   * The first line that starts with the fence closes the header, the rest of that line being body
   * (`----` closes `---`): Hexo, Hugo, Astro and gray-matter find the fence by prefix, Jekyll by line.
   */
  closeOnPrefix: boolean
  /** `#+KEY: value` lines first are an Org-mode header (Hugo), which Folio does not edit. */
  orgMode: boolean
  /** A header inside a leading `<!--` comment is read all the same (Hugo); Folio names it and leaves it. */
  commentedHeader: boolean
  /**
   * The YAML its reader speaks: '1.1' (Jekyll's Psych: `yes`/`no`/`on`/`off` are booleans, `017`
   * octal, `1:20` sexagesimal, `1_000` a number) or '1.2' (js-yaml 4, the `yaml` package).
   */
  yamlVersion: '1.1' | '1.2'
}

/** Every fenced form (YAML, TOML, a JSON object, `---json`) after any blank lines: a plain folder. */
export const ANY_FENCED_HEADER: HeaderRules = {
  leadingBlankLines: null,
  fenceless: false,
  tabsAsSpaces: false,
  semicolonJson: false,
  jsonObject: true,
  toml: true,
  emptyBlockIsBody: false,
  fenceLanguages: ['yaml', 'yml', 'toml', 'json'],
  codeLanguages: [],
  yamlDocumentEnd: true,
  openFenceTrailingSpace: true,
  closeOnPrefix: false,
  orgMode: false,
  commentedHeader: false,
  yamlVersion: '1.2',
}

/** `---` YAML on the very first line and nothing else: Jekyll, the base of Eleventy's. */
export const YAML_FENCE_ON_FIRST_LINE: HeaderRules = {
  ...ANY_FENCED_HEADER,
  leadingBlankLines: 0,
  jsonObject: false,
  toml: false,
  fenceLanguages: [],
}

/** How one taxonomy (tags or categories) is read from a header. */
export interface TaxonomyRule {
  plural: string
  /** The singular alias, when the generator reads one. */
  singular: string | null
  /**
   * Which key is read when both are there: Hexo reads `tags || tag` (plural first, a null plural
   * falls through), Jekyll reads the singular whenever it holds a value.
   */
  first: 'plural' | 'singular'
  /** A plural given as one string is split on whitespace (Jekyll's `categories: a b`). */
  splitPluralString: boolean
  /** A flat list is one path (Hexo categories `[A, B]` is B inside A); a list of lists is several. */
  hierarchy: boolean
}

/** What a generator's settings say about where articles live, read by electron/workspace/site.ts. */
export interface LayoutInput {
  /** The generator's source folder relative to the site root ('' for the root). */
  sourceDir: string
  /** Jekyll: collection folders (`_docs`) relative to the root whose documents are rendered. */
  collections?: string[]
  /** Folders and files the generator excludes (Jekyll `exclude`), relative to the root. */
  exclude?: string[]
}

/** Where articles live, as folders relative to the site root ('' for the root itself). */
export interface Layout {
  /** Folders whose Markdown files are articles. */
  roots: string[]
  /** Folders whose articles are unpublished drafts whatever their header says. */
  drafts: string[]
  /** Folders under a root that hold pages only when a file carries a header (Jekyll's site root). */
  pages: string[]
  /** Names of folders and files never read: `_`-prefixed names unless listed in `keep`. */
  skipUnderscore: boolean
  /** `_`-prefixed folders that are content all the same (`_posts`, `_drafts`, collections). */
  keep: string[]
  /** Folders (relative to the root) never read: build output, dependencies, excluded paths. */
  skip: string[]
}

export interface SiteRules {
  generator: Generator
  /** Display name for messages and the README table. */
  name: string
  header: HeaderRules
  tags: TaxonomyRule
  categories: TaxonomyRule
  layout(input: LayoutInput): Layout
  /** One line per topic for the README table "what Folio reads, per generator". */
  describe: { articles: string; header: string; taxonomy: string }
}
