import { lstat, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copySite, fakeTrash, open } from './helpers'

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  )

describe('rename, duplicate, folders, trash', () => {
  it('renames an article (into a new folder) and moves its Hexo asset folder along', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const renamed = await ws.rename('source/_posts/2024-03-01-hello-hexo.md', 'source/_posts/2024/hello.md')
    expect(renamed).toMatchObject({ path: 'source/_posts/2024/hello.md', title: '你好，Hexo' })
    expect(await exists(join(root, 'source/_posts/2024-03-01-hello-hexo.md'))).toBe(false)
    expect(await exists(join(root, 'source/_posts/2024/hello/cover.png'))).toBe(true)
    const paths = (await ws.list()).map((a) => a.path)
    expect(paths).toContain('source/_posts/2024/hello.md')
    expect(paths).not.toContain('source/_posts/2024-03-01-hello-hexo.md')
  })

  it('refuses to rename onto an existing file, or a missing one', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    await expect(ws.rename('source/_posts/2022-05-10-hidden.md', 'source/about/index.md')).rejects.toMatchObject({
      code: 'EXISTS',
      path: 'source/about/index.md',
    })
    await expect(ws.rename('source/_posts/nope.md', 'source/_posts/x.md')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await readFile(join(root, 'source/about/index.md'), 'utf8')).toContain('关于')
  })

  it('duplicates next to the original without overwriting', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    const a = await ws.duplicate('notes/crlf.md')
    const b = await ws.duplicate('notes/crlf.md')
    expect([a.path, b.path]).toEqual(['notes/crlf-copy.md', 'notes/crlf-copy-2.md'])
    expect(await readFile(join(root, a.path))).toEqual(await readFile(join(root, 'notes/crlf.md')))
    expect(a.title).toBe('Windows line endings')
  })

  it('duplicates a Hexo post with its asset folder', async () => {
    const root = await copySite('hexo')
    const ws = await open(root)
    const copy = await ws.duplicate('source/_posts/2024-03-01-hello-hexo.md')
    expect(copy.path).toBe('source/_posts/2024-03-01-hello-hexo-copy.md')
    expect(await readFile(join(root, 'source/_posts/2024-03-01-hello-hexo-copy/cover.png'))).toEqual(
      await readFile(join(root, 'source/_posts/2024-03-01-hello-hexo/cover.png')),
    )
  })

  it('creates folders, refusing existing ones', async () => {
    const root = await copySite('plain')
    const ws = await open(root)
    await ws.createFolder('drafts/2025')
    expect((await lstat(join(root, 'drafts/2025'))).isDirectory()).toBe(true)
    await expect(ws.createFolder('notes')).rejects.toMatchObject({ code: 'EXISTS' })
  })

  it('moves to the injected trash, never unlinks; the Hexo asset folder goes too', async () => {
    const root = await copySite('hexo')
    const { trash, trashed, dir } = await fakeTrash()
    const ws = await open(root, { trash })
    await ws.trash('source/_posts/2024-03-01-hello-hexo.md')
    expect(trashed).toEqual([join(root, 'source/_posts/2024-03-01-hello-hexo.md'), join(root, 'source/_posts/2024-03-01-hello-hexo')])
    expect((await readdir(dir)).sort()).toEqual(['1-2024-03-01-hello-hexo.md', '2-2024-03-01-hello-hexo'])
    expect((await ws.list()).map((a) => a.path)).not.toContain('source/_posts/2024-03-01-hello-hexo.md')
    await expect(ws.trash('source/_posts/2024-03-01-hello-hexo.md')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reports a trash failure as a typed error and keeps the file', async () => {
    const root = await copySite('plain')
    const ws = await open(root, { trash: async () => Promise.reject(new Error('trash unavailable')) })
    await expect(ws.trash('notes/toml.md')).rejects.toMatchObject({ code: 'IO', path: 'notes/toml.md', message: expect.stringMatching(/trash unavailable/) })
    expect(await exists(join(root, 'notes/toml.md'))).toBe(true)
    expect((await ws.list()).map((a) => a.path)).toContain('notes/toml.md')
  })

  it('trashes a symlink inside the root, not its target', async () => {
    const root = await copySite('plain')
    await symlink(join(root, 'notes/toml.md'), join(root, 'alias.md'))
    await writeFile(join(root, 'keep.md'), '---\ntitle: keep\n---\n')
    const { trash, trashed } = await fakeTrash()
    const ws = await open(root, { trash })
    await ws.trash('alias.md')
    expect(trashed).toEqual([join(root, 'alias.md')])
    expect(await exists(join(root, 'notes/toml.md'))).toBe(true)
  })
})
