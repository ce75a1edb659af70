/**
 * The site's own server for one open folder: what would run, starting and stopping it, its log
 * (a bounded tail), where it shows an article, and following saves. Plain Node: the handlers
 * table owns one per open folder and stops it when the folder closes, the window goes or the
 * app quits.
 */
import { createHash } from 'node:crypto'
import type { ArticleFile, SiteKind, SiteServerPage, SiteServerSnapshot, SiteServerState } from '../../shared/contract'
import { fieldRecord, parse } from '../../shared/frontmatter'
import { readSiteConfig } from './config'
import { detectServer, type ServerCommand, type ServerDetection } from './detect'
import { lifetimeFiles } from './lifetime'
import { encodePath, pagePath } from './permalink'
import { startServer, type RunningServer } from './server'

export interface SiteServerDeps {
  root: string
  kind: SiteKind
  /** Hexo `source_dir`, Hugo `contentDir`, … relative to the root. */
  sourceDir: string
  timeZone: string
  /** Reads an article of the open folder (through the workspace's guard). */
  read(path: string): Promise<Pick<ArticleFile, 'text' | 'mtimeMs'>>
  onOutput(text: string): void
  onState(state: SiteServerState): void
  /** A save changed what the server shows for an article. */
  onReload(path: string, page: SiteServerPage): void
  /** Finds the tools (tests pass their own PATH lookup). */
  detect?: (root: string, kind: SiteKind) => ServerDetection
  readyTimeoutMs?: number
  /** The app's folder for the server's pid file and loopback preload (./lifetime.ts); a temp folder and no pid file when absent. */
  stateDir?: string
}

export interface SiteServerService {
  snapshot(): SiteServerSnapshot
  start(): Promise<SiteServerState>
  stop(): Promise<void>
  page(path: string): Promise<SiteServerPage | null>
  /** An article was saved: tell the page when what the server shows for it changed. */
  saved(path: string): void
  /** The pid of the running server's process group, for tests; null when none runs. */
  pid(): number | null
  /** http://127.0.0.1:<port> while a server runs: the one origin the window may frame. */
  origin(): string | null
}

/** What the panel keeps of the log: the newest part. */
export const LOG_LIMIT = 200_000
/** How long a save is followed for a server without its own live reload (Hexo regenerates on request). */
const FOLLOW_MS = 10_000
const FOLLOW_POLL_MS = 250

// Colours and cursor moves some tools print even when told not to.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g

