/** An article's past in a real repository: renames followed, Chinese names and subjects, conflict stages. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articleHistory, parseHistory, stageText, textAt } from '../../../electron/git/history'
import { sh } from './repos'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function repo(): { top: string; repo: { top: string; prefix: string; gitDir: string } } {
  const top = mkdtempSync(join(tmpdir(), 'folio-history-'))
  made.push(top)
  sh(top, 'init', '-q', '-b', 'main')
  sh(top, 'config', 'user.name', '李雷')
  sh(top, 'config', 'user.email', 'lilei@example.com')
  mkdirSync(join(top, 'source/_posts'), { recursive: true })
  return { top, repo: { top, prefix: '', gitDir: join(top, '.git') } }
}

const write = (top: string, rel: string, text: string): void => writeFileSync(join(top, rel), text)

describe('articleHistory', () => {
  it('lists the commits of an article newest first, under the name it had in each, across a rename', async () => {
    const { top, repo: r } = repo()
    write(top, 'source/_posts/旧名.md', '\uFEFF---\ntitle: 第一版\n---\n正文\n')
    sh(top, 'add', '-A')
    sh(top, 'commit', '-q', '-m', '写了第一版')
    write(top, 'source/_posts/旧名.md', '\uFEFF---\ntitle: 第二版\n---\n正文\n')
    write(top, 'other.md', 'unrelated\n')
    sh(top, 'commit', '-q', '-am', 'Second | with "quotes" and\ttab')
    sh(top, 'add', '-A')
    sh(top, 'commit', '-q', '-m', 'An unrelated file')
    sh(top, 'mv', 'source/_posts/旧名.md', 'source/_posts/new-name.md')
    sh(top, 'commit', '-q', '-m', '改名')

    const history = await articleHistory(r, 'source/_posts/new-name.md')
    expect(history.map((c) => [c.subject, c.path])).toEqual([
      ['改名', 'source/_posts/new-name.md'],
      ['Second | with "quotes" and\ttab', 'source/_posts/旧名.md'],
      ['写了第一版', 'source/_posts/旧名.md'],
    ])
    for (const c of history) {
      expect(c.hash).toMatch(/^[0-9a-f]{40}$/)
      expect([c.author, c.email]).toEqual(['李雷', 'lilei@example.com'])
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/)
    }
    // The text of a past version, under its past name, without the byte-order mark the editor never holds.
    const first = history[2]
    if (!first) throw new Error('no first commit')
    expect(await textAt(r, first.hash, first.path)).toBe('---\ntitle: 第一版\n---\n正文\n')
  })

  it('refuses a commit that is no commit id (it would reach git as an option)', async () => {
    const { repo: r } = repo()
    await expect(textAt(r, '--output=/tmp/x', 'a.md')).rejects.toThrow(/not a commit id/)
  })
})

describe('stageText', () => {
  it('gives the base, ours and theirs of a file in conflict, and null for a stage it lacks', async () => {
    const { top, repo: r } = repo()
    write(top, 'source/_posts/a.md', '---\ntitle: 原来\n---\n')
    sh(top, 'add', '-A')
    sh(top, 'commit', '-q', '-m', 'base')
    sh(top, 'checkout', '-q', '-b', 'theirs')
    write(top, 'source/_posts/a.md', '---\ntitle: 他们的\n---\n')
    write(top, 'source/_posts/both.md', 'theirs\n')
    sh(top, 'add', '-A')
    sh(top, 'commit', '-q', '-m', 'theirs')
    sh(top, 'checkout', '-q', 'main')
    write(top, 'source/_posts/a.md', '\uFEFF---\ntitle: 我们的\n---\n')
    write(top, 'source/_posts/both.md', 'ours\n')
    sh(top, 'add', '-A')
    sh(top, 'commit', '-q', '-m', 'ours')
    expect(() => sh(top, 'merge', '-q', 'theirs')).toThrow()

    expect(await stageText(r, 1, 'source/_posts/a.md')).toBe('---\ntitle: 原来\n---\n')
    expect(await stageText(r, 2, 'source/_posts/a.md')).toBe('---\ntitle: 我们的\n---\n')
    expect(await stageText(r, 3, 'source/_posts/a.md')).toBe('---\ntitle: 他们的\n---\n')
    // Added on both sides: there is no base.
    expect(await stageText(r, 1, 'source/_posts/both.md')).toBeNull()
    expect(await stageText(r, 3, 'source/_posts/both.md')).toBe('theirs\n')
  })
})

describe('parseHistory', () => {
  it('reads a merge commit that names no file as an empty path', () => {
    const out = '\x1eaaa\x1fA\x1fa@x\x1f2024-01-01T00:00:00+08:00\x1fMerge\0\x1ebbb\x1fB\x1fb@x\x1f2023-12-31T00:00:00Z\x1f写\0\nposts/一.md\0'
    expect(parseHistory(out)).toEqual([
      { hash: 'aaa', author: 'A', email: 'a@x', date: '2024-01-01T00:00:00+08:00', subject: 'Merge', path: '' },
      { hash: 'bbb', author: 'B', email: 'b@x', date: '2023-12-31T00:00:00Z', subject: '写', path: 'posts/一.md' },
    ])
    expect(parseHistory('')).toEqual([])
  })
})
