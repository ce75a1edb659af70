/**
 * Every reason a main-process message can name has a Chinese sentence, and English for the
 * command line: the newer reasons' English in shared/errors.ts (placeholders the Chinese uses are
 * all there), the older ones' written where they are raised. Real operations on a real folder
 * (taxonomy, bulk undo, git, workspace, header edits) reach the Chinese UI in Chinese while
 * their English message stays what the command line printed before.
 */
import { execFileSync } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createGitService } from '../../../electron/git/service'
import { createTaxonomyService } from '../../../electron/taxonomy/service'
import { ENGLISH, MESSAGE_REASONS, type MessageParams } from '../../../shared/errors'
import { addListItem, renameKey } from '../../../shared/frontmatter/edit'
import { errorText, saidText } from '../../../renderer/i18n/errors'
import { messageParts } from '../../../renderer/i18n/tool-output'
import { linkProblemText } from '../../../renderer/i18n/link-problems'
import { linkProblems } from '../../../shared/assets/check'
import type { AssetRules } from '../../../shared/assets/resolve'
import { folioFailure } from '../folio-failure'
import { copySite, open } from '../workspace/helpers'

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))
/** English words left in a Chinese sentence once names (isolated, U+2068 … U+2069), commands and values are taken out. */
const english = (text: string) =>
  text
    .replace(/\u2068[^\u2069]*\u2069/g, ' ')
    .replace(
      /git \w+ --continue|--abort|[\w./-]*\.md|notes|UTF|Latin|GBK|LF|CR|Mac OS|Folio|Git|Hexo|FIFO|MB|KB|uid|Jekyll|Hugo|params|_posts|PDF|HTML|shell|SVG|TOML|gid|JSON|JavaScript|Eleventy/g,
      '',
    )
    .match(/[A-Za-z]{2,}/g)

/** All of electron/ as text, to find where the older reasons' English is written. */
async function mainSources(dir = fileURLToPath(new URL('../../../electron/', import.meta.url))): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name))
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n')
}

describe('every message reason in both languages', () => {
  it('has a Chinese sentence without English words, and English for the command line', async () => {
    const sources = await mainSources()
    for (const reason of MESSAGE_REASONS) {
      const en = ENGLISH[reason]
      // The params a sentence names, filled with their own names, as the main process would.
      const params: MessageParams = Object.fromEntries([...placeholders(en ?? '')].map((k) => [k, k === 'path' ? 'a.md' : '1']))
      const zh = saidText(
        { reason, params: { doing: 'read', kind: 'fifo', errno: 'EACCES', code: 'syntax', line: 1, column: 1, ...params }, path: 'a.md' },
        'zh-CN',
      )
      expect(zh, reason).toBeTruthy()
      // Values the older reasons carry are left as {name} here: names, not words.
      expect(english((zh ?? '').replace(/\{\w+\}/g, '')), `${reason}: ${zh}`).toBeNull()
      if (en) {
        expect(en.trim(), reason).not.toBe('')
        // Every value the Chinese names is one the English (so the main process) gives.
        const chinese = saidText({ reason, params: {}, path: '' }, 'zh-CN') ?? ''
        for (const key of placeholders(chinese)) expect(placeholders(en), `${reason} names {${key}}`).toContain(key)
      } else {
        // An older reason: its English is written beside it where the main process raises it.
        expect(sources, `${reason} is raised with its English somewhere in electron/`).toContain(`'${reason}'`)
      }
    }
  })

  it('says what happened to which file and what to do for an errno it has no words for, the code set apart as the system’s words', () => {
    const weird = {
      code: 'IO' as const,
      message: 'Could not save a.md: EXYZ: odd thing',
      reason: 'io' as const,
      params: { doing: 'save', path: 'a.md', errno: 'EXYZ', detail: 'EXYZ: odd thing' },
    }
    expect(messageParts(errorText(weird, 'zh-CN'))).toEqual({
      sentence: '无法保存 a.md：系统拒绝了这个操作，Folio 不认识它给出的原因代码。请确认文件所在的磁盘仍然可用、你有权限使用这个文件，然后再试。',
      output: { label: '错误的原文：', text: 'EXYZ: odd thing' },
    })
    expect(messageParts(errorText(weird, 'en'))).toEqual({
      sentence:
        'Could not save a.md: the system refused with a code Folio does not know. Check that the disk is still available and that you may use this file, then try again.',
      output: { label: 'The error as it was reported:', text: 'EXYZ: odd thing' },
    })
    // The system said nothing but the code: the code alone is its words.
    const bare = { ...weird, message: 'Could not save a.md: EXYZ', params: { ...weird.params, detail: 'EXYZ' } }
    expect(messageParts(errorText(bare, 'zh-CN')).output).toEqual({ label: '错误的原文：', text: 'EXYZ' })
    expect(messageParts(errorText(bare, 'en')).output).toEqual({ label: 'The error as it was reported:', text: 'EXYZ' })
    // Words without the code: the code goes first, so the writer can name it to whoever helps.
    const exported = saidText({ reason: 'export-failed', params: { path: 'a.md', errno: 'EXYZ', detail: 'odd thing' } }, 'zh-CN') ?? ''
    expect(messageParts(exported)).toEqual({
      sentence: '导出 a.md 失败：系统拒绝了这个操作，Folio 不认识它给出的原因代码。请处理后再导出。',
      output: { label: '错误的原文：', text: 'EXYZ: odd thing' },
    })
    // A code the table names keeps its sentence, without the system's English.
    expect(errorText({ ...weird, params: { ...weird.params, errno: 'EACCES' } }, 'zh-CN')).toBe('无法保存 a.md：没有权限。请检查文件和所在文件夹的权限。')
    expect(errorText({ ...weird, params: { ...weird.params, errno: 'EACCES' } }, 'en')).toBe(weird.message)
  })
})

