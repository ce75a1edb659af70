import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

const root = import.meta.dirname

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
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
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
