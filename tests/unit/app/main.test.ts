import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENTS, INVOKE } from '../../../shared/contract'
import { ASSET_BASE, RENDERER_URL } from '../../../electron/app/protocol'
import { SAMPLE_FOLDER_NAME } from '../../../electron/app/first-run'
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type FakeMenuItem } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

let base: string
let appPath: string
let window: BrowserWindow
const argv = process.argv

/** What the renderer would get over IPC, sent from our window's top frame. */
const invoke = (channel: string, ...args: unknown[]) =>
  ipcMain.handlers.get(channel)?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args)

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-main-'))
  app.paths = { appData: join(base, 'appData'), documents: join(base, 'Documents') }
  // The app's own folder, with a bundled sample site as electron-builder lays it out in development.
  appPath = join(base, 'app')
  await mkdir(join(appPath, 'resources', 'sample-content', '_posts'), { recursive: true })
  await writeFile(join(appPath, 'resources', 'sample-content', '_config.yml'), 'title: Sample\n')
  await writeFile(join(appPath, 'resources', 'sample-content', '_posts', '2024-01-01-hello.md'), '---\ntitle: Hello\n---\nHi\n')
  app.appPath = appPath
  // Vitest's own arguments are not paths for Folio to open.
  process.argv = ['/usr/bin/electron', '.']
  await import('../../../electron/app/main')
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1), { timeout: 15_000 })
  window = BrowserWindow.instances[0] as BrowserWindow
})

afterAll(async () => {
  process.argv = argv
  app.emit('will-quit', { preventDefault: () => undefined })
  await rm(base, { recursive: true, force: true })
})

describe('main: first launch', () => {
  it('registers every contract channel, our protocols, the permission handler and the menu', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE).sort())
    expect(protocol.privileged.map((entry) => entry.scheme)).toEqual(['app', 'folio-asset'])
    expect([...protocol.handlers.keys()].sort()).toEqual(['app', 'folio-asset'])
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull()
    expect(Menu.application).not.toBeNull()
    expect(app.appUserModelId).toBe('app.folio.editor')
  })

  it('opens one sandboxed window on our app: protocol', () => {
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(window.loaded).toEqual([RENDERER_URL])
  })

  it('keeps a development profile apart from the installed app', () => {
    expect(app.getPath('userData')).toBe(join(base, 'appData', 'Folio Dev'))
    expect(app.lockData).toEqual({ args: [], cwd: process.cwd() })
  })

  it('copies the sample into Documents and the page, pulling its request, opens the copy with asset URLs on our protocol', async () => {
    const pending = await invoke(INVOKE.takeOpenRequest)
    const copy = await realpath(join(base, 'Documents', SAMPLE_FOLDER_NAME))
    expect(pending).toEqual({ ok: true, value: { request: { folder: copy, file: null }, problems: [] } })
    await invoke(INVOKE.openFolder, copy)
    const folder = await invoke(INVOKE.getFolder)
    expect(folder).toMatchObject({ ok: true, value: { root: copy, assetBase: ASSET_BASE } })
    await vi.waitFor(async () => expect(await invoke(INVOKE.listRecentFolders)).toEqual({ ok: true, value: [copy] }))
    await vi.waitFor(async () => {
      const settings = JSON.parse(await readFile(join(base, 'appData', 'Folio Dev', 'settings.json'), 'utf8')) as Record<string, unknown>
      expect(settings).toMatchObject({ sampleCreated: true, lastFolder: copy })
    })
    expect(existsSync(join(appPath, 'resources', 'sample-content', SAMPLE_FOLDER_NAME))).toBe(false)
  })

  it('sends menu clicks to the renderer as commands', () => {
    const flatten = (items: readonly FakeMenuItem[]): FakeMenuItem[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])])
    flatten(Menu.application?.template ?? [])
      .find((item) => item.accelerator === 'CmdOrCtrl+S')
      ?.click?.()
    expect(window.webContents.sent).toContainEqual([EVENTS.menuCommand, { command: 'save' }])
  })

  it('a second launch with a path asks the page, which already took its requests, to open it', async () => {
    const post = join(base, 'Documents', SAMPLE_FOLDER_NAME)
    app.emit('second-instance', {}, ['/usr/bin/electron', '--switch', '.', 'ignored'], '/', { args: [post], cwd: base })
    await vi.waitFor(() => expect(window.webContents.sent.some(([channel]) => channel === EVENTS.openRequest)).toBe(true))
  })
})
