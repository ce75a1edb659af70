import type { Workspace } from '../workspace/workspace'
import type { ReferenceDeps } from './references'

/**
 * What the site server and the preview's site references know of the open folder: its root, kind,
 * source folder and time zone, and its files read through the workspace's guard.
 */
export function workspaceSite(ws: Workspace): ReferenceDeps {
  return {
    root: ws.info.root,
    kind: ws.info.kind,
    sourceDir: ws.info.assets?.sourceDir ?? '',
    timeZone: ws.info.timeZone ?? 'UTC',
    list: () => ws.list(),
    read: (path) => ws.read(path),
    resolve: (path) => ws.resolve(path),
  }
}
