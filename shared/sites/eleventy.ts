/**
 * Eleventy (`.eleventy.js`, `eleventy.config.*`): every template under the input folder, except
 * its includes, layouts and data folders and the output. Headers are read by gray-matter, which
 * finds none after a blank line. Tags that data files add (the data cascade) are merged in by
 * eleventy-data.ts.
 */
import { YAML_FENCE_ON_FIRST_LINE, type SiteRules } from './types'

export const eleventy: SiteRules = {
  generator: 'eleventy',
  name: 'Eleventy',
  // gray-matter with Eleventy's engines: `---json`, and `---js` run as code; TOML only with a plugin.
  header: {
    ...YAML_FENCE_ON_FIRST_LINE,
    fenceLanguages: ['yaml', 'yml', 'json'],
    codeLanguages: ['js', 'javascript'],
    yamlDocumentEnd: false,
    closeOnPrefix: true,
  },
  tags: { plural: 'tags', singular: null, first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: null, first: 'plural', splitPluralString: false, hierarchy: false },
  layout: ({ sourceDir, exclude = [] }) => ({
    roots: [sourceDir],
    drafts: [],
    pages: [],
    skipUnderscore: false,
    keep: [],
    skip: ['node_modules', '_site', ...['_includes', '_layouts', '_data'].map((d) => (sourceDir ? `${sourceDir}/${d}` : d)), ...exclude],
  }),
  describe: {
    articles: 'everything under the input folder (`dir.input`) except `_includes`, `_layouts`, `_data` and `_site`',
    header: '`---` on the first line (gray-matter: no blank line before it); `---json` fences; `---js` headers are code, named and not read',
    taxonomy:
      '`tags` (a string is one tag), added to those of the JSON data files that reach the template (`_data/tags.json`, `posts/posts.json`, `posts/posts.11tydata.json`, `post.json`), lists concatenated as Eleventy merges data, read when the folder opens; JavaScript data files are not run (named on open)',
  },
}
