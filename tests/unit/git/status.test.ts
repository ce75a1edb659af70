/** git status read for writers, on real repositories. */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findRepo, parseStatus, repoStatus } from '../../../electron/git/status'
import { makeRepos, sh, type Repos } from './repos'

const made: Repos[] = []
afterEach(() => {
  for (const r of made.splice(0)) r.cleanup()
})

function repos(site?: string, sub?: string): Repos {
  const r = makeRepos(site, sub)
  made.push(r)
  return r
}

const POSTS = 'source/_posts'

describe('parseStatus', () => {
  it('reads branch headers, renames with their origin, conflicts and paths with spaces', () => {
    const out = [
      '# branch.oid 1234567890abcdef',
      '# branch.head main',
      '# branch.upstream origin/main',
      '# branch.ab +2 -3',
      '1 .M N... 100644 100644 100644 aaa bbb site/a b.md',
      '2 R. N... 100644 100644 100644 aaa bbb R100 site/new.md',
      'site/old.md',
      'u UU N... 100644 100644 100644 100644 a b c site/both.md',
      '? site/新文章.md',
      '1 A. N... 000000 100644 100644 000 bbb site/added.md',
      '1 MM N... 100644 100644 100644 aaa bbb site/half.md',
      '1 .D N... 100644 100644 000000 aaa aaa site/gone.md',
      '',
    ].join('\0')
    const { branch, changes } = parseStatus(out, 'site/')
    expect(branch).toEqual({ name: 'main', commit: '1234567890abcdef', upstream: 'origin/main', ahead: 2, behind: 3 })
    expect(changes).toEqual([
      { path: 'a b.md', kind: 'modified', staged: false, unstaged: true },
      { path: 'added.md', kind: 'new', staged: true, unstaged: false },
      { path: 'both.md', kind: 'conflicted', staged: false, unstaged: true },
      { path: 'gone.md', kind: 'deleted', staged: false, unstaged: true },
      { path: 'half.md', kind: 'modified', staged: true, unstaged: true },
      { path: 'new.md', kind: 'staged', staged: true, unstaged: false, from: 'old.md' },
      { path: '新文章.md', kind: 'untracked', staged: false, unstaged: true },
    ])
  })

  it('reads a detached HEAD and a repository before its first commit', () => {
    expect(parseStatus('# branch.oid abc\0# branch.head (detached)\0').branch).toMatchObject({ name: null, commit: 'abc' })
    expect(parseStatus('# branch.oid (initial)\0# branch.head main\0').branch).toMatchObject({ name: 'main', commit: null })
  })
})

describe('repoStatus on a real repository', () => {
  it('lists what changed under the opened folder only, relative to it', async () => {
    const r = repos('hexo', 'blog')
    const dir = join(r.clone('writer'), 'blog')
    appendFileSync(join(dir, POSTS, '2023-12-24-travel-notes.md'), '\nOne more line.\n')
    writeFileSync(join(dir, POSTS, '新的一天.md'), '---\ntitle: 新的一天\n---\n正文\n')
    writeFileSync(join(dir, '..', 'outside.txt'), 'not in the site\n')
    const repo = await findRepo(dir)
    expect(repo?.prefix).toBe('blog/')
    const status = await repoStatus(repo!, dir)
    expect(status.changes.map((c) => [c.path, c.kind])).toEqual([
      [`${POSTS}/2023-12-24-travel-notes.md`, 'modified'],
      [`${POSTS}/新的一天.md`, 'untracked'],
    ])
    expect(status.branch).toMatchObject({ name: 'main', upstream: 'origin/main', ahead: 0, behind: 0 })
    expect(status.operation).toBeNull()
  })

  it('counts commits ahead and behind the remote', async () => {
    const r = repos()
    const mine = r.clone('mine')
    const theirs = r.clone('theirs')
    writeFileSync(join(theirs, POSTS, 'theirs.md'), '---\ntitle: Theirs\n---\n')
    sh(theirs, 'add', '-A')
    sh(theirs, 'commit', '-q', '-m', 'Theirs')
    sh(theirs, 'push', '-q')
    writeFileSync(join(mine, POSTS, 'mine.md'), '---\ntitle: Mine\n---\n')
    sh(mine, 'add', '-A')
    sh(mine, 'commit', '-q', '-m', 'Mine')
    sh(mine, 'fetch', '-q')
    const status = await repoStatus((await findRepo(mine))!, mine)
    expect(status.branch).toMatchObject({ ahead: 1, behind: 1 })
  })

  it('names an untracked folder once instead of every file in it', async () => {
    const r = repos()
    const dir = r.clone('writer')
    const many = join(dir, 'source/_posts/imported')
    mkdirSync(many)
    for (let i = 0; i < 50; i++) writeFileSync(join(many, `p${i}.md`), `---\ntitle: P${i}\n---\n`)
    const status = await repoStatus((await findRepo(dir))!, dir)
    expect(status.changes).toEqual([{ path: 'source/_posts/imported/', kind: 'untracked', staged: false, unstaged: true }])
  })

  it('sees a rebase in progress and the conflicted article', async () => {
    const r = repos()
    const mine = r.clone('mine')
    const theirs = r.clone('theirs')
    const post = join(POSTS, '2023-12-24-travel-notes.md')
    writeFileSync(join(theirs, post), '---\ntitle: Theirs\n---\nTheir body\n')
    sh(theirs, 'commit', '-q', '-am', 'Theirs')
    sh(theirs, 'push', '-q')
    writeFileSync(join(mine, post), '---\ntitle: Mine\n---\nMy body\n')
    sh(mine, 'commit', '-q', '-am', 'Mine')
    sh(mine, 'fetch', '-q')
    expect(() => sh(mine, 'rebase', 'origin/main')).toThrow()
    const status = await repoStatus((await findRepo(mine))!, mine)
    expect(status.operation).toBe('rebase')
    expect(status.changes).toContainEqual({ path: post, kind: 'conflicted', staged: false, unstaged: true })
  })

  it('reports a rename and a deletion', async () => {
    const r = repos()
    const dir = r.clone('writer')
    sh(dir, 'mv', join(POSTS, '2023-12-24-travel-notes.md'), join(POSTS, 'travel.md'))
    rmSync(join(dir, POSTS, '2021-01-01-broken.md'))
    const status = await repoStatus((await findRepo(dir))!, dir)
    expect(status.changes).toContainEqual({
      path: `${POSTS}/travel.md`,
      kind: 'staged',
      staged: true,
      unstaged: false,
      from: `${POSTS}/2023-12-24-travel-notes.md`,
    })
    expect(status.changes).toContainEqual({ path: `${POSTS}/2021-01-01-broken.md`, kind: 'deleted', staged: false, unstaged: true })
  })

  it('is null outside a repository', async () => {
    expect(await findRepo('/')).toBeNull()
  })
})
