/**
 * The e2e harness: the real renderer in real Chromium, with window.folio bound to the real
 * handler table (electron/handlers.ts) over a real content folder. With FOLIO_E2E=electron and
 * an Electron binary present, the same specs drive the packaged app through Playwright instead.
 */
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, delimiter, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { fileURLToPath } from 'node:url'
import { createHandlers, dispatch, isInvokeMethod, type Handlers } from '../../electron/handlers'
import { handedOverFiles } from '../../shared/handed-over'
import { INVOKE, type EventApi, type EventName, type InvokeMethod, type PendingOpen } from '../../shared/contract'
import { pagePdfOptions } from '../../electron/export/pdf'
import type { RichText } from '../../electron/export/rich-text'
import { ASSET_BASE, RENDERER_ORIGIN, serveAsset, serveRenderer } from '../../electron/app/serve-protocol'
import { openSettings } from '../../electron/settings/store'

export interface LaunchOptions {
  contentDir: string
  /**
   * Chromium only: the harness's answer to "export where?" — this folder, or a file named as
   * suggested inside it. Default: a folder in the harness's scratch space.
   */
  exportDir?: string
  /**
   * Chromium only: start with no folder open (the welcome screen); the folder dialog then answers
   * contentDir. Default false: the folder is open and the library shown.
   */
  startEmpty?: boolean
  /**
   * Chromium only: the folder dialog's answer, asked each time the dialog opens (null: cancelled).
   * Default: contentDir.
   */
  folderDialog?: () => string | null
  /** Chromium only: the "Insert image…" open dialog's answer, absolute paths (null: cancelled). Default: cancelled. */
  imageDialog?: () => string[] | null
  /**
   * Chromium only: where files handed to the page are on disk, by file name, as Electron's
   * webUtils.getPathForFile tells for files dropped or copied from the file manager (Chromium has
   * no such thing). A file named here goes to the main process by its path; any other by its
   * bytes. Default: none has a path.
   */
  filePaths?: Record<string, string>
  /**
   * Chromium only: what the app was asked to open before the page started (launch arguments, a
   * second launch, the OS), handed to the page when it pulls it (takeOpenRequest). Default: nothing.
   */
  pendingOpen?: PendingOpen
  /**
   * How long launchApp waits for the library to report the folder listed. Default
   * FOLIO_E2E_LIBRARY_TIMEOUT_MS, else 120 s: generous, since a normal spec waits only as long as
   * its small folder takes, and a 10,000-post folder needs more.
   */
  libraryTimeoutMs?: number
  /**
   * The app's profile folder (its settings file; in Electron its whole userData). Launching again
   * with the same folder is a restart: the settings are still there. Default: a fresh one per
   * launch, removed on close; a folder given here is left for the spec to remove.
   */
  profileDir?: string
  /**
   * Chromium only: told of every answer of the main process before it goes back to the page; a
   * promise returned holds that answer until it settles (a slow disk, a slow earlier answer).
   * Default: every answer goes back at once.
   */
  holdAnswer?: (method: InvokeMethod, args: readonly unknown[]) => Promise<void> | void
  /**
   * Chromium only: told of every call of the page before the main process handles it; a promise
   * returned holds the call until it settles (a busy bridge: a report of the page arriving late).
   * Default: every call is handled at once.
   */
  holdCall?: (method: InvokeMethod, args: readonly unknown[]) => Promise<void> | void
  /**
   * Chromium only: draw each frame as soon as it is ready instead of on the display's 60 Hz beat,
   * so a time to paint measures the work done and not where in the beat the key fell (benchmarks;
   * see tests/bench/report.ts FRAMES). Default: on the beat, as a display draws.
   */
  uncappedFrames?: boolean
  /**
   * Chromium only: the spell-check languages the system offers, as Electron's session lists them
   * (`availableSpellCheckerLanguages`). Default: none listed, as when the system chooses.
   */
  spellCheckLanguages?: string[]
}

