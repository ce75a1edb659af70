import { useCallback, useState } from 'react'

/** Per-user preferences kept in the renderer's local storage. */
export interface Settings {
  /** Save a dirty article after a pause in typing. Off by default: saving is the writer's call. */
  autosave: boolean
  blockRemoteImages: boolean
}

const KEY = 'folio.settings'
const DEFAULTS: Settings = { autosave: false, blockRemoteImages: false }

function load(): Settings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>
    return {
      autosave: typeof stored.autosave === 'boolean' ? stored.autosave : DEFAULTS.autosave,
      blockRemoteImages: typeof stored.blockRemoteImages === 'boolean' ? stored.blockRemoteImages : DEFAULTS.blockRemoteImages,
    }
  } catch {
    return DEFAULTS
  }
}

export function useSettings(): [Settings, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(load)
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch }
      localStorage.setItem(KEY, JSON.stringify(next))
      return next
    })
  }, [])
  return [settings, update]
}
