/**
 * The `folio` command: index, check and edit front matter from a terminal. Plain Node over
 * electron/workspace and shared/frontmatter, so it edits exactly as the app does: minimal text
 * patches, written atomically, bytes of untouched files and lines left alone.
 */
import { version } from '../package.json'
import { UsageError, type CliIo } from './cli-command'

export type { CheckEntry, CheckRow, IndexEntry } from './cli-index'

const USAGE = `Usage:
  folio index DIR [--json]           list every article under DIR (one JSON array with --json)
  folio check DIR [--json]           print path:line: message for each header that does not parse (exit 1),
                                     then field checks as warning:/note: lines (they never fail the check)
  folio check DIR --links [--json]   broken images and internal links (path:line:column: message, exit 1),
                                     and headers that do not parse, printed as plain check prints them
                                     index and check reuse the app's index cache for files unchanged since
                                     (same size and modification time); --no-cache reads every file
  folio set FILE... KEY=VALUE        set KEY to the string VALUE in each file's header
  folio set FILE... --json KEY=JSON  set KEY to a typed JSON value (number, boolean, list, …)
  folio unset FILE... KEY            remove KEY from each file's header
  folio export PATH... --format html|md|site --out DIR [--inline-images] [--drafts]
                                     export articles as pages, Markdown bundles or a static site
  folio taxonomy DIR [--json]        every value of tags, categories and other list keys, with counts
  folio rename-value DIR KEY OLD NEW [--dry-run]
                                     rename a value of KEY in every article (Hexo categories: A › B);
                                     --dry-run prints each file's changed lines and writes nothing
  folio mv OLD NEW [--dry-run] [--json]
                                     rename or move an article (a Hexo post with its asset folder) or
                                     an image and rewrite every reference to it; --dry-run prints the
                                     changed lines and writes nothing
  folio status DIR [--json]          the articles changed since the last git commit, with their titles
                                     (new, untracked, modified, staged, deleted or conflicted)
  folio --version                    print Folio's version
Edits touch only the edited lines and are written atomically; a file whose header does not
parse, or that is not UTF-8, is left as it is and reported on stderr (exit status 1).`

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  write: (bytes) => process.stdout.write(bytes),
  cwd: process.cwd(),
  tty: process.stdout.isTTY === true,
}

/** Runs one command; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...args] = argv
  try {
    switch (command) {
      // Each command loads only its own code: `folio index` on a big folder starts in a fraction of
      // the time the whole command line (Markdown rendering, the exporter's DOM) takes to load.
      case 'index':
        return await (await import('./cli-index')).indexCommand(args, io)
      case 'check':
        return await (await import('./cli-index')).checkCommand(args, io)
      case 'set':
        return await (await import('./cli-edit')).setCommand(args, io)
      case 'unset':
        return await (await import('./cli-edit')).unsetCommand(args, io)
      case 'export':
        // Loaded on demand: the exporter's DOM (jsdom) would slow every other command's start.
        return await (await import('./export/cli-export')).runExport(args, io)
      case 'taxonomy':
      case 'rename-value': {
        // Loaded on demand, like export: most commands never need it.
        const taxonomy = await import('./taxonomy/cli-taxonomy')
        return await (command === 'taxonomy' ? taxonomy.taxonomyCommand(args, io) : taxonomy.renameValueCommand(args, io))
      }
      case 'mv':
        // Loaded on demand, like taxonomy.
        return await (await import('./links/cli-mv')).mvCommand(args, io)
      case 'status':
        // Loaded on demand: only this command runs git.
        return await (await import('./git/cli-status')).statusCommand(args, io)
      case '--version':
      case '-v':
        io.out(version)
        return 0
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return command === undefined ? 2 : 0
      default:
        io.err(`folio: unknown command "${command}"`)
        io.err(USAGE)
        return 2
    }
  } catch (error) {
    io.err(`folio: ${error instanceof Error ? error.message : String(error)}`)
    return error instanceof UsageError ? 2 : 1
  }
}
