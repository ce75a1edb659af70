/**
 * A stand-in for the `electron` module, loaded in place of the real one by a module hook
 * (register.ts) when tests/shell runs the BUILT out/main/main.js under plain Node. It implements
 * the part of Electron's API that the app calls, with Electron's rules where they matter (schemes
 * only before ready, windows only after, one handler per IPC channel, quit closes windows first
 * and may be cancelled), records every call, and takes orders from the test over the fork's IPC
 * channel (protocol.ts). A window "loads" its URL through the app's own protocol handler and runs
 * the app's own preload, whose `window.folio` the test then calls like the renderer would.
 */
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { runInNewContext } from 'node:vm'
import type { CallRecord, Command, Config, DialogCall, StandInState, WindowState } from '../protocol'

const config = JSON.parse(process.env.FOLIO_STANDIN ?? 'null') as Config | null
if (config === null) throw new Error('The electron stand-in needs FOLIO_STANDIN (run it through tests/shell/launch.ts).')

// What Electron would have put in process.argv and process.resourcesPath for this layout.
process.argv = [...config.argv]
if (config.resourcesPath !== null) Object.assign(process, { resourcesPath: config.resourcesPath })

let ready = false
const calls: CallRecord[] = []
const started = Date.now()

/** JSON-safe picture of an argument: functions and objects of ours become their names. */
function picture(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]'
  if (value instanceof StandInWindow) return `[window ${value.id}]`
  if (value instanceof StandInWebContents) return `[webContents ${value.id}]`
  if (value === null || typeof value !== 'object') return value
  if (depth > 6) return '[deep]'
  if (Array.isArray(value)) return value.map((item) => picture(item, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, picture(item, depth + 1)]))
}

function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: args.map((arg) => picture(arg)), ready, at: Date.now() - started })
}

function requireReady(api: string): void {
  if (!ready) throw new Error(`${api} cannot be used before the app is ready (Electron throws here too).`)
}

/** An Electron event object: the app may prevent the default. */
class StandInEvent {
  defaultPrevented = false
  constructor(props: Record<string, unknown> = {}) {
    Object.assign(this, props)
  }
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

// ---- the page side: what the preload sees as 'electron' in a sandboxed renderer -----------------

type Listener = (...args: unknown[]) => void

/** One load of a page: its preload's exposed objects and its ipcRenderer listeners. */
class PageContext {
  readonly exposed = new Map<string, unknown>()
  readonly listeners = new Map<string, Set<Listener>>()
  readonly received: Array<{ channel: string; payload: unknown }> = []
  constructor(readonly contents: StandInWebContents) {}

