/**
 * How Folio gets started and what it opens: one instance (a second launch hands its path to the
 * running window), paths from the command line and from the OS (file associations, macOS
 * open-file), recent folders, and the window's bounds remembered between launches.
 */
import { realpath, stat } from 'node:fs/promises'
import { dirname, extname, relative, resolve, sep } from 'node:path'
import { app, type BrowserWindow } from 'electron'
import type { EventApi } from '../../shared/contract'
import { detectSite } from '../workspace/site'
import type { SettingsStore } from './settings'

export type OpenTarget = EventApi['openRequest']

export const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown'])

/** The user's arguments: after the executable, and after the app path when run as `electron .`. */
export function userArgs(argv: readonly string[], packaged: boolean): string[] {
  return argv.slice(packaged ? 1 : 2).filter((arg) => !arg.startsWith('-'))
}

/**
 * What a path asks Folio to open. A folder opens as itself (the workspace finds the site around
 * it); an article opens its site, with the article's path relative to that site's root.
 */
export async function targetOf(path: string): Promise<OpenTarget | null> {
  let real: string
  try {
    real = await realpath(path)
  } catch {
    return null
  }
  const info = await stat(real)
  if (info.isDirectory()) return { folder: real, file: null }
  if (!info.isFile() || !ARTICLE_EXTENSIONS.has(extname(real).toLowerCase())) return null
  const site = await detectSite(dirname(real))
  return { folder: site.root, file: relative(site.root, real).split(sep).join('/') }
}

/** The first argument that names a folder or an article; later ones are ignored (one window). */
export async function launchTarget(args: readonly string[], cwd: string): Promise<OpenTarget | null> {
  for (const arg of args) {
    const target = await targetOf(resolve(cwd, arg))
    if (target) return target
  }
  return null
}

/** False when another Folio is running: this one hands over its arguments and should quit. */
export function setupSingleInstance(getWindow: () => BrowserWindow | null, open: (target: OpenTarget) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = getWindow()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    void launchTarget(userArgs(argv, app.isPackaged), workingDirectory).then((target) => {
      if (target) open(target)
    })
  })
  return true
}

/** macOS hands files (Finder, Dock, file associations) to `open-file`, possibly before `ready`. */
export function setupOpenFile(open: (target: OpenTarget) => void): void {
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void targetOf(path).then((target) => {
      if (target) open(target)
    })
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

/** Saves the bounds as the window closes; the normal bounds, so a maximized window restores sanely. */
export function rememberWindowState(window: BrowserWindow, settings: SettingsStore): void {
  window.on('close', () => {
    if (window.isDestroyed()) return
    void settings.update({ window: { bounds: window.getNormalBounds(), maximized: window.isMaximized() } })
  })
}

/** The folder to open at launch: the one asked for, else the last one if it still exists. */
export async function startupTarget(args: readonly string[], cwd: string, settings: SettingsStore): Promise<OpenTarget | null> {
  const asked = await launchTarget(args, cwd)
  if (asked) return asked
  const last = settings.get().lastFolder
  if (last === null) return null
  return targetOf(last)
}
