/**
 * A hand-written stand-in for the parts of the `electron` module that electron/app uses, recording
 * what the app asks of it. Injected with `vi.mock('electron', () => import('./fake-electron'))`:
 * the Electron binary is not available to unit tests.
 */
import { join } from 'node:path'

type Listener = (...args: never[]) => unknown

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener): this {
    const wrapper = (...args: never[]): unknown => {
      this.removeListener(event, wrapper)
      return listener(...args)
    }
    return this.on(event, wrapper)
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    )
    return this
  }

  /** Calls the listeners like Electron would; returns what they returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => (listener as (...a: unknown[]) => unknown)(...args))
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

/** An Electron event: tests check whether the app called preventDefault. */
export class FakeEvent {
  defaultPrevented = false
  constructor(readonly props: Record<string, unknown> = {}) {
    Object.assign(this, props)
  }
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export interface WindowOpenDetails {
  url: string
}

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void

export class FakeSession {
  /** The request filter set with webRequest.onBeforeRequest, if any. */
  beforeRequest: BeforeRequest | null = null
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest): void => {
      this.beforeRequest = listener
    },
  }
  /** Asks the request filter about a URL, as Chromium would before loading it: true when cancelled. */
  wouldCancel(url: string): boolean {
    let cancel = false
    this.beforeRequest?.({ url }, (response) => (cancel = response.cancel))
    return cancel
  }
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  permissionCheckHandler: ((wc: unknown, permission: string) => boolean) | null = null
  readonly dictionary: string[] = []
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler
  }
  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionary.push(word)
    return true
  }
  readonly availableSpellCheckerLanguages = ['de', 'en-GB', 'en-US', 'fr']
  spellCheckerLanguages: string[] = ['en-US']
  spellCheckerEnabled = true
  setSpellCheckerLanguages(languages: string[]): void {
    const unknown = languages.find((code) => !this.availableSpellCheckerLanguages.includes(code))
    if (unknown) throw new Error(`Invalid language code provided: "${unknown}" is not a valid language code`)
    this.spellCheckerLanguages = [...languages]
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled
  }
}

let nextId = 1

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++
  readonly mainFrame = { name: 'main frame', parent: null }
  readonly session = new FakeSession()
  readonly sent: Array<[string, unknown]> = []
  readonly replaced: string[] = []
  windowOpenHandler: ((details: WindowOpenDetails) => { action: string }) | null = null
  destroyed = false
  loading = false
  reloads = 0

  isLoading(): boolean {
    return this.loading
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  replaceMisspelling(word: string): void {
    this.replaced.push(word)
  }
  readonly printed: Record<string, unknown>[] = []
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push(options)
    return Buffer.from('%PDF-1.4 fake')
  }
  reload(): void {
    this.reloads++
  }
}

export class BrowserWindow extends FakeEmitter {
  static readonly instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  readonly loaded: string[] = []
  maximized = false
  visible = false
  destroyed = false
  closeCalls = 0
  bounds = { x: 10, y: 20, width: 900, height: 700 }

  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed)
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
  }
  async loadFile(path: string): Promise<void> {
    this.loaded.push(path)
  }
  destroy(): void {
    this.destroyed = true
    this.webContents.destroyed = true
  }
  show(): void {
    this.visible = true
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false
  }
  maximize(): void {
    this.maximized = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Like Electron: emits 'close' (cancellable), then destroys unless prevented. */
  close(): void {
    this.closeCalls++
    const event = new FakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) {
      this.destroyed = true
      this.emit('closed')
    }
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invoked: Array<[string, unknown[]]> = []
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args])
    return { ok: true, value: channel }
  }
}
export const ipcRenderer = new FakeIpcRenderer()

/** Electron's webUtils: a File the page was handed has a path; anything else makes it throw. */
export const webUtils = {
  getPathForFile(file: unknown): string {
    const path = (file as { path?: unknown } | null)?.path
    if (typeof path !== 'string') throw new TypeError('Error processing argument at index 0, conversion failure from ')
    return path
  },
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api)
  },
}