  electron(): Record<string, unknown> {
    const ipcRenderer = {
      invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
        const handler = ipcMain.handlers.get(channel)
        if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`)
        if (this.contents.page !== this) throw new Error('The page that called is gone.')
        const event = { sender: this.contents, senderFrame: this.contents.mainFrame, frameId: 1, processId: 1 }
        return structuredClone(await handler(event, ...structuredClone(args)))
      },
      on: (channel: string, listener: Listener) => {
        if (!this.listeners.has(channel)) this.listeners.set(channel, new Set())
        this.listeners.get(channel)?.add(listener)
        return ipcRenderer
      },
      removeListener: (channel: string, listener: Listener) => {
        this.listeners.get(channel)?.delete(listener)
        return ipcRenderer
      },
    }
    const contextBridge = {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
        this.exposed.set(key, api)
      },
    }
    // A file the test hands over as dropped from the file manager carries its `path`, as Electron knows it for real Files.
    const webUtils = {
      getPathForFile: (file: { path?: unknown }) => (typeof file?.path === 'string' ? file.path : ''),
    }
    return { ipcRenderer, contextBridge, webUtils }
  }

  deliver(channel: string, payload: unknown): void {
    this.received.push({ channel, payload: structuredClone(payload) })
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: null }, structuredClone(payload))
  }
}

/** Runs the app's preload bundle the way a sandboxed renderer does: CommonJS, only 'electron'. */
function runPreload(path: string, page: PageContext): string | null {
  if (!existsSync(path)) return `Unable to load preload script: ${path}`
  const module = { exports: {} }
  const require = (name: string): unknown => {
    if (name === 'electron') return page.electron()
    throw new Error(`module not found: ${name} (a sandboxed preload can only require electron)`)
  }
  try {
    runInNewContext(readFileSync(path, 'utf8'), { module, exports: module.exports, require, console, Object, TypeError, Error }, { filename: path })
    return null
  } catch (error) {
    return `The preload script threw: ${String(error)}`
  }
}

// ---- protocol ------------------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean>; ready: boolean }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    record('protocol.registerSchemesAsPrivileged', schemes)
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    this.privileged.push(...schemes.map((scheme) => ({ ...scheme, ready })))
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    record('protocol.handle', scheme)
    requireReady('protocol.handle')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  },
  async fetch(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = this.handlers.get(scheme)
    if (!handler) return new Response(null, { status: 599, statusText: `net::ERR_UNKNOWN_URL_SCHEME (${scheme})` })
    return handler(new Request(url, { headers }))
  },
}

// ---- windows ---------------------------------------------------------------------------------------

let nextId = 1
const windows: StandInWindow[] = []

class StandInSession {
  permissionRequestHandler: unknown = null
  permissionCheckHandler: unknown = null
  setPermissionRequestHandler(handler: unknown): void {
    record('session.setPermissionRequestHandler')
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: unknown): void {
    record('session.setPermissionCheckHandler')
    this.permissionCheckHandler = handler
  }
  addWordToSpellCheckerDictionary(word: string): boolean {
    record('session.addWordToSpellCheckerDictionary', word)
    return true
  }
  /** What Chromium offers on Linux and Windows (a few of its hunspell dictionaries). */
  readonly availableSpellCheckerLanguages = ['de', 'en-GB', 'en-US', 'fr', 'pt-BR']
  setSpellCheckerLanguages(languages: string[]): void {
    record('session.setSpellCheckerLanguages', languages)
    // Electron throws for a code it does not offer.
    const unknown = languages.find((code) => !this.availableSpellCheckerLanguages.includes(code))
    if (unknown) throw new Error(`Invalid language code provided: "${unknown}" is not a valid language code`)
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    record('session.setSpellCheckerEnabled', enabled)
  }
}
const defaultSession = new StandInSession()

class StandInWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame = { parent: null, url: '' }
  readonly session = defaultSession
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  readonly loads: Array<{ url: string; status: number; error: string | null; preloadError: string | null }> = []
  page: PageContext | null = null
  url = ''
  loading = false
  destroyed = false
  windowOpenHandler: unknown = null

  constructor(
    readonly preload: string | null,
    readonly owner: StandInWindow | null,
  ) {
    super()
  }

  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  getURL(): string {
    return this.url
  }
  send(channel: string, payload: unknown): void {
    record('webContents.send', this.id, channel, payload)
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, payload: structuredClone(payload) })
    // A page still loading has no listeners yet: what is sent now is lost, as in Electron.
    if (!this.loading) this.page?.deliver(channel, payload)
  }
  setWindowOpenHandler(handler: unknown): void {
    record('webContents.setWindowOpenHandler', this.id)
    this.windowOpenHandler = handler
  }
  replaceMisspelling(word: string): void {
    record('webContents.replaceMisspelling', word)
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    record('webContents.printToPDF', options)
    return Buffer.from('%PDF-1.4\n% stand-in\n%%EOF\n')
  }
  reload(): void {
    record('webContents.reload', this.id)
    if (this.url !== '') void this.load(this.url).catch(() => undefined)
  }
  /** Loads through the app's protocol handler, runs the preload, then fires the load events. */
  async load(url: string): Promise<void> {
    this.loading = true
    this.page = null
    this.url = url
    this.mainFrame.url = url
    this.emit('did-start-loading')
    const response = await protocol.fetch(url).catch((error: unknown) => new Response(null, { status: 598, statusText: String(error) }))
    if (this.destroyed) return
    if (!response.ok) {
      this.loading = false
      const error = `ERR_FILE_NOT_FOUND (-6) loading '${url}': ${response.status}`
      this.loads.push({ url, status: response.status, error, preloadError: null })
      this.emit('did-fail-load', new StandInEvent(), -6, 'ERR_FILE_NOT_FOUND', url, true)
      throw new Error(error)
    }
    const page = new PageContext(this)
    const preloadError = this.preload === null ? null : runPreload(this.preload, page)
    this.page = page
    this.loads.push({ url, status: response.status, error: null, preloadError })
    this.loading = false
    this.emit('dom-ready')
    this.emit('did-finish-load')
    this.owner?.emit('ready-to-show')
  }
  /** The renderer process died: the page and its listeners are gone until a reload. */
  crash(): void {
    this.page = null
    this.emit('render-process-gone', new StandInEvent(), { reason: 'crashed', exitCode: 139 })
  }
}

export class StandInWindow extends EventEmitter {
  readonly id: number
  readonly webContents: StandInWebContents
  visible = false
  shownAt: number | null = null
  destroyed = false
  maximized = false
  minimized = false
  focused = 0
  bounds: { x: number; y: number; width: number; height: number }

  constructor(readonly options: Record<string, unknown>) {
    super()
    record('new BrowserWindow', options)
    requireReady('new BrowserWindow')
    const preferences = (options.webPreferences ?? {}) as Record<string, unknown>
    const preload = typeof preferences.preload === 'string' ? preferences.preload : null
    this.webContents = new StandInWebContents(preload, this)
    this.id = this.webContents.id
    this.bounds = {
      x: Number(options.x ?? 100),
      y: Number(options.y ?? 100),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    }
    windows.push(this)
    app.emit('web-contents-created', new StandInEvent(), this.webContents)
    if (options.show !== false) this.show()
  }
  static getAllWindows(): StandInWindow[] {
    return windows.filter((window) => !window.destroyed)
  }
  async loadURL(url: string): Promise<void> {
    record('window.loadURL', this.id, url)
    await this.webContents.load(url)
  }
  async loadFile(path: string): Promise<void> {
    record('window.loadFile', this.id, path)
    await this.webContents.load(`file://${path}`)
  }
  show(): void {
    record('window.show', this.id)
    this.visible = true
    this.shownAt ??= Date.now() - started
  }
  focus(): void {
    this.focused++
  }
  restore(): void {
    this.minimized = false
  }
  isMinimized(): boolean {
    return this.minimized
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isVisible(): boolean {
    return this.visible
  }
  getBounds(): StandInWindow['bounds'] {
    return { ...this.bounds }
  }
  getNormalBounds(): StandInWindow['bounds'] {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<StandInWindow['bounds']>): void {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
    this.emit('move')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.webContents.page = null
    this.emit('closed')
    this.webContents.emit('destroyed')
    if (StandInWindow.getAllWindows().length === 0 && !quitting) {
      // Electron quits by itself when nobody listens for window-all-closed.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
      else app.quit()
    }
  }
  /** Like Electron: 'close' may be prevented; otherwise the window is destroyed. */
  close(): void {
    record('window.close', this.id)
    if (this.destroyed) return
    const event = new StandInEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
}
export { StandInWindow as BrowserWindow }

// ---- app ------------------------------------------------------------------------------------------

let quitting = false
let exiting = false

function readAppName(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(config?.appPath ?? '', 'package.json'), 'utf8')) as { productName?: string; name?: string }
    return manifest.productName ?? manifest.name ?? 'Electron'
  } catch {
    return 'Electron'
  }
}

class StandInApp extends EventEmitter {
  readonly isPackaged = config?.isPackaged ?? false
  name = readAppName()
  readonly paths = new Map<string, string>()
  lock: { userData: string; additionalData: unknown } | null = null
  appUserModelId = ''
  readonly recentDocuments: string[] = []

