/**
 * The preview's own watch of the files its site answer read (include_code files and the like),
 * on a real folder with real file events: a change to a followed file is reported, a replacement
 * (as editors save) and a file created where it was missing too; other files are not.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/handlers'
import { referenceWatch, type ReferenceWatch } from '../../../electron/siteserver/reference-watch'

const temps: string[] = []
const watches: ReferenceWatch[] = []
afterEach(async () => {
  for (const w of watches.splice(0)) await w.close()
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true })
})

/** Waits until `reports` has `count` batches (bounded), then a little longer to see that no more come. */
async function settled(reports: string[][], count: number): Promise<string[][]> {
  for (const start = Date.now(); reports.length < count && Date.now() - start < 10_000;) await new Promise((done) => setTimeout(done, 25))
  await new Promise((done) => setTimeout(done, 400))
  return reports
}

describe('referenceWatch', () => {
  it('reports a followed file written, replaced and created where it was missing, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'folio-refwatch-'))
    temps.push(root)
    const code = join(root, 'source/downloads/code')
    await mkdir(code, { recursive: true })
    await writeFile(join(code, 'hello.py'), 'print(1)\n')
    await writeFile(join(code, 'other.py'), 'print(0)\n')
    const reports: string[][] = []
    const watch = referenceWatch((paths) => reports.push(paths), 50)
    watches.push(watch)
    await watch.follow(root, [join(code, 'hello.py'), join(code, 'later.py')])

    await writeFile(join(code, 'other.py'), 'print(2)\n')
    await writeFile(join(code, 'hello.py'), 'print(3)\n')
    expect(await settled(reports, 1)).toEqual([['source/downloads/code/hello.py']])

    // Saved the way many editors save: a temp file renamed over it.
    await writeFile(join(code, '.hello.py.tmp'), 'print(4)\n')
    await rename(join(code, '.hello.py.tmp'), join(code, 'hello.py'))
    expect((await settled(reports, 2)).length).toBe(2)

    await writeFile(join(code, 'later.py'), 'print(5)\n')
    expect((await settled(reports, 3))[2]).toEqual(['source/downloads/code/later.py'])

    // Following other files stops reporting the old ones.
    await watch.follow(root, [join(code, 'other.py')])
    await writeFile(join(code, 'hello.py'), 'print(6)\n')
    await writeFile(join(code, 'other.py'), 'print(7)\n')
    expect((await settled(reports, 4)).slice(3)).toEqual([['source/downloads/code/other.py']])
  })
})

describe("the window's reference watch", () => {
  it('follows the include_code file the preview read, and stops when the folder closes (its files are no longer shown)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'folio-refwatch-'))
    temps.push(root)
    await mkdir(join(root, 'source/_posts'), { recursive: true })
    await mkdir(join(root, 'source/downloads/code'), { recursive: true })
    await writeFile(join(root, '_config.yml'), 'title: Site\n')
    await writeFile(join(root, 'package.json'), '{"dependencies":{"hexo":"7"}}\n')
    await writeFile(join(root, 'source/_posts/hello.md'), '---\ntitle: 你好\n---\n{% include_code hello.py %}\n')
    const code = join(root, 'source/downloads/code/hello.py')
    await writeFile(code, 'print(1)\n')
    const reports: string[][] = []
    const handlers = createHandlers({
      trash: async () => undefined,
      watch: false,
      emit: (event, payload) => {
        if (event === 'previewFilesChanged') reports.push((payload as { paths: string[] }).paths)
      },
    })
    try {
      await handlers.openFolder(root)
      const answer = await handlers.previewReferences('source/_posts/hello.md', { links: [], posts: [], code: ['hello.py'] })
      expect(answer.code['hello.py']).toMatchObject({ text: 'print(1)\n' })
      // The watch settles after the answer: write until it reports (bounded).
      for (let n = 2; reports.length === 0 && n < 40; n++) {
        await writeFile(code, `print(${n})\n`)
        await new Promise((done) => setTimeout(done, 250))
      }
      expect(reports[0]).toEqual(['source/downloads/code/hello.py'])

      await handlers.closeFolder()
      const before = reports.length
      await writeFile(code, 'print(100)\n')
      expect((await settled(reports, before + 1)).length).toBe(before)
    } finally {
      await handlers.dispose()
    }
  })
})
