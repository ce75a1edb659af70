#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: tsx compiles electron/cli.ts on the fly.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../electron/cli.ts')
process.exitCode = await main(process.argv.slice(2))
