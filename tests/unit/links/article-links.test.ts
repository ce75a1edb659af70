/**
 * The editor's link check in the main process (electron/links/check.ts `articleLinks`) on a real
 * folder: the article path and the references come from the window and are untrusted, so neither
 * may make the main process look at a file outside the folder (whether a diagnostic comes back
 * would tell the window the file exists), and each file is looked at once however often it is named.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articleLinks, filesOnDisk, isFolderPath } from '../../../electron/links/check'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import type { TextLinks } from '../../../shared/contract'

let dir = ''
let ws: Workspace | null = null
afterEach(async () => {
  await ws?.close()
  ws = null
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = ''
})

/** A Hexo site in `dir/site`, with `secret.png` beside it, outside the folder. */
async function site(): Promise<{ root: string; workspace: Workspace }> {
  dir = await mkdtemp(join(tmpdir(), 'folio-article-links-'))
  const root = join(dir, 'site')
  await mkdir(join(root, 'source/_posts'), { recursive: true })
  await writeFile(join(root, '_config.yml'), 'title: Blog\n')
  await writeFile(join(root, 'source/_posts/trip.md'), '---\ntitle: Trip\n---\n')
  await writeFile(join(dir, 'secret.png'), 'png')
  ws = await openWorkspace({ root, trash: async () => undefined })
  return { root, workspace: ws }
}

const image = (target: string): TextLinks => ({ files: [{ line: 1, column: 1, from: 0, to: target.length, target, kind: 'image', image: true }], site: [] })

describe('articleLinks', () => {
  it('refuses an article path leading outside the folder instead of checking references against what lies there', async () => {
    const { workspace } = await site()
    for (const path of ['../trip.md', 'source/../../trip.md', '/trip.md', 'source\\..\\..\\trip.md'])
      await expect(articleLinks(workspace, path, image('secret.png'))).rejects.toMatchObject({ code: expect.stringMatching(/OUTSIDE_ROOT|INVALID_PATH/) })
    // The same answer whether the file outside exists or not.
    await expect(articleLinks(workspace, '../trip.md', image('nothing.png'))).rejects.toMatchObject({ code: 'OUTSIDE_ROOT' })
  })

  it('checks nothing for a path the index never writes', async () => {
    const { workspace } = await site()
    expect(await articleLinks(workspace, 'source/./_posts/trip.md', image('gone.png'))).toEqual([])
    expect(await articleLinks(workspace, 'source//_posts/trip.md', image('gone.png'))).toEqual([])
  })

  it('still reports a missing image of an article inside the folder', async () => {
    const { workspace } = await site()
    const found = await articleLinks(workspace, 'source/_posts/trip.md', image('gone.png'))
    expect(found.map((d) => [d.rule, d.target])).toEqual([['broken-image', 'gone.png']])
  })

  it('never looks at a file outside the folder, whatever path it is given', async () => {
    const { root } = await site()
    const files = filesOnDisk(root)
    expect(files.has('source/_posts/trip.md')).toBe(true)
    for (const rel of ['../secret.png', 'source/../../secret.png', '..\\secret.png', 'C:/secret.png', '', 'source//_posts/trip.md', './source/_posts/trip.md'])
      expect(files.has(rel)).toBe(false)
  })

  it('refuses a colon only where it names a drive or a stream', () => {
    for (const rel of ['C:/secret.png', 'a.png:zone', 'source/C:', 'source/_posts/10:30.png']) {
      expect(isFolderPath(rel, 'win32')).toBe(false)
      expect(isFolderPath(rel, 'linux')).toBe(true)
      expect(isFolderPath(rel, 'darwin')).toBe(true)
    }
    expect(isFolderPath('source/_posts/a.png', 'win32')).toBe(true)
  })

  it.skipIf(process.platform === 'win32')('finds a file whose name holds a colon, as the index lists it', async () => {
    const { root, workspace } = await site()
    await writeFile(join(root, 'source/_posts/10:30.png'), 'png')
    expect(filesOnDisk(root).has('source/_posts/10:30.png')).toBe(true)
    expect(await articleLinks(workspace, 'source/_posts/trip.md', image('10:30.png'))).toEqual([])
  })

  it('looks at each file once per check, however often it is named', async () => {
    const { root } = await site()
    const files = filesOnDisk(root)
    expect(files.has('source/_posts/cover.png')).toBe(false)
    await writeFile(join(root, 'source/_posts/cover.png'), 'png')
    expect(files.has('source/_posts/cover.png')).toBe(false)
    expect(filesOnDisk(root).has('source/_posts/cover.png')).toBe(true)
  })
})
