/**
 * Stands in for Folio's main process in lifetime.test.ts: starts a site server (a Node program
 * that starts a child of its own, like a watcher) through startServer, prints the group's pid once
 * it answers, and waits to be killed.
 */
import { startServer } from '../../../../electron/siteserver/server'
import { lifetimeFiles } from '../../../../electron/siteserver/lifetime'

const [, , root, script, stateDir] = process.argv
const running = await startServer({
  cwd: root!,
  command: { tool: 'eleventy', program: process.execPath, args: (port) => [script!, String(port)], display: 'server', shell: false },
  onOutput: () => undefined,
  lifetime: await lifetimeFiles(stateDir),
})
if (!(await running.ready)) process.exit(2)
console.log(`READY ${running.pid}`)
setInterval(() => undefined, 1000)
