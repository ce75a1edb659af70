/**
 * Hexo, as hexo-front-matter and Hexo's source processor read a site: everything under
 * `source_dir` is content (posts in `_posts`, drafts in `_drafts`, pages elsewhere), `_`- and
 * `.`-prefixed entries are skipped.
 */
import type { SiteRules } from './types'

export const hexo: SiteRules = {
  generator: 'hexo',
  name: 'Hexo',
  header: {
    // hexo-front-matter's split regexes: one blank line still reaches the fence; with two, the
    // first blank line is taken as the header and the fence as its separator, so nothing is read.
    leadingBlankLines: 1,
    fenceless: true,
    tabsAsSpaces: true,
    semicolonJson: true,
    jsonObject: false,
    toml: false,
    // A block whose YAML is empty (or only comments) is no header: `---\n---` is printed as body.
    emptyBlockIsBody: true,
    // The fence regexes want `---` then a line break: no language, no trailing space, no `...`;
    // the closing fence is found by prefix (`\n---`).
    fenceLanguages: [],
    codeLanguages: [],
    yamlDocumentEnd: false,
    openFenceTrailingSpace: false,
    closeOnPrefix: true,
    orgMode: false,
    commentedHeader: false,
    // hexo-front-matter 4 reads with js-yaml 4: YAML 1.2's booleans and numbers, plus timestamps.
    yamlVersion: '1.2',
  },
  tags: { plural: 'tags', singular: 'tag', first: 'plural', splitPluralString: false, hierarchy: false },
  categories: { plural: 'categories', singular: 'category', first: 'plural', splitPluralString: false, hierarchy: true },
  layout: ({ sourceDir }) => ({
    roots: [sourceDir],
    drafts: [join(sourceDir, '_drafts')],
    pages: [],
    skipUnderscore: true,
    keep: [join(sourceDir, '_posts'), join(sourceDir, '_drafts')],
    skip: [],
  }),
  describe: {
    articles: '`source/_posts`, `source/_drafts` (drafts), pages anywhere under `source/` (`source_dir`); `_` and `.` names skipped',
    header:
      'at most one blank line before `---`; fenceless `key: value` lines ending at `---`; tabs starting a line read as two spaces; `;;;` JSON; `---\\n---` is body; no language or trailing space after the opening `---`, no `...` close',
    taxonomy: '`tags` or else `tag`, `categories` or else `category`; a string is one value; `categories: [A, B]` is B inside A, a list of lists is several',
  },
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}
