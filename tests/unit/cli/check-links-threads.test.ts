/**
 * `folio check --links` on a folder big enough for the index's threads takes each article's link
 * leads while the index reads it (on whichever thread), and reports exactly what reading every
 * article again afterwards reports: a generated blog with good, broken and code-quoted links.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import type { CliIo } from '../../../electron/cli-command'
import { checkFolderLinks } from '../../../electron/links/check'
import { prepareFolderIndex } from '../../../electron/workspace/folder-index'
import { THREAD_THRESHOLD } from '../../../electron/workspace/index-threads'
import { generateSite, postPath } from '../../bench/generate-site'
import { tempDir } from '../temp-dir'

const COUNT = THREAD_THRESHOLD + 100

async function blog(): Promise<string> {
  const root = await tempDir('folio-links-threads-')
  generateSite(root, COUNT)
  await mkdir(join(root, 'images'))
  await writeFile(join(root, 'images', 'shared.png'), 'png')
  for (let i = 0; i < COUNT; i++) {
    const rel = postPath(i)
    const up = rel
      .split('/')
      .slice(0, -1)
      .map(() => '..')
      .join('/')
    const lines = [`[next](${encodeURI(`${up}/${postPath((i + 1) % COUNT)}`)})`, '![shared](/images/shared.png)']
    if (i % 7 === 0) lines.push(`![gone](/images/gone-${i}.png)`)
    if (i % 11 === 0) lines.push('```', '![quoted](/images/not-checked.png)', '```', `    [indented](nowhere-${i}.md)`)
    if (i % 13 === 0) lines.push(`[missing post](${up}/none-${i}.md) and <img src="../x-${i}.jpg">`)
    await appendFile(join(root, rel), `\n${lines.join('\n')}\n`)
  }
  return root
}

describe('folio check --links on the index threads', () => {
  it('reports what reading every article again reports, from leads the index took as it read', async () => {
    const root = await blog()
    const out: string[] = []
    const io: CliIo = { out: (line) => out.push(line), err: (line) => out.push(line), cwd: root }
    expect(await main(['check', root, '--links', '--json'], io)).toBe(1)
    const rows = JSON.parse(out.join('\n')) as { path: string; rule: string; target: string }[]

    const taken = new Map<string, unknown>()
    const folder = await prepareFolderIndex(root, { threads: 2, textFacts: { name: 'links', found: (rel, facts) => taken.set(rel, facts) } })
    await folder.index.build()
    const articles = folder.index.list()
    await folder.index.close()
    // Every article's leads came from the index's own read: none is read twice.
    expect(articles).toHaveLength(COUNT)
    expect([...taken.keys()].sort()).toEqual(articles.map((a) => a.path).sort())

    const reread = await checkFolderLinks(folder.info, articles, new Map())
    expect(rows).toEqual(reread.map((r) => ({ ...r, severity: 'error' })))
    const targets = new Set(rows.map((r) => r.target))
    for (let i = 0; i < COUNT; i += 7) expect(targets).toContain(`/images/gone-${i}.png`)
    for (let i = 0; i < COUNT; i += 13) expect(targets).toContain(`../x-${i}.jpg`)
    // What code quotes is never checked.
    expect([...targets].filter((t) => t.includes('not-checked') || t.includes('nowhere-'))).toEqual([])
  }, 300_000)
})