  getAppPath(): string {
    return config?.appPath ?? ''
  }
  getName(): string {
    return this.name
  }
  setName(name: string): void {
    record('app.setName', name)
    this.name = name
  }
  getVersion(): string {
    return '0.0.0-stand-in'
  }
  getPath(name: string): string {
    const set = this.paths.get(name)
    if (set !== undefined) return set
    const base = config?.home ?? ''
    switch (name) {
      case 'appData':
        return join(base, '.config')
      // Electron derives userData from the app's name until setPath changes it.
      case 'userData':
        return join(this.getPath('appData'), this.name)
      case 'documents':
        return join(base, 'Documents')
      case 'home':
        return base
      case 'temp':
        return join(base, 'tmp')
      case 'logs':
        return join(this.getPath('userData'), 'logs')
      default:
        throw new Error(`Failed to get '${name}' path`)
    }
  }
  setPath(name: string, path: string): void {
    record('app.setPath', name, path)
    this.paths.set(name, path)
  }
  isReady(): boolean {
    return ready
  }
  whenReady(): Promise<void> {
    return readyPromise
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }
  getLocale(): string {
    return 'en-US'
  }
  getPreferredSystemLanguages(): string[] {
    return config?.languages ?? ['en-US']
  }
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    record('app.requestSingleInstanceLock', additionalData)
    // Electron keys the lock by the userData folder: two builds with one folder share one lock.
    this.lock = { userData: this.getPath('userData'), additionalData: additionalData === undefined ? null : structuredClone(additionalData) }
    return !config?.lockHeld
  }
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path)
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0
  }
  focus(): void {
    record('app.focus')
  }
  /** Electron's order: before-quit, close every window (any may cancel), will-quit, quit, exit. */
  quit(): void {
    record('app.quit')
    if (exiting) return
    const before = new StandInEvent()
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    quitting = true
    for (const window of StandInWindow.getAllWindows()) {
      window.close()
      if (!window.destroyed) {
        quitting = false
        return
      }
    }
    const will = new StandInEvent()
    this.emit('will-quit', will)
    quitting = false
    if (will.defaultPrevented) return
    this.exit(0)
  }
  exit(code = 0): void {
    record('app.exit', code)
    if (exiting) return
    exiting = true
    this.emit('quit', new StandInEvent(), code)
    send({ kind: 'exit', code, state: state() })
    // Electron ends the process at once; pending promises of the app do not run any more.
    setImmediate(() => process.exit(code))
  }
}
export const app = new StandInApp()