class FakeApp extends FakeEmitter {
  isPackaged = false
  locale = 'en-US'
  paths: Record<string, string> = { userData: '/tmp/folio-user-data', documents: '/tmp/folio-documents' }
  hasLock = true
  appPath = '/app'
  appUserModelId = ''
  quits = 0
  readonly recentDocuments: string[] = []
  getPath(name: string): string {
    // Electron puts the logs in userData unless told otherwise (on Linux and Windows).
    const path = this.paths[name] ?? (name === 'logs' && this.paths.userData !== undefined ? join(this.paths.userData, 'logs') : undefined)
    if (path === undefined) throw new Error(`No fake path for ${name}`)
    return path
  }
  getAppPath(): string {
    return this.appPath
  }
  async whenReady(): Promise<void> {}
  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }
  getLocale(): string {
    return this.locale
  }
  getPreferredSystemLanguages(): string[] {
    return [this.locale]
  }
  lockData: unknown = undefined
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    this.lockData = additionalData
    return this.hasLock
  }
  name = 'folio'
  setName(name: string): void {
    this.name = name
  }
  getName(): string {
    return this.name
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path
  }
  quit(): void {
    this.quits++
  }
  focus(): void {}
  addRecentDocument(path: string): void {
    this.recentDocuments.push(path)
  }
  clearRecentDocuments(): void {
    this.recentDocuments.length = 0
  }
}
export const app = new FakeApp()

const partitions = new Map<string, FakeSession>()
export const session = {
  defaultSession: new FakeSession(),
  partitions,
  fromPartition(name: string): FakeSession {
    let found = partitions.get(name)
    if (!found) partitions.set(name, (found = new FakeSession()))
    return found
  },
}

export const shell = {
  opened: [] as string[],
  trashed: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url)
  },
  async trashItem(path: string): Promise<void> {
    this.trashed.push(path)
  },
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>
export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    this.privileged.push(...schemes)
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler)
  },
}

export interface FakeMenuItem {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  registerAccelerator?: boolean
  enabled?: boolean
  click?: () => void
  submenu?: FakeMenuItem[]
}

export class FakeMenu {
  readonly popups: unknown[] = []
  constructor(readonly template: FakeMenuItem[]) {}
  popup(options: unknown): void {
    this.popups.push(options)
  }
}

export const Menu = {
  application: null as FakeMenu | null,
  built: [] as FakeMenu[],
  buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    const menu = new FakeMenu(template)
    this.built.push(menu)
    return menu
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    this.application = menu
  },
}

/** Dialog answers are queued by the test; each call records its options. */
export const dialog = {
  calls: [] as Array<{ kind: string; options: Record<string, unknown> }>,
  answers: [] as unknown[],
  next(): unknown {
    if (this.answers.length === 0) throw new Error('The test did not queue a dialog answer')
    return this.answers.shift()
  },
  async showOpenDialog(_window: unknown, options: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ kind: 'open', options })
    return this.next()
  },
  async showSaveDialog(_window: unknown, options: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ kind: 'save', options })
    return this.next()
  },
  async showMessageBox(_window: unknown, options: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ kind: 'message', options })
    return this.next()
  },
}

/** Electron's ClipboardItem: one entry of several types (text/html, text/plain…). */
export class ClipboardItem {
  constructor(readonly items: Record<string, string>) {}
  get types(): string[] {
    return Object.keys(this.items)
  }
}

export const clipboard = {
  written: [] as ClipboardItem[][],
  async write(items: ClipboardItem[]): Promise<void> {
    this.written.push(items)
  },
}

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays(): Array<{ workArea: { x: number; y: number; width: number; height: number } }> {
    return this.displays
  },
}

export const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' as 'system' | 'light' | 'dark' }
