/**
 * Child process for the crash test: saves through the one write path (the workspace's
 * ArticleStore.edit: hash check + atomic writer) over and over, printing a line after each save, until the parent SIGKILLs it.
 * Usage: node --import tsx save-loop.child.ts <folder> <files> <saves>
 */
import { openWorkspace } from '../../../electron/workspace/workspace'
import { version } from './save-loop.content'

const [folder, files, saves] = process.argv.slice(2)
const ws = await openWorkspace({ root: folder as string, trash: async () => undefined })
const hashes = new Map<string, string>()
for (let n = 1; n <= Number(saves); n++) {
  const path = `file-${n % Number(files)}.md`
  const hash = hashes.get(path) ?? (await ws.read(path)).hash
  const saved = await ws.edit(path, version(n % Number(files), n), hash)
  hashes.set(path, saved.hash)
  process.stdout.write(`saved ${n}\n`)
}
await ws.close()
