import { createHash } from 'node:crypto'
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { copySite, open } from './helpers'

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('read', () => {
  it('returns the text without BOM, line endings as on disk, and the hash of the bytes', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const crlf = await ws.read('notes/crlf.md')
    expect(crlf.eol).toBe('\r\n')
    expect(crlf.text).toContain('title: Windows line endings\r\n')
    expect(crlf.bom).toBe(false)
    expect(crlf.hash).toBe(sha(await readFile(join(root, 'notes/crlf.md'))))
    expect(crlf.readOnly).toBeNull()
    const bom = await ws.read('notes/bom.md')
    expect(bom.bom).toBe(true)
    expect(bom.text.startsWith('---\ntitle: 带 BOM 的文件')).toBe(true)
    expect(bom.eol).toBe('\n')
    expect(bom.size).toBe((await stat(join(root, 'notes/bom.md'))).size)
  })

  it('opens invalid UTF-8 read-only with a reason, and refuses to save it', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const file = await ws.read('notes/latin1.md')
    expect(file.readOnly).toMatch(/not valid UTF-8/)
    expect(file.readOnly).toContain('notes/latin1.md')
    const before = await readFile(join(root, 'notes/latin1.md'))
    const error = await ws.save('notes/latin1.md', file.text, file.hash).catch((e: FolioError) => e)
    expect(error).toMatchObject({ code: 'READ_ONLY', path: 'notes/latin1.md' })
    expect(await readFile(join(root, 'notes/latin1.md'))).toEqual(before)
  })

  it('opens a 5 MB file', async () => {
    const root = await copySite('plain')
    const line = '这是一行很长的中文测试文本，用来检查大文件。 Some English too.\n'
    const body = line.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(line)))
    await writeFile(join(root, 'big.md'), `---\ntitle: big\n---\n${body}`)
    const ws = await open(root)
    const file = await ws.read('big.md')
    expect(file.size).toBeGreaterThan(5 * 1024 * 1024)
    expect(file.text.length).toBeGreaterThan(1_000_000)
    const saved = await ws.save('big.md', file.text + 'end\n', file.hash)
    expect(saved.size).toBe(file.size + 4)
    expect((await ws.list()).find((a) => a.path === 'big.md')?.words).toBeGreaterThan(100_000)
  })

  it('opens an article over 32 MB read-only, saying why and what to do', async () => {
    const root = await copySite('plain')
    const line = '一行中文，用来把文件撑到很大。 Filler text.\n'
    const body = line.repeat(Math.ceil((33 * 1024 * 1024) / Buffer.byteLength(line)))
    await writeFile(join(root, 'huge.md'), `---\ntitle: huge\n---\n${body}`)
    const ws = await open(root)
    const file = await ws.read('huge.md')
    expect(file.readOnly).toBe(
      'huge.md is 33 MB: Folio opens articles over 32 MB read-only, because typing into one that large would lag. Split it, or edit it in a plain text editor.',
    )
    expect(file.canMakeWritable).toBe(false)
    expect(file.text.length).toBeGreaterThan(10_000_000)
  })

  it('says NOT_FOUND for a missing file', async () => {
    const ws = await open(await copySite('plain'))
    await expect(ws.read('nope.md')).rejects.toMatchObject({ code: 'NOT_FOUND', path: 'nope.md' })
  })
})

describe('save', () => {
  it('writes unchanged text back to identical bytes (BOM and CRLF kept)', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    for (const path of ['notes/crlf.md', 'notes/bom.md', 'zaker-news.txt']) {
      const before = await readFile(join(root, path))
      const file = await ws.read(path)
      const saved = await ws.save(path, file.text, file.hash)
      expect(await readFile(join(root, path))).toEqual(before)
      expect(saved.hash).toBe(file.hash)
    }
  })

  it('returns the new hash, keeps the file mode and leaves no temp file', async () => {
    const root = await copySite('plain')
    await chmod(join(root, 'notes/crlf.md'), 0o640)
    const ws = await open(root)
    const file = await ws.read('notes/crlf.md')
    const text = file.text.replace('This file uses CRLF.', '改过了。')
    const saved = await ws.save('notes/crlf.md', text, file.hash)
    const bytes = await readFile(join(root, 'notes/crlf.md'))
    expect(bytes.toString('utf8')).toBe(text)
    expect(saved.hash).toBe(sha(bytes))
    expect((await stat(join(root, 'notes/crlf.md'))).mode & 0o777).toBe(0o640)
    expect((await readdir(join(root, 'notes'))).filter((n) => n.includes('tmp'))).toEqual([])
    // The next save starts from the returned hash.
    await ws.save('notes/crlf.md', text + 'more\r\n', saved.hash)
  })

  it('re-adds the BOM the file had', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const file = await ws.read('notes/bom.md')
    await ws.save('notes/bom.md', file.text + '追加。\n', file.hash)
    const bytes = await readFile(join(root, 'notes/bom.md'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8').startsWith('---')).toBe(true)
  })

  it('refuses with CONFLICT and the disk version when the file changed since it was read', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const path = 'source/_posts/2024-03-01-hello-hexo.md'
    const mine = await ws.read(path)
    const theirs = mine.text.replace('你好，Hexo', '别人改的标题')
    await writeFile(join(root, path), theirs)
    const error = await ws.save(path, mine.text + '我的修改\n', mine.hash).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FolioError)
    expect(error).toMatchObject({ code: 'CONFLICT', path, disk: { text: theirs, hash: sha(Buffer.from(theirs)) } })
    expect((error as FolioError).message).toMatch(/changed on disk/)
    expect(await readFile(join(root, path), 'utf8')).toBe(theirs)
    // "Keep mine" = save again against the disk hash the conflict carried.
    const disk = (error as FolioError).disk
    await ws.save(path, mine.text + '我的修改\n', disk?.hash ?? '')
    expect(await readFile(join(root, path), 'utf8')).toBe(mine.text + '我的修改\n')
  })

  it('serialises concurrent saves of one file: whichever runs second sees the first and conflicts', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const file = await ws.read('notes/toml.md')
    // Each save first checks that the folder is still there, so which one takes the file first is
    // not the order of the calls; what holds is that exactly one writes and the other conflicts.
    const results = await Promise.allSettled([ws.save('notes/toml.md', 'A', file.hash), ws.save('notes/toml.md', 'B', file.hash)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const winner = results[0]?.status === 'fulfilled' ? 'A' : 'B'
    expect(await readFile(join(root, 'notes/toml.md'), 'utf8')).toBe(winner)
    const loser = results.find((r) => r.status === 'rejected')
    expect(loser?.status === 'rejected' && (loser.reason as { code?: string }).code).toBe('CONFLICT')
  })

  it('updates the index at once, without waiting for the watcher', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const file = await ws.read('notes/toml.md')
    await ws.save('notes/toml.md', file.text.replace('TOML in a plain folder', '新标题'), file.hash)
    expect((await ws.list()).find((a) => a.path === 'notes/toml.md')?.title).toBe('新标题')
  })
})
