/**
 * A child process in a process group of its own, so stopping it ends everything it started too:
 * a build's children, a dev server's watchers, the shell's background jobs. Publish and the
 * site's own server both run through it.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

export interface GroupOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Run `file` through the system shell (a command line the writer typed; a .cmd on Windows). */
  shell?: boolean
}

export interface GroupProcess {
  child: ChildProcessByStdio<null, Readable, Readable>
  /** Ends the whole group: asked first (SIGTERM), forced after a grace period. Resolves once it is gone. */
  stop(): Promise<void>
}

const STOP_GRACE_MS = 3_000
const GONE_POLL_MS = 50

const isWindows = process.platform === 'win32'

export function spawnGroup(file: string, args: readonly string[], options: GroupOptions): GroupProcess {
  const child = spawn(file, args, {
    cwd: options.cwd,
    shell: options.shell ?? false,
    // A group of its own (its pid is the group id): the signal reaches what it started.
    detached: !isWindows,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  })
  const pid = child.pid
  let stopping: Promise<void> | null = null
  return {
    child,
    stop() {
      stopping ??= pid === undefined ? Promise.resolve() : endGroup(pid)
      return stopping
    },
  }
}

/** True while any process of the group led by `pid` is alive (on Windows: the process itself). */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(isWindows ? pid : -pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function signalGroup(pid: number, force: boolean): void {
  if (isWindows) {
    // taskkill ends the tree; by its full path, never one found in the site's folder.
    const taskkill = join(process.env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'taskkill.exe')
    spawn(taskkill, ['/pid', String(pid), '/T', ...(force ? ['/F'] : [])], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined)
    return
  }
  try {
    process.kill(-pid, force ? 'SIGKILL' : 'SIGTERM')
  } catch {
    // The whole group is gone already.
  }
}

/** Ends the group led by `pid` (one this process did not start, too): asked first, forced after a grace period. */
export async function endGroup(pid: number): Promise<void> {
  // The group, even when its leader has ended: what it started may still run.
  signalGroup(pid, false)
  const deadline = Date.now() + STOP_GRACE_MS
  while (groupAlive(pid) && Date.now() < deadline) await sleep(GONE_POLL_MS)
  if (!groupAlive(pid)) return
  signalGroup(pid, true)
  const killDeadline = Date.now() + STOP_GRACE_MS
  while (groupAlive(pid) && Date.now() < killDeadline) await sleep(GONE_POLL_MS)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
