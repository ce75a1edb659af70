/**
 * The `folio` process: built to out/main/cli.js, which bin/folio.js (from a checkout) and the
 * packaged app's launcher run as plain Node.
 */
import { main } from './cli'

process.exitCode = await main(process.argv.slice(2))