let markReady = (): void => undefined
const readyPromise = new Promise<void>((done) => {
  markReady = done
})
function becomeReady(): void {
  if (ready) return
  ready = true
  // Its time is where startup measurements begin (bench: ready to the first loadURL).
  record('app.ready')
  app.emit('will-finish-launching')
  markReady()
  app.emit('ready', new StandInEvent(), {})
}

// ---- the rest of the API the app calls ----------------------------------------------------------

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    record('ipcMain.handle', channel)
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

export const session = {
  get defaultSession(): StandInSession {
    requireReady('session.defaultSession')
    return defaultSession
  },
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    record('shell.openExternal', url)
  },
  async trashItem(path: string): Promise<void> {
    record('shell.trashItem', path)
    const trash = join(config?.home ?? '', '.Trash')
    await mkdir(trash, { recursive: true })
    await rename(path, join(trash, `${Date.now()}-${basename(path)}`))
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', path)
    return ''
  },
  showItemInFolder(path: string): void {
    record('shell.showItemInFolder', path)
  },
}

export interface MenuItemTemplate {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  click?: () => void
  submenu?: MenuItemTemplate[]
  [key: string]: unknown
}

class StandInMenu {
  constructor(readonly template: MenuItemTemplate[]) {}
  popup(options: unknown): void {
    record('menu.popup', options)
  }
}

export const Menu = {
  application: null as StandInMenu | null,
  buildFromTemplate(template: MenuItemTemplate[]): StandInMenu {
    record('Menu.buildFromTemplate')
    return new StandInMenu(template)
  },
  setApplicationMenu(menu: StandInMenu | null): void {
    record('Menu.setApplicationMenu')
    this.application = menu
  },
}

const dialogs: Array<DialogCall & { answer(value: unknown): void }> = []

function ask(kind: string, options: unknown): Promise<unknown> {
  record(`dialog.${kind}`, options)
  requireReady(`dialog.${kind}`)
  return new Promise((answer) => {
    dialogs.push({ index: dialogs.length, kind, options: picture(options), answered: false, answer })
  })
}

/** Native dialogs stay open until the test answers them, like a person would. */
export const dialog = {
  showOpenDialog: (_window: unknown, options: unknown) => ask('showOpenDialog', options),
  showSaveDialog: (_window: unknown, options: unknown) => ask('showSaveDialog', options),
  showMessageBox: (_window: unknown, options: unknown) => ask('showMessageBox', options),
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content)
  },
}

export class ClipboardItem {
  constructor(readonly items: Record<string, string>) {}
}
export const clipboard = {
  async write(items: ClipboardItem[]): Promise<void> {
    record(
      'clipboard.write',
      items.map((item) => item.items),
    )
  },
}

export const screen = {
  getAllDisplays(): Array<{ workArea: { x: number; y: number; width: number; height: number } }> {
    requireReady('screen.getAllDisplays')
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]
  },
}

export const nativeTheme = {
  shouldUseDarkColors: false,
  source: 'system',
  get themeSource(): string {
    return this.source
  },
  set themeSource(value: string) {
    record('nativeTheme.themeSource', value)
    this.source = value
  },
}

// ---- talking to the test -------------------------------------------------------------------------

