/**
 * An article's history (`git log --follow`) and its text at any commit, under the name it had
 * then: a renamed post keeps its past.
 */
import type { CommitInfo } from '../../shared/contract'
import { git, runGit } from './run'
import type { Repo } from './status'

const MAX_COMMITS = 500

/** `rel` is relative to the repository's top. */
export async function articleHistory(repo: Repo, rel: string): Promise<CommitInfo[]> {
  const r = await git(['log', '--follow', `--max-count=${MAX_COMMITS}`, '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s', '--name-only', '-z', '--', rel], {
    cwd: repo.top,
    timeoutMs: 60_000,
  })
  const commits = parseHistory(r.stdout.toString('utf8'))
  // A merge commit names no file: the article had the name of the next newer commit (or its own).
  let newer = rel
  for (const c of commits) {
    if (c.path === '') c.path = newer
    newer = c.path
  }
  return commits
}

/** Reads `--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s --name-only -z`; `path` is as git names it (from the top). */
export function parseHistory(output: string): CommitInfo[] {
  const commits: CommitInfo[] = []
  for (const chunk of output.split('\x1e')) {
    if (chunk === '') continue
    const end = chunk.indexOf('\0')
    const [hash = '', author = '', email = '', date = '', subject = ''] = chunk.slice(0, end).split('\x1f')
    const path =
      chunk
        .slice(end + 1)
        .replace(/^\n/, '')
        .split('\0')[0] ?? ''
    commits.push({ hash, author, email, date, subject, path })
  }
  return commits
}

/** The text of stage 1 (base), 2 (ours) or 3 (theirs) of a path in conflict; null when that stage is absent. */
export async function stageText(repo: Repo, stage: 1 | 2 | 3, rel: string): Promise<string | null> {
  const r = await runGit(['show', `:${stage}:${rel}`], { cwd: repo.top, timeoutMs: 30_000 })
  return r.code === 0 ? r.stdout.toString('utf8').replace(/^\uFEFF/, '') : null
}

/** The article's text at `commit`, under the path it had in that commit (from the top). */
export async function textAt(repo: Repo, commit: string, rel: string): Promise<string> {
  if (!/^[0-9a-f]{4,64}$/i.test(commit)) throw new Error(`"${commit}" is not a commit id`)
  const r = await git(['show', `${commit}:${rel}`], { cwd: repo.top, timeoutMs: 30_000 })
  // The editor holds text without the byte-order mark, as readArticle gives it.
  return r.stdout.toString('utf8').replace(/^\uFEFF/, '')
}
