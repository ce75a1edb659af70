import { access, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashBytes } from '../../../electron/workspace/encoding'
import { copySite, open } from './helpers'

describe('save as: an article where no file is', () => {
  it('recreates a file deleted on disk with its BOM and CRLF, and the hash of the bytes written', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const file = await ws.read('notes/crlf.md')
    await rm(join(root, 'notes/crlf.md'))
    const result = await ws.saveAs('notes/crlf.md', file.text + 'Again.\r\n', true)
    const bytes = await readFile(join(root, 'notes/crlf.md'))
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(bytes.subarray(3).toString('utf8')).toBe(file.text + 'Again.\r\n')
    expect(result).toMatchObject({ path: 'notes/crlf.md', hash: hashBytes(bytes), size: bytes.length })
    // Based on that hash, the next save goes through the usual check.
    await ws.save('notes/crlf.md', file.text, result.hash)
    expect((await readFile(join(root, 'notes/crlf.md'))).subarray(3).toString('utf8')).toBe(file.text)
  })

  it('writes under a new name in a new folder, and never over an existing file', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    await ws.saveAs('drafts/新文章.md', '---\ntitle: 新\n---\n', false)
    expect(await readFile(join(root, 'drafts/新文章.md'), 'utf8')).toBe('---\ntitle: 新\n---\n')
    expect((await ws.list()).map((a) => a.path)).toContain('drafts/新文章.md')
    await writeFile(join(root, 'taken.md'), 'theirs')
    await expect(ws.saveAs('taken.md', 'mine', false)).rejects.toMatchObject({ code: 'EXISTS', path: 'taken.md' })
    expect(await readFile(join(root, 'taken.md'), 'utf8')).toBe('theirs')
    await expect(ws.saveAs('../outside.md', 'x', false)).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' })
  })

  it('never makes a vanished folder again', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    await rename(root, `${root}-moved`)
    await expect(ws.saveAs('notes/new.md', 'x', false)).rejects.toMatchObject({ code: 'NOT_FOUND', path: 'notes/new.md' })
    await expect(access(root)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
