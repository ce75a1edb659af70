/** Git through the handler table, as the app uses it, on real repositories with a local remote. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { GitProgress, GitState } from '../../../shared/contract'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import { explainNetwork } from '../../../electron/git/sync'
import { makeRepos, sh, type Repos } from './repos'

const made: Repos[] = []
const opened: Handlers[] = []
afterEach(async () => {
  for (const h of opened.splice(0)) await h.dispose()
  for (const r of made.splice(0)) r.cleanup()
})

function repos(): Repos {
  const r = makeRepos('hexo')
  made.push(r)
  return r
}

async function app(dir: string, progress: GitProgress[] = []): Promise<Handlers> {
  const h = createHandlers({
    trash: async () => {},
    watch: false,
    emit: (event, payload) => {
      if (event === 'gitProgress') progress.push(payload as GitProgress)
    },
  })
  opened.push(h)
  await h.openFolder(dir)
  return h
}

const POST = 'source/_posts/2023-12-24-travel-notes.md'
const HELLO = 'source/_posts/2024-03-01-hello-hexo.md'

function repository(state: GitState): Extract<GitState, { kind: 'repository' }> {
  if (state.kind !== 'repository') throw new Error(`expected a repository, got ${state.kind}`)
  return state
}

describe('git in the app', () => {
  it('commits the chosen article with its asset folder and nothing else', async () => {
    const dir = repos().clone('writer')
    writeFileSync(join(dir, HELLO), readFileSync(join(dir, HELLO), 'utf8') + '\nAn edit.\n')
    writeFileSync(join(dir, 'source/_posts/2024-03-01-hello-hexo/new.png'), 'png bytes')
    writeFileSync(join(dir, POST), readFileSync(join(dir, POST), 'utf8') + '\nSomeone else.\n')
    writeFileSync(join(dir, '_config.yml'), 'title: other\n')
    sh(dir, 'add', '_config.yml')
    const h = await app(dir)

    const before = repository(await h.gitState())
    expect(before.changes.map((c) => [c.path, c.status])).toEqual([
      [POST, 'modified'],
      [HELLO, 'modified'],
    ])
    expect(before.others).toEqual([
      { path: '_config.yml', status: 'staged' },
      { path: 'source/_posts/2024-03-01-hello-hexo/new.png', status: 'untracked' },
    ])

    const done = await h.commitArticles([HELLO], 'Update Hello Hexo')
    expect(done.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(sh(dir, 'show', '--name-only', '--format=%s|%an', 'HEAD').trim().split('\n')).toEqual([
      'Update Hello Hexo|writer',
      '',
      HELLO,
      'source/_posts/2024-03-01-hello-hexo/new.png',
    ])
    const after = repository(await h.gitState())
    expect(after.changes.map((c) => c.path)).toEqual([POST])
    // Staged before, still staged and still not committed.
    expect(after.others).toEqual([{ path: '_config.yml', status: 'staged' }])
  })

  it('shows the output of a hook that refuses the commit, and stops one that hangs', async () => {
    const dir = repos().clone('writer')
    const hook = join(dir, '.git/hooks/pre-commit')
    writeFileSync(hook, '#!/bin/sh\necho "lint: the title is too long" >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    writeFileSync(join(dir, POST), 'changed\n')
    const h = await app(dir)
    await expect(h.commitArticles([POST], 'Change')).rejects.toThrow(
      /refused, most likely by the repository's pre-commit hook[\s\S]*lint: the title is too long/,
    )

    writeFileSync(hook, '#!/bin/sh\nsleep 60\n')
    const committing = h.commitArticles([POST], 'Change')
    await new Promise((r) => setTimeout(r, 300))
    await h.cancelGit()
    await expect(committing).rejects.toThrow(/Stopped at your request/)
  })

  it('follows an article through a rename in its history and reads any past version', async () => {
    const dir = repos().clone('writer')
    writeFileSync(join(dir, POST), '---\ntitle: Second\n---\nv2\n')
    sh(dir, 'commit', '-qam', 'Second version')
    sh(dir, 'mv', POST, 'source/_posts/travel.md')
    sh(dir, 'commit', '-qm', 'Rename')
    const h = await app(dir)
    const history = await h.articleHistory('source/_posts/travel.md')
    expect(history.map((c) => [c.subject, c.path, c.author])).toEqual([
      ['Rename', 'source/_posts/travel.md', 'writer'],
      ['Second version', POST, 'writer'],
      ['The site', POST, 'First Writer'],
    ])
    const first = history[2]!
    expect(await h.articleAtCommit(first.path, first.hash)).toContain('title:')
    expect(await h.articleAtCommit(history[1]!.path, history[1]!.hash)).toBe('---\ntitle: Second\n---\nv2\n')
  })

  it('pulls a header change made elsewhere with progress, and pushes mine', async () => {
    const r = repos()
    const mine = r.clone('mine')
    const theirs = r.clone('theirs')
    writeFileSync(join(theirs, HELLO), readFileSync(join(theirs, HELLO), 'utf8').replace(/^title:.*$/m, 'title: Their title'))
    sh(theirs, 'commit', '-qam', 'Their title')
    sh(theirs, 'push', '-q')
    writeFileSync(join(mine, POST), readFileSync(join(mine, POST), 'utf8') + '\nMine.\n')
    sh(mine, 'commit', '-qam', 'Mine')
    const progress: GitProgress[] = []
    const h = await app(mine, progress)
    await h.pullChanges()
    expect(readFileSync(join(mine, HELLO), 'utf8')).toContain('title: Their title')
    expect(repository(await h.gitState()).branch).toMatchObject({ ahead: 2, behind: 0 })
    await h.pushChanges()
    expect(progress.some((p) => p.operation === 'push')).toBe(true)
    expect(sh(r.remote, 'log', '--format=%s', '-1', 'main').trim()).toMatch(/^Merge/)
  })

  it('turns overlapping edits into conflicted articles, and a rejected push into advice', async () => {
    const r = repos()
    const mine = r.clone('mine')
    const theirs = r.clone('theirs')
    writeFileSync(join(theirs, POST), '---\ntitle: Theirs\n---\nTheir line\n')
    sh(theirs, 'commit', '-qam', 'Theirs')
    sh(theirs, 'push', '-q')
    writeFileSync(join(mine, POST), '---\ntitle: Mine\n---\nMy line\n')
    sh(mine, 'commit', '-qam', 'Mine')
    const h = await app(mine)
    await expect(h.pushChanges()).rejects.toThrow(/Pull first, then push again/)
    await expect(h.pullChanges()).rejects.toThrow(/overlap yours/)
    const state = repository(await h.gitState())
    expect(state.operation).toBe('merge')
    expect(state.changes).toContainEqual(expect.objectContaining({ path: POST, status: 'conflicted' }))
    expect(await h.conflictVersions(POST)).toEqual({
      base: expect.stringContaining('title:'),
      mine: '---\ntitle: Mine\n---\nMy line\n',
      theirs: '---\ntitle: Theirs\n---\nTheir line\n',
    })
    writeFileSync(join(mine, POST), '---\ntitle: Both\n---\nMy line\nTheir line\n')
    await h.markResolved(POST)
    expect(repository(await h.gitState()).changes).toContainEqual(expect.objectContaining({ path: POST, status: 'staged' }))
  })

  it('explains a missing remote, and a folder outside git', async () => {
    const r = repos()
    const dir = r.clone('writer')
    sh(dir, 'remote', 'remove', 'origin')
    const h = await app(dir)
    await expect(h.pushChanges()).rejects.toThrow(/no remote to push to/)
    const plain = join(r.base, 'plain')
    mkdirSync(plain)
    writeFileSync(join(plain, 'a.md'), '---\ntitle: A\n---\n')
    const outside = await app(plain)
    expect(await outside.gitState()).toEqual({ kind: 'not-a-repository' })
    expect(existsSync(join(plain, '.git'))).toBe(false)
  })
})

describe('without git', () => {
  it('says git is missing instead of failing, and hides nothing else', async () => {
    const dir = repos().clone('writer')
    const h = await app(dir)
    const path = process.env['PATH']
    process.env['PATH'] = '/nonexistent'
    try {
      const state = await h.gitState()
      expect(state).toEqual({ kind: 'unavailable', reason: expect.stringContaining('Git is not installed') })
      expect((await h.listArticles()).length).toBeGreaterThan(0)
    } finally {
      process.env['PATH'] = path
    }
  })
})

describe('what the writer is told, and the user’s own git settings', () => {
  it('names the remote and the way out when it cannot be reached or signing in fails', async () => {
    const r = repos()
    const dir = r.clone('writer')
    // Nothing listens there: git must give up at once, not wait.
    sh(dir, 'remote', 'set-url', 'origin', 'https://127.0.0.1:9/team/site.git')
    const h = await app(dir)
    const failure = await h.pushChanges().catch((e: Error) => e.message)
    expect(failure).toMatch(/could not reach the remote \(https:\/\/127\.0\.0\.1:9\/team\/site\.git\/?\)\. Check the network/)
    expect(explainNetwork('push', "fatal: Authentication failed for 'https://git.example.com/team/site.git/'").message).toMatch(
      /^Git could not sign in to the remote \(https:\/\/git\.example\.com\/team\/site\.git\/\)\. Folio stores no passwords: set up a credential helper or an SSH key/,
    )
    expect(explainNetwork('push', 'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.').message).toMatch(
      /could not sign in/,
    )
  })

  it('pulls with rebase when the user set pull.rebase, keeping history straight', async () => {
    const r = repos()
    const mine = r.clone('mine')
    const theirs = r.clone('theirs')
    writeFileSync(join(theirs, HELLO), readFileSync(join(theirs, HELLO), 'utf8') + '\nTheirs.\n')
    sh(theirs, 'commit', '-qam', 'Theirs')
    sh(theirs, 'push', '-q')
    writeFileSync(join(mine, POST), readFileSync(join(mine, POST), 'utf8') + '\nMine.\n')
    sh(mine, 'commit', '-qam', 'Mine')
    sh(mine, 'config', 'pull.rebase', 'true')
    const h = await app(mine)
    await h.pullChanges()
    expect(
      sh(mine, 'log', '--format=%s|%p', '-2')
        .trim()
        .split('\n')
        .map((l) => l.split('|')[0]),
    ).toEqual(['Mine', 'Theirs'])
    expect(sh(mine, 'log', '-1', '--format=%p').trim().split(' ')).toHaveLength(1)
  })

  it('keeps a node_modules folder inside the site out of the articles, as one other change', async () => {
    const dir = repos().clone('writer')
    mkdirSync(join(dir, 'node_modules/hexo/lib'), { recursive: true })
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `node_modules/hexo/lib/readme-${i}.md`), `---\ntitle: not an article ${i}\n---\n`)
    const state = repository(await (await app(dir)).gitState())
    expect(state.changes).toEqual([])
    expect(state.others).toEqual([{ path: 'node_modules/', status: 'untracked' }])
  })
})

describe('commits take exactly what was chosen', () => {
  it('treats names as names, leaves another article in the asset folder out, and takes a rename whole', async () => {
    const dir = repos().clone('writer')
    const posts = join(dir, 'source/_posts')
    writeFileSync(join(posts, '[2023] recap.md'), '---\ntitle: Recap\n---\n')
    writeFileSync(join(posts, '2 recap.md'), '---\ntitle: Two\n---\n')
    mkdirSync(join(posts, '[2023] recap'))
    writeFileSync(join(posts, '[2023] recap/photo.png'), 'png')
    writeFileSync(join(posts, '[2023] recap/inner.md'), '---\ntitle: Inner\n---\n')
    sh(dir, 'mv', POST, 'source/_posts/travel.md')
    const h = await app(dir)
    await h.commitArticles(['source/_posts/[2023] recap.md', 'source/_posts/travel.md'], 'Recap and travel')
    expect(sh(dir, '-c', 'core.quotepath=false', 'show', '--no-renames', '--name-status', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      [`D\t${POST}`, 'A\tsource/_posts/[2023] recap.md', 'A\tsource/_posts/[2023] recap/photo.png', 'A\tsource/_posts/travel.md'].sort(),
    )
    const left = repository(await h.gitState()).changes.map((c) => c.path)
    expect(left).toEqual(['source/_posts/2 recap.md', 'source/_posts/[2023] recap/inner.md'])
    await expect(h.commitArticles(['..'], 'Everything')).rejects.toMatchObject({ code: 'INVALID_PATH' })
    await expect(h.markResolved('.')).rejects.toMatchObject({ code: 'INVALID_PATH' })
  })
})
