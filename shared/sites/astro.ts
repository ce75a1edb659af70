/**
 * Astro: content collections under `src/content/<collection>/` and Markdown pages under
 * `src/pages/`; `_`-prefixed entries are left out of collections and routes.
 */
import { ANY_FENCED_HEADER, type SiteRules } from './types'

export const astro: SiteRules = {
  generator: 'astro',
  name: 'Astro',
  header: ANY_FENCED_HEADER,
  tags: { plural: 'tags', singular: 'tag', first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: 'category', first: 'plural', splitPluralString: false, hierarchy: false },
  layout: () => ({ roots: ['src/content'], drafts: [], pages: ['src/pages'], skipUnderscore: true, keep: [], skip: [] }),
  describe: {
    articles: 'collections under `src/content/`, Markdown/MDX pages with a header under `src/pages/`; `_` names skipped',
    header: '`---` YAML (the collection schema decides the keys)',
    taxonomy: '`tags` or else `tag`, `categories` or else `category` as the schema names them; a string is one value',
  },
}
