/**
 * What tests/shell and the electron stand-in say to each other over the fork's IPC channel: the
 * stand-in's configuration (its FOLIO_STANDIN environment variable), the test's commands and the
 * stand-in's record of what the app did.
 */

export interface Config {
  /** What app.getAppPath() answers: the repo root (`electron .`), out/main (`electron out/main/main.js`) or resources/app.asar. */
  appPath: string
  isPackaged: boolean
  /** process.resourcesPath in the packaged layout; null in development. */
  resourcesPath: string | null
  /** process.argv as Electron would give it in this layout: switches included. */
  argv: string[]
  /** A fake home: appData, Documents and the trash live under it. */
  home: string
  /** Ready waits for the test's 'ready' command (to send launches during startup). */
  holdReady: boolean
  /** Another instance holds the single-instance lock. */
  lockHeld: boolean
  languages: string[]
}

export type Command =
  | { kind: 'state' }
  | { kind: 'ready' }
  | { kind: 'emit-app'; event: string; args: unknown[] }
  | { kind: 'bridge'; window: number; method: string; args: unknown[] }
  | { kind: 'fetch'; url: string; headers?: Record<string, string> }
  | { kind: 'close-window'; window: number }
  | { kind: 'set-bounds'; window: number; bounds: { x?: number; y?: number; width?: number; height?: number } }
  | { kind: 'crash'; window: number }
  | { kind: 'reload'; window: number }
  | { kind: 'answer-dialog'; index: number; value: unknown }
  | { kind: 'click-menu'; path: string[] }
  | { kind: 'quit' }

export interface CallRecord {
  api: string
  args: unknown[]
  /** Whether the app was ready when it made the call. */
  ready: boolean
  /** Milliseconds since the stand-in loaded. */
  at: number
}

export interface WindowState {
  id: number
  options: { [key: string]: unknown }
  visible: boolean
  shownAt: number | null
  destroyed: boolean
  bounds: { x: number; y: number; width: number; height: number }
  loads: Array<{ url: string; status: number; error: string | null; preloadError: string | null }>
  loading: boolean
  /** Everything main sent to this window's web contents. */
  sent: Array<{ channel: string; payload: unknown }>
  /** What the current page's listeners received. */
  received: Array<{ channel: string; payload: unknown }>
  /** What the preload exposed on window. */
  bridge: string[]
}

export interface DialogCall {
  index: number
  kind: string
  options: unknown
  answered: boolean
}

export interface MenuItem {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  submenu?: MenuItem[]
}

export interface StandInState {
  ready: boolean
  calls: CallRecord[]
  windows: WindowState[]
  privileged: Array<{ scheme: string; privileges: { [key: string]: boolean }; ready: boolean }>
  protocols: string[]
  ipcChannels: string[]
  menu: MenuItem[] | null
  dialogs: DialogCall[]
  name: string
  userData: string
  lock: { userData: string; additionalData: unknown } | null
  listeners: { [event: string]: number }
}

export type Message =
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  | { kind: 'exit'; code: number; state: StandInState }
  | { kind: 'crash'; error: string }
