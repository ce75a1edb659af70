/**
 * The `folio` process: built to out/main/cli.js, which bin/folio.js (from a checkout) and the
 * packaged app's launcher run as plain Node.
 */
import { main } from './cli'

// A reader that stops early (`folio taxonomy DIR | head`) closes the pipe: stop quietly with the
// status so far, as Unix tools do, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
  })
}

process.exitCode = await main(process.argv.slice(2))