export interface LaunchedApp {
  page: Page
  close(): Promise<void>
  /** Chromium only: where exports go (see LaunchOptions.exportDir). */
  exportDir?: string
  /** Chromium only: everything written to the clipboard, oldest first. */
  clipboard?: RichText[]
  /** Where the crash journal of unsaved buffers is written (the app's recovery folder). */
  journalDir?: string
  /**
   * Chromium only: what closing the window decides on, asked as Electron's close guard asks
   * (handlers.unsavedNow): the page makes what waits and answers; null when it does not answer.
   */
  unsavedOnClose?(timeoutMs?: number): Promise<readonly string[] | null>
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const RENDERER = join(ROOT, 'out', 'renderer')
const ASSET_PREFIX = '/__folio-asset/'
/** The library is listed: it no longer reports itself busy (App.tsx). */
const LIBRARY_LISTED = '[data-testid=library][aria-busy=false] [data-testid=article-list]'

function libraryTimeout(options: LaunchOptions): number {
  return options.libraryTimeoutMs ?? (Number(process.env.FOLIO_E2E_LIBRARY_TIMEOUT_MS) || 120_000)
}

/** Playwright's own Chromium when installed, else FOLIO_CHROMIUM, else `chromium` on PATH. */
export function findChromium(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined
  } catch {
    // Playwright's browser is not installed here: fall through to the system one.
  }
  if (process.env.FOLIO_CHROMIUM) return process.env.FOLIO_CHROMIUM
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
  }
  throw new Error('No Chromium found: install Playwright browsers, set FOLIO_CHROMIUM, or apt-get install chromium.')
}

/**
 * Serves the built renderer and, read-only, the open folder's files through the app's own protocol
 * functions (electron/app/serve-protocol.ts): the same CSP header, MIME types, byte ranges and path
 * checks as `app:` and `folio-asset:` in Electron. Only the scheme differs: Chromium without
 * Electron cannot register ours, so http://127.0.0.1/ stands in for app://folio/.
 */
function serve(handlers: () => Handlers): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      const asset = url.pathname.startsWith(ASSET_PREFIX)
      const target = asset ? ASSET_BASE + url.pathname.slice(ASSET_PREFIX.length) : RENDERER_ORIGIN + (url.pathname === '/' ? '/index.html' : url.pathname)
      const headers = new Headers()
      if (request.headers.range) headers.set('range', request.headers.range)
      const asked = new Request(target, { method: request.method, headers })
      const answer = asset ? await serveAsset(asked, () => handlers().current()) : await serveRenderer(asked, RENDERER)
      response.writeHead(answer.status, Object.fromEntries(answer.headers))
      if (answer.body === null) response.end()
      else Readable.fromWeb(answer.body as unknown as NodeReadableStream).pipe(response)
    })().catch(() => {
      response.writeHead(500).end()
    })
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

/** Builds window.folio in the page from one exposed binding, like the preload does from ipcRenderer. */
function bridgeScript(methods: string[], filePaths: Record<string, string>): string {
  return `(() => {
  if (window.top !== window) return;
  const invoke = window.__folioInvoke;
  const listeners = new Map();
  const api = {};
  for (const method of ${JSON.stringify(methods)}) api[method] = (...args) => invoke(method, args);
  // Chromium has no webUtils: a dropped file has the path the launch gave for its name, or none (then it goes as its bytes).
  const filePaths = ${JSON.stringify(filePaths)};
  api.pathForFile = (file) => (file && Object.hasOwn(filePaths, file.name) ? filePaths[file.name] : '');
  api.on = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  Object.defineProperty(window, '__folioEmit', {
    value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); },
  });
  Object.defineProperty(window, 'folio', { value: Object.freeze(api) });
})();`
}

