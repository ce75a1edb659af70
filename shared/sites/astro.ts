/**
 * Astro: content collections under `src/content/<collection>/` and Markdown pages under
 * `src/pages/`; `_`-prefixed entries are left out of collections and routes.
 */
import { ANY_FENCED_HEADER, type SiteRules } from './types'

/**
 * Astro's frontmatter reader (@astrojs/markdown-remark's frontmatter.ts, used by content
 * collections, Markdown pages and MDX): `---` YAML or `+++` TOML on a line of its own after a BOM
 * or any blank space, closed by the next line that starts with a fence; no JSON object header.
 */

export const astro: SiteRules = {
  generator: 'astro',
  name: 'Astro',
  header: { ...ANY_FENCED_HEADER, jsonObject: false, fenceLanguages: [], yamlDocumentEnd: false, closeOnPrefix: true },
  tags: { plural: 'tags', singular: 'tag', first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: 'category', first: 'plural', splitPluralString: false, hierarchy: false },
  layout: () => ({ roots: ['src/content'], drafts: [], pages: ['src/pages'], skipUnderscore: true, keep: [], skip: [] }),
  describe: {
    articles: 'collections under `src/content/`, Markdown/MDX pages with a header under `src/pages/`; `_` names skipped',
    header: '`---` YAML or `+++` TOML, blank lines before it allowed (the collection schema decides the keys); no JSON object header',
    taxonomy: '`tags` or else `tag`, `categories` or else `category` as the schema names them; a string is one value',
  },
}
