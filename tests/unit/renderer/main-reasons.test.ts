/**
 * Every error the main process raises names its reason, so the UI can say it in its language:
 * FolioError requires one (the type below fails to compile without it), and real refusals of
 * export, image insert, the handed-over files, a move and the path guard reach the Chinese UI in
 * Chinese, naming the file, while their English stays what the command line printed.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticles } from '../../../electron/export/batch'
import { openSource } from '../../../electron/export/source'
import { createMoveService } from '../../../electron/links/move'
import { insertImages } from '../../../electron/media/insert'
import { readPicked } from '../../../electron/media/picked'
import { createTaxonomyService } from '../../../electron/taxonomy/service'
import { createGuard } from '../../../electron/workspace/guard'
import { DEFAULT_INSERT_SETTINGS, PLAIN_RULES } from '../../../shared/assets'
import { FolioError } from '../../../shared/errors'
import { handedOverFiles } from '../../../shared/handed-over'
import { errorText, saidText } from '../../../renderer/i18n/errors'
import { folioFailure } from '../folio-failure'
import { copySite, open, tempDir } from '../workspace/helpers'

/** Latin words left in a Chinese sentence once the file it names is taken out. */
const english = (text: string, ...names: string[]) => names.reduce((t, name) => t.replaceAll(name, ''), text).match(/[A-Za-z]{2,}/g)

/** The Chinese of an error names `name`, in Chinese only; its English is the message. */
function expectChinese(error: unknown, name: string): string {
  const zh = errorText(error, 'zh-CN')
  expect(zh).toContain(name)
  expect(zh).toMatch(/[\u4e00-\u9fff]/)
  expect(english(zh, name, 'Folio', 'SVG'), zh).toBeNull()
  return zh
}

describe('a FolioError always names its reason', () => {
  it('does not compile without one', () => {
    // @ts-expect-error reason and params are required: an error without them would reach the Chinese UI in English
    const bare = new FolioError({ code: 'IO', message: 'Something failed.' })
    expect(bare.reason).toBeUndefined()
    const named = new FolioError({ code: 'IO', message: 'No clipboard.', reason: 'no-clipboard', params: {} })
    expect(named.toData()).toEqual({ code: 'IO', message: 'No clipboard.', reason: 'no-clipboard', params: {} })
  })
})

describe('refusals of export, image insert and moves in Chinese', () => {
  it('an export of a path that is gone, and of a folder given as an article', async () => {
    const dir = await tempDir()
    const missing = join(dir, '不在了.md')
    const gone = await folioFailure(() => openSource(missing))
    expect(gone.message).toBe(`Cannot export "${missing}": it does not exist. Pass an article file or a folder of articles.`)
    expect(expectChinese(gone, missing)).toBe(`无法导出“${missing}”：它不存在。请选择一篇文章，或一个文章文件夹。`)

    const folder = join(dir, '文章')
    await mkdir(folder)
    const result = await exportArticles([folder], { format: 'html', outDir: join(dir, 'out') })
    const [failed] = result.failures
    expect(failed?.error.reason).toBe('export-not-article')
    expectChinese(failed?.error, folder)
  })

  it('an image file that is gone, a folder, a path that is not whole, a file not handed over, bytes that are no image', async () => {
    const dir = await tempDir()
    const gone = join(dir, '照片.png')
    expectChinese(await folioFailure(() => readPicked(gone)), gone)
    expectChinese(await folioFailure(() => readPicked(dir)), dir)
    expectChinese(await folioFailure(() => readPicked('照片.png')), '照片.png')

    const refusal = handedOverFiles().check([{ file: '/home/writer/.ssh/id_rsa' }])
    expect(refusal.ok).toBe(false)
    if (!refusal.ok) {
      expect(refusal.error.code).toBe('FORBIDDEN')
      expect(expectChinese(refusal.error, '/home/writer/.ssh/id_rsa')).toContain('请重新拖入该文件')
    }

    await writeFile(join(dir, 'post.md'), '---\ntitle: 文\n---\n')
    const guard = await createGuard(dir)
    const notImage = await folioFailure(() =>
      insertImages(guard, PLAIN_RULES, 'post.md', [{ name: '截图.png', bytes: new TextEncoder().encode('这不是图片') }], DEFAULT_INSERT_SETTINGS),
    )
    expect(notImage.message).toMatch(/^截图\.png is not a PNG, JPEG/)
    expectChinese(notImage, '截图.png')
  })

  it('a move out of the folder, and a path the guard refuses', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const move = createMoveService(ws, createTaxonomyService(ws, { journalDir: null }))
    const outside = await folioFailure(() => move.plan('source/_posts/2023-12-24-travel-notes.md', '../旅行.md'))
    expect(outside.message).toBe('"../旅行.md" is not a path inside the folder. Type a path such as posts/new-name.md.')
    expect(errorText(outside, 'zh-CN')).toBe('“../旅行.md”不是文件夹内的路径。请输入像 posts/new-name.md 这样的路径。')

    const guard = await createGuard(root)
    expectChinese(await folioFailure(() => guard.resolve('/etc/passwd')), '/etc/passwd')
  })
})

describe('what the folder could not list, in Chinese', () => {
  it('a site setting that leads outside the folder, and links the listing left out', async () => {
    const root = await tempDir()
    await writeFile(join(root, '_config.yml'), 'title: 博客\nsource_dir: ../外面\n')
    await writeFile(join(root, 'package.json'), '{ "dependencies": { "hexo": "^7.0.0" } }\n')
    await mkdir(join(root, 'source/_posts'), { recursive: true })
    await writeFile(join(root, 'source/_posts/a.md'), '---\ntitle: 文\n---\n')
    await symlink('/nowhere/at/all.md', join(root, 'source/_posts/断了.md'))
    const ws = await open(root)
    await ws.list()
    const warnings = ws.info.warnings ?? []
    const setting = warnings.find((w) => w.reason === 'setting-refused')
    expect(setting?.message).toMatch(/^_config\.yml line 2: source_dir "\.\.\/外面" leads outside the folder/)
    expect(setting && saidText(setting, 'zh-CN')).toBe(
      // The setting's key and value are the author's, marked as names (isolated) inside the sentence.
      '_config.yml 第 2 行：\u2068source_dir\u2069“\u2068../外面\u2069”指向文件夹之外，Folio 改用“source”。请把这个设置改成站点文件夹内的路径。',
    )
    const dangling = warnings.find((w) => w.reason === 'links-skipped')
    expect(dangling?.message).toMatch(/^Skipped a link that leads nowhere \(source\/_posts\/断了\.md\)/)
    expect(dangling && saidText(dangling, 'zh-CN')).toBe('跳过了 1 个无效链接（source/_posts/断了.md）：链接指向的文件不存在。请修正或删除链接。')
  })
})
