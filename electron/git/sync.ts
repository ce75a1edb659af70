/**
 * Commit, pull and push with the user's own git: their identity, hooks, credential helpers and
 * pull strategy. Failures come back as what happened and what to do, with git's own output.
 */
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { git, GitFailedError, runGit, type GitRunOptions } from './run'
import type { Repo } from './status'
import { FolioError, said } from '../../shared/errors'

export interface Outcome {
  /** What git printed, for the log the UI shows. */
  output: string
}

/**
 * Commits exactly `paths` (relative to the top, articles with their asset folders): whatever
 * else is staged or changed stays out of the commit.
 */
export async function commitPaths(
  repo: Repo,
  paths: readonly string[],
  message: string,
  options: { merging: boolean; signal?: AbortSignal; staged?: readonly string[] },
): Promise<Outcome & { commit: string }> {
  if (paths.length === 0) throw new FolioError({ code: 'BAD_ARGUMENT', ...said('git-nothing-chosen') })
  if (message.trim() === '') throw new FolioError({ code: 'BAD_ARGUMENT', ...said('git-no-message') })
  const opts: GitRunOptions = { cwd: repo.top, timeoutMs: 10 * 60_000, ...(options.signal ? { signal: options.signal } : {}) }
  // New files must be known to git before `commit --only` can take them; -A stages deletions too.
  // (A rename's old name is already staged as removed, and is in neither the index nor the folder.)
  const toAdd = paths.filter((p) => !options.staged?.includes(p))
  if (toAdd.length > 0) await git(['add', '-A', '--', ...toAdd], opts)
  // A merge is concluded as a whole (git allows no partial commit then): what the pull staged plus
  // the chosen articles; changes that were never staged still stay out.
  const args = options.merging ? ['commit', '--file=-'] : ['commit', '--only', '--file=-', '--', ...paths]
  const r = await runGit(args, { ...opts, stdin: message })
  if (r.code !== 0) throw explainCommit(r.stderr + r.stdout.toString('utf8'), await commitHooks(repo), paths)
  const head = await git(['rev-parse', 'HEAD'], opts)
  return { commit: head.stdout.toString('utf8').trim(), output: r.stdout.toString('utf8') + r.stderr }
}

const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg']

