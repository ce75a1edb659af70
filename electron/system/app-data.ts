/**
 * Where Folio keeps its own files (settings, crash journal, index cache), found without Electron
 * so the `folio` command shares the app's index cache: the same folder app.getPath('userData')
 * gives the app, FOLIO_USER_DATA first (tests and e2e runs give each their own).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The profile folder's name: a development build must not share the installed app's, or running
 * one would lock out the other and both would write one settings file.
 */
export function profileName(packaged: boolean): string {
  return packaged ? 'Folio' : 'Folio Dev'
}

/** The index cache's folder inside the profile. */
export const INDEX_CACHE_FOLDER = 'index-cache'

/** Electron's app.getPath('appData') on each system. */
function appDataRoot(): string {
  if (process.platform === 'win32') return process.env.APPDATA || join(homedir(), 'AppData', 'Roaming')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return process.env.XDG_CONFIG_HOME || join(homedir(), '.config')
}

/**
 * The profile folder as the app finds it. The installed `folio` command runs on Folio's own
 * Electron (the installed app's profile); from a checkout it runs on plain Node, as the
 * development build does (that build's profile).
 */
export function userDataFolder(): string {
  return process.env.FOLIO_USER_DATA || join(appDataRoot(), profileName(process.versions.electron !== undefined))
}
