/**
 * Git for the open folder: status for the library, history and past versions for review,
 * commit, pull and push. One service per open folder; one network or commit run at a time.
 */
import { posix } from 'node:path'
import type { CommitInfo, GitOutcome, GitProgress, GitState } from '../../shared/contract'
import { FolioError, said, type MessageParams } from '../../shared/errors'
import { isArticleName } from '../workspace/scan'
import { articleChanges } from './articles'
import { articleHistory, stageText, textAt } from './history'
import { git, GitFailedError, GitUnavailableError } from './run'
import { findRepo, operationIn, repoStatus, type PathStatus, type Repo } from './status'
import { commitPaths, GitExplained, pull, push } from './sync'

export interface GitServiceDeps {
  /** Absolute path of the open folder. */
  root: string
  /** The folder's articles (path relative to root, title), for matching and titles. */
  articles(): Promise<readonly { path: string; title: string | null }[]>
  onProgress(progress: GitProgress): void
}

export interface GitService {
  state(): Promise<GitState>
  history(path: string): Promise<CommitInfo[]>
  textAt(path: string, commit: string): Promise<string>
  commit(paths: readonly string[], message: string): Promise<GitOutcome>
  pull(): Promise<GitOutcome>
  push(): Promise<GitOutcome>
  cancel(): void
  conflictVersions(path: string): Promise<{ base: string | null; mine: string | null; theirs: string | null }>
  markResolved(path: string): Promise<void>
}

