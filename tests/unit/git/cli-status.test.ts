/** `folio status`, the built command, on real repositories. */
import { spawnSync } from 'node:child_process'
import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeRepos, sh, type Repos } from './repos'

const BIN = new URL('../../../bin/folio.js', import.meta.url).pathname
const made: Repos[] = []
afterEach(() => {
  for (const r of made.splice(0)) r.cleanup()
})

function folio(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('folio status', () => {
  it('lists changed articles with titles, and nothing that is not an article', async () => {
    const r = makeRepos('hexo', 'blog')
    made.push(r)
    const top = r.clone('writer')
    const dir = join(top, 'blog')
    appendFileSync(join(dir, 'source/_posts/2023-12-24-travel-notes.md'), '\nOne more line.\n')
    writeFileSync(join(dir, 'source/_posts/新的一天.md'), '---\ntitle: 新的一天\n---\n正文\n')
    writeFileSync(join(dir, '_config.yml'), 'title: changed\n')
    sh(top, 'add', join(dir, 'source/_posts/新的一天.md'))

    const json = folio(top, 'status', 'blog', '--json')
    expect(json.stderr).toBe('')
    expect(json.code).toBe(0)
    const rows = JSON.parse(json.stdout) as { path: string; status: string; staged: boolean; title: string | null }[]
    expect(rows.map((x) => [x.path, x.status, x.staged])).toEqual([
      ['source/_posts/2023-12-24-travel-notes.md', 'modified', false],
      ['source/_posts/新的一天.md', 'new', true],
    ])
    expect(rows[1]?.title).toBe('新的一天')
    expect(rows[0]?.title).toBeTruthy()

    const text = folio(dir, 'status', '.')
    expect(text.code).toBe(0)
    expect(text.stdout.split('\n')[0]).toBe('# on main, 0 ahead and 0 behind origin/main')
    expect(text.stdout).toContain('new\tsource/_posts/新的一天.md\t新的一天')
  })

  it('says so outside a repository, and on a bad folder', () => {
    const r = makeRepos()
    made.push(r)
    const notRepo = folio(r.base, 'status', '.')
    expect(notRepo.code).toBe(1)
    expect(notRepo.stderr).toContain('is not inside a git repository')
    const missing = folio(r.base, 'status', 'nowhere')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no such folder')
    expect(folio(r.base, 'status').code).toBe(2)
  })
})
