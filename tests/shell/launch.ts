/**
 * Runs the BUILT main bundle under plain Node with the electron stand-in, in the layouts a person
 * meets: `electron .` (app path = the repo), `electron out/main/main.js` (what test:electron runs,
 * app path = out/main) and the packaged app that `electron-builder --dir` makes (app path =
 * resources/app.asar, unpacked beside its real resources so Node can read it).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { packageApp } from './package'
import type { Command, Config, Message, StandInState } from './protocol'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))

export interface Layout {
  name: string
  /** What app.getAppPath() answers. */
  appPath: string
  /** The bundle Node runs. */
  main: string
  /** process.argv before the user's arguments: the executable, and the app path when not packaged. */
  argv0: string[]
  isPackaged: boolean
  resourcesPath: string | null
  /** The profile folder for a launch from this home: what the app must end up using. */
  userData(home: string): string
  /** Environment the launcher sets (the e2e harness gives the real app its own profile). */
  env(home: string): Record<string, string>
}

const ELECTRON = '/usr/lib/folio-test/electron'

/** `electron .` from the repo, as `npm start` runs the app. */
export function devLayout(): Layout {
  return {
    name: 'electron .',
    appPath: ROOT,
    main: join(ROOT, 'out/main/main.js'),
    argv0: [ELECTRON, '.'],
    isPackaged: false,
    resourcesPath: null,
    // Not the installed app's profile: development has its own lock and settings.
    userData: (home) => join(home, '.config', 'Folio Dev'),
    env: () => ({}),
  }
}

/**
 * `electron <repo>/out/main/main.js` with FOLIO_USER_DATA, as the e2e harness launches the real app
 * for test:electron: Electron then takes out/main as the app path.
 */
export function scriptLayout(): Layout {
  const main = join(ROOT, 'out/main/main.js')
  return {
    name: 'electron out/main/main.js',
    appPath: join(ROOT, 'out/main'),
    main,
    argv0: [ELECTRON, main],
    isPackaged: false,
    resourcesPath: null,
    userData: (home) => join(home, 'e2e-profile'),
    env: (home) => ({ FOLIO_USER_DATA: join(home, 'e2e-profile') }),
  }
}

/**
 * The packaged app that `electron-builder --dir` makes (package.ts, offline). Its app.asar is then
 * unpacked into a folder of the same name beside the real extraResources, so every path the app
 * computes is the packaged one and Node can read them.
 */
export async function packagedLayout(scratch: string): Promise<Layout> {
  const { extractAll } = await import('@electron/asar')
  const { unpacked, resources } = await packageApp(scratch)
  const asar = join(resources, 'app.asar')
  const extracted = join(resources, 'app.asar.extracted')
  extractAll(asar, extracted)
  await rename(asar, join(resources, 'app.asar.file'))
  await rename(extracted, asar)
  return {
    name: 'packaged (electron-builder --dir)',
    appPath: asar,
    main: join(asar, 'out/main/main.js'),
    argv0: [join(unpacked, 'folio')],
    isPackaged: true,
    resourcesPath: resources,
    userData: (home) => join(home, '.config', 'Folio'),
    env: () => ({}),
  }
}

let compiled: Promise<string> | null = null

/** The stand-in is TypeScript: compiled once per run with esbuild (what Vite itself uses). */
function standInDir(): Promise<string> {
  compiled ??= (async () => {
    const { build } = await import('esbuild')
    const outdir = await mkdtemp(join(tmpdir(), 'folio-stand-in-'))
    await build({
      entryPoints: ['electron', 'hooks', 'register'].map((name) => join(ROOT, 'tests/shell/stand-in', `${name}.ts`)),
      outdir,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      platform: 'node',
      target: 'node20',
      bundle: true,
      logLevel: 'error',
    })
    return outdir
  })()
  return compiled
}

export interface LaunchOptions {
  home: string
  /** The user's arguments (paths, URIs). */
  args?: string[]
  /** Chromium-style switches, put before everything else as Chromium does. */
  switches?: string[]
  cwd?: string
  holdReady?: boolean
  lockHeld?: boolean
  env?: Record<string, string>
}