export function createGitService(deps: GitServiceDeps): GitService {
  let repo: Promise<Repo | null> | null = null
  let running: AbortController | null = null

  const findOnce = (): Promise<Repo | null> => {
    repo ??= findRepo(deps.root).catch((error: unknown) => {
      repo = null
      throw error
    })
    return repo
  }

  const need = async (): Promise<Repo> => {
    const found = await findOnce()
    if (!found) throw new FolioError({ code: 'NOT_FOUND', ...said('git-no-repository', { root: deps.root }) })
    return found
  }

  /** Folder-relative (what the renderer knows) to top-relative (what git takes), and back. */
  const toTop = (r: Repo, rel: string): string => {
    const top = posix.normalize(r.prefix + rel)
    // The renderer is not trusted: '', '.' or '..' would stage the whole repository.
    if (rel === '' || top === '.' || top.startsWith('../') || top === '..' || !top.startsWith(r.prefix) || top === r.prefix.replace(/\/$/, '')) {
      throw new FolioError({ code: 'INVALID_PATH', path: rel, ...said('git-not-article', { path: rel }) })
    }
    return top
  }
  const fromTop = (r: Repo, p: string) => (p.startsWith(r.prefix) ? p.slice(r.prefix.length) : '../'.repeat(r.prefix.split('/').length - 1) + p)

  /** Only one commit, pull or push at a time: a second would fight the first for git's lock. */
  const exclusive = async <T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (running) throw new FolioError({ code: 'CANCELLED', ...said('git-busy') })
    const controller = new AbortController()
    running = controller
    try {
      return await work(controller.signal)
    } finally {
      running = null
    }
  }

  const fail = (error: unknown): never => {
    if (error instanceof FolioError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    // The failure's parts by name, for the UI to say it in its language; git's own lines stay as git printed them.
    const parts: MessageParams =
      error instanceof GitExplained
        ? error.params
        : error instanceof GitUnavailableError
          ? { why: 'not-installed' }
          : error instanceof GitFailedError
            ? { why: 'command', verb: `git ${error.args[0] ?? ''}`, output: detail.split('\n').slice(1).join('\n') }
            : {}
    throw new FolioError({ code: 'IO', ...said('git-failed', { detail, ...parts }) })
  }

  return {
    async state() {
      try {
        const r = await findOnce()
        if (!r) return { kind: 'not-a-repository' }
        const status = await repoStatus(r, deps.root)
        const articles = await deps.articles()
        const changes = articleChanges(status.changes, articles)
        const listed = new Set(changes.map((c) => c.path))
        const others = status.changes
          .filter((c) => !listed.has(c.path) && !(c.path.endsWith('/') && changes.some((a) => a.path.startsWith(c.path))))
          .map((c) => ({ path: c.path, status: c.kind }))
        return { kind: 'repository', branch: status.branch, operation: status.operation, changes, others }
      } catch (error) {
        if (error instanceof GitUnavailableError) return { kind: 'unavailable', reason: error.message }
        return fail(error)
      }
    },
    async history(path) {
      const r = await need()
      const commits = await articleHistory(r, toTop(r, path)).catch(fail)
      return commits.map((c) => ({ ...c, path: fromTop(r, c.path) }))
    },
    async textAt(path, commit) {
      const r = await need()
      return textAt(r, commit, toTop(r, path)).catch(fail)
    },
    async commit(paths, message) {
      const r = await need()
      const status = await repoStatus(r, deps.root, undefined, true).catch(fail)
      if (status.operation !== null && status.operation !== 'merge') {
        throw new FolioError({ code: 'CANCELLED', ...said('git-mid-operation', { operation: status.operation }) })
      }
      // A staged rename commits its old name's removal with it, or the article would be copied.
      const renamedFrom = paths.flatMap((p) => status.changes.find((c) => c.path === p)?.from ?? [])
      const withAssets = [...new Set([...paths, ...renamedFrom, ...paths.flatMap((p) => assetsOf(p, status.changes))])]
      return exclusive(async (signal) => {
        const done = await commitPaths(
          r,
          withAssets.map((p) => toTop(r, p)),
          message,
          { merging: status.operation === 'merge', signal, staged: renamedFrom.map((p) => toTop(r, p)) },
        ).catch(fail)
        return { output: done.output, commit: done.commit }
      })
    },
    async pull() {
      const r = await need()
      return exclusive((signal) => pull(r, (text) => deps.onProgress({ operation: 'pull', text }), signal).catch(fail))
    },
    async push() {
      const r = await need()
      return exclusive((signal) => push(r, (text) => deps.onProgress({ operation: 'push', text }), signal).catch(fail))
    },
    cancel() {
      running?.abort()
    },
    async conflictVersions(path) {
      const r = await need()
      const rel = toTop(r, path)
      const [base, ours, theirs] = await Promise.all([stageText(r, 1, rel), stageText(r, 2, rel), stageText(r, 3, rel)]).catch(fail)
      // In a rebase, stage 2 is the branch being rebased onto (theirs) and 3 the writer's own commit.
      return operationIn(r.gitDir) === 'rebase' ? { base, mine: theirs, theirs: ours } : { base, mine: ours, theirs }
    },
    async markResolved(path) {
      const r = await need()
      const rel = toTop(r, path)
      await exclusive((signal) => git(['add', '--', rel], { cwd: r.top, timeoutMs: 30_000, signal })).catch(fail)
    },
  }
}

/**
 * The changed files that belong to an article: its asset folder (Hexo's `<stem>/`, Typora's
 * `<stem>.assets/`) and, for a leaf bundle's `index.*` (Hugo: no pages below it), the other files
 * in its folder. Other articles' changes are never included. `changes` names every untracked file.
 */
export function assetsOf(article: string, changes: readonly PathStatus[]): string[] {
  const stem = article.replace(/\.[^./]+$/, '')
  const dir = posix.dirname(article)
  const bundle = /(^|\/)index\.[^./]+$/.test(article) && dir !== '.'
  const folders = [`${stem}/`, `${stem}.assets/`]
  const out: string[] = []
  for (const c of changes) {
    // Another article, or a folder that may hold some, is never an asset: it is chosen on its own.
    if (c.path === article || c.path.endsWith('/') || isArticleName(c.path)) continue
    if (folders.some((f) => c.path.startsWith(f))) out.push(c.path)
    else if (bundle && c.path.startsWith(`${dir}/`)) out.push(c.path)
  }
  return out
}
