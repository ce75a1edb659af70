/**
 * Messages the main process sends reach a Chinese UI in Chinese: real workspace operations on a
 * real folder fail or open read-only, and the renderer words their named reason.
 */
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { errorText, saidText } from '../../../renderer/i18n/errors'
import { copySite, open } from '../workspace/helpers'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error('expected a failure')),
    (e: unknown) => e as FolioError,
  )
/** English words left once paths and names are taken out. */
const english = (text: string) => text.replace(/[\w./-]*\.md|notes|UTF|Latin|GBK|LF|CR|Mac OS|Folio/g, '').match(/[A-Za-z]{2,}/g)

describe('main-process messages in the UI language', () => {
  it('says file-system refusals in Chinese and keeps the English for the command line', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const missing = await failure(ws.read('notes/gone.md'))
    expect(missing.message).toMatch(/^Could not read notes\/gone\.md: the file does not exist/)
    expect(errorText(missing, 'en')).toBe(missing.message)
    expect(errorText(missing, 'zh-CN')).toBe('无法读取 notes/gone.md：文件不存在（已被移动或删除？）。请刷新文章列表。')

    const outside = await failure(ws.read('../outside.md'))
    expect(errorText(outside, 'zh-CN')).toMatch(/^已拒绝路径“\.\.\/outside\.md”：它指向打开的文件夹之外/)

    const taken = await failure(ws.rename('notes/crlf.md', 'notes/bom.md'))
    expect(errorText(taken, 'zh-CN')).toBe('无法把 notes/crlf.md 重命名为 notes/bom.md：同名的文件已存在。请换一个名字。')

    const file = await ws.read('notes/crlf.md')
    await writeFile(join(root, 'notes/crlf.md'), 'changed elsewhere\n')
    const conflict = await failure(ws.save('notes/crlf.md', file.text + 'mine\n', file.hash))
    expect(conflict.code).toBe('CONFLICT')
    expect(errorText(conflict, 'zh-CN')).toBe('notes/crlf.md 在打开后已在磁盘上被更改。请重新载入、保留你的版本，或比较两者。')
  })

  it('names why an article opens read-only: not UTF-8, no write permission', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const latin1 = await ws.read('notes/latin1.md')
    expect(latin1.readOnly).toMatch(/not valid UTF-8/)
    expect(latin1.readOnlyReason).toEqual({ reason: 'not-utf-8', params: { path: 'notes/latin1.md' } })
    const zh = saidText(latin1.readOnlyReason!, 'zh-CN')
    expect(zh).toMatch(/^notes\/latin1\.md 不是有效的 UTF-8/)
    expect(english(zh ?? '')).toBeNull()
    expect(saidText(latin1.readOnlyReason!, 'en')).toBeNull()

    await chmod(join(root, 'notes/bom.md'), 0o444)
    const locked = await ws.read('notes/bom.md')
    if (process.getuid?.() !== 0) {
      expect(locked.readOnlyReason?.reason).toBe('no-write-permission')
      expect(saidText(locked.readOnlyReason!, 'zh-CN')).toMatch(/^notes\/bom\.md 是只读的/)
    }
  })

  it('falls back to the code’s sentence, then to the English, for what has no named reason', () => {
    // Data without a reason can only come from outside the types (a FolioError always has one).
    expect(errorText({ code: 'NO_FOLDER', message: 'No folder is open.' }, 'zh-CN')).toBe('尚未打开文件夹。请先打开一个内容文件夹。')
    expect(errorText({ code: 'CANCELLED', message: 'Git is still busy.' }, 'zh-CN')).toBe('已取消。')
  })
})
