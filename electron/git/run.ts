/**
 * Runs the system's `git`: its porcelain output is stable, and it brings the user's own
 * credential helpers, SSH keys, hooks and LFS, none of which Folio should reimplement.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findProgram } from '../system/find-program'

export interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

export interface GitRunOptions {
  cwd: string
  /** Kills git (and says so) after this long; hooks and remotes can hang. */
  timeoutMs?: number
  signal?: AbortSignal
  /** Each chunk of stderr as it arrives: `--progress` output for pull and push. */
  onProgress?: (text: string) => void
  stdin?: string
}

/** Why git could not be used at all, in words a writer can act on. */
export class GitUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitUnavailableError'
  }
}

export class GitFailedError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(describeFailure(args, result))
    this.name = 'GitFailedError'
  }
}

const DEFAULT_TIMEOUT_MS = 120_000
/** How long git gets to remove its lock files after being asked to stop, before it is killed. */
const STOP_GRACE_MS = 3_000
/** After git exits, how long its output may still drain (a background ssh master can hold the pipe open). */
const DRAIN_MS = 2_000

/**
 * Settings a repository's own config could use to run a program on a plain status or add
 * (a folder received whole, .git included): switched off for every call Folio makes.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=false', '-c', 'color.ui=false']

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const program = findProgram('git')
    if (program === null) {
      reject(new GitUnavailableError('Git is not installed (no `git` command was found). Install git to see changes, commit and publish from Folio.'))
      return
    }
    if (!existsSync(options.cwd)) {
      reject(new Error(`The folder ${options.cwd} is gone (moved or deleted), so git cannot run there.`))
      return
    }
    const child = spawn(program, [...SAFE_CONFIG, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        // Never wait for a password on a terminal nobody sees: fail and say so instead.
        GIT_TERMINAL_PROMPT: '0',
        GIT_ASKPASS: process.env['GIT_ASKPASS'] ?? '',
        // Paths are names, never patterns: committing `[2023] recap.md` must not match `2 recap.md`.
        GIT_LITERAL_PATHSPECS: '1',
        // A status refresh takes no index lock a commit or pull running at the same time would trip on.
        GIT_OPTIONAL_LOCKS: '0',
        // Messages in English so they can be recognised; the UI explains them in the user's language.
        LC_ALL: 'C',
        LANGUAGE: '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const out: Buffer[] = []
    let err = ''
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const timer = setTimeout(() => {
      stop(child)
      finish(() =>
        reject(
          new GitFailedError(args, {
            code: -1,
            stdout: Buffer.alloc(0),
            stderr: `${err}\ngit did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`,
          }),
        ),
      )
    }, timeoutMs)
    const onAbort = () => {
      stop(child)
      finish(() => reject(new GitFailedError(args, { code: -1, stdout: Buffer.alloc(0), stderr: `${err}\nStopped at your request.` })))
    }
    options.signal?.addEventListener('abort', onAbort)
    if (options.signal?.aborted) onAbort()
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      err += chunk
      options.onProgress?.(chunk)
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          error.code === 'ENOENT'
            ? new GitUnavailableError('Git is not installed (no `git` command was found). Install git to see changes, commit and publish from Folio.')
            : error,
        ),
      )
    })
    const done = (code: number | null) => finish(() => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err }))
    child.on('close', done)
    child.on('exit', (code) => setTimeout(() => done(code), DRAIN_MS).unref())
    child.stdin.on('error', () => {
      // git may exit before reading its input (a failing hook); the exit status says what happened.
    })
    child.stdin.end(options.stdin ?? '')
  })
}

/** Asks git to stop (it removes its lock files on SIGTERM), and kills it if it does not. */
function stop(child: ChildProcess): void {
  child.kill('SIGTERM')
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }, STOP_GRACE_MS).unref()
}

/** Like runGit, but a non-zero exit is an error carrying git's own message. */
export async function git(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const result = await runGit(args, options)
  if (result.code !== 0) throw new GitFailedError(args, result)
  return result
}

function describeFailure(args: readonly string[], result: GitResult): string {
  const said = result.stderr
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-6)
    .join('\n')
  return `git ${args[0] ?? ''} failed${result.code >= 0 ? ` (exit status ${result.code})` : ''}${said ? `:\n${said}` : ''}`
}
