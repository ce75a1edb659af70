/**
 * The Electron entry point. Each feature lives in its own file with a setupX() (Electron Fiddle
 * style); this file only decides the order and connects them around the handlers table that
 * implements the IPC contract (the same table the e2e harness drives in Chromium).
 */
import { join } from 'node:path'
import { app, shell, type BrowserWindow, type WebContents } from 'electron'
import { createHandlers } from '../handlers'
import { setupCloseGuard, type CloseGuard } from './close-guard'
import { chooseFolder, confirmUnsaved, showCrashed } from './dialogs'
import { chooseExportTarget, printToPdf, writeClipboard } from './export'
import { ensureSample } from './first-run'
import { installCommandLine } from './install-cli'
import { createEmitter, setupIpc } from './ipc'
import {
  forgetRecentFolders,
  rememberFolder,
  rememberWindowState,
  setupOpenFile,
  setupSingleInstance,
  startupTarget,
  userArgs,
  type OpenTarget,
} from './lifecycle'
import { setupApplicationMenu, setupContextMenu } from './menu'
import { ASSET_BASE, registerSchemes, setupProtocols } from './protocol'
import { setupCrashRecovery } from './recovery'
import { setupSecurity } from './security'
import { openSettings } from './settings'
import { pickLocale } from './strings'
import { createMainWindow, loadRenderer } from './window'

let mainWindow: BrowserWindow | null = null
const trusted = (): WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null)

// Open requests that arrive before the app is ready (macOS open-file at launch) wait here.
const early: OpenTarget[] = []
let deliver = (target: OpenTarget): void => {
  early.push(target)
}

// A separate profile (settings, journal, single-instance lock) for each e2e run of the real app.
if (process.env.FOLIO_USER_DATA) app.setPath('userData', process.env.FOLIO_USER_DATA)
registerSchemes()
app.setAppUserModelId('app.folio.editor')
if (!setupSingleInstance(() => mainWindow, (target) => deliver(target))) {
  app.quit()
} else {
  setupOpenFile((target) => deliver(target))
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  // The system's language until the renderer says which one the writer chose.
  let locale = pickLocale(app.getPreferredSystemLanguages())
  const settings = await openSettings(join(userData, 'settings.json'))
  const emit = createEmitter(trusted)
  let guard: CloseGuard | null = null

  const refreshMenu = (): void =>
    setupApplicationMenu({
      locale,
      platform: process.platform,
      recent: settings.get().recentFolders,
      dev: !app.isPackaged,
      actions: {
        command: (command) => emit('menuCommand', { command }),
        openRecent: (folder) => deliver({ folder, file: null }),
        clearRecent: () => void forgetRecentFolders(settings).then(refreshMenu),
        openSample: () => void ensureSample().then((folder) => deliver({ folder, file: null })),
        ...(app.isPackaged && process.platform !== 'win32'
          ? { installCommandLine: () => void (mainWindow && installCommandLine(mainWindow, locale)) }
          : {}),
      },
    })

  const handlers = createHandlers({
    onUiLocale: (next) => {
      if (next === locale) return
      locale = next
      refreshMenu()
    },
    chooseFolder: () => (mainWindow ? chooseFolder(mainWindow, locale) : Promise.resolve(null)),
    trash: (path) => shell.trashItem(path),
    cacheDir: join(userData, 'index-cache'),
    journalDir: join(userData, 'recovery'),
    assetBase: ASSET_BASE,
    emit,
    onUnsavedChange: (paths) => guard?.unsavedChanged(paths),
    onFolderOpened: (info) => void rememberFolder(settings, info.root).then(refreshMenu),
    recentFolders: async () => [...settings.get().recentFolders],
    chooseExportTarget: (question) => (mainWindow ? chooseExportTarget(mainWindow, locale, question, app.getPath('documents')) : Promise.resolve(null)),
    printToPdf,
    writeClipboard,
  })

  setupSecurity()
  setupProtocols(join(app.getAppPath(), 'out', 'renderer'), () => handlers.current())
  setupIpc(handlers, trusted)
  refreshMenu()

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow(settings.get().window)
    mainWindow = window
    rememberWindowState(window, settings)
    setupContextMenu(window, () => locale)
    setupCrashRecovery(window, { onGiveUp: () => void showCrashed(window, locale) })
    guard = setupCloseGuard(window, {
      unsaved: () => handlers.unsaved(),
      confirm: (count) => confirmUnsaved(window, count, locale),
      requestSave: () => emit('menuCommand', { command: 'save-all' }),
      discard: () => handlers.discardUnsaved(),
    })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    void loadRenderer(window)
    return window
  }

  // The renderer decides (it may hold unsaved work); a window still loading hears it once loaded.
  deliver = (target) => {
    const window = mainWindow ?? openWindow()
    if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => emit('openRequest', target))
    else emit('openRequest', target)
  }

  // First launch ever: a copy of the sample site. No bundled sample (a bare checkout): the welcome screen.
  const firstRun = async (): Promise<OpenTarget | null> => {
    if (settings.get().sampleCreated) return null
    const folder = await ensureSample().catch(() => null)
    if (folder === null) return null
    await settings.update({ sampleCreated: true })
    return { folder, file: null }
  }

  // Opened before the window loads, so the renderer's first getFolder() already sees it.
  const initial =
    early.shift() ?? (await startupTarget(userArgs(process.argv, app.isPackaged), process.cwd(), settings)) ?? (await firstRun())
  const opened = initial ? await handlers.openFolder(initial.folder).catch(() => null) : null
  openWindow()
  if (initial && opened && initial.file !== null) deliver(initial)
  for (const target of early.splice(0)) deliver(target)

  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    // Flush the journal and stop the watcher before the process ends.
    event.preventDefault()
    disposed = true
    void handlers.dispose().finally(() => app.quit())
  })
}
