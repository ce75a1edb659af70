/**
 * How Folio gets started and what it opens: one instance (a second launch hands its path to the
 * running window), paths from the command line and from the OS (file associations, macOS
 * open-file), recent folders, and the window's bounds remembered between launches.
 */
import { open, realpath, stat } from 'node:fs/promises'
import { basename, dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow } from 'electron'
import type { FolioErrorData } from '../../shared/errors'
import { detect } from '../../shared/frontmatter'
import { articleFileKind } from '../workspace/scan'
import { detectSite } from '../workspace/site'
import type { OpenOutcome } from './open-requests'
import type { SettingsStore } from '../settings/store'

/** What a launch asks for: its arguments and the folder they are relative to. */
export interface LaunchRequest {
  args: string[]
  cwd: string
}

/**
 * The user's arguments. Switches are dropped wherever they are (a relaunch through Chromium puts
 * them first), and so is the app path that `electron .` and `electron out/main/main.js` pass
 * before the user's own arguments. An empty argument (a script's unset variable) asks for nothing:
 * resolved, it would open the working folder, which is / for an app the Finder starts.
 */
export function userArgs(argv: readonly string[], packaged: boolean): string[] {
  const plain = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'))
  return packaged ? plain : plain.slice(1)
}

/** why: uri, not-local, missing, not-article or last-gone (the params of the reason cannot-open). */
const cannotOpen = (asked: string, why: string, message: string): FolioErrorData => ({
  code: 'CANNOT_OPEN',
  path: asked,
  message,
  reason: 'cannot-open',
  params: { path: asked, why },
})

/**
 * An argument as a local path. Linux desktop entries pass `%U`: file:// URIs, percent-encoded.
 * Null for what is no local file: a web address, another scheme, a file URI on another host.
 */
export function localPath(arg: string, cwd: string): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg)
    } catch {
      // Not a local file URL: the caller reports the argument as one Folio cannot open.
      return null
    }
  }
  // A scheme of two letters or more; "C:\posts" is a Windows path, not a scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return null
  return resolve(cwd, arg)
}

/** A file:// URI with no host (or localhost): one that names this computer, even if it cannot be decoded. */
function isLocalFileUri(arg: string): boolean {
  if (!/^file:/i.test(arg)) return false
  try {
    return new URL(arg).host === ''
  } catch {
    // Not a URL at all, so not a file URL.
    return false
  }
}

/**
 * What a path or URI asks Folio to open. A folder opens as itself (the workspace finds the site
 * around it); an article opens its site, with the article's path relative to that site's root.
 * Anything else is a problem with a sentence the user can act on.
 */
export async function resolveTarget(asked: string, cwd: string): Promise<OpenOutcome> {
  const path = localPath(asked, cwd)
  if (path === null) {
    if (isLocalFileUri(asked))
      return cannotOpen(
        asked,
        'uri',
        `Folio could not read “${asked}” as a file address: it has a broken %-escape or an encoded “/”. Open the file from Folio instead.`,
      )
    return cannotOpen(asked, 'not-local', `Folio can only open folders and articles on this computer, not “${asked}”.`)
  }
  let real: string
  try {
    real = await realpath(path)
  } catch {
    return cannotOpen(path, 'missing', `Folio could not open “${path}”: there is no such file or folder. It may have been moved or deleted.`)
  }
  const info = await stat(real).catch(() => null)
  if (info?.isDirectory()) return { folder: real, file: null }
  const kind = info?.isFile() ? articleFileKind(basename(real)) : null
  if (kind === null || (kind === 'needs-header' && !(await startsWithHeader(real)))) {
    return cannotOpen(
      real,
      'not-article',
      `Folio could not open “${real}”: it is neither a folder nor an article (.md, .markdown, .mdx, or .html/.txt with a front-matter header).`,
    )
  }
  const site = await detectSite(dirname(real))
  return { folder: site.root, file: relative(site.root, real).split(sep).join('/') }
}

