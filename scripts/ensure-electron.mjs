#!/usr/bin/env node
/**
 * Makes sure the Electron binary is on disk before a command that runs or packages the app.
 * Since Electron 42 `npm install` no longer downloads it: the `electron` package fetches it the
 * first time it is required, while electron-vite reads node_modules/electron/path.txt directly
 * and dies with "Electron uninstall" when it is missing. This runs the package's own installer
 * once, and when that cannot work says why in one sentence instead of a stack trace.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The Node Electron's installer (@electron/get) declares in its engines. */
const NODE_NEEDED = [22, 12]
/** A download that has not finished after this long is treated as impossible. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))

/** ELECTRON_EXEC_PATH is electron-vite's own way to point at a binary elsewhere (checked to exist below). */
function installed() {
  if (process.env.ELECTRON_EXEC_PATH) return true
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
}

function fail(sentence) {
  process.stderr.write(`${sentence}\n`)
  process.exit(1)
}

/** The first line of the installer's error that says something (not "at …" stack frames). */
function reason(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '))
  const cause = lines.find((line) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|HTTP|\b\d{3}\b/.test(line))
  return (cause ?? lines[0] ?? 'no reason given').replace(/^\w*Error:\s*/, '')
}

/** Electron's installer declares this Node; it may still work on older ones, so only mention it. */
function nodeHint() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const old = major < NODE_NEEDED[0] || (major === NODE_NEEDED[0] && minor < NODE_NEEDED[1])
  return old ? ` (Electron's installer also expects Node ${NODE_NEEDED.join('.')} or newer; this is Node ${process.versions.node})` : ''
}

// A binary named by hand is never replaced by a download into node_modules, which it would not use.
const named = process.env.ELECTRON_EXEC_PATH
if (named && !existsSync(named)) {
  fail(`ELECTRON_EXEC_PATH is set to ${named}, which does not exist: point it at an Electron binary, or unset it to have Electron downloaded.`)
}

if (!installed()) {
  process.stdout.write(`Downloading Electron ${version} (once per install)…\n`)
  const child = spawn(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk))
  const timer = setTimeout(() => child.kill(), DOWNLOAD_TIMEOUT_MS)
  const code = await new Promise((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  if (code !== 0 || !installed()) {
    const why = code === null ? `no answer in ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes` : reason(stderr)
    fail(
      `Folio could not download Electron ${version} (${why}): check the network connection or set ELECTRON_MIRROR to a reachable mirror, then run the command again${nodeHint()}.`,
    )
  }
}
