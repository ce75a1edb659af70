/**
 * A failure the system reports (Node's `EACCES: permission denied, open '…'`) reaches the Chinese
 * UI as a Chinese reason naming the file, not as the system's English inside a Chinese sentence;
 * what cannot be translated (a tool's output, an error nothing names) follows the sentence, set
 * apart under a Chinese label.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toErrorData } from '../../../electron/handlers'
import { said } from '../../../shared/errors'
import { errorText, saidText } from '../../../renderer/i18n/errors'
import { messageParts } from '../../../renderer/i18n/tool-output'

/** The error a real file-system call throws. */
async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('the system’s refusals in the Chinese UI', () => {
  it('says why in Chinese and names the file, for errors nothing in Folio caught', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'folio-system-'))
    await writeFile(join(dir, 'a.md'), 'x')
    const cases: [() => Promise<unknown>, string][] = [
      [() => readFile(join(dir, 'missing.md')), `无法打开 ${join(dir, 'missing.md')}：文件或文件夹不存在。`],
      // Reading a folder as a file: the system names no path.
      [() => readFile(dir), '无法读取：这是一个文件夹，不是文件。'],
      [() => readFile(join(dir, 'a.md', 'b.md')), `无法打开 ${join(dir, 'a.md', 'b.md')}：路径中有一段不是文件夹。`],
      [() => mkdir(dir), `无法创建文件夹 ${dir}：同名的文件已存在。`],
    ]
    try {
      for (const [work, sentence] of cases) {
        const data = toErrorData(await failure(work))
        expect(data.reason).toBe('io')
        // The command line and the log keep the system's words.
        expect(data.message).toMatch(/^Could not \w+/)
        const zh = errorText(data, 'zh-CN')
        expect(zh).toBe(sentence)
      }
    } finally {
      await rm(dir, { recursive: true })
    }
  })

  it('has a Chinese reason for each common code', () => {
    for (const errno of ['EACCES', 'EPERM', 'ENOENT', 'ENOSPC', 'EROFS', 'EBUSY', 'EEXIST', 'EISDIR', 'ENOTDIR', 'EMFILE']) {
      const error = Object.assign(new Error(`${errno}: the system's words, open '/home/writer/blog/a.md'`), {
        code: errno,
        syscall: 'open',
        path: '/home/writer/blog/a.md',
      })
      const zh = errorText(toErrorData(error), 'zh-CN')
      expect(zh, errno).toMatch(/^无法打开 \/home\/writer\/blog\/a\.md：[\u4e00-\u9fff]/)
      expect(zh, errno).not.toContain(errno)
      expect(zh, errno).not.toContain('words')
    }
  })

  it('sets apart the words of an error that names no reason, under a Chinese label', () => {
    const zh = messageParts(errorText(toErrorData(new TypeError('Cannot read properties of undefined')), 'zh-CN'))
    expect(zh.sentence).toBe('出现了意外错误。请重试；如果再次出现，请查看 Folio 的日志文件并报告这个问题。')
    expect(zh.output).toEqual({ label: '错误的原文：', text: 'Cannot read properties of undefined' })
    // In English the message is the sentence.
    expect(errorText(toErrorData(new TypeError('Cannot read properties of undefined')), 'en')).toBe('Cannot read properties of undefined')
  })

  it('says an upload command that cannot start by why, and sets its output apart', () => {
    const start = saidText(
      {
        reason: 'upload-failed',
        params: { name: '截图.png', command: 'picgo upload', output: '', how: 'start', errno: 'ENOENT', detail: 'spawn picgo ENOENT' },
      },
      'zh-CN',
    )
    expect(start).toBe(
      '上传 截图.png 失败：“picgo upload”无法启动：找不到这个命令。请检查图片设置中的命令（以及图床是否接受你的请求），然后重新插入图片。没有插入任何内容。',
    )
    const status = messageParts(
      saidText(
        { reason: 'upload-failed', params: { name: '截图.png', command: 'picgo upload', output: 'Error: 401 Unauthorized\n', how: 'status', status: 1 } },
        'zh-CN',
      ) ?? '',
    )
    expect(status.sentence).toMatch(/^上传 截图\.png 失败：“picgo upload”以退出状态 1 结束。请检查/)
    expect(status.sentence).not.toMatch(/Unauthorized/)
    expect(status.output).toEqual({ label: '上传命令的输出：', text: 'Error: 401 Unauthorized' })
  })

  it('sets git’s words apart when git’s failure has no name', () => {
    const zh = messageParts(saidText(said('git-failed', { detail: 'error: cannot lock ref' }), 'zh-CN') ?? '')
    expect(zh).toEqual({ sentence: 'Git 操作失败。', output: { label: 'Git 的输出：', text: 'error: cannot lock ref' } })
  })
})
