/**
 * How a pool finds its worker thread's script. The build (app and `folio` command) emits each
 * worker as out/main/NAME.js beside the chunk of the module that starts it. From source (tests,
 * benchmarks) the worker is TypeScript: a two-line bootstrap registers tsx in the thread, then
 * imports it. Null when neither exists (a bundle without the worker): the caller works in its
 * own thread.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface WorkerScript {
  code: string | URL
  eval: boolean
}

/** `from`: the import.meta.url of the module starting the pool; `name`: the worker's file name without extension. */
export function workerScript(from: string, name: string): WorkerScript | null {
  const fromSource = from.endsWith('.ts')
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, from)
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return null
  if (!fromSource) return { code: url, eval: false }
  const tsx = import.meta.resolve('tsx/esm/api')
  return { code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}) })`, eval: true }
}
