import { INVOKE, type InvokeApi, type InvokeMethod } from '../../../shared/contract'

/** Valid arguments for each method: a test that refuses a call can only be refusing it for its own reason. */
export const validArgs: Record<InvokeMethod, unknown[]> = {
  openFolder: ['/tmp/site'],
  getFolder: [],
  folderListing: [],
  closeFolder: [],
  listArticles: [],
  rowsSince: [{ open: 1, at: 0 }],
  folderSchema: [],
  articleImages: ['a.md'],
  insertImages: ['a.md', [{ name: 'x.png', data: '' }], {}, { background: true }],
  pickImages: [],
  imagesLanded: ['c0ffee'],
  mediaReport: [],
  readArticle: ['a.md'],
  makeArticleWritable: ['a.md'],
  saveArticle: ['a.md', 'text', 'hash'],
  saveArticleAs: ['a.md', 'text', false],
  searchArticles: ['query', 10],
  searchFolder: [{ query: { text: 'query', caseSensitive: false, wholeWord: false, regex: false, scope: 'all' }, offset: 0, limit: 50 }],
  createArticle: [{ title: 'Hello' }],
  renameArticle: ['a.md', 'b.md'],
  duplicateArticle: ['a.md'],
  trashArticle: ['a.md'],
  createFolder: ['drafts'],
  setUnsaved: [['a.md']],
  answerUnsaved: [1, ['a.md']],
  journalUnsaved: [[{ path: 'a.md', text: 'x', baseHash: 'h' }]],
  journalEdits: [
    [
      { path: 'a.md', baseHash: 'h', version: 'v1', edit: { text: 'x' } },
      { path: 'b.md', baseHash: 'h', version: 'v3', edit: { after: 'v2', from: 1, to: 2, insert: 'y', length: 4 } },
    ],
  ],
  takeRecovered: [],
  takeOpenRequest: [],
  listRecentFolders: [],
  setUiLocale: ['zh-CN'],
  taxonomy: [],
  planBulkEdit: [{ kind: 'rename', key: 'tags', from: 'a', to: 'b' }],
  applyBulkEdit: ['plan-id'],
  undoBulkEdit: ['result-id'],
  bulkPlanTotals: ['plan-id'],
  planReplace: [{ query: { text: 'query', caseSensitive: false, wholeWord: false, regex: false, scope: 'all' }, replacement: 'answer' }],
  replacePreviewPage: ['plan-id', 50],
  applyReplace: ['plan-id', { files: ['a.md'], changes: [{ path: 'b.md', index: 0 }] }],
  planMove: ['a.md', 'b.md'],
  applyMove: ['plan-id', ['a.md']],
  undoLeafBundle: ['result-id', ['content/posts/sea/a.png']],
  articleLinkRefs: [
    'a.md',
    {
      files: [{ line: 3, column: 4, from: 20, to: 31, target: 'a/cover.png', kind: 'image', image: true }],
      site: [{ line: 5, column: 1, from: 40, to: 44, target: 'b', kind: 'post_link' }],
    },
  ],
  previewReferences: ['a.md', { links: ['about.md'], posts: [], code: [] }],
  exportArticles: [{ id: 'export-1', articles: ['a.md'], format: 'pdf', options: { pdf: { pageSize: 'A4', pageNumbers: true } } }],
  cancelExport: ['export-1'],
  copyRichText: ['a.md'],
  gitState: [],
  articleHistory: ['a.md'],
  articleAtCommit: ['a.md', 'abc1234'],
  commitArticles: [['a.md'], 'A message'],
  pullChanges: [],
  pushChanges: [],
  cancelGit: [],
  conflictVersions: ['a.md'],
  markResolved: ['a.md'],
  publishSuggestions: [],
  runPublish: ['npm run build'],
  cancelPublish: [],
  siteServerState: [],
  startSiteServer: [],
  stopSiteServer: [],
  siteServerPage: ['a.md'],
  reportError: [{ source: 'window', message: 'TypeError: x is undefined', stack: 'at f (app.js:1:2)' }],
  getSettings: [],
  updateSettings: [{ theme: 'dark', editorFontSize: 18 }],
  articleGoal: ['a.md'],
  setArticleGoal: ['a.md', { target: 500, unit: 'characters' }],
}

/** A handler table whose every method tells `onCall` how it was called and resolves to its own name. */
export function recording(onCall: (method: InvokeMethod, args: unknown[]) => void): InvokeApi {
  const table = Object.fromEntries(
    (Object.keys(INVOKE) as InvokeMethod[]).map((method) => [
      method,
      async (...args: unknown[]) => {
        onCall(method, args)
        return method
      },
    ]),
  )
  return table as unknown as InvokeApi
}
