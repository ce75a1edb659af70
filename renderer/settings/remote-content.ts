import type { Settings } from '../../shared/contract'

/** True when the folder at `root` may load remote content. */
export function remoteAllowed(settings: Settings, root: string | null | undefined): boolean {
  return root !== null && root !== undefined && settings.remoteContentFolders.includes(root)
}

/** The settings patch that allows or blocks remote content for the folder at `root`. */
export function allowRemote(settings: Settings, root: string, allowed: boolean): Partial<Settings> {
  const others = settings.remoteContentFolders.filter((f) => f !== root)
  return { remoteContentFolders: allowed ? [...others, root].sort() : others }
}
