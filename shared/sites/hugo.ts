/**
 * Hugo: content under `contentDir` (default `content`), sections and bundles included
 * (`_index.md` is a section page, so `_` names are not skipped); YAML, TOML and JSON headers.
 */
import { ANY_FENCED_HEADER, type SiteRules } from './types'

/**
 * Hugo's page lexer (parser/pageparser/pagelexer_intro.go): after blank space and a BOM, `+++`
 * TOML, `---` YAML (the fence takes no language), a `{` JSON object or `#+` Org-mode keywords;
 * a fence closes at the first line that starts with it, and YAML's `...` closes nothing. A header
 * inside a leading `<!--` comment is read too.
 */

export const hugo: SiteRules = {
  generator: 'hugo',
  name: 'Hugo',
  header: { ...ANY_FENCED_HEADER, fenceLanguages: [], yamlDocumentEnd: false, closeOnPrefix: true, orgMode: true, commentedHeader: true },
  // Taxonomies are read by their plural name; a string is one value.
  tags: { plural: 'tags', singular: null, first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: null, first: 'plural', splitPluralString: false, hierarchy: false },
  layout: ({ sourceDir }) => ({ roots: [sourceDir], drafts: [], pages: [], skipUnderscore: false, keep: [], skip: [] }),
  describe: {
    articles: 'everything under `contentDir` (default `content/`), sections (`_index.md`) and page bundles included',
    header:
      '`---` YAML, `+++` TOML or a leading `{…}` JSON object; blank lines before it are fine; no language after the fence; `#+` Org-mode headers and headers inside a leading `<!--` comment are named, not edited',
    taxonomy: '`tags` and `categories` only (no singular); a string is one value; no nesting',
  },
}
