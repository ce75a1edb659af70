/**
 * The preview's own watch of the files its site answer read (include_code files and the like),
 * on a real folder with real file events: a change to a followed file is reported, a replacement
 * (as editors save) and a file created where it was missing too; other files are not.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
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
