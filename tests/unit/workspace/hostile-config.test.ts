/**
 * A cloned site's own settings are hostile input: no path in `_config.yml` (or Hugo's config)
 * may steer a read or a write outside the opened folder, and each such value is reported with
 * its key and line when the folder opens.
 */
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copySite, open, tempDir } from './helpers'

/** Every file under a folder, as relative paths (to prove nothing was written there). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
}

async function setConfig(root: string, replace: (text: string) => string): Promise<void> {
  const path = join(root, '_config.yml')
  await writeFile(path, replace(await readFile(path, 'utf8')))
}

describe('hostile site settings', () => {
  it('new_post_name pointing outside: reported with key and line on open, and New article writes nothing outside', async () => {
    const outside = await tempDir('folio-outside-')
    const root = await copySite('hexo')
    const levels = '../'.repeat(root.split('/').length + 2)
    await setConfig(root, (t) => t.replace(/^new_post_name: .*$/m, `new_post_name: ${levels}${outside.slice(1)}/autostart/:title.desktop`))
    const ws = await open(root)
    const warning = ws.info.warnings?.find((w) => w.key === 'new_post_name')
    expect(warning).toMatchObject({ path: '_config.yml', line: 13 })
    expect(warning?.message).toMatch(/new_post_name.*outside/)
    const created = await ws.create({ title: 'evil' })
    expect(created.path.startsWith('source/_posts/')).toBe(true)
    expect(created.path.endsWith('.md')).toBe(true)
    expect(await filesUnder(outside)).toEqual([])
  })

  it('new_post_name with .. inside the pattern is refused, not half-written', async () => {
    const root = await copySite('hexo')
    await setConfig(root, (t) => t.replace(/^new_post_name: .*$/m, 'new_post_name: ../../../:title.md'))
    const ws = await open(root)
    expect(ws.info.warnings?.map((w) => w.key)).toContain('new_post_name')
    const created = await ws.create({ title: 'inside' })
    expect(created.path).toBe('source/_posts/inside.md')
  })

  it('a symlinked folder inside source/_posts: reported on open, and one planted later does not let New article escape', async () => {
    const outside = await tempDir('folio-outside-')
    const root = await copySite('hexo')
    await symlink(outside, join(root, 'source/_posts/via'))
    await setConfig(root, (t) => t.replace(/^new_post_name: .*$/m, 'new_post_name: via/:title.md'))
    // The setting is reported by its key, and the link itself as a folder link the index did not follow.
    expect((await open(root)).info.warnings?.map((w) => w.key ?? w.path)).toEqual(['new_post_name', 'source/_posts/via'])
    await rm(join(root, 'source/_posts/via'))
    const ws = await open(root)
    expect(ws.info.warnings).toEqual([])
    await symlink(outside, join(root, 'source/_posts/via'))
    await expect(ws.create({ title: 'through the link' })).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' })
    expect(await filesUnder(outside)).toEqual([])
  })

  it('a symlink planted deeper in the name (via/a/:title) is refused before any folder is made', async () => {
    const outside = await tempDir('folio-outside-')
    const root = await copySite('hexo')
    await setConfig(root, (t) => t.replace(/^new_post_name: .*$/m, 'new_post_name: via/deeper/:title.md'))
    const ws = await open(root)
    await symlink(outside, join(root, 'source/_posts/via'))
    await expect(ws.create({ title: 'x' })).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' })
    expect(await readdir(outside)).toEqual([])
  })

  it('scaffold_dir outside the folder is not read, and is reported', async () => {
    const outside = await tempDir('folio-outside-')
    await mkdir(join(outside, 'scaffolds'))
    await writeFile(join(outside, 'scaffolds/post.md'), '---\ntitle: {{ title }}\nstolen: SECRET\n---\n')
    const root = await copySite('hexo')
    const levels = '../'.repeat(root.split('/').length + 2)
    await setConfig(root, (t) => `${t}scaffold_dir: ${levels}${outside.slice(1)}/scaffolds\n`)
    const ws = await open(root)
    const warning = ws.info.warnings?.find((w) => w.key === 'scaffold_dir')
    expect(warning?.line).toBe((await readFile(join(root, '_config.yml'), 'utf8')).split('\n').length - 1)
    const created = await ws.create({ title: 'plain one' })
    expect(await readFile(join(root, created.path), 'utf8')).not.toContain('SECRET')
  })

  it('a scaffold that is a symlink to a file outside is not read', async () => {
    const outside = await tempDir('folio-outside-')
    await writeFile(join(outside, 'secret.md'), '---\ntitle: {{ title }}\nstolen: SECRET\n---\n')
    const root = await copySite('hexo')
    await rm(join(root, 'scaffolds/post.md'))
    await symlink(join(outside, 'secret.md'), join(root, 'scaffolds/post.md'))
    const ws = await open(root)
    const created = await ws.create({ title: 'no secrets' })
    expect(await readFile(join(root, created.path), 'utf8')).not.toContain('SECRET')
  })

  it('source_dir and public_dir outside are reported; source_dir falls back to source', async () => {
    const root = await copySite('hexo')
    await setConfig(root, (t) => t.replace(/^source_dir: .*$/m, 'source_dir: /etc').replace(/^public_dir: .*$/m, 'public_dir: ../public'))
    const ws = await open(root)
    const keys = Object.fromEntries((ws.info.warnings ?? []).map((w) => [w.key, w.line]))
    expect(keys).toMatchObject({ source_dir: 11, public_dir: 12 })
    expect(ws.info.contentRoots).toEqual(['source'])
  })

  it('Hugo contentDir through a symlink out of the folder is reported and not used', async () => {
    const outside = await tempDir('folio-outside-')
    await mkdir(join(outside, 'posts'), { recursive: true })
    await writeFile(join(outside, 'posts/secret.md'), '+++\ntitle = "secret"\n+++\n')
    const root = await copySite('hugo')
    await symlink(outside, join(root, 'elsewhere'))
    await writeFile(join(root, 'hugo.toml'), `${await readFile(join(root, 'hugo.toml'), 'utf8')}contentDir = "elsewhere"\n`)
    const ws = await open(root)
    expect(ws.info.warnings?.find((w) => w.key === 'contentDir')).toMatchObject({ path: 'hugo.toml' })
    expect(ws.info.contentRoots).toEqual(['content'])
    const created = await ws.create({ title: 'hugo post' })
    expect(created.path).toBe('content/posts/hugo-post.md')
    expect(await readdir(join(outside, 'posts'))).toEqual(['secret.md'])
  })

  it('Jekyll collections_dir outside is reported', async () => {
    const root = await copySite('jekyll')
    await writeFile(join(root, '_config.yml'), `${await readFile(join(root, '_config.yml'), 'utf8')}collections_dir: ../../x\n`)
    const ws = await open(root)
    expect(ws.info.warnings?.map((w) => w.key)).toContain('collections_dir')
    expect(ws.info.contentRoots).toEqual(['_posts', '_drafts', ''])
  })

  it('an ordinary site has no warnings', async () => {
    for (const kind of ['hexo', 'jekyll', 'hugo', 'astro', 'plain'] as const) {
      const ws = await open(await copySite(kind))
      expect(ws.info.warnings ?? []).toEqual([])
    }
  })
})