export function createSiteServerService(deps: SiteServerDeps): SiteServerService {
  const detection = (deps.detect ?? detectServer)(deps.root, deps.kind)
  let log = ''
  let server: RunningServer | null = null
  let starting: Promise<SiteServerState> | null = null
  /** What each article's page held when last looked at (for servers that do not reload themselves). */
  const seen = new Map<string, { url: string; hash: string | null }>()
  let state: SiteServerState = initial(detection)

  const set = (next: SiteServerState): SiteServerState => {
    state = next
    deps.onState(next)
    return next
  }
  const output = (text: string): void => {
    const clean = text.replace(ANSI, '')
    log = (log + clean).slice(-LOG_LIMIT)
    deps.onOutput(clean)
  }

  const start = async (command: ServerCommand): Promise<SiteServerState> => {
    log = ''
    seen.clear()
    output(`$ ${command.display}\n`)
    const running = await startServer({
      cwd: deps.root,
      command,
      onOutput: output,
      readyTimeoutMs: deps.readyTimeoutMs,
      lifetime: await lifetimeFiles(deps.stateDir),
    })
    server = running
    set({ status: 'starting', tool: command.tool, command: command.display, origin: running.origin })
    void running.exited.then(({ code, error }) => {
      if (server !== running) return
      server = null
      const why =
        error !== undefined
          ? `${command.display} could not start: ${error}.`
          : `${command.display} ended with exit status ${code ?? 'none (stopped by a signal)'}. Its log says why.`
      set({ status: 'exited', tool: command.tool, command: command.display, reason: error !== undefined ? 'could-not-start' : 'ended', code, message: why })
    })
    if (await running.ready)
      return server === running ? set({ status: 'running', tool: command.tool, command: command.display, origin: running.origin }) : state
    if (server === running) {
      // It never answered: stopped, so no half-started server is left behind.
      await stop()
      return set({
        status: 'exited',
        tool: command.tool,
        command: command.display,
        reason: 'no-answer',
        code: null,
        message: `${command.display} did not answer at ${running.origin} in time and was stopped. Its log says why.`,
      })
    }
    return state
  }

  const stop = async (): Promise<void> => {
    const running = server
    server = null
    if (running === null) return
    await running.stop()
    if (detection.kind === 'ready') set({ status: 'stopped', tool: detection.command.tool, command: detection.command.display })
  }

  /**
   * The page on the server for an article, by the site's rules; the home page when the server has
   * no such page. After a save the page may appear only once the server rebuilt: `waitMs` asks again meanwhile.
   */
  const page = async (path: string, waitMs = 0): Promise<SiteServerPage | null> => {
    const running = server
    if (running === null || state.status !== 'running') return null
    const file = await deps.read(path)
    const parsed = parse(file.text, { site: deps.kind, timeZone: deps.timeZone })
    const found = pagePath({
      kind: deps.kind,
      path,
      fields: fieldRecord(parsed),
      config: await readSiteConfig(deps.root, deps.kind),
      sourceDir: deps.sourceDir,
      timeZone: deps.timeZone,
      mtimeMs: file.mtimeMs,
    })
    const base = running.basePath()
    const url = `${running.origin}${encodePath(base === '/' || found.path.startsWith(base) ? found.path : `${base.slice(0, -1)}${found.path}`)}`
    const deadline = Date.now() + waitMs
    for (let body = await fetchPage(url); server === running; body = await fetchPage(url)) {
      if (body !== null) {
        seen.set(path, { url, hash: hashOf(body) })
        return { url, exact: true }
      }
      if (Date.now() >= deadline) break
      await sleep(FOLLOW_POLL_MS)
    }
    const home = `${running.origin}${encodePath(base)}`
    seen.set(path, { url: home, hash: null })
    return { url: home, exact: false, tried: url }
  }

  const follow = async (path: string, running: RunningServer): Promise<void> => {
    const before = seen.get(path)
    // A page that moved (a new slug) appears once the server rebuilt.
    const next = await page(path, FOLLOW_MS).catch(() => null)
    if (next === null || server !== running) return
    if (before === undefined || before.url !== next.url) {
      deps.onReload(path, next)
      return
    }
    // A server's own live reload misses a save made before its script connected (a page just
    // loaded), so every save is followed by content; a page that reloaded itself reloads once more.
    if (before.hash === null) return
    const deadline = Date.now() + FOLLOW_MS
    for (let hash = seen.get(path)?.hash; server === running && Date.now() < deadline;) {
      if (hash !== before.hash) {
        deps.onReload(path, next)
        return
      }
      await sleep(FOLLOW_POLL_MS)
      const body = await fetchPage(next.url)
      hash = body === null ? hash : hashOf(body)
      if (body !== null) seen.set(path, { url: next.url, hash })
    }
  }

  return {
    snapshot: () => ({ state, log }),
    start: () => {
      if (detection.kind !== 'ready') return Promise.resolve(state)
      if (server !== null && (state.status === 'running' || state.status === 'starting')) return starting ?? Promise.resolve(state)
      starting = start(detection.command).finally(() => (starting = null))
      return starting
    },
    stop,
    page,
    saved: (path) => {
      const running = server
      if (running === null || detection.kind !== 'ready' || state.status !== 'running') return
      void follow(path, running)
    },
    pid: () => server?.pid ?? null,
    origin: () => server?.origin ?? null,
  }
}

function initial(detection: ServerDetection): SiteServerState {
  switch (detection.kind) {
    case 'unsupported':
      return { status: 'unsupported' }
    case 'missing':
      return { status: 'missing', tool: detection.tool, reason: detection.reason, missing: detection.missing, install: detection.install }
    case 'ready':
      return { status: 'stopped', tool: detection.command.tool, command: detection.command.display }
  }
}

async function fetchPage(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
    const body = await response.text()
    return response.ok ? body : null
  } catch {
    // The server is busy rebuilding or just went away: no page to compare this time.
    return null
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const hashOf = (body: string): string => createHash('sha256').update(body).digest('hex')
