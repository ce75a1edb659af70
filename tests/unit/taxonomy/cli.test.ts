/** The real `folio taxonomy` and `folio rename-value` (node bin/folio.js) on copies of the fixture. */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { changedPaths, copyFixture, snapshot } from './helpers'

const BIN = fileURLToPath(new URL('../../../bin/folio.js', import.meta.url))

function folio(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('folio taxonomy', () => {
  it('prints every list key with counts, Hexo categories as a tree, and JSON with --json', async () => {
    const site = await copyFixture('taxonomy/hexo')
    const text = folio(site, 'taxonomy', '.')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('tags:\n  前端\t5\n  随笔\t3\n')
    expect(text.stdout).toContain('categories:\n  技术\t3\n    前端\t2\n    后端\t1\n  生活\t2\n')
    expect(text.stdout).toContain('keywords:\n  hexo\t2\n  静态网站\t1\n')
    const json = folio(site, 'taxonomy', '.', '--json')
    const parsed = JSON.parse(json.stdout) as { keys: { key: string; values: { value: string; count: number }[] }[] }
    expect(parsed.keys.map((k) => k.key)).toEqual(['tags', 'categories', 'keywords'])
    expect(parsed.keys[0]?.values[0]).toEqual({ value: '前端', count: 5 })
  })

  it('exits 2 with usage on wrong arguments', () => {
    const r = folio(process.cwd(), 'taxonomy')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/usage: folio taxonomy DIR/)
  })
})

describe('folio rename-value', () => {
  it('--dry-run prints each changed line and writes nothing', async () => {
    const site = await copyFixture('taxonomy/hexo')
    const before = await snapshot(site)
    const r = folio(site, 'rename-value', '.', 'tags', '前端', 'Web', '--dry-run')
    expect(r.stdout).toContain('--- source/_posts/flow-list.md\n@@ line 4 @@\n-tags: [前端, JS, hexo]\n+tags: [Web, JS, hexo]\n')
    expect(r.stdout).toContain('5 file(s) would change')
    // The broken header is reported, which makes the exit status 1.
    expect(r.stderr).toMatch(/skipped source\/_posts\/broken\.md: the header does not parse/)
    expect(r.code).toBe(1)
    expect(changedPaths(before, await snapshot(site))).toEqual([])
  })

  it('renames the value in every article, touching only the lines holding it', async () => {
    const site = await copyFixture('taxonomy/hexo')
    const before = await snapshot(site)
    const r = folio(site, 'rename-value', '.', 'tags', 'JS', 'JavaScript')
    expect(r.stdout.trim().split('\n')).toEqual(['updated source/_posts/flow-list.md', 'updated source/_posts/nested.md'])
    expect(changedPaths(before, await snapshot(site))).toEqual(['source/_posts/flow-list.md', 'source/_posts/nested.md'])
    expect(await readFile(join(site, 'source/_posts/nested.md'), 'utf8')).toContain('tags:\n- 随笔\n- JavaScript\ncategories:')
  })
})
