#!/usr/bin/env node
// Runs the built command line, out/main/cli.js, which `npm run build` writes.
import { existsSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

const built = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(built)) {
  const repo = fileURLToPath(new URL('..', import.meta.url))
  console.error(`folio: the command line is not built yet (${fileURLToPath(built)} is missing): run \`npm run build\` in ${repo} first.`)
  process.exit(1)
}
// Node 22.1+ keeps V8's compiled code between runs (Node 20 has no such cache).
module.enableCompileCache?.()
await import(built.href)
