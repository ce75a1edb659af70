/**
 * The writer's settings that the shell carries out itself: the theme of native menus, dialogs and
 * the page's `prefers-color-scheme`, and the spell checker's languages (Electron's session).
 */
import { app, nativeTheme, session } from 'electron'
import type { Settings } from '../../shared/contract'
import { log } from '../log/log'

/**
 * The languages the session's spell checker offers; null on macOS, where the system's spell
 * checker finds the language by itself and Electron lets no one choose.
 */
export function spellCheckLanguages(): string[] | null {
  if (process.platform === 'darwin') return null
  return [...session.defaultSession.availableSpellCheckerLanguages]
}

/** The languages to set: those chosen that the session offers, else the system's own that it offers. */
export function languagesToUse(chosen: readonly string[], available: readonly string[], system: readonly string[]): string[] {
  const offered = new Set(available)
  const picked = chosen.filter((code) => offered.has(code))
  if (picked.length > 0) return picked
  // The system says en-GB or zh-Hans-CN; the spell checker may only offer en-GB or en.
  const own = system.flatMap((code) => [code, code.split('-')[0] ?? code]).filter((code) => offered.has(code))
  return [...new Set(own)].slice(0, 3)
}

export function applyWriterSettings(settings: Settings): void {
  nativeTheme.themeSource = settings.theme
  const spell = session.defaultSession
  spell.setSpellCheckerEnabled(settings.spellCheck)
  const available = spellCheckLanguages()
  if (available === null || !settings.spellCheck) return
  const languages = languagesToUse(settings.spellCheckLanguages, available, app.getPreferredSystemLanguages())
  if (languages.length === 0) return
  try {
    spell.setSpellCheckerLanguages(languages)
  } catch (error) {
    log.warn('settings', `The spell checker refused the languages ${languages.join(', ')}; it keeps the ones it had.`, error)
  }
}
