/**
 * The Electron entry point. Each feature lives in its own file with a setupX() (Electron Fiddle
 * style); this file only decides the order and connects them around the handlers table that
 * implements the IPC contract (the same table the e2e harness drives in Chromium).
 *
 * Startup shows the window first and opens the folder after: the page pulls what it was asked to
 * open (open-requests.ts), so a second launch or an open-file that arrives meanwhile is queued for
 * the one window instead of making another.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { app, shell, type BrowserWindow, type WebContents } from 'electron'
import { uiLocaleFor } from '../../shared/contract'
import { createHandlers } from '../handlers'
import { log, useLogger } from '../log/log'
import { createFileLogger, LOG_FILE } from '../log/logger'
import { setupCloseGuard, type CloseGuard } from './close-guard'
import { chooseFolder, chooseImages, confirmUnsaved, showCrashed } from './dialogs'
import { chooseExportTarget, printToPdf, writeClipboard } from './export-native'
import { ensureSample } from './first-run'
import { installCommandLine } from './install-cli'
import { createEmitter, setupIpc } from './ipc'
import {
  focusWindow,
  forgetRecentFolders,
  launchOutcomes,
  rememberFolder,
  rememberWindowState,
  resolveTarget,
  setupOpenFile,
  setupSingleInstance,
  startupOutcomes,
  userArgs,
  type LaunchRequest,
} from './lifecycle'
import { setupApplicationMenu, setupContextMenu } from './menu'
import { createOpenRequests, type OpenOutcome } from './open-requests'
import { profileName, RENDERER_DIR } from './paths'
import { INDEX_CACHE_FOLDER } from '../system/app-data'
import { ASSET_BASE, registerSchemes, setupProtocols } from './protocol'
import { setupCrashRecovery } from './recovery'
import { setupSecurity } from './security'
import { openSettings } from '../settings/store'
import { createMainWindow, loadRenderer } from './window'
import { applyWriterSettings, spellCheckLanguages } from './writer-settings'

let mainWindow: BrowserWindow | null = null
const trusted = (): WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null)
const emit = createEmitter(trusted)
const opens = createOpenRequests(emit)

// Set once the app is ready: a request for a window that was closed (macOS keeps running) reopens it.
let ensureWindow = (): void => undefined
const deliver = (outcome: OpenOutcome): void => {
  ensureWindow()
  opens.deliver(outcome)
}
const openLaunch = (launch: LaunchRequest): void => opens.track(launchOutcomes(launch).then((outcomes) => outcomes.forEach(deliver)))
const openPath = (path: string): void => opens.track(resolveTarget(path, process.cwd()).then(deliver))

// A separate profile (settings, journal, single-instance lock) for each e2e run of the real app,
// and one for development builds that never touches the installed app's.
if (process.env.FOLIO_USER_DATA) {
  app.setPath('userData', process.env.FOLIO_USER_DATA)
} else {
  app.setName(profileName(app.isPackaged))
  app.setPath('userData', join(app.getPath('appData'), profileName(app.isPackaged)))
}
registerSchemes()
app.setAppUserModelId('app.folio.editor')
const launch: LaunchRequest = { args: userArgs(process.argv, app.isPackaged), cwd: process.cwd() }
// A second launch brings the window forward, reopening it if it was closed (macOS keeps running).
const showWindow = (): void => {
  ensureWindow()
  focusWindow(mainWindow)
}
if (!setupSingleInstance(launch, showWindow, openLaunch)) {
  app.quit()
} else {
  setupOpenFile(openPath)
  void app.whenReady().then(start)
}

/** Points the file manager at folio.log; before anything was logged, at its (then made) folder. */
async function showLog(folder: string): Promise<void> {
  const file = join(folder, LOG_FILE)
  if (existsSync(file)) return shell.showItemInFolder(file)
  await mkdir(folder, { recursive: true })
  const problem = await shell.openPath(folder)
  if (problem !== '') log.warn('main', `Could not show the log folder ${folder}: ${problem}`)
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  // From here on, failures of the main process and the page go to folio.log in the log folder.
  useLogger(createFileLogger(app.getPath('logs')))
  process.on('uncaughtExceptionMonitor', (error) => log.error('main', 'Uncaught exception in the main process', error))
  process.on('unhandledRejection', (reason) => log.error('main', 'A promise of the main process failed with nobody waiting for it', reason))
  // The system's language until the renderer says which one the writer chose.
  let locale = uiLocaleFor(app.getPreferredSystemLanguages()[0])
  const settings = await openSettings(join(userData, 'settings.json'))
  let guard: CloseGuard | null = null

  const refreshMenu = (): void =>
    setupApplicationMenu({
      locale,
      platform: process.platform,
      recent: settings.get().recentFolders,
      dev: !app.isPackaged,
      actions: {
        command: (command) => emit('menuCommand', { command }),
        openRecent: openPath,
        clearRecent: () => void forgetRecentFolders(settings).then(refreshMenu),
        openSample: () => opens.track(ensureSample().then((folder) => deliver({ folder, file: null }))),
        showLog: () => void showLog(app.getPath('logs')),
        ...(app.isPackaged && process.platform !== 'win32' ? { installCommandLine: () => void (mainWindow && installCommandLine(mainWindow, locale)) } : {}),
      },
    })

  const handlers = createHandlers({
    onUiLocale: (next) => {
      if (next === locale) return
      locale = next
      refreshMenu()
    },
    chooseFolder: () => {
      const open = handlers.current()
      const start = open ? dirname(open.info.root) : app.getPath('documents')
      return mainWindow ? chooseFolder(mainWindow, locale, start) : Promise.resolve(null)
    },
    chooseImages: () => (mainWindow ? chooseImages(mainWindow, locale, app.getPath('pictures')) : Promise.resolve(null)),
    trash: (path) => shell.trashItem(path),
    cacheDir: join(userData, INDEX_CACHE_FOLDER),
    journalDir: join(userData, 'recovery'),
    siteServerDir: join(userData, 'siteserver'),
    madeImagesFile: join(userData, 'made-images.json'),
    assetBase: ASSET_BASE,
    emit,
    onUnsavedChange: (paths) => guard?.unsavedChanged(paths),
    onFolderOpened: (info) => void rememberFolder(settings, info.root).then(refreshMenu),
    recentFolders: async () => [...settings.get().recentFolders],
    chooseExportTarget: (question) => (mainWindow ? chooseExportTarget(mainWindow, locale, question, app.getPath('documents')) : Promise.resolve(null)),
    printToPdf,
    writeClipboard,
    takeOpenRequest: () => opens.take(),
    settings,
    spellCheckLanguages,
    onSettings: applyWriterSettings,
  })

  setupSecurity({ siteServerOrigin: () => handlers.siteServerOrigin() })
  applyWriterSettings(settings.get().preferences)
  setupProtocols(RENDERER_DIR, () => handlers.current())
  setupIpc(handlers, trusted)
  refreshMenu()

  const openWindow = (): BrowserWindow => {
    const window = createMainWindow(settings.get().window)
    mainWindow = window
    rememberWindowState(window, settings)
    setupContextMenu(window, () => locale)
    // The page that replaces a crashed one pulls its requests again, and must answer recovery
    // again before a close may clear the journal (registered before the reload below).
    window.webContents.on('render-process-gone', () => {
      opens.pageGone()
      handlers.pageGone()
    })
    setupCrashRecovery(window, { onGiveUp: () => void showCrashed(window, locale) })
    guard = setupCloseGuard(window, {
      // A page that does not answer (hung, crashed) is asked about what it last reported.
      unsaved: () => handlers.unsavedSettled(),
      confirm: (count) => confirmUnsaved(window, count, locale),
      requestSave: () => emit('menuCommand', { command: 'save-all' }),
      discard: () => handlers.discardUnsaved(),
    })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
      // The site's server was started for this window (macOS keeps the app running without one).
      void handlers.stopSiteServer()
      // macOS keeps running: a request now waits for the next window's page to pull it.
      opens.pageGone()
    })
    void loadRenderer(window)
    return window
  }
  ensureWindow = () => {
    if (!mainWindow) openWindow()
  }

  // The window first: indexing a big folder must not keep the user looking at nothing.
  openWindow()

  // First launch ever: a copy of the sample site. No bundled sample (a bare checkout): the welcome screen.
  // A profile that cannot be written (full disk, read-only) still opens the sample (the copy is reused next time).
  const firstRun = async (): Promise<OpenOutcome[]> => {
    if (settings.get().sampleCreated) return []
    const folder = await ensureSample().catch((error: unknown) => {
      log.error('first-run', 'Could not copy the sample folder to Documents; the welcome screen is shown instead.', error)
      return null
    })
    if (folder === null) return []
    // A failed write is logged by the settings store; the copy is reused next time.
    await settings.update({ sampleCreated: true })
    return [{ folder, file: null }]
  }
  try {
    const initial = await startupOutcomes(launch, settings.get().lastFolder).catch((error: unknown) => {
      log.error('open', 'Could not work out what to open at launch.', error)
      return []
    })
    const outcomes = initial.length > 0 ? initial : await firstRun()
    // A second launch that arrived meanwhile was asked later: its request wins over these.
    for (const outcome of outcomes) opens.deliver(outcome, { unlessWaiting: true })
  } finally {
    // Whatever failed above, the page must not wait for its requests forever.
    opens.settle()
  }

  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    // Flush the journal and the settings (the window's bounds), stop the watcher, then end.
    event.preventDefault()
    disposed = true
    void Promise.allSettled([handlers.dispose(), settings.flush()])
      .then(() => log.flush())
      .finally(() => app.quit())
  })
}
