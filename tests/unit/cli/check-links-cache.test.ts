/**
 * `folio check --links` reads the index as plain `check` does: through the app's index cache (in
 * a profile folder of its own here), which `--no-cache` bypasses, and it says what the index could
 * not read the way plain `check` says it: skipped files on stderr, headers that do not parse and
 * bytes that are not UTF-8 as `path:line: message` rows (extra JSON rows beside the links'). The
 * real command on a generated Hexo site.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const BIN = join(new URL('../../../', import.meta.url).pathname, 'bin/folio.js')

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

function temp(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `folio-links-cache-${name}-`))
  temps.push(dir)
  return dir
}

function folio(profile: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, FOLIO_USER_DATA: profile } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const GOOD = '---\ntitle: Good\n---\nSee [the trip](trip.md).\n'
// The same length as GOOD, with a header that does not parse (an unclosed flow list on line 2).
const BAD = '---\ntitle: [Good\n---\nSee [the trip](trip.md).\n'.replace('Good', 'Goo')

function hexo(): string {
  const dir = temp('site')
  writeFileSync(join(dir, '_config.yml'), 'title: t\n')
  writeFileSync(join(dir, 'package.json'), '{"dependencies":{"hexo":"^7.0.0"}}')
  mkdirSync(join(dir, 'source/_posts'), { recursive: true })
  writeFileSync(join(dir, 'source/_posts/trip.md'), '---\ntitle: Trip\n---\n![gone](/images/gone.png)\n')
  writeFileSync(join(dir, 'source/_posts/good.md'), GOOD)
  writeFileSync(join(dir, 'source/_posts/bytes.md'), Buffer.concat([Buffer.from('---\ntitle: Bytes\n---\nline four\n'), Buffer.from([0xc3, 0x28, 0x0a])]))
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'source/_posts/dangling.md'))
  return dir
}

describe('folio check --links and the index', () => {
  it('prints the headers and bytes the index could not read, and the files it skipped, in text and JSON', () => {
    const dir = hexo()
    writeFileSync(join(dir, 'source/_posts/good.md'), BAD)
    const profile = temp('profile')
    const text = folio(profile, 'check', dir, '--links', '--no-cache')
    expect(text.code).toBe(1)
    expect(text.stdout.split('\n').filter(Boolean)).toEqual([
      'source/_posts/bytes.md:5: The file is not valid UTF-8',
      expect.stringMatching(/^source\/_posts\/good\.md:2: /),
      'source/_posts/trip.md:4:9: image "/images/gone.png" is broken: source/images/gone.png does not exist',
    ])
    expect(text.stderr).toMatch(/^folio: warning: Skipped a link that leads nowhere \(source\/_posts\/dangling\.md\)/m)

    const json = folio(profile, 'check', dir, '--links', '--json', '--no-cache')
    expect(json.code).toBe(1)
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[]
    expect(rows.map((r) => [r.path, r.line, r.rule, r.severity])).toEqual([
      ['source/_posts/bytes.md', 5, 'invalid-utf8', 'error'],
      ['source/_posts/good.md', 2, expect.any(String), 'error'],
      ['source/_posts/trip.md', 4, 'broken-image', 'error'],
    ])
    // The link rows keep every field they had.
    expect(rows[2]).toEqual({
      path: 'source/_posts/trip.md',
      line: 4,
      column: 9,
      rule: 'broken-image',
      target: '/images/gone.png',
      message: 'image "/images/gone.png" is broken: source/images/gone.png does not exist',
      severity: 'error',
    })
    expect(json.stderr).toBe(text.stderr)
  })

  it('reuses the index cache for unchanged files, and reads every file again with --no-cache', () => {
    const dir = hexo()
    const profile = temp('profile')
    const good = join(dir, 'source/_posts/good.md')
    // Whole seconds, so setting the time back gives the very mtime the cache holds.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    utimesSync(good, mtime, mtime)
    const cold = folio(profile, 'check', dir, '--links')
    expect(cold.stdout).not.toContain('good.md')
    // Same size and mtime: the index takes the header from its cache (as a cache keyed by size and mtime must)…
    writeFileSync(good, BAD)
    utimesSync(good, mtime, mtime)
    expect(folio(profile, 'check', dir, '--links').stdout).toBe(cold.stdout)
    // …and --no-cache reads it.
    expect(folio(profile, 'check', dir, '--links', '--no-cache').stdout).toMatch(/^source\/_posts\/good\.md:2: /m)
  })
})
