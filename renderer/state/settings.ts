import { useCallback, useState } from 'react'
import { DEFAULT_MEDIA_SETTINGS, readMediaSettings, type MediaSettings } from '../media/settings'

/** Per-user preferences kept in the renderer's local storage. */
export interface Settings {
  /** Save a dirty article after a pause in typing. Off by default: saving is the writer's call. */
  autosave: boolean
  /**
   * Content folders (absolute roots) whose articles may load remote images, media and CSS in the
   * preview, and keep them in exports and copies. Empty by default: loading a remote image tells
   * its server that the article was opened, so the writer chooses, folder by folder.
   */
  remoteContentFolders: string[]
  /**
   * The publish command the writer chose, per content folder (absolute root). Kept on this
   * computer, never read from the site: a cloned site cannot choose what Folio runs.
   */
  publishCommands: Record<string, string>
  /** Images: names, resize, metadata, upload command (renderer/media/settings). */
  media: MediaSettings
}

const KEY = 'folio.settings'
const DEFAULTS: Settings = { autosave: false, remoteContentFolders: [], publishCommands: {}, media: DEFAULT_MEDIA_SETTINGS }

function load(): Settings {
  try {
    // An older "blockRemoteImages" is ignored on purpose: remote content is now off unless allowed.
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Record<keyof Settings, unknown>>
    const folders = Array.isArray(stored.remoteContentFolders) ? stored.remoteContentFolders.filter((f): f is string => typeof f === 'string') : []
    const commands = typeof stored.publishCommands === 'object' && stored.publishCommands !== null ? stored.publishCommands : {}
    return {
      autosave: typeof stored.autosave === 'boolean' ? stored.autosave : DEFAULTS.autosave,
      remoteContentFolders: folders,
      publishCommands: Object.fromEntries(Object.entries(commands).filter((e): e is [string, string] => typeof e[1] === 'string')),
      media: readMediaSettings(stored.media),
    }
  } catch {
    return DEFAULTS
  }
}

/** True when the folder at `root` may load remote content. */
export function remoteAllowed(settings: Settings, root: string | null | undefined): boolean {
  return root !== null && root !== undefined && settings.remoteContentFolders.includes(root)
}

/** The settings patch that allows or blocks remote content for the folder at `root`. */
export function allowRemote(settings: Settings, root: string, allowed: boolean): Partial<Settings> {
  const others = settings.remoteContentFolders.filter((f) => f !== root)
  return { remoteContentFolders: allowed ? [...others, root].sort() : others }
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
