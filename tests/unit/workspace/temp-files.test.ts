import { readdirSync } from 'node:fs'
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isTempName } from '../../../electron/workspace/atomic-write'
import { open, tempDir, waitFor } from './helpers'

describe('temp files of saves', () => {
  it('an article named with 80 CJK characters (240 bytes) saves: the temp name does not grow with it', async () => {
    const folder = await tempDir()
    const name = `${'春'.repeat(80)}.md`
    await writeFile(join(folder, name), '---\ntitle: 长\n---\n')
    const ws = await open(folder)
    const loaded = await ws.read(name)
    await ws.save(name, '---\ntitle: 长\n---\nsaved\n', loaded.hash)
    expect(await readFile(join(folder, name), 'utf8')).toBe('---\ntitle: 长\n---\nsaved\n')
    expect((await readdir(folder)).filter(isTempName)).toEqual([])
  })

  it('are named .folio-<12 hex>.tmp: hidden, short, and matched by the common *.tmp ignore pattern', () => {
    expect(isTempName('.folio-0123456789ab.tmp')).toBe(true)
    expect(isTempName('.folio-tmp-post.md-123-abcd')).toBe(true) // what earlier versions left
    expect(isTempName('folio-0123456789ab.tmp')).toBe(false)
    expect(isTempName('.folio-0123456789ab.tmp.md')).toBe(false)
  })

  it('ones older than a day are removed when the folder opens; recent ones (a save in progress) stay', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'a.md'), '---\ntitle: a\n---\n')
    const old = ['.folio-aaaaaaaaaaaa.tmp', '.folio-tmp-a.md-42-deadbeef']
    for (const name of [...old, '.folio-bbbbbbbbbbbb.tmp', '.folio-notours.md']) await writeFile(join(folder, name), 'x')
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000)
    for (const name of [...old, '.folio-notours.md']) await utimes(join(folder, name), twoDaysAgo, twoDaysAgo)
    await open(folder)
    await waitFor(() => readdirSync(folder).every((n) => !old.includes(n)))
    expect((await readdir(folder)).sort()).toEqual(['.folio-bbbbbbbbbbbb.tmp', '.folio-notours.md', 'a.md'])
  })

  it('the watcher does not report them', async () => {
    const folder = await tempDir()
    await writeFile(join(folder, 'a.md'), '---\ntitle: a\n---\n')
    const changes: string[] = []
    const ws = await open(folder, {
      watch: true,
      watchTiming: { quietMs: 20, maxWaitMs: 50 },
      onChange: (c) => changes.push(...c.added, ...c.changed, ...c.removed),
    })
    await new Promise((r) => setTimeout(r, 300))
    await writeFile(join(folder, '.folio-cccccccccccc.tmp'), 'x')
    await writeFile(join(folder, 'b.md'), '---\ntitle: b\n---\n')
    await waitFor(() => changes.includes('b.md'))
    expect(changes).toEqual(['b.md'])
    expect((await ws.list()).map((a) => a.path).sort()).toEqual(['a.md', 'b.md'])
  })
})