/** The repository's hooks that run on a commit (core.hooksPath respected). */
async function commitHooks(repo: Repo): Promise<string[]> {
  const r = await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: repo.top, timeoutMs: 15_000 })
  const dir = resolve(repo.top, r.stdout.toString('utf8').trim())
  const found: string[] = []
  for (const name of COMMIT_HOOKS) {
    if (
      await access(join(dir, name), constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      found.push(name)
  }
  return found
}

/** What went wrong in a commit, pull or push, by name, for the UI to say in its language (renderer/i18n/errors.ts). */
export type GitWhy =
  | 'identity'
  | 'nothing-to-commit'
  | 'hook'
  | 'commit'
  | 'conflict'
  | 'sign-in'
  | 'uncommitted'
  | 'behind'
  | 'no-upstream'
  | 'no-remote'
  | 'unreachable'
  | 'stopped'
  | 'failed'

/** A failure explained: the English sentence (git's output after it) as its message, and its parts by name. */
export class GitExplained extends Error {
  constructor(
    message: string,
    /** articles: the paths a failed commit was of, so the UI can name them. */
    readonly params: { why: GitWhy; verb: string; remote: string; hooks: string; output: string; articles?: string },
  ) {
    super(message)
    this.name = 'GitExplained'
  }
}

function explainCommit(said: string, hooks: readonly string[], paths: readonly string[]): GitExplained {
  const output = said.trim()
  const explained = (why: GitWhy, message: string) =>
    new GitExplained(message, { why, verb: 'commit', remote: '', hooks: hooks.join(' or '), output, articles: paths.join('\n') })
  if (/Please tell me who you are|empty ident|unable to auto-detect email/i.test(output)) {
    return explained(
      'identity',
      'Git does not know who you are. Set your name and email once (git config --global user.name "…" and user.email "…"), then commit again.',
    )
  }
  if (/nothing to commit|no changes added/i.test(output))
    return explained('nothing-to-commit', 'There is nothing to commit in the chosen articles: they match the last commit.')
  if (hooks.length > 0)
    return explained(
      'hook',
      `The commit was refused, most likely by the repository's ${hooks.join(' or ')} hook. Fix what it reports, then commit again. Its output:\n${output}`,
    )
  return explained('commit', `The commit failed. Git said:\n${output}`)
}

export async function pull(repo: Repo, onProgress: (text: string) => void, signal?: AbortSignal): Promise<Outcome> {
  // The user's pull.rebase decides; when unset, merge (git itself refuses to guess on divergence).
  const configured = await runGit(['config', '--get', 'pull.rebase'], { cwd: repo.top, timeoutMs: 15_000 })
  const args = ['pull', '--progress', ...(configured.code === 0 ? [] : ['--no-rebase'])]
  return network(repo, args, onProgress, signal)
}

export async function push(repo: Repo, onProgress: (text: string) => void, signal?: AbortSignal): Promise<Outcome> {
  return network(repo, ['push', '--progress'], onProgress, signal)
}

async function network(repo: Repo, args: string[], onProgress: (text: string) => void, signal?: AbortSignal): Promise<Outcome> {
  try {
    const r = await git(args, { cwd: repo.top, timeoutMs: 10 * 60_000, onProgress, ...(signal ? { signal } : {}) })
    return { output: r.stdout.toString('utf8') + r.stderr }
  } catch (error) {
    if (error instanceof GitFailedError) throw explainNetwork(args[0] ?? '', error.result.stderr + error.result.stdout.toString('utf8'))
    throw error
  }
}

/** Turns git's failure into what happened and what to do; git's own words follow. */
export function explainNetwork(verb: string, said: string): GitExplained {
  const text = said.trim()
  const remote = /(?:fatal: )?(?:unable to access|Authentication failed for|repository) '([^']+)'/.exec(text)?.[1]
  const which = remote ? ` (${remote})` : ''
  let what: string
  let why: GitWhy
  if (/CONFLICT|Automatic merge failed|could not apply|Resolve all conflicts/i.test(text)) {
    why = 'conflict'
    what = 'The pull brought changes that overlap yours. The articles in conflict are marked in the library: open each to merge it, then commit.'
  } else if (
    /Authentication failed|could not read Username|could not read Password|Permission denied \(publickey|terminal prompts disabled|returned error: 403|403 Forbidden/i.test(
      text,
    )
  ) {
    why = 'sign-in'
    what = `Git could not sign in to the remote${which}. Folio stores no passwords: set up a credential helper or an SSH key for it in git, then try again.`
  } else if (/would be overwritten by merge|Please commit your changes or stash them/i.test(text)) {
    why = 'uncommitted'
    what = 'The pull would overwrite changes you have not committed. Commit (or undo) them first, then pull again.'
  } else if (/\[rejected\]|non-fast-forward|fetch first|failed to push some refs/i.test(text)) {
    why = 'behind'
    what = 'The remote has commits you do not have yet. Pull first, then push again.'
  } else if (/has no upstream branch/i.test(text)) {
    why = 'no-upstream'
    what = 'This branch is not on the remote yet. Publish it once with git push -u (for example git push -u origin HEAD), then push from Folio.'
  } else if (
    /No configured push destination|does not appear to be a git repository|No remote repository specified|no tracking information|There is no tracking information/i.test(
      text,
    )
  ) {
    why = 'no-remote'
    what =
      'This repository has no remote to ' +
      verb +
      (verb === 'push' ? ' to' : ' from') +
      ". Add one with git remote add, or set the branch's upstream, then try again."
  } else if (/Could not resolve host|unable to access|Connection refused|timed out/i.test(text)) {
    why = 'unreachable'
    what = `Git could not reach the remote${which}. Check the network and the remote's address, then try again.`
  } else if (/did not finish within|Stopped at your request/.test(text)) {
    why = 'stopped'
    what = `The ${verb} was stopped before it finished.`
  } else {
    why = 'failed'
    what = `The ${verb} failed.`
  }
  return new GitExplained(`${what}\nGit said:\n${text}`, { why, verb, remote: remote ?? '', hooks: '', output: text })
}
