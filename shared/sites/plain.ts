/** A folder of articles that no generator claims: every Markdown file, any common header form. */
import { ANY_FENCED_HEADER, type SiteRules } from './types'

export const plain: SiteRules = {
  generator: 'plain',
  name: 'Plain folder',
  header: ANY_FENCED_HEADER,
  tags: { plural: 'tags', singular: 'tag', first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: 'category', first: 'plural', splitPluralString: false, hierarchy: false },
  layout: () => ({ roots: [''], drafts: [], pages: [], skipUnderscore: false, keep: [], skip: [] }),
  describe: {
    articles: 'every Markdown file; `.html`, `.htm`, `.txt` when they start with a header',
    header: '`---` YAML, `+++` TOML or `{…}` JSON, blank lines before it allowed',
    taxonomy: '`tags` or else `tag`, `categories` or else `category`; a string is one value',
  },
}