describe('refusals from the main process in Chinese, English kept for the command line', () => {
  it('taxonomy edits, bulk undo, a new folder that exists, a bad pattern', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const bulk = createTaxonomyService(ws, { journalDir: null })
    const same = await folioFailure(() => bulk.plan({ kind: 'rename', key: 'tags', from: '旅行', to: '旅行' }))
    expect(same.message).toBe('"旅行" is already called that. Type a different name.')
    expect(errorText(same, 'zh-CN')).toBe('“旅行”已经是这个名字了。请输入一个不同的名字。')
    const empty = await folioFailure(() => bulk.plan({ kind: 'rename', key: 'tags', from: '旅行', to: ' ' }))
    expect(empty.message).toBe('The new value is empty. Type a value.')
    expect(errorText(empty, 'zh-CN')).toBe('新值是空的。请输入一个值。')
    const gone = await folioFailure(() => bulk.undo('nope'))
    expect(errorText(gone, 'zh-CN')).toBe('没有可撤销的批量编辑 nope（可能已撤销过）。')

    await ws.createFolder('source/_posts/new')
    const exists = await folioFailure(() => ws.createFolder('source/_posts/new'))
    expect(exists.message).toBe('Could not create the folder source/_posts/new: it already exists.')
    expect(errorText(exists, 'zh-CN')).toBe('无法创建文件夹 source/_posts/new：它已存在。')

    const pattern = await folioFailure(() =>
      ws.searchFolder({ query: { text: '(', caseSensitive: false, wholeWord: false, regex: true, scope: 'all' }, offset: 0, limit: 5 }),
    )
    expect(pattern.message).toMatch(/^The regular expression is not valid: /)
    // The engine's English is set apart after the sentence, as the error's own words.
    expect(messageParts(errorText(pattern, 'zh-CN'))).toEqual({
      sentence: '正则表达式无效。',
      output: { label: '错误的原文：', text: expect.stringMatching(/^Invalid regular expression/) },
    })
    await ws.close()
  })

  it('git outside a repository, and header edits the editor refuses', async () => {
    const root = await copySite('plain')
    // A folder under no repository: git itself says so when asked from there.
    let outside = true
    try {
      execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, stdio: 'pipe' })
      outside = false
    } catch {
      // not a repository: what this test wants
    }
    if (outside) {
      const git = createGitService({ root, articles: async () => [], onProgress: () => undefined })
      const none = await folioFailure(() => git.history('notes/a.md'))
      expect(none.message).toBe(`${root} is not inside a git repository.`)
      expect(errorText(none, 'zh-CN')).toBe(`${root} 不在 Git 仓库中。`)
    }

    const text = '---\ntitle: 你好\nslug: hi\nmeta:\n  a: 1\n---\n'
    const taken = await folioFailure(() => renameKey(text, 'title', 'slug'))
    expect(taken.message).toBe('The header already has a key "slug"')
    expect(errorText(taken, 'zh-CN')).toBe('头部已经有键“slug”。')
    const map = await folioFailure(() => addListItem(text, 'meta', 'x'))
    expect(errorText(map, 'zh-CN')).toBe('“meta”是映射，不是列表。')
    const broken = await folioFailure(() => renameKey('---\ntitle: "open\n---\n', 'title', 'name'))
    expect(broken.message).toMatch(/^The header does not parse \(line \d+: /)
    expect(errorText(broken, 'zh-CN')).toMatch(/^头部无法解析（第 \d+ 行）。请把它当作文本编辑。$/)
  })
})