/** An .html or .txt file is an article only with a front-matter header (as the library decides). */
async function startsWithHeader(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null)
  if (handle === null) return false
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(64 * 1024) })
    return detect(buffer.subarray(0, bytesRead).toString('utf8')).format !== 'none'
  } finally {
    await handle.close()
  }
}

const isProblem = (outcome: OpenOutcome): outcome is FolioErrorData => 'code' in outcome

/** Every argument's problem, and the first one that names a folder or an article (one window opens one folder). */
export async function launchOutcomes(launch: LaunchRequest): Promise<OpenOutcome[]> {
  const outcomes: OpenOutcome[] = []
  for (const arg of launch.args) {
    const outcome = await resolveTarget(arg, launch.cwd)
    if (isProblem(outcome)) outcomes.push(outcome)
    else if (!outcomes.some((o) => !isProblem(o))) outcomes.push(outcome)
  }
  return outcomes
}

/**
 * What opens at launch: what was asked for; else the last folder, or a sentence saying it is gone.
 * An empty list means nothing asked and no last folder (the first run decides).
 */
export async function startupOutcomes(launch: LaunchRequest, lastFolder: string | null): Promise<OpenOutcome[]> {
  const asked = await launchOutcomes(launch)
  if (asked.some((o) => !isProblem(o)) || lastFolder === null) return asked
  const last = await resolveTarget(lastFolder, launch.cwd)
  const gone = cannotOpen(
    lastFolder,
    'last-gone',
    `The folder you had open last, “${lastFolder}”, is no longer there or cannot be read. Open it again from where it is now, or choose another folder.`,
  )
  return [...asked, isProblem(last) ? gone : last]
}

const isLaunchRequest = (value: unknown): value is LaunchRequest =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as LaunchRequest).args) &&
  (value as LaunchRequest).args.every((arg) => typeof arg === 'string') &&
  typeof (value as LaunchRequest).cwd === 'string'

/**
 * False when another Folio is running: this one has handed over its arguments and should quit.
 * The arguments travel as the lock's additionalData, already parsed by the instance that got them:
 * the argv the running instance receives has Chromium's switches first and cannot be read by position.
 */
export function setupSingleInstance(launch: LaunchRequest, focus: () => void, open: (launch: LaunchRequest) => void): boolean {
  if (!app.requestSingleInstanceLock(launch)) return false
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    focus()
    open(isLaunchRequest(additionalData) ? additionalData : { args: userArgs(argv, app.isPackaged), cwd: workingDirectory })
  })
  return true
}

/** Brings our window forward (a second launch, the Dock). */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.focus()
}

/** macOS hands files (Finder, Dock, file associations) to `open-file`, possibly before `ready`. */
export function setupOpenFile(open: (path: string) => void): void {
  app.on('open-file', (event, path) => {
    event.preventDefault()
    open(path)
  })
}

export async function rememberFolder(settings: SettingsStore, folder: string): Promise<void> {
  await settings.addRecent(folder)
  app.addRecentDocument(folder)
}

export async function forgetRecentFolders(settings: SettingsStore): Promise<void> {
  await settings.update({ recentFolders: [] })
  app.clearRecentDocuments()
}

const BOUNDS_SAVE_DELAY_MS = 1000

/**
 * Saves the bounds a moment after the window is moved or resized (a crash or a kill keeps them)
 * and as it closes; the normal bounds, so a maximized window restores sanely. The app waits for
 * the settings to reach the disk before it quits.
 */
export function rememberWindowState(window: BrowserWindow, settings: SettingsStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const save = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (window.isDestroyed()) return
    void settings.update({ window: { bounds: window.getNormalBounds(), maximized: window.isMaximized() } })
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, BOUNDS_SAVE_DELAY_MS)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', save)
  window.on('closed', () => clearTimeout(timer))
}
