/**
 * A site's server must not outlive Folio, and must not be reachable from the network.
 *
 * - Loopback only: every Node-based tool runs with a preloaded module that makes its servers
 *   listen on 127.0.0.1 whatever address they ask for (Eleventy's dev server takes no host and
 *   would listen on every address; the others' --host flags get the same lock behind them).
 * - A watchdog beside each server holds a pipe from the main process: when the main process dies
 *   (a crash, a kill -9), the pipe closes and the watchdog ends the server's process group.
 * - A pid file in the app's data folder names the running group; the next start ends a group
 *   the watchdog could not (it was killed too), after checking it is still the same command.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { groupAlive } from '../system/process-group'

const isWindows = process.platform === 'win32'

/** Preloaded into every Node process the server starts: plain CommonJS, no dependency. */
const LOOPBACK_SCRIPT = `'use strict'
// Folio: this site's server may answer on this computer only (127.0.0.1).
const net = require('net')
const HOST = '127.0.0.1'
const local = (host) => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\\./.test(host)
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const first = args[0]
  if (first !== null && typeof first === 'object') {
    if (first.path === undefined && first.fd === undefined && first._handle === undefined && first.handle === undefined && !local(String(first.host || ''))) args[0] = { ...first, host: HOST }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\\d+$/.test(first))) {
    if (typeof args[1] === 'string') { if (!local(args[1])) args[1] = HOST } else args.splice(1, 0, HOST)
  } else if (first === undefined || typeof first === 'function') args.unshift(0, HOST)
  return listen.apply(this, args)
}
`

/** Ends the group `argv[1]` once its stdin closes (the main process is gone); exits when the group ends on its own. */
const WATCHDOG_SCRIPT = `'use strict'
const pid = Number(process.argv[process.argv.length - 1])
const windows = process.platform === 'win32'
const alive = () => { try { process.kill(windows ? pid : -pid, 0); return true } catch (e) { return e.code === 'EPERM' } }
const signal = (force) => {
  if (windows) require('child_process').spawnSync(require('path').join(process.env.SystemRoot || 'C:\\\\Windows', 'System32', 'taskkill.exe'), ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true })
  else try { process.kill(-pid, force ? 'SIGKILL' : 'SIGTERM') } catch {}
}
let ending = false
const end = () => {
  if (ending) return
  ending = true
  signal(false)
  const deadline = Date.now() + 3000
  const wait = setInterval(() => {
    if (!alive()) process.exit(0)
    if (Date.now() > deadline) { signal(true); process.exit(0) }
  }, 50)
}
for (const name of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(name, end)
process.stdin.on('end', end)
process.stdin.on('error', end)
process.stdin.resume()
setInterval(() => { if (!ending && !alive()) process.exit(0) }, 1000)
`

export interface LifetimeFiles {
  /** The preloaded module's path (to name in NODE_OPTIONS). */
  preload: string
  /** The pid file, or null when there is no data folder (tests, the e2e harness). */
  pidFile: string | null
}

/** Where the preload goes without a data folder (the e2e harness): one folder per user in the temp folder, which the e2e fixtures remove after each test. */
export const sharedStateDir = (): string => join(tmpdir(), `folio-siteserver-${process.getuid?.() ?? 'user'}`)

/** Writes the preload module into `stateDir` (or a temp folder): a packaged app's own files sit in an archive Node cannot read. */
export async function lifetimeFiles(stateDir: string | undefined): Promise<LifetimeFiles> {
  const dir = stateDir ?? sharedStateDir()
  await mkdir(dir, { recursive: true })
  const preload = join(dir, 'loopback.cjs')
  const current = await readFile(preload, 'utf8').catch(() => null)
  if (current !== LOOPBACK_SCRIPT) await writeFile(preload, LOOPBACK_SCRIPT, { mode: 0o600 })
  return { preload, pidFile: stateDir === undefined ? null : pidFileIn(stateDir) }
}

export const pidFileIn = (stateDir: string): string => join(stateDir, 'server.pid')

/** NODE_OPTIONS with the preload added to what the writer already set. */
export function withPreload(env: NodeJS.ProcessEnv, preload: string): string {
  const own = env['NODE_OPTIONS']?.trim()
  return `${own ? own + ' ' : ''}--require ${JSON.stringify(preload)}`
}

/**
 * Starts the watchdog of the group led by `pid`. Folio itself runs as Node for it (Electron with
 * ELECTRON_RUN_AS_NODE), in a session of its own so a terminal's Ctrl+C reaches it only through
 * the pipe. `release()` ends it without touching the group (a normal stop).
 */
export function watchGroup(pid: number): { release(): void } {
  const child: ChildProcess = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT, String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '' },
    windowsHide: true,
  })
  child.on('error', () => undefined)
  child.stdin?.on('error', () => undefined)
  // The main process must not wait for it to end.
  child.unref()
  ;(child.stdin as unknown as { unref?: () => void } | null)?.unref?.()
  return {
    release: () => {
      child.removeAllListeners('exit')
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

interface PidRecord {
  pid: number
  /** What `ps` said the leader runs, to tell it from an unrelated process that got the same pid. */
  command: string
}

/** The leader's command line as `ps` shows it; null when it is gone (or on Windows). */
function commandOf(pid: number): Promise<string | null> {
  if (isWindows) return Promise.resolve(null)
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'args=', '-p', String(pid)], { timeout: 5_000 }, (error, stdout) => resolve(error ? null : stdout.trim() || null))
  })
}

/** Names the running group in the pid file. */
export async function recordGroup(pidFile: string | null, pid: number): Promise<void> {
  if (pidFile === null) return
  const command = await commandOf(pid)
  if (command === null) return
  const record: PidRecord = { pid, command }
  await writeFile(pidFile, JSON.stringify(record), { mode: 0o600 }).catch(() => undefined)
}

export async function forgetGroup(pidFile: string | null): Promise<void> {
  if (pidFile !== null) await rm(pidFile, { force: true })
}

/**
 * Ends a server group a previous run left behind, when the pid file names one that still runs
 * the same command; the file goes either way. Returns the pid it ended, if any.
 */
export async function endLeftover(pidFile: string | null, stop: (pid: number) => Promise<void>): Promise<number | null> {
  if (pidFile === null) return null
  const text = await readFile(pidFile, 'utf8').catch(() => null)
  if (text === null) return null
  await rm(pidFile, { force: true })
  let record: PidRecord
  try {
    record = JSON.parse(text) as PidRecord
  } catch {
    return null
  }
  if (!Number.isInteger(record.pid) || record.pid <= 1 || typeof record.command !== 'string' || !groupAlive(record.pid)) return null
  if ((await commandOf(record.pid)) !== record.command) return null
  await stop(record.pid)
  return record.pid
}
