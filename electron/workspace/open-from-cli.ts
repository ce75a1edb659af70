import { realpath } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { FolioError, said } from '../../shared/errors'
import type { SiteSettings } from './site'
import type { Workspace } from './workspace'
import type { FolderIndex, FolderIndexOptions } from './folder-index'

/** The real path of a folder named on the command line, resolved against the shell's working folder. */
export async function commandLineFolder(dirArg: string, cwd: string): Promise<string> {
  return realpath(resolve(cwd, dirArg)).catch(() => {
    throw new FolioError({
      code: 'NOT_FOUND',
      message: `${dirArg}: no such folder; check the path`,
      reason: 'folder-unopenable',
      params: { root: dirArg, detail: 'it does not exist', errno: 'ENOENT' },
    })
  })
}

/**
 * The workspace of a folder named on the command line: not watched, and never allowed to delete
 * anything (there is no trash to undo from). `dir` is the named folder's real path: the workspace
 * may be the site around it.
 */
export async function openFromCommandLine(dirArg: string, cwd: string, options: { cacheDir?: string } = {}): Promise<{ workspace: Workspace; dir: string }> {
  const dir = await commandLineFolder(dirArg, cwd)
  // Loaded on demand: `folio index` and `folio check` need only the index (openIndexFromCommandLine).
  const { openWorkspace } = await import('./workspace')
  const workspace = await openWorkspace({
    root: dir,
    watch: false,
    // A command has the machine to itself while it runs: index on every core.
    threads: availableParallelism(),
    readTexts: false,
    // A second walk of the whole folder for temp files of crashed saves: the app's hygiene, not a listing's.
    sweepTemps: false,
    // The app's index cache, when the command asks for it: a second run over an unchanged folder only lists and stats it.
    cacheDir: options.cacheDir,
    trash: async () => {
      throw new FolioError({ code: 'FORBIDDEN', ...said('cli-no-trash') })
    },
  })
  return { workspace, dir }
}

/**
 * The built index of a site for commands that only list (`index`, `check`): every core reads,
 * and the app's cache is used when `cacheDir` is given. Close the index when done (it writes the cache).
 */
export async function openIndexFromCommandLine(site: SiteSettings, options: Pick<FolderIndexOptions, 'cacheDir' | 'textFacts'> = {}): Promise<FolderIndex> {
  // Loaded on demand: a command answered from its listing cache reads no article.
  const { prepareFolderIndex } = await import('./folder-index')
  const folder = await prepareFolderIndex(site, { ...options, threads: availableParallelism() })
  await folder.index.build()
  folder.info.warnings = [...(folder.info.warnings ?? []), ...folder.index.problems]
  return folder
}
