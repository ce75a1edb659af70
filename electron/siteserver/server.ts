/**
 * Starts a site's own server (a detected ServerCommand) in the site folder on a free port of
 * 127.0.0.1, in a process group of its own, and waits until it answers HTTP.
 */
import { createServer } from 'node:net'
import { spawnGroup } from '../system/process-group'
import { streamText } from '../system/stream-text'
import type { ServerCommand } from './detect'
import { forgetGroup, recordGroup, watchGroup, withPreload, type LifetimeFiles } from './lifetime'

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string
  pid: number | undefined
  /** True once the server answers HTTP; false when it ended (or gave up) first. */
  ready: Promise<boolean>
  /** The exit status once the server ended (null after a signal, or when it could not start). */
  exited: Promise<{ code: number | null; error?: string }>
  /** The path it says it serves under (Astro's `base`), read from its output; '/' until then. */
  basePath(): string
  /** Ends the server and everything it started; resolves once they are gone. */
  stop(): Promise<void>
}

export interface StartOptions {
  cwd: string
  command: ServerCommand
  onOutput(text: string): void
  /** How long a server may take to answer before it is given up (a big site builds first). */
  readyTimeoutMs?: number
  /** The loopback preload and the pid file (./lifetime.ts). */
  lifetime: LifetimeFiles
}

const HOST = '127.0.0.1'
const POLL_MS = 250
const READY_TIMEOUT_MS = 180_000

/** A port nobody listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Answers any HTTP at all (a 404 counts: the server is up). */
async function answers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/`, { redirect: 'manual', signal: AbortSignal.timeout(5_000) })
    await response.body?.cancel()
    return true
  } catch {
    // Not listening yet (connection refused), or too slow to answer: ask again.
    return false
  }
}

/** For the Windows shell (npm.cmd, bundle.bat): an empty argument (Jekyll's --baseurl '') must survive as "". */
const quote = (value: string): string => (value === '' || /[\s"]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value)

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const port = await freePort()
  const reloadPort = await freePort()
  const origin = `http://${HOST}:${port}`
  const { command } = options
  const args = command.args(port, reloadPort)
  const group = spawnGroup(command.shell ? quote(command.program) : command.program, command.shell ? args.map(quote) : args, {
    cwd: options.cwd,
    shell: command.shell,
    // No colours in the log panel, no browser opened by the tool; the port for tools that read it;
    // Node's servers held to 127.0.0.1.
    env: {
      ...process.env,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      BROWSER: 'none',
      PORT: String(port),
      HOST,
      NODE_OPTIONS: withPreload(process.env, options.lifetime.preload),
    },
  })
  const { child } = group
  // Ends the group should this process die without stopping it.
  const watchdog = child.pid === undefined ? null : watchGroup(child.pid)
  const { pidFile } = options.lifetime
  const recorded = child.pid === undefined ? Promise.resolve() : recordGroup(pidFile, child.pid)
  let base = '/'
  const origins = new RegExp(`https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\]):${port}(/[^\\s'"]*)?`)
  const take = (text: string): void => {
    const said = origins.exec(text)?.[1]
    if (said !== undefined && said.startsWith('/')) base = said.endsWith('/') ? said : `${said}/`
    options.onOutput(text)
  }
  child.stdout.on('data', streamText(take))
  child.stderr.on('data', streamText(take))
  const exited = new Promise<{ code: number | null; error?: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: null, error: error.message }))
    child.on('exit', (code) => resolve({ code }))
  })
  let ended = false
  let stopping: Promise<void> | null = null
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await group.stop()
      watchdog?.release()
      await recorded
      await forgetGroup(pidFile)
    })())
  void exited.then(() => {
    ended = true
    // The leader ended on its own: what it started goes too, and so does the watchdog.
    void stop()
  })
  const ready = (async (): Promise<boolean> => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS)
    while (!ended && Date.now() < deadline) {
      if (await answers(origin)) return true
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, POLL_MS))])
    }
    return false
  })()
  return { origin, pid: child.pid, ready, exited, basePath: () => base, stop }
}
