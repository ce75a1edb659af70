import { realpath } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { FolioError } from '../../shared/errors'
import { openWorkspace, type Workspace } from './workspace'

/**
 * The workspace of a folder named on the command line: resolved against the shell's working
 * folder, not watched, and never allowed to delete anything (there is no trash to undo from).
 * `dir` is the named folder's real path: the workspace may be the site around it.
 */
export async function openFromCommandLine(dirArg: string, cwd: string, options: { cacheDir?: string } = {}): Promise<{ workspace: Workspace; dir: string }> {
  const dir = await realpath(resolve(cwd, dirArg)).catch(() => {
    throw new FolioError({ code: 'NOT_FOUND', message: `${dirArg}: no such folder; check the path` })
  })
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
      throw new FolioError({ code: 'FORBIDDEN', message: 'the command line never deletes files' })
    },
  })
  return { workspace, dir }
}
