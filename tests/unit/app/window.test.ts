import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, loadRenderer, mainWindowOptions, visibleState } from '../../../electron/app/window'
import { RENDERER_URL } from '../../../electron/app/protocol'
import { app, BrowserWindow } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

afterEach(() => {
  app.isPackaged = false
  vi.unstubAllEnvs()
})

describe('main window', () => {
  it('runs the renderer sandboxed, isolated and without Node', () => {
    const { webPreferences } = mainWindowOptions(null, '/x/preload.cjs')
    expect(webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
  })

  it('loads the bundled CommonJS preload and shows itself when ready', () => {
    const window = createMainWindow(null) as unknown as BrowserWindow
    const prefs = window.options.webPreferences as Record<string, unknown>
    // Beside this bundle, whatever app.getAppPath() says (out/main under test:electron).
    expect(prefs.preload).toBe(join(import.meta.dirname, '../../..', 'out', 'preload', 'preload.cjs'))
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('restores saved bounds and the maximized state', () => {
    const window = createMainWindow({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true }) as unknown as BrowserWindow
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 })
    expect(window.maximized).toBe(true)
  })

  it('brings bounds from a vanished monitor back onto the screen', () => {
    const state = visibleState({ bounds: { x: 5000, y: 0, width: 800, height: 600 }, maximized: false }, [{ x: 0, y: 0, width: 1920, height: 1080 }])
    expect(state?.bounds).toEqual({ x: 560, y: 240, width: 800, height: 600 })
  })

  it('loads our app: protocol when packaged, the dev server only in development', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const dev = createMainWindow(null) as unknown as BrowserWindow
    await loadRenderer(dev as never)
    expect(dev.loaded).toEqual(['http://localhost:5173'])
    app.isPackaged = true
    const packaged = createMainWindow(null) as unknown as BrowserWindow
    await loadRenderer(packaged as never)
    expect(packaged.loaded).toEqual([RENDERER_URL])
  })
})
