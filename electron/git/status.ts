/**
 * One `git status --porcelain=v2 -z` call per refresh, read into what a writer cares about:
 * which articles are new, changed, staged or in conflict, and where the branch stands.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { GitBranch, GitChangeKind } from '../../shared/contract'
import { git, runGit } from './run'

export interface PathStatus {
  /** POSIX path relative to the folder Folio opened (not the repository root). */
  path: string
  kind: GitChangeKind
  /** Some of the change is in the index. */
  staged: boolean
  /** Some of the change is only in the working tree. */
  unstaged: boolean
  /** For a rename or copy: where it came from, relative like `path`. */
  from?: string
}

/** A merge, rebase, cherry-pick or revert that git is in the middle of. */
export type Operation = 'merge' | 'rebase' | 'cherry-pick' | 'revert' | null

export interface RepoStatus {
  /** Absolute path of the repository's top folder. */
  top: string
  branch: GitBranch
  operation: Operation
  /** Changed paths under the opened folder, sorted. Untracked folders end with `/`. */
  changes: PathStatus[]
}

export interface Repo {
  top: string
  /** The opened folder's place in the repository, `''` or ending in `/`. */
  prefix: string
  gitDir: string
}

/** The repository holding `dir`, or null when it is not inside one. */
export async function findRepo(dir: string): Promise<Repo | null> {
  const r = await runGit(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir'], { cwd: dir, timeoutMs: 15_000 })
  if (r.code !== 0) {
    if (/not a git repository/i.test(r.stderr)) return null
    throw new Error(`git could not read the repository at ${dir}: ${r.stderr.trim()}`)
  }
  const [top = '', prefix = '', gitDir = ''] = r.stdout.toString('utf8').split('\n')
  return { top, prefix, gitDir }
}

/**
 * `everyFile`: name each untracked file, not only its folder (a commit needs to tell an
 * article's images from other articles in a new folder); the library's refresh does not.
 */
export async function repoStatus(repo: Repo, cwd: string, signal?: AbortSignal, everyFile = false): Promise<RepoStatus> {
  const r = await git(['status', '--porcelain=v2', '-z', '--branch', everyFile ? '--untracked-files=all' : '--untracked-files=normal', '--', '.'], {
    cwd,
    timeoutMs: 60_000,
    ...(signal ? { signal } : {}),
  })
  const { branch, changes } = parseStatus(r.stdout.toString('utf8'), repo.prefix)
  return { top: repo.top, branch, operation: operationIn(repo.gitDir), changes }
}

export function operationIn(gitDir: string): Operation {
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) return 'rebase'
  if (existsSync(join(gitDir, 'MERGE_HEAD'))) return 'merge'
  if (existsSync(join(gitDir, 'CHERRY_PICK_HEAD'))) return 'cherry-pick'
  if (existsSync(join(gitDir, 'REVERT_HEAD'))) return 'revert'
  return null
}

/**
 * Reads porcelain v2 with `-z`. Paths there are relative to the repository's top and never
 * quoted; `prefix` (the opened folder's place in the repository) is taken off them.
 */
export function parseStatus(output: string, prefix = ''): { branch: GitBranch; changes: PathStatus[] } {
  const branch: GitBranch = { name: null, commit: null, upstream: null, ahead: 0, behind: 0 }
  const changes: PathStatus[] = []
  const records = output.split('\0')
  const up = '../'.repeat(prefix.split('/').length - 1)
  const local = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : up + p)
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] ?? ''
    if (rec === '') continue
    if (rec.startsWith('# ')) {
      readHeader(rec.slice(2), branch)
      continue
    }
    const type = rec[0]
    if (type === '?') {
      changes.push({ path: local(rec.slice(2)), kind: 'untracked', staged: false, unstaged: true })
    } else if (type === '1') {
      const f = fields(rec, 9)
      changes.push(entry(local(f[8] ?? ''), f[1] ?? '..'))
    } else if (type === '2') {
      const f = fields(rec, 10)
      const from = records[++i] ?? ''
      changes.push({ ...entry(local(f[9] ?? ''), f[1] ?? '..'), from: local(from) })
    } else if (type === 'u') {
      const f = fields(rec, 11)
      changes.push({ path: local(f[10] ?? ''), kind: 'conflicted', staged: false, unstaged: true })
    }
    // `!` (ignored) is never asked for.
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { branch, changes }
}

/** Splits a record into `count` fields; the last one (the path) may hold spaces. */
function fields(rec: string, count: number): string[] {
  const out: string[] = []
  let start = 0
  for (let n = 0; n < count - 1; n++) {
    const sp = rec.indexOf(' ', start)
    out.push(rec.slice(start, sp))
    start = sp + 1
  }
  out.push(rec.slice(start))
  return out
}

function entry(path: string, xy: string): PathStatus {
  const x = xy[0] ?? '.'
  const y = xy[1] ?? '.'
  const staged = x !== '.'
  const unstaged = y !== '.'
  const kind: GitChangeKind = x === 'A' ? 'new' : x === 'D' || y === 'D' ? 'deleted' : unstaged ? 'modified' : 'staged'
  return { path, kind, staged, unstaged }
}

function readHeader(line: string, branch: GitBranch): void {
  const sp = line.indexOf(' ')
  const key = line.slice(0, sp)
  const value = line.slice(sp + 1)
  if (key === 'branch.oid') branch.commit = value === '(initial)' ? null : value
  else if (key === 'branch.head') branch.name = value === '(detached)' ? null : value
  else if (key === 'branch.upstream') branch.upstream = value
  else if (key === 'branch.ab') {
    const m = /^\+(\d+) -(\d+)$/.exec(value)
    if (m) {
      branch.ahead = Number(m[1])
      branch.behind = Number(m[2])
    }
  }
}
