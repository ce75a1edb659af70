/**
 * Jekyll, as its reader reads a site (`lib/jekyll/reader.rb`, `document.rb`, `utils.rb`): posts in
 * any `_posts` folder, drafts in `_drafts`, documents of collections that are rendered
 * (`output: true`, under `collections_dir`), and pages: any other Markdown or HTML file that
 * starts with a header. `_`- and `.`-prefixed names and excluded paths are left out.
 */
import { YAML_FENCE_ON_FIRST_LINE, type SiteRules } from './types'

/** What Jekyll excludes by default, besides `_`/`.` names. */
const DEFAULT_EXCLUDE = ['node_modules', 'vendor', 'Gemfile', 'Gemfile.lock', 'gemfiles']

export const jekyll: SiteRules = {
  generator: 'jekyll',
  name: 'Jekyll',
  // `Utils.has_yaml_header?`: the file must start with `---` on its first line.
  // Psych reads YAML 1.1: `published: no` is false, `017` is 15.
  header: { ...YAML_FENCE_ON_FIRST_LINE, yamlVersion: '1.1' },
  // `pluralized_array_from_hash`: the singular wins whenever it holds a value and is never split;
  // a plural string is split on whitespace.
  tags: { plural: 'tags', singular: 'tag', first: 'singular', splitPluralString: true, hierarchy: false },
  categories: { plural: 'categories', singular: 'category', first: 'singular', splitPluralString: true, hierarchy: false },
  layout: ({ collections = [], exclude = [] }) => ({
    roots: ['_posts', '_drafts', ...collections],
    drafts: ['_drafts'],
    pages: [''],
    skipUnderscore: true,
    keep: ['_posts', '_drafts', ...collections],
    skip: ['_site', ...DEFAULT_EXCLUDE, ...exclude],
  }),
  describe: {
    articles:
      '`_posts` and `_drafts` (in any folder), collections with `output: true` under `collections_dir`, pages with a header anywhere; `_`/`.` names and `exclude` skipped',
    header: '`---` on the very first line (no blank line before it); YAML only, read as YAML 1.1 (`yes`/`no`/`on`/`off` are booleans, `017` is octal)',
    taxonomy: 'singular `tag`/`category` wins and is one value; plural `tags: a b` is split on spaces; no nesting',
  },
}