function windowState(window: StandInWindow): WindowState {
  const page = window.webContents.page
  return {
    id: window.id,
    options: picture(window.options) as Record<string, unknown>,
    visible: window.visible,
    shownAt: window.shownAt,
    destroyed: window.destroyed,
    bounds: window.getBounds(),
    loads: window.webContents.loads,
    loading: window.webContents.loading,
    sent: window.webContents.sent,
    received: page?.received ?? [],
    bridge: page ? [...page.exposed.keys()] : [],
  }
}

function state(): StandInState {
  return {
    ready,
    calls,
    windows: windows.map(windowState),
    privileged: protocol.privileged,
    protocols: [...protocol.handlers.keys()],
    ipcChannels: [...ipcMain.handlers.keys()],
    menu: Menu.application ? (picture(Menu.application.template) as MenuItemTemplate[]) : null,
    dialogs: dialogs.map(({ index, kind, options, answered }) => ({ index, kind, options, answered })),
    name: app.name,
    userData: app.getPath('userData'),
    lock: app.lock,
    listeners: Object.fromEntries(app.eventNames().map((name) => [String(name), app.listenerCount(name)])),
  }
}

function send(message: unknown): void {
  if (process.connected) process.send?.(message)
}

function windowById(id: number): StandInWindow {
  const window = windows.find((candidate) => candidate.id === id)
  if (!window) throw new Error(`No window ${id}`)
  return window
}

function clickMenu(path: readonly string[]): void {
  let items = Menu.application?.template ?? []
  let item: MenuItemTemplate | undefined
  for (const label of path) {
    item = items.find((candidate) => candidate.label?.replace(/&/g, '') === label || candidate.role === label)
    if (!item) throw new Error(`No menu item ${path.join(' > ')}`)
    items = item.submenu ?? []
  }
  if (!item?.click) throw new Error(`Menu item ${path.join(' > ')} does nothing`)
  item.click()
}

async function run(command: Command): Promise<unknown> {
  switch (command.kind) {
    case 'state':
      return state()
    case 'ready':
      becomeReady()
      return null
    case 'emit-app': {
      const event = new StandInEvent()
      app.emit(command.event, event, ...command.args)
      return { defaultPrevented: event.defaultPrevented }
    }
    case 'bridge': {
      const page = windowById(command.window).webContents.page
      if (!page) throw new Error(`Window ${command.window} has no page loaded`)
      const folio = page.exposed.get('folio') as Record<string, (...args: unknown[]) => unknown> | undefined
      if (!folio) throw new Error('The page has no window.folio: the preload did not run')
      if (command.method === 'on') {
        folio.on?.(command.args[0], () => undefined)
        return null
      }
      const method = folio[command.method]
      if (typeof method !== 'function') throw new Error(`window.folio.${command.method} is not a function`)
      return await method(...command.args)
    }
    case 'fetch': {
      const response = await protocol.fetch(command.url, command.headers)
      const body = Buffer.from(await response.arrayBuffer())
      return { status: response.status, headers: Object.fromEntries(response.headers), body: body.toString('base64') }
    }
    case 'close-window':
      windowById(command.window).close()
      return null
    case 'set-bounds':
      windowById(command.window).setBounds(command.bounds)
      return null
    case 'crash':
      windowById(command.window).webContents.crash()
      return null
    case 'reload':
      windowById(command.window).webContents.reload()
      return null
    case 'answer-dialog': {
      const open = dialogs[command.index]
      if (!open || open.answered) throw new Error(`Dialog ${command.index} is not waiting for an answer`)
      open.answered = true
      open.answer(command.value)
      return null
    }
    case 'click-menu':
      clickMenu(command.path)
      return null
    case 'quit':
      app.quit()
      return null
  }
}

process.on('message', (message: { id: number; command: Command }) => {
  void run(message.command).then(
    (value) => send({ kind: 'reply', id: message.id, ok: true, value: picture(value) }),
    (error: unknown) => send({ kind: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  )
})
// The test went away: so do we.
process.on('disconnect', () => process.exit(0))
process.on('uncaughtException', (error) => {
  send({ kind: 'crash', error: String(error?.stack ?? error) })
  process.exit(70)
})
process.on('unhandledRejection', (error) => {
  send({ kind: 'crash', error: String((error as Error)?.stack ?? error) })
  process.exit(70)
})

// Electron becomes ready shortly after the main script ran, unless the test holds it back.
if (!config.holdReady) setImmediate(becomeReady)