async function launchChromium(options: LaunchOptions): Promise<LaunchedApp> {
  const scratch = await mkdtemp(join(tmpdir(), 'folio-e2e-'))
  let page: Page | null = null
  const server = await serve(() => handlers)
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const exportDir = options.exportDir ?? join(scratch, 'export')
  const clipboard: RichText[] = []
  // In the profile when one is given, as in Electron's userData: a restart finds what a crash left.
  const journalDir = options.profileDir ? join(options.profileDir, 'recovery') : join(scratch, 'journal')
  let pending: PendingOpen = options.pendingOpen ?? { request: null, problems: [] }
  let browser: Browser | null = null
  const settings = await openSettings(join(options.profileDir ?? scratch, 'settings.json'))
  const handlers: Handlers = createHandlers({
    settings,
    // The harness's "native folder dialog": the user picks the test's content folder.
    chooseFolder: async () => (options.folderDialog ? options.folderDialog() : options.contentDir),
    chooseImages: async () => (options.imageDialog ? options.imageDialog() : null),
    assetBase: origin + ASSET_PREFIX,
    // The harness's "OS trash": a folder beside the test, so specs can check nothing was deleted.
    trash: async (absolutePath) => rename(absolutePath, join(scratch, `trash-${Date.now()}-${basename(absolutePath)}`)),
    cacheDir: join(scratch, 'cache'),
    journalDir,
    madeImagesFile: join(options.profileDir ?? scratch, 'made-images.json'),
    spellCheckLanguages: () => options.spellCheckLanguages ?? null,
    emit: <E extends EventName>(event: E, payload: EventApi[E]) => {
      void page
        ?.evaluate(([name, data]) => (window as unknown as { __folioEmit?: (e: string, d: unknown) => void }).__folioEmit?.(name, data), [
          event,
          payload,
        ] as const)
        .catch(() => undefined)
    },
    chooseExportTarget: async (question) => (question.kind === 'file' ? join(exportDir, question.suggestedName) : exportDir),
    // Electron prints with the same Chromium engine: a second page, without script, and without
    // network unless remote content is allowed.
    printToPdf: async (html, pdfOptions, access) => {
      if (!browser) throw new Error('The harness browser is not running.')
      const context = await browser.newContext({ javaScriptEnabled: false })
      try {
        const printer = await context.newPage()
        if (!access.remote) await printer.route(/^https?:/, (route) => route.abort())
        await printer.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await printer.pdf(pagePdfOptions(pdfOptions)))
      } finally {
        await context.close()
      }
    },
    writeClipboard: (content) => void clipboard.push(content),
    takeOpenRequest: async () => {
      const taken = pending
      pending = { request: null, problems: [] }
      return taken
    },
  })
  if (!options.startEmpty) await handlers.openFolder(options.contentDir)
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...(options.uncappedFrames ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : []),
      ],
    })
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    // The files a drop can hand over: the page's pathForFile gives these paths for their names.
    const handedOver = handedOverFiles()
    for (const path of Object.values(options.filePaths ?? {})) handedOver.add(path)
    await context.exposeBinding('__folioInvoke', async (source, method: unknown, args: unknown) => {
      // The harness's sender check: only our own top-level page may call the handlers.
      if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(origin + '/')) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not the Folio window.' } }
      }
      if (typeof method !== 'string' || !isInvokeMethod(method) || !Array.isArray(args)) {
        return { ok: false, error: { code: 'BAD_ARGUMENT', message: 'Unknown method.' } }
      }
      await options.holdCall?.(method, args)
      // The preload's guard, kept here out of the page's reach as the preload keeps it in its world.
      if (method === 'insertImages') {
        const checked = handedOver.check(args[1])
        if (!checked.ok) return checked
        return dispatch(handlers, method, [args[0], checked.uploads, ...args.slice(2)])
      }
      const answer = await dispatch(handlers, method, args)
      await options.holdAnswer?.(method, args)
      if (method === 'pickImages' && answer.ok && Array.isArray(answer.value))
        for (const path of answer.value) if (typeof path === 'string') handedOver.add(path)
      return answer
    })
    await context.addInitScript(bridgeScript(Object.keys(INVOKE), options.filePaths ?? {}))
    page = await context.newPage()
    await page.goto(origin + '/index.html')
    await page.waitForSelector(options.startEmpty && !options.pendingOpen?.request ? '[data-testid=welcome]' : LIBRARY_LISTED, {
      timeout: libraryTimeout(options),
    })
  } catch (error) {
    await browser?.close()
    server.close()
    await handlers.dispose()
    throw error
  }
  const opened = browser
  return {
    page,
    exportDir,
    clipboard,
    journalDir,
    unsavedOnClose: (timeoutMs) => handlers.unsavedNow(timeoutMs),
    async close() {
      await opened.close()
      await new Promise((done) => server.close(done))
      await handlers.dispose()
      await settings.flush()
      await rm(scratch, { recursive: true, force: true })
    },
  }
}

async function launchElectron(options: LaunchOptions): Promise<LaunchedApp> {
  const userData = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'folio-e2e-profile-')))
  const app: ElectronApplication = await _electron.launch({
    args: [join(ROOT, 'out', 'main', 'main.js'), options.contentDir],
    env: { ...process.env, FOLIO_USER_DATA: userData } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.waitForSelector(LIBRARY_LISTED, { timeout: libraryTimeout(options) })
  return {
    page,
    journalDir: join(userData, 'recovery'),
    async close() {
      await app.close()
      if (!options.profileDir) await rm(userData, { recursive: true, force: true })
    },
  }
}

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before the e2e specs.')
  }
  return process.env.FOLIO_E2E === 'electron' ? launchElectron(options) : launchChromium(options)
}
