/**
 * The writer's settings in the renderer: read from the main process's store once, changed through
 * it. A change shows at once and is sent on; if the main process refuses it (or cannot be reached),
 * the settings it holds are shown again and the failure is reported.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Settings, SettingsState } from '../../shared/contract'
import { isSettingsPatch, SETTINGS_DEFAULTS, validSetting } from '../../shared/settings'
import { folio } from '../bridge'

/** Where these settings were kept before the main process kept them (moved over once, then removed). */
const LEGACY_KEY = 'folio.settings'

/** What the old renderer-side settings held that is still valid, as a patch. */
function legacyPatch(): Partial<Settings> | null {
  const text = localStorage.getItem(LEGACY_KEY)
  if (text === null) return null
  try {
    const stored = JSON.parse(text) as Record<string, unknown>
    const patch = Object.fromEntries(Object.entries(stored).filter(([key, value]) => validSetting(key, value)))
    return isSettingsPatch(patch) ? patch : null
  } catch {
    return null
  }
}

export interface SettingsInfo {
  /** False until the main process answered (the defaults are shown until then). */
  loaded: boolean
  /** The settings file and what was wrong in it when read. */
  file: string | null
  problems: SettingsState['problems']
  /** The spell checker's languages; null when the system chooses them. */
  spellCheckLanguages: string[] | null
}

export function useSettings(onError: (error: unknown) => void): [Settings, (patch: Partial<Settings>) => void, SettingsInfo] {
  const [settings, setSettings] = useState<Settings>(SETTINGS_DEFAULTS)
  const [info, setInfo] = useState<SettingsInfo>({ loaded: false, file: null, problems: [], spellCheckLanguages: null })
  const reportError = useRef(onError)
  reportError.current = onError

  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const state = await folio.getSettings()
        const legacy = legacyPatch()
        const current = legacy ? await folio.updateSettings(legacy) : state.settings
        localStorage.removeItem(LEGACY_KEY)
        if (!live) return
        setSettings(current)
        setInfo({ loaded: true, file: state.file, problems: state.problems, spellCheckLanguages: state.spellCheckLanguages })
      } catch (error) {
        if (live) reportError.current(error)
      }
    })()
    return () => {
      live = false
    }
  }, [])

  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }))
    folio.updateSettings(patch).then(setSettings, (error: unknown) => {
      reportError.current(error)
      void folio.getSettings().then(
        (state) => setSettings(state.settings),
        () => undefined,
      )
    })
  }, [])
  return [settings, update, info]
}
