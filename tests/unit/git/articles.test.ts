/** git's changed paths matched to the folder's articles, on a real repository. */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articleChanges } from '../../../electron/git/articles'
import { findRepo, repoStatus, type PathStatus } from '../../../electron/git/status'
import { makeRepos, sh, type Repos } from './repos'

const made: Repos[] = []
afterEach(() => {
  for (const r of made.splice(0)) r.cleanup()
})

const POSTS = 'source/_posts'

async function statusOf(dir: string): Promise<PathStatus[]> {
  const repo = await findRepo(dir)
  if (!repo) throw new Error(`${dir} is not in a repository`)
  return (await repoStatus(repo, dir)).changes
}

describe('articleChanges', () => {
  it('keeps articles, drops other files, and names deleted articles the index no longer lists', async () => {
    const repos = makeRepos('hexo')
    made.push(repos)
    const dir = repos.clone('writer')
    appendFileSync(join(dir, POSTS, '2023-12-24-travel-notes.md'), '\n多一行\n')
    appendFileSync(join(dir, '_config.yml'), '\n# a setting\n')
    rmSync(join(dir, POSTS, '2021-01-01-broken.md'))
    rmSync(join(dir, POSTS, '2024-03-01-hello-hexo/cover.png'))
    sh(dir, 'mv', join(POSTS, '2022-05-10-hidden.md'), join(POSTS, '2022-05-10-shown.md'))
    const listed = [
      { path: `${POSTS}/2023-12-24-travel-notes.md`, title: 'Travel notes' },
      { path: `${POSTS}/2022-05-10-shown.md`, title: '隐藏' },
      { path: `${POSTS}/2024-03-01-hello-hexo.md`, title: 'Hello' },
    ]
    expect(articleChanges(await statusOf(dir), listed)).toEqual([
      { path: `${POSTS}/2021-01-01-broken.md`, status: 'deleted', staged: false, title: null },
      { path: `${POSTS}/2022-05-10-shown.md`, status: 'staged', staged: true, title: '隐藏', from: `${POSTS}/2022-05-10-hidden.md` },
      { path: `${POSTS}/2023-12-24-travel-notes.md`, status: 'modified', staged: false, title: 'Travel notes' },
    ])
  })

  it('lists every article inside a new folder git names as one, and not its images or another folder’s articles', async () => {
    const repos = makeRepos('hexo')
    made.push(repos)
    const dir = repos.clone('writer')
    mkdirSync(join(dir, 'source/新栏目/图'), { recursive: true })
    writeFileSync(join(dir, 'source/新栏目/第一篇.md'), '---\ntitle: 第一篇\n---\n')
    writeFileSync(join(dir, 'source/新栏目/图/a.png'), 'png')
    const changes = await statusOf(dir)
    expect(changes).toEqual([expect.objectContaining({ path: 'source/新栏目/', kind: 'untracked' })])
    const listed = [
      { path: 'source/新栏目/第一篇.md', title: '第一篇' },
      { path: 'source/新栏目x/other.md', title: null },
      { path: `${POSTS}/2023-12-24-travel-notes.md`, title: 'Travel notes' },
    ]
    expect(articleChanges(changes, listed)).toEqual([{ path: 'source/新栏目/第一篇.md', status: 'untracked', staged: false, title: '第一篇' }])
  })

  it('gives nothing for a clean repository', async () => {
    const repos = makeRepos('hexo')
    made.push(repos)
    const dir = repos.clone('writer')
    expect(articleChanges(await statusOf(dir), [{ path: `${POSTS}/2023-12-24-travel-notes.md`, title: 't' }])).toEqual([])
  })
})
