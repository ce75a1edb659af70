/**
 * The main window. Its webPreferences are the renderer's sandbox: no Node, isolated preload,
 * web security on. Built by a pure function so the tests can read every flag.
 */
import { app, BrowserWindow, screen, type BrowserWindowConstructorOptions, type Rectangle, type WebPreferences } from 'electron'
import { PRELOAD_PATH } from './paths'
import { RENDERER_URL } from './protocol'

export interface WindowState {
  bounds: Rectangle
  maximized: boolean
}

const DEFAULT_SIZE = { width: 1280, height: 820 }

/** What every window of ours gets: no Node, an isolated sandboxed renderer, no webviews. */
export const SANDBOXED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const satisfies WebPreferences

export function mainWindowOptions(state: WindowState | null, preload: string): BrowserWindowConstructorOptions {
  return {
    ...(state?.bounds ?? DEFAULT_SIZE),
    minWidth: 640,
    minHeight: 420,
    title: 'Folio',
    // Shown on ready-to-show: no white flash before the renderer paints.
    show: false,
    webPreferences: {
      ...SANDBOXED,
      preload,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  }
}

/** Saved bounds from a monitor that is gone would open the window off screen: keep the size only. */
export function visibleState(state: WindowState | null, workAreas: readonly Rectangle[]): WindowState | null {
  if (state === null) return null
  const { x, y, width, height } = state.bounds
  const visible = workAreas.some((area) => x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y)
  const primary = workAreas[0]
  if (visible || primary === undefined) return state
  const centred = {
    width: Math.min(width, primary.width),
    height: Math.min(height, primary.height),
    x: 0,
    y: 0,
  }
  centred.x = primary.x + Math.round((primary.width - centred.width) / 2)
  centred.y = primary.y + Math.round((primary.height - centred.height) / 2)
  return { bounds: centred, maximized: state.maximized }
}

export function createMainWindow(saved: WindowState | null): BrowserWindow {
  const state = visibleState(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow(mainWindowOptions(state, PRELOAD_PATH))
  if (state?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  return window
}

/** electron-vite's dev server in development, our own `app:` protocol (with its CSP header) otherwise. */
export function loadRenderer(window: BrowserWindow): Promise<void> {
  const devServer = process.env.ELECTRON_RENDERER_URL
  return window.loadURL(!app.isPackaged && devServer ? devServer : RENDERER_URL)
}
