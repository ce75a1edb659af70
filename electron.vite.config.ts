import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

/**
 * What `folio index` loads when its listing cache answers, cli-index.ts and every module it
 * imports statically, as two chunks: the CLI's own files, and the rest (shared with the app).
 * The command then reads four files at start instead of fourteen: each module costs Node's ESM
 * loader several file-system round trips, and on a busy machine each of those waits its turn.
 */
function warmIndexChunks(): (id: string, meta: { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }) => string | undefined {
  let modules: Set<string> | undefined
  return (id, { getModuleInfo }) => {
    if (!modules) {
      const found = new Set<string>()
      const todo = [resolve(root, 'electron/cli-index.ts')]
      for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
        const info = found.has(next) ? null : getModuleInfo(next)
        if (!info) continue
        found.add(next)
        todo.push(...info.importedIds)
      }
      modules = found
    }
    if (!modules.has(id)) return undefined
    return /[\\/]electron[\\/]cli[^\\/]*$/.test(id) ? 'cli-index' : 'folder-scan'
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(root, 'electron/app/main.ts'),
          // The `folio` command, plain Node (bin/folio.js and the packaged launcher run it).
          cli: resolve(root, 'electron/cli-main.ts'),
          // Export's sanitizer threads: sanitize-pool.ts looks for this file beside itself.
          'sanitize-worker': resolve(root, 'electron/export/sanitize-worker.ts'),
          // The index's threads: index-threads.ts looks for this file beside itself.
          'index-worker': resolve(root, 'electron/workspace/index-worker.ts'),
        },
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
