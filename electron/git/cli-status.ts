/**
 * `folio status DIR [--json]`: the articles changed since the last commit, with their titles,
 * for scripts and CI. Loaded on demand by the command line.
 */
import { isAbsolute, join, relative, sep } from 'node:path'
import { parseCommandArgs, type CliIo } from '../cli-command'
import { openFromCommandLine } from '../workspace/open-from-cli'
import { articleChanges } from './articles'
import { findRepo, repoStatus } from './status'

export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    usage: 'usage: folio status DIR [--json]',
    options: { json: { type: 'boolean', default: false } },
    positionals: { min: 1, max: 1 },
  })
  const [dirArg = ''] = positionals
  const json = values.json
  const { workspace, dir } = await openFromCommandLine(dirArg, io.cwd)
  try {
    const repo = await findRepo(dir)
    if (!repo) {
      io.err(`folio: ${dirArg} is not inside a git repository, so there is no last commit to compare with`)
      return 1
    }
    const status = await repoStatus(repo, dir)
    // The workspace may be the site around DIR: its paths are made relative to DIR, as in `index`.
    const articles = (await workspace.list()).flatMap((a) => {
      const rel = relative(dir, join(workspace.info.root, ...a.path.split('/')))
      return rel.startsWith('..') || isAbsolute(rel) ? [] : [{ ...a, path: rel.split(sep).join('/') }]
    })
    const changes = articleChanges(status.changes, articles)
    if (json) {
      io.out(JSON.stringify(changes, null, 2))
      return 0
    }
    const b = status.branch
    const where = b.name === null ? `detached at ${b.commit?.slice(0, 7) ?? '(no commit)'}` : `on ${b.name}`
    const track = b.upstream ? `, ${b.ahead} ahead and ${b.behind} behind ${b.upstream}` : ''
    io.out(`# ${where}${track}${status.operation ? `; a ${status.operation} is in progress` : ''}`)
    for (const c of changes) io.out(`${c.status}\t${c.path}\t${c.title ?? '(untitled)'}`)
    return 0
  } finally {
    await workspace.close()
  }
}
