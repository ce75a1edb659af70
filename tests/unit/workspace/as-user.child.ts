/**
 * Opens a folder as whoever runs it (the permission tests start it as `nobody`, since root reads
 * everything), saves the files it is told to (or, for `+path`, makes them writable), and prints
 * what it saw as JSON.
 */
import { openWorkspace } from '../../../electron/workspace/workspace'

const [folder = '', ...saves] = process.argv.slice(2)
const ws = await openWorkspace({ root: folder, trash: async () => undefined })
const saved: Record<string, string> = {}
for (const arg of saves) {
  const path = arg.replace(/^\+/, '')
  try {
    if (arg.startsWith('+')) {
      await ws.makeWritable(path)
      saved[path] = 'writable'
      continue
    }
    const loaded = await ws.read(path)
    await ws.save(path, `${loaded.text}edited\n`, loaded.hash)
    saved[path] = 'saved'
  } catch (error) {
    saved[path] = `${(error as { code?: string }).code ?? ''}: ${(error as Error).message}`
  }
}
const list = (await ws.list()).map((a) => ({ path: a.path, error: a.error?.message ?? null }))
console.log(JSON.stringify({ list, warnings: ws.info.warnings ?? [], saved }))
await ws.close()
