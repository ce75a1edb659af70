/**
 * `folio check` and `folio set` on hostile headers and encodings: each bad file is named with
 * its line and reason, the others are still checked or edited, and nothing refused is written.
 * Runs the command's main() in-process on a real folder.
 */
import { readFile } from 'node:fs/promises'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../../electron/cli'
import { HOSTILE_FILES, writeHostileFolder } from '../../bench/hostile-folder'

const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

async function hostileFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-cli-hostile-'))
  temps.push(dir)
  await writeHostileFolder(dir, { deepJson: 20_000, keys: 5_000 })
  return dir
}

async function folio(cwd: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd })
  return { code, out, err }
}

describe('folio check on a hostile folder', () => {
  it('names every bad file with its line and the rule it broke, and exits 1', async () => {
    const dir = await hostileFolder()
    const r = await folio(dir, 'check', '.')
    expect(r.code).toBe(1)
    expect(r.err).toEqual([])
    const byPath = Object.fromEntries(r.out.map((l) => [l.slice(0, l.indexOf(':')), l]))
    expect(byPath['posts/alias-bomb.md']).toMatch(/^posts\/alias-bomb\.md:\d+: Aliases expand the header to more than 10 times/)
    expect(byPath['posts/deep.json.md']).toMatch(/^posts\/deep\.json\.md:2: The header nests values more than 100 levels deep/)
    expect(byPath['posts/deep-yaml.md']).toMatch(/^posts\/deep-yaml\.md:2: The header nests/)
    expect(byPath['posts/nul.md']).toMatch(/^posts\/nul\.md:3: The header holds a NUL character/)
    expect(byPath['posts/old-mac.md']).toMatch(/^posts\/old-mac\.md:1: .*CR only/)
    expect(byPath['posts/utf16le.md']).toMatch(/^posts\/utf16le\.md:1: The file is encoded as UTF-16/)
    expect(byPath['posts/utf16be.md']).toMatch(/UTF-16/)
    expect(Object.keys(byPath).sort()).toEqual(
      Object.keys(HOSTILE_FILES)
        .filter((p) => p !== 'posts/good.md' && p !== 'posts/many-keys.md')
        .sort(),
    )
  })
})

describe('folio set on hostile files', () => {
  it('refuses each hostile file with its reason, leaves its bytes alone, and still edits the good one', async () => {
    const dir = await hostileFolder()
    const refused = ['posts/alias-bomb.md', 'posts/deep.json.md', 'posts/nul.md', 'posts/old-mac.md', 'posts/utf16le.md', 'posts/utf16be.md']
    const before = await Promise.all(refused.map((f) => readFile(join(dir, f))))
    const r = await folio(dir, 'set', 'posts/good.md', ...refused, 'author=张三')
    expect(r.code).toBe(1)
    expect(r.out).toEqual(['updated posts/good.md'])
    expect(r.err).toHaveLength(refused.length)
    const reasons = Object.fromEntries(r.err.map((l) => [l.split(': ')[1], l]))
    expect(reasons['posts/alias-bomb.md']).toMatch(/10 times/)
    expect(reasons['posts/deep.json.md']).toMatch(/100 levels/)
    expect(reasons['posts/nul.md']).toMatch(/NUL/)
    expect(reasons['posts/old-mac.md']).toMatch(/CR only/)
    expect(reasons['posts/utf16le.md']).toMatch(/UTF-16.*Left unchanged/)
    expect(reasons['posts/utf16be.md']).toMatch(/UTF-16/)
    for (const [i, f] of refused.entries()) expect(await readFile(join(dir, f)), f).toEqual(before[i])
    expect(await readFile(join(dir, 'posts/good.md'), 'utf8')).toContain('\nauthor: 张三\n')
  })
})
