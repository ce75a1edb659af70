/** Real temporary folders for workspace tests: fixtures are copied, never touched in place. */
import { cp, mkdir, rename } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openWorkspace, type OpenWorkspaceOptions, type Workspace } from '../../../electron/workspace/workspace'
import { afterThisTest, tempDir as scratch } from '../temp-dir'

export const SITES = fileURLToPath(new URL('../../fixtures/sites/', import.meta.url))
export type SiteName = 'hexo' | 'jekyll' | 'hugo' | 'astro' | 'plain'

export const tempDir = (prefix = 'folio-ws-'): Promise<string> => scratch(prefix)

/** A fresh copy of a fixture site; returns its folder. */
export async function copySite(site: SiteName): Promise<string> {
  const dir = await tempDir()
  const root = join(dir, site)
  await cp(join(SITES, site), root, { recursive: true })
  return root
}

/** A trash that moves into a folder of its own and records what it was given. */
export async function fakeTrash(): Promise<{ trash: (abs: string) => Promise<void>; trashed: string[]; dir: string }> {
  const dir = await tempDir('folio-trash-')
  const trashed: string[] = []
  return {
    dir,
    trashed,
    trash: async (abs) => {
      trashed.push(abs)
      await mkdir(dir, { recursive: true })
      await rename(abs, join(dir, `${trashed.length}-${basename(abs)}`))
    },
  }
}

/** Opens a workspace that is closed after the test. */
export async function open(root: string, options: Partial<OpenWorkspaceOptions> = {}): Promise<Workspace> {
  const trash = options.trash ?? (await fakeTrash()).trash
  const ws = await openWorkspace({ root, trash, ...options })
  afterThisTest(() => ws.close())
  return ws
}

/** Resolves when check() holds, polling; fails after timeoutMs. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000, state: () => unknown = () => ''): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`waitFor: condition not met in ${timeoutMs} ms ${JSON.stringify(state())}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** An index cache file's entries ([path, size, mtimeMs, …]): its first JSON text, before the newline its header fields follow. */
export function cacheEntries(text: string): [string, number, number][] {
  return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { files: [string, number, number][] }).files
}
