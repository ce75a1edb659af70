/** The system git, run for real in temporary repositories. */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { git, GitFailedError, runGit } from '../../../electron/git/run'
import { waitFor } from '../workspace/helpers'
import { sh } from './repos'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-git-run-'))
  made.push(dir)
  sh(dir, 'init', '-q', '-b', 'main')
  sh(dir, 'config', 'user.name', 'Writer')
  sh(dir, 'config', 'user.email', 'writer@example.com')
  return dir
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function hook(dir: string, name: string, script: string): void {
  const path = join(dir, '.git/hooks', name)
  writeFileSync(path, `#!/bin/sh\n${script}\n`)
  chmodSync(path, 0o755)
}

describe('runGit', () => {
  it('gives the exit status, stdout as bytes and stderr, and feeds stdin', async () => {
    const dir = repo()
    const hashed = await runGit(['hash-object', '--stdin'], { cwd: dir, stdin: 'hello\n' })
    expect(hashed).toMatchObject({ code: 0, stderr: '' })
    expect(hashed.stdout.toString('utf8')).toBe('ce013625030ba8dba906f756967f9e9ca394464a\n')
    const failed = await runGit(['rev-parse', 'no-such-commit'], { cwd: dir })
    expect(failed.code).toBe(128)
    expect(failed.stderr).toMatch(/unknown revision/)
  })

  it('keeps file names in Chinese as they are, unquoted', async () => {
    const dir = repo()
    writeFileSync(join(dir, '游记.md'), '正文\n')
    const { stdout } = await git(['status', '--porcelain'], { cwd: dir })
    expect(stdout.toString('utf8')).toBe('?? 游记.md\n')
  })

  it('takes paths as names, never patterns: `[2023] recap.md` does not match `2 recap.md`', async () => {
    const dir = repo()
    writeFileSync(join(dir, '[2023] recap.md'), 'a\n')
    writeFileSync(join(dir, '2 recap.md'), 'b\n')
    await git(['add', '--', '[2023] recap.md'], { cwd: dir })
    expect(sh(dir, 'diff', '--cached', '--name-only')).toBe('[2023] recap.md\n')
  })

  it('runs no fsmonitor program a repository’s own config names', async () => {
    const dir = repo()
    const marker = join(dir, 'ran')
    const monitor = join(dir, 'monitor.sh')
    writeFileSync(monitor, `#!/bin/sh\ntouch '${marker}'\n`)
    chmodSync(monitor, 0o755)
    sh(dir, 'config', 'core.fsmonitor', monitor)
    await git(['status', '--porcelain'], { cwd: dir })
    expect(existsSync(marker)).toBe(false)
  })

  it('passes stderr to onProgress as it comes', async () => {
    const dir = repo()
    hook(dir, 'pre-commit', "echo 'checking 文章' >&2")
    writeFileSync(join(dir, 'a.md'), 'a\n')
    sh(dir, 'add', 'a.md')
    const progress: string[] = []
    await git(['commit', '-q', '-m', 'a'], { cwd: dir, onProgress: (text) => progress.push(text) })
    expect(progress.join('')).toContain('checking 文章')
  })

  it('stops git that runs too long, and says so', async () => {
    const dir = repo()
    // The hook names git (its parent) and itself: a stuck hook outlives git, and the test ends it.
    hook(dir, 'pre-commit', `echo $PPID > '${join(dir, 'git.pid')}'; echo $$ > '${join(dir, 'hook.pid')}'; exec sleep 30`)
    writeFileSync(join(dir, 'a.md'), 'a\n')
    sh(dir, 'add', 'a.md')
    try {
      const error = await runGit(['commit', '-q', '-m', 'a'], { cwd: dir, timeoutMs: 1_000 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GitFailedError)
      expect((error as GitFailedError).result.code).toBe(-1)
      expect((error as Error).message).toBe('git commit failed:\ngit did not finish within 1 s and was stopped.')
      const gitPid = Number(readFileSync(join(dir, 'git.pid'), 'utf8'))
      await waitFor(() => !alive(gitPid), 10_000)
    } finally {
      const pid = Number(readFileSync(join(dir, 'hook.pid'), 'utf8'))
      if (pid > 0) process.kill(pid, 'SIGKILL')
    }
  })

  it('stops when asked, and does not start when asked before', async () => {
    const dir = repo()
    hook(dir, 'pre-commit', 'sleep 5')
    writeFileSync(join(dir, 'a.md'), 'a\n')
    sh(dir, 'add', 'a.md')
    const controller = new AbortController()
    const running = runGit(['commit', '-q', '-m', 'a'], { cwd: dir, signal: controller.signal })
    setTimeout(() => controller.abort(), 200)
    await expect(running).rejects.toThrow('Stopped at your request.')
    await expect(runGit(['status'], { cwd: dir, signal: AbortSignal.abort() })).rejects.toThrow('Stopped at your request.')
  })

  it('says the folder is gone when it was moved or deleted', async () => {
    const dir = join(repo(), 'gone')
    await expect(runGit(['status'], { cwd: dir })).rejects.toThrow(`The folder ${dir} is gone (moved or deleted), so git cannot run there.`)
  })
})

describe('git', () => {
  it('turns a non-zero exit into an error carrying git’s own last lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-git-run-'))
    made.push(dir)
    const error = await git(['status'], { cwd: dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitFailedError)
    expect((error as Error).message).toMatch(/^git status failed \(exit status 128\):\nfatal: not a git repository/)
  })
})
