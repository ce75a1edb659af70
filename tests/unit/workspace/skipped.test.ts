/**
 * Bad folders at scale: links in circles, links to nowhere or outside, folders nested hundreds
 * deep, tens of thousands of files in one folder, files deleted between the listing and the read.
 * The index always finishes, lists what it can, and says what it left out and why.
 */
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readEntry } from '../../../electron/workspace/indexer'
import { pathRules, scan } from '../../../electron/workspace/scan'
import { detectSite } from '../../../electron/workspace/site'
import { openWorkspace } from '../../../electron/workspace/workspace'

const noTrash = async (): Promise<void> => {
  throw new Error('never trashes')
}
const post = (i: number) => `---\ntitle: 'Post ${i} 第 ${i} 篇'\ndate: 2024-01-0${(i % 9) + 1}\n---\nBody ${i} 正文\n`

const made: string[] = []
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-skipped-'))
  made.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function index(root: string) {
  const ws = await openWorkspace({ root, trash: noTrash, readTexts: false })
  try {
    return { paths: (await ws.list()).map((a) => a.path).sort(), warnings: ws.info.warnings ?? [] }
  } finally {
    await ws.close()
  }
}

describe('what the index leaves out, and says so', () => {
  it('does not follow links to folders (a loop among them), and names them with the reason', async () => {
    const root = await folder()
    await mkdir(join(root, 'posts/deeper'), { recursive: true })
    await writeFile(join(root, 'posts/a.md'), post(1))
    await symlink('..', join(root, 'posts/deeper/up'))
    await symlink(join(root, 'posts'), join(root, 'again'))
    const { paths, warnings } = await index(root)
    expect(paths).toEqual(['posts/a.md'])
    const links = warnings.find((w) => /links to folders/.test(w.message))
    expect(links?.message).toMatch(/2 links to folders \((again, posts\/deeper\/up|posts\/deeper\/up, again)\).*circle/)
  })

  it('skips links to missing files and to files outside the folder, naming each kind', async () => {
    const root = await folder()
    const outside = await folder()
    await writeFile(join(outside, 'elsewhere.md'), post(2))
    await writeFile(join(root, 'real.md'), post(1))
    await symlink('missing.md', join(root, 'dangling.md'))
    await symlink(join(outside, 'elsewhere.md'), join(root, 'outside.md'))
    await symlink('real.md', join(root, 'alias.md'))
    const { paths, warnings } = await index(root)
    expect(paths).toEqual(['alias.md', 'real.md'])
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/a link that leads nowhere \(dangling\.md\)/),
        expect.stringMatching(/a link to files outside this folder \(outside\.md\)/),
      ]),
    )
  })

  it('reads folders nested 300 deep', async () => {
    const root = await folder()
    const deep = Array.from({ length: 300 }, (_, i) => `d${i}`).join('/')
    await mkdir(join(root, deep), { recursive: true })
    await writeFile(join(root, deep, 'bottom.md'), post(3))
    const { paths, warnings } = await index(root)
    expect(paths).toEqual([`${deep}/bottom.md`])
    expect(warnings).toEqual([])
  })

  it('lists 20,000 files in one folder', async () => {
    const root = await folder()
    for (let start = 0; start < 20_000; start += 1_000) {
      await Promise.all(Array.from({ length: 1_000 }, (_, k) => writeFile(join(root, `p${start + k}.md`), post(start + k))))
    }
    const { paths } = await index(root)
    expect(paths).toHaveLength(20_000)
  }, 300_000)

  it('reports a file deleted between the listing and its read as gone, not as an error row', async () => {
    const root = await folder()
    await writeFile(join(root, 'stays.md'), post(1))
    await writeFile(join(root, 'goes.md'), post(2))
    const site = await detectSite(root)
    const rules = pathRules(site)
    const entries = await scan(site, rules)
    await unlink(join(root, 'goes.md'))
    const read = entries.map((e) => [e.rel, readEntry(e, site, rules)] as const)
    expect(read.find(([rel]) => rel === 'goes.md')?.[1]).toBe('gone')
    expect(read.find(([rel]) => rel === 'stays.md')?.[1]).toMatchObject({ indexed: { summary: { title: 'Post 1 第 1 篇' } } })
  })
})