describe('git’s failures in Chinese, git’s own output kept as it printed it', () => {
  it('a commit of articles that match the last commit, and a push of a branch the remote does not have', async () => {
    const root = await copySite('plain')
    const sh = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, stdio: 'pipe', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' } })
    sh('init', '-q', '-b', 'main')
    sh('config', 'user.name', 'Writer')
    sh('config', 'user.email', 'writer@example.com')
    sh('add', '-A')
    sh('commit', '-q', '-m', 'First')
    const article = execFileSync('git', ['ls-files', '*.md'], { cwd: root }).toString().split('\n')[0] as string
    const git = createGitService({ root, articles: async () => [], onProgress: () => undefined })
    const nothing = await folioFailure(() => git.commit([article], 'Again'))
    expect(nothing.message).toMatch(/^There is nothing to commit in the chosen articles/)
    const parts = messageParts(errorText(nothing, 'zh-CN'))
    expect(parts.sentence).toBe(`${article} 没有可提交的内容：它们与上一次提交相同。`)
    expect(parts.output).toEqual({ label: 'Git 的输出：', text: expect.stringContaining('nothing to commit') })

    sh('remote', 'add', 'origin', 'https://127.0.0.1:9/team/site.git')
    const unpublished = await folioFailure(() => git.push())
    expect(unpublished.message).toMatch(/^This branch is not on the remote yet\./)
    const zh = messageParts(errorText(unpublished, 'zh-CN'))
    expect(zh.sentence).toBe('这个分支还不在远程仓库上。请先用 git push -u 发布一次（例如 git push -u origin HEAD），然后再从 Folio 推送。')
    expect(zh.output?.label).toBe('Git 的输出：')
    expect(zh.output?.text).toMatch(/^fatal: /)
  }, 60_000)
})

describe('the link lint in the UI language', () => {
  it('names the rule and says what is missing in Chinese, the checker’s English in English', () => {
    const text = '---\ntitle: 文\n---\n\n![图](/images/none.png) [下一篇](next.md) {% post_link missing-post %}\n'
    const rules: AssetRules = { kind: 'hexo', postAssetFolder: false, sourceDir: 'source' }
    const found = linkProblems(text, 'source/_posts/a.md', rules, new Set<string>(), ['source/_posts/a.md'])
    expect(found.map((p) => linkProblemText(p, 'en'))).toEqual(found.map((p) => ({ source: p.rule, message: p.message })))
    expect(found.map((p) => linkProblemText(p, 'zh-CN'))).toEqual([
      { source: '图片失效', message: '图片“/images/none.png”失效：source/images/none.png 不存在' },
      { source: '链接失效', message: '链接“next.md”失效：source/_posts/next.md 不存在' },
      { source: '链接失效', message: 'post_link“missing-post”找不到对应的文章' },
    ])
  })
})
