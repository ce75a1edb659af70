import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Rollup } from 'vite'

const root = import.meta.dirname

/** The main side's entries (the app, the command, the threads), by output name. */
const MAIN_ENTRIES = {
  main: resolve(root, 'electron/app/main.ts'),
  // The `folio` command, plain Node (bin/folio.js and the packaged launcher run it).
  cli: resolve(root, 'electron/cli-main.ts'),
  // Export's sanitizer threads: sanitize-pool.ts looks for this file beside itself.
  'sanitize-worker': resolve(root, 'electron/export/sanitize-worker.ts'),
  // The index's threads: index-threads.ts looks for this file beside itself.
  'index-worker': resolve(root, 'electron/workspace/index-worker.ts'),
}

type ModuleInfoOf = Parameters<Rollup.GetManualChunk>[1]['getModuleInfo']

/** Every module `from` loads: its static imports, and with `dynamic` the ones it imports on demand too. */
function reachOf(from: string, getModuleInfo: ModuleInfoOf, dynamic: boolean): Set<string> {
  const found = new Set<string>()
  const todo = [from]
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const info = found.has(next) ? null : getModuleInfo(next)
    if (!info) continue
    found.add(next)
    todo.push(...info.importedIds, ...(dynamic ? info.dynamicallyImportedIds : []))
  }
  return found
}

/**
 * What `folio index` loads when its listing cache answers: cli-index.ts and every module it
 * imports statically, in a few chunks instead of fourteen files (each ES module costs Node's
 * loader several file-system round trips, and on a busy machine each of those waits its turn).
 * The modules are grouped by which other entries load them at start, so the app and the threads
 * load no module they did not load before: what only the command uses is the `cli-index` chunk
 * (which nothing else loads), what every command loads the `cli-command` chunk, the rest one
 * chunk per set of entries that load it at start (`warm-main`, `warm-main_index-worker`, …) and
 * one for what the others load only on demand.
 */
function warmIndexChunks(): Rollup.GetManualChunk {
  let chunkOf: Map<string, string> | undefined
  const group = (getModuleInfo: ModuleInfoOf): Map<string, string> => {
    const cliEntry = reachOf(MAIN_ENTRIES.cli, getModuleInfo, false)
    const others = Object.entries(MAIN_ENTRIES)
      .filter(([name]) => name !== 'cli')
      .map(([name, id]) => ({ name, atStart: reachOf(id, getModuleInfo, false), ever: reachOf(id, getModuleInfo, true) }))
    const chunks = new Map<string, string>()
    for (const id of reachOf(resolve(root, 'electron/cli-index.ts'), getModuleInfo, false)) {
      const atStart = others.filter((e) => e.atStart.has(id)).map((e) => e.name)
      // What every command loads at start (cli-command.ts, package.json). Its own chunk, since rollup
      // would pull it into the chunk that imports it (cli-index), and every `folio set` would load that.
      if (cliEntry.has(id)) chunks.set(id, 'cli-command')
      else if (atStart.length > 0) chunks.set(id, `warm-${atStart.join('_')}`)
      else if (!others.some((e) => e.ever.has(id))) chunks.set(id, 'cli-index')
      // Loaded by another entry only on demand: kept out of cli-index (rollup would pull it in there).
      else chunks.set(id, 'warm-on-demand')
    }
    return chunks
  }
  return (id, { getModuleInfo }) => (chunkOf ??= group(getModuleInfo)).get(id)
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: MAIN_ENTRIES,
        // Shared chunks sit beside the entries, so `new URL('./sanitize-worker.js', import.meta.url)`
        // resolves to the worker from whichever file holds the pool.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', manualChunks: warmIndexChunks() },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        // A sandboxed preload cannot load ES modules or split chunks: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
