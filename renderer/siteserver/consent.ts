/**
 * The folders whose own server the writer agreed to run (starting it runs the site's code), kept
 * in the writer's settings on this computer, never read from the site: a cloned site cannot agree
 * for them. The main process refuses to start a server for a folder not listed.
 */
import { folio } from '../bridge'

export async function isTrusted(root: string): Promise<boolean> {
  return (await folio.getSettings()).settings.siteServerFolders.includes(root)
}

export async function trust(root: string): Promise<void> {
  const folders = (await folio.getSettings()).settings.siteServerFolders
  if (!folders.includes(root)) await folio.updateSettings({ siteServerFolders: [...folders, root].sort() })
}
