/**
 * The contract's argument schemas as electron/handlers.ts applies them: every method takes its
 * valid arguments, and refuses a bad one with BAD_ARGUMENT saying which argument and why,
 * before its handler runs.
 */
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/handlers'
import { INVOKE, TEXT_LINKS_LIMITS, type InvokeApi, type InvokeMethod } from '../../../shared/contract'
import { recording, validArgs } from './invoke-arguments'

const methods = Object.keys(INVOKE) as InvokeMethod[]

function recorded(): { handlers: InvokeApi; calls: [InvokeMethod, unknown[]][] } {
  const calls: [InvokeMethod, unknown[]][] = []
  return { handlers: recording((method, args) => calls.push([method, args])), calls }
}

const query = { text: 'q', caseSensitive: false, wholeWord: false, regex: false, scope: 'all' }

/** One bad call per method, and what the refusal must say (after "Invalid argument N for METHOD"). */
const badArgs: Record<InvokeMethod, [unknown[], number, RegExp]> = {
  openFolder: [[42], 1, /Expected string but received 42/],
  getFolder: [['extra'], 1, /Expected no arguments/],
  folderListing: [['extra'], 1, /Expected no arguments/],
  closeFolder: [[1], 1, /Expected no arguments/],
  listArticles: [[{}], 1, /Expected no arguments/],
  rowsSince: [[{ open: 1, at: -1 }], 1, /Invalid value/],
  folderSchema: [[null], 1, /Expected no arguments/],
  articleImages: [[], 1, /Expected string but received undefined/],
  insertImages: [['a.md', [{ name: 'x.png' }]], 2, /\(0\): An image is \{ name, data \}.* or \{ name, file \}/],
  pickImages: [['a.md'], 1, /Expected no arguments/],
  imagesLanded: [[{ id: 1 }], 1, /Expected string/],
  mediaReport: [['now'], 1, /Expected no arguments/],
  readArticle: [[42], 1, /Expected string but received 42/],
  makeArticleWritable: [[['a.md']], 1, /Expected string/],
  saveArticle: [['a.md', 'text'], 3, /Expected string but received undefined/],
  saveArticleAs: [['a.md', 'text', 'yes'], 3, /Expected boolean but received "yes"/],
  searchArticles: [['q', 0], 2, /Expected >=1 but received 0/],
  searchFolder: [[{ query: { ...query, scope: 'title' } }], 1, /\(query\.scope\).*received "title"/],
  createArticle: [[{ title: 'T', layout: 'note' }], 1, /\(layout\).*received "note"/],
  renameArticle: [['a.md', 'b.md', 'c.md'], 3, /Expected at most 2 argument\(s\)/],
  duplicateArticle: [[undefined], 1, /Expected string but received undefined/],
  trashArticle: [[true], 1, /Expected string but received true/],
  createFolder: [[7], 1, /Expected string but received 7/],
  setUnsaved: [[['a.md', 7]], 1, /\(1\).*Expected string but received 7/],
  answerUnsaved: [[-1, []], 1, /Expected >=0 but received -1/],
  journalUnsaved: [[[{ path: 'a.md' }]], 1, /\(0\.text\)/],
  journalEdits: [[[{ path: 'a.md', baseHash: 'h', version: 'v', edit: { after: 'v0', from: -1, to: 0, insert: '', length: 0 } }]], 1, /\(0\.edit/],
  takeRecovered: [['please'], 1, /Expected no arguments/],
  takeOpenRequest: [[1], 1, /Expected no arguments/],
  listRecentFolders: [[1], 1, /Expected no arguments/],
  setUiLocale: [['fr'], 1, /Expected \("en" \| "zh-CN"\) but received "fr"/],
  taxonomy: [['tags'], 1, /Expected no arguments/],
  planBulkEdit: [[{ kind: 'merge', key: 'tags', from: [], to: 'b' }], 1, /\(from\).*non-empty|\(from\)/],
  applyBulkEdit: [[{}], 1, /Expected string/],
  undoBulkEdit: [[null], 1, /Expected string but received null/],
  bulkPlanTotals: [[1], 1, /Expected string but received 1/],
  planReplace: [[{ query, replacement: 'r', extra: true }], 1, /\(extra\)/],
  replacePreviewPage: [['plan', -1], 2, /Expected >=0 but received -1/],
  applyReplace: [['plan', { files: [], changes: [{ path: 'a.md', index: 1.5 }] }], 2, /\(changes\.0\.index\).*integer/],
  planMove: [['a.md'], 2, /Expected string but received undefined/],
  applyMove: [['plan', 'a.md'], 2, /Expected Array but received "a.md"/],
  undoLeafBundle: [['result', 'content/posts/sea/a.png'], 2, /Expected Array but received "content\/posts\/sea\/a.png"/],
  articleLinkRefs: [
    ['a.md', { files: [{ line: 1, column: 1, from: 9, to: 2, target: 'a.png', kind: 'image', image: true }], site: [] }],
    2,
    /\(files\.0\).*from ≤ to/,
  ],
  previewReferences: [['a.md', { links: ['about.md'], posts: [] }], 2, /\(code\)/],
  exportArticles: [[{ id: 'e', articles: 'all', format: 'pdf', options: { pdf: { margins: { top: 500 } } } }], 1, /\(options\.pdf\.margins\.top\).*<=100/],
  cancelExport: [[42], 1, /Expected string but received 42/],
  copyRichText: [['a.md', { remoteContent: 'yes' }], 2, /\(remoteContent\)/],
  gitState: [[1], 1, /Expected no arguments/],
  articleHistory: [[1], 1, /Expected string/],
  articleAtCommit: [['a.md', 'HEAD; rm -rf /'], 2, /Expected a commit hash/],
  commitArticles: [[['a.md'], '   '], 2, /Expected a commit message/],
  pullChanges: [['--force'], 1, /Expected no arguments/],
  pushChanges: [['--force'], 1, /Expected no arguments/],
  cancelGit: [[1], 1, /Expected no arguments/],
  conflictVersions: [[1], 1, /Expected string/],
  markResolved: [[1], 1, /Expected string/],
  publishSuggestions: [[1], 1, /Expected no arguments/],
  runPublish: [[''], 1, /Expected a command/],
  cancelPublish: [[1], 1, /Expected no arguments/],
  siteServerState: [[1], 1, /Expected no arguments/],
  startSiteServer: [[1], 1, /Expected no arguments/],
  stopSiteServer: [[1], 1, /Expected no arguments/],
  siteServerPage: [[1], 1, /Expected string/],
  reportError: [[{ source: 'window', message: 'x'.repeat(10_001) }], 1, /\(message\).*<=10000/],
  getSettings: [[1], 1, /Expected no arguments/],
  updateSettings: [[{ theme: 'noir' }], 1, /Invalid settings/],
  articleGoal: [[1], 1, /Expected string/],
  setArticleGoal: [['a.md', { target: -5, unit: 'words' }], 2, /Invalid goal/],
}

describe('argument schemas', () => {
  it.each(methods)('%s takes its valid arguments, as sent', async (method) => {
    const { handlers, calls } = recorded()
    expect(await dispatch(handlers, method, validArgs[method])).toEqual({ ok: true, value: method })
    expect(calls).toStrictEqual([[method, validArgs[method]]])
  })

  it.each(methods)('%s refuses a bad argument, naming it, before its handler runs', async (method) => {
    const { handlers, calls } = recorded()
    const [args, position, why] = badArgs[method]
    const envelope = await dispatch(handlers, method, args)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    const message = envelope.ok ? '' : envelope.error.message
    expect(message).toContain(`Invalid argument ${position} for ${method}`)
    expect(message).toMatch(why)
    expect(calls).toEqual([])
  })

  it('refuses a link reference of a kind no text makes, or with no place in the text', async () => {
    const { handlers, calls } = recorded()
    const at = { line: 1, column: 1, from: 0, to: 5, target: 'a.png' }
    for (const links of [
      { files: [{ ...at, kind: 'script', image: true }], site: [] },
      { files: [], site: [{ ...at, kind: 'include' }] },
      { files: [{ ...at, from: -1, kind: 'image', image: true }], site: [] },
      { files: [{ ...at, line: 0, kind: 'image', image: true }], site: [] },
      { files: [{ ...at, kind: 'image', image: true, candidates: ['../../etc/passwd'] }], site: [] },
      { files: [{ ...at, kind: 'image', image: true, target: 'a'.repeat(TEXT_LINKS_LIMITS.target + 1) }], site: [] },
      { files: Array.from({ length: TEXT_LINKS_LIMITS.references + 1 }, () => ({ ...at, kind: 'image', image: true })), site: [] },
      { files: [], site: Array.from({ length: TEXT_LINKS_LIMITS.references + 1 }, () => ({ ...at, kind: 'post_link' })) },
      'the whole text',
    ])
      expect(await dispatch(handlers, 'articleLinkRefs', ['a.md', links])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(calls).toEqual([])
  })

  it('takes link references up to their bounds', async () => {
    const { handlers, calls } = recorded()
    const at = { line: 1, column: 1, from: 0, to: 5, kind: 'image', image: true }
    const links = {
      files: [
        { ...at, target: 'a'.repeat(TEXT_LINKS_LIMITS.target) },
        ...Array.from({ length: TEXT_LINKS_LIMITS.references - 1 }, () => ({ ...at, target: 'a.png' })),
      ],
      site: [],
    }
    await dispatch(handlers, 'articleLinkRefs', ['a.md', links])
    expect(calls).toHaveLength(1)
  })

  it('keeps a left-out optional argument left out', async () => {
    const { handlers, calls } = recorded()
    await dispatch(handlers, 'openFolder', [])
    await dispatch(handlers, 'copyRichText', ['a.md'])
    expect(calls).toStrictEqual([
      ['openFolder', []],
      ['copyRichText', ['a.md']],
    ])
  })
})
