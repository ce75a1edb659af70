/**
 * Opening a folder that holds hostile headers and encodings: every file is one row (an error
 * row where it must be), the folder opens, and UTF-16 and CR-only files open read-only and are
 * never saved over.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decode } from '../../../electron/workspace/encoding'
import { utf16Of } from '../../../electron/workspace/encoding'
import type { FolioError } from '../../../shared/errors'
import { HOSTILE_FILES, writeHostileFolder } from '../../bench/hostile-folder'
import { open, tempDir } from './helpers'

describe('a folder of hostile headers', () => {
  it('opens, with one row per file and each bad header its own error row', async () => {
    const root = await tempDir()
    await writeHostileFolder(root, { deepJson: 20_000, keys: 5_000 })
    const ws = await open(root)
    const rows = Object.fromEntries((await ws.list()).map((a) => [a.path, a]))
    expect(Object.keys(rows).sort()).toEqual(Object.keys(HOSTILE_FILES).sort())
    for (const [path, code] of Object.entries(HOSTILE_FILES)) {
      expect(rows[path]?.error?.code ?? null, path).toBe(code)
    }
    expect(rows['posts/good.md']).toMatchObject({ title: '普通文章', tags: ['日常'] })
    expect(rows['posts/alias-bomb.md']?.error?.message).toMatch(/10 times/)
  })

  it('lists BOM-less UTF-16 files by their real titles, opens them read-only and refuses to save them', async () => {
    const root = await tempDir()
    await writeHostileFolder(root, { deepJson: 10, keys: 10 })
    const ws = await open(root)
    const rows = Object.fromEntries((await ws.list()).map((a) => [a.path, a]))
    expect(rows['posts/utf16le.md']).toMatchObject({ title: 'UTF-16 小端', date: '2024-01-02', error: null })
    expect(rows['posts/utf16be.md']).toMatchObject({ title: 'UTF-16 大端', date: '2024-01-03', error: null })
    for (const path of ['posts/utf16le.md', 'posts/utf16be.md']) {
      const file = await ws.read(path)
      expect(file.text.startsWith('---\ntitle: UTF-16')).toBe(true)
      expect(file.readOnly).toMatch(/UTF-16.*convert the file to UTF-8/)
      const before = await readFile(join(root, path))
      const error = await ws.save(path, `---\ntitle: x\n---\n${file.text}`, file.hash).catch((e: FolioError) => e)
      expect(error).toMatchObject({ code: 'READ_ONLY' })
      expect(await readFile(join(root, path))).toEqual(before)
    }
  })

  it('opens a CR-only article read-only with a reason, and refuses to save it', async () => {
    const root = await tempDir()
    await writeHostileFolder(root, { deepJson: 10, keys: 10 })
    const ws = await open(root)
    const file = await ws.read('posts/old-mac.md')
    expect(file.readOnly).toMatch(/CR only.*convert the file's line endings/)
    const before = await readFile(join(root, 'posts/old-mac.md'))
    const error = await ws.save('posts/old-mac.md', `---\ntitle: x\n---\n${file.text}`, file.hash).catch((e: FolioError) => e)
    expect(error).toMatchObject({ code: 'READ_ONLY' })
    expect(await readFile(join(root, 'posts/old-mac.md'))).toEqual(before)
  })
})

describe('encodings', () => {
  const le = (s: string) => Buffer.from(s, 'utf16le')
  it('recognises UTF-16 without a byte-order mark by its NUL bytes, in either byte order', () => {
    expect(utf16Of(le('---\ntitle: x\n---\n'))).toBe('utf-16le')
    expect(utf16Of(le('---\ntitle: x\n---\n').swap16())).toBe('utf-16be')
    // Mostly Chinese: only fences and keys are ASCII.
    expect(utf16Of(le(`---\ntitle: ${'中文标题很长'.repeat(40)}\n---\n${'正文'.repeat(2000)}`))).toBe('utf-16le')
  })

  it('never takes UTF-8 for UTF-16, Chinese or not, even with a stray NUL', () => {
    expect(utf16Of(Buffer.from('---\ntitle: 中文\n---\n正文\n'))).toBeNull()
    expect(utf16Of(Buffer.from('---\ntitle: ab\n---\nx\u0000y\n'))).toBeNull()
    expect(utf16Of(Buffer.from(''))).toBeNull()
  })

  it('decodes BOM-less UTF-16 for display and says what to do; CR-only lines read-only, CRLF and LF editable', () => {
    expect(decode(le('---\ntitle: 你好\n---\n'), 'a.md')).toMatchObject({ text: '---\ntitle: 你好\n---\n', bom: false })
    expect(decode(le('---\ntitle: 你好\n---\n'), 'a.md').readOnly).toMatch(/^a\.md is encoded as UTF-16/)
    expect(decode(Buffer.from('---\rtitle: x\r---\rbody\r'), 'mac.md').readOnly).toMatch(/^mac\.md ends its lines with CR only/)
    expect(decode(Buffer.from('---\r\ntitle: x\r\n---\r\nbody\r\n'), 'w.md').readOnly).toBeNull()
    expect(decode(Buffer.from('---\ntitle: x\n---\nbody\r'), 'u.md').readOnly).toBeNull()
  })
})