export interface Exit {
  code: number | null
  state: StandInState | null
  stderr: string
}

export interface StandIn {
  request(command: Command): Promise<unknown>
  state(): Promise<StandInState>
  /** Polls the record until `check` holds; fails with what it last saw. */
  waitFor(check: (state: StandInState) => boolean, what: string, timeoutMs?: number): Promise<StandInState>
  /** Calls window.folio[method] in the window's page, as the renderer would. */
  bridge<T = unknown>(window: number, method: string, ...args: unknown[]): Promise<T>
  exited: Promise<Exit>
  stderr(): string
  kill(): void
}

export async function launch(layout: Layout, options: LaunchOptions): Promise<StandIn> {
  const dir = await standInDir()
  const config: Config = {
    appPath: layout.appPath,
    isPackaged: layout.isPackaged,
    resourcesPath: layout.resourcesPath,
    argv: [layout.argv0[0] ?? ELECTRON, ...(options.switches ?? []), ...layout.argv0.slice(1), ...(options.args ?? [])],
    home: options.home,
    holdReady: options.holdReady ?? false,
    lockHeld: options.lockHeld ?? false,
    languages: ['en-US'],
  }
  const child: ChildProcess = fork(layout.main, [], {
    cwd: options.cwd ?? options.home,
    execArgv: ['--import', pathToFileURL(join(dir, 'register.mjs')).href],
    env: { PATH: process.env.PATH ?? '', HOME: options.home, FOLIO_STANDIN: JSON.stringify(config), ...layout.env(options.home), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  let nextId = 1
  const waiting = new Map<number, { done(value: unknown): void; fail(error: Error): void }>()
  let lastState: StandInState | null = null
  let crash: string | null = null
  child.on('message', (message: Message) => {
    if (message.kind === 'reply') {
      const waiter = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.ok) waiter?.done(message.value)
      else waiter?.fail(new Error(message.error))
    } else if (message.kind === 'exit') {
      lastState = message.state
    } else {
      crash = message.error
    }
  })
  const exited = new Promise<Exit>((done) => {
    child.on('exit', (code) => {
      for (const waiter of waiting.values()) waiter.fail(new Error(`The app exited (code ${code}) before answering. ${crash ?? ''}\n${stderr}`))
      waiting.clear()
      done({ code, state: lastState, stderr: crash ? `${crash}\n${stderr}` : stderr })
    })
  })
  const request = (command: Command): Promise<unknown> =>
    new Promise((done, fail) => {
      if (child.exitCode !== null || !child.connected) {
        fail(new Error(`The app is not running (exit ${child.exitCode}). ${crash ?? ''}\n${stderr}`))
        return
      }
      const id = nextId++
      waiting.set(id, { done, fail })
      child.send({ id, command })
    })
  const state = (): Promise<StandInState> => request({ kind: 'state' }) as Promise<StandInState>
  return {
    request,
    state,
    async waitFor(check, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      let seen: StandInState | null = null
      for (;;) {
        seen = await state()
        if (check(seen)) return seen
        if (Date.now() > deadline) {
          throw new Error(
            `Timed out waiting for ${what}. Windows: ${JSON.stringify(seen.windows.map((w) => ({ id: w.id, destroyed: w.destroyed, loads: w.loads })))}\n${stderr}`,
          )
        }
        await new Promise((wake) => setTimeout(wake, 50))
      }
    },
    bridge: <T>(window: number, method: string, ...args: unknown[]) => request({ kind: 'bridge', window, method, args }) as Promise<T>,
    exited,
    stderr: () => stderr,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

const scratch: string[] = []

/** A fake home folder for one launch: the app's settings, journal and Documents go here. */
export async function freshHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'folio-shell-home-'))
  scratch.push(home)
  return home
}

export async function removeAll(...paths: string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true })
}

/** Removes the homes and the compiled stand-in (call once the launches have ended). */
export async function cleanUp(): Promise<void> {
  if (compiled) scratch.push(await compiled)
  compiled = null
  for (const path of scratch.splice(0)) await rm(path, { recursive: true, force: true })
}
