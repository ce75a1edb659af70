/**
 * Vitest's global setup. The `folio` command tests run the BUILT command (out/main/cli.js, as
 * users do) and the export tests the built sanitizer worker, so the main-process bundle is
 * rebuilt first whenever a source it is made from is newer than it (about 10 s; nothing when
 * `npm run build` just ran). The tests' `folio` runs get a config folder of their own (the
 * profile's index cache), removed at the end, so they never write into the user's.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const REPO = new URL('../../', import.meta.url).pathname
const OUTPUTS = ['out/main/main.js', 'out/main/cli.js', 'out/main/sanitize-worker.js']
const SOURCES = ['electron', 'shared', 'package.json', 'electron.vite.config.ts']

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function builtAt(): number {
  try {
    return Math.min(...OUTPUTS.map((file) => statSync(join(REPO, file)).mtimeMs))
  } catch {
    return -Infinity
  }
}

export default async function buildMainWhenStale(): Promise<() => void> {
  const profile = mkdtempSync(join(tmpdir(), 'folio-unit-profile-'))
  // Where the command finds the profile when FOLIO_USER_DATA is unset (Linux, Windows); the app's own tests leave that variable to the app.
  process.env.XDG_CONFIG_HOME = profile
  process.env.APPDATA = profile
  const teardown = (): void => rmSync(profile, { recursive: true, force: true })
  if (builtAt() >= Math.max(...SOURCES.map((source) => newest(join(REPO, source))))) return teardown
  const { resolveConfig } = await import('electron-vite')
  const { build } = await import('vite')
  // As `electron-vite build` does, for the main process only (the renderer takes longer and no
  // unit test needs it).
  process.env.NODE_ENV_ELECTRON_VITE = 'production'
  const { config } = await resolveConfig({ root: REPO, logLevel: 'warn' }, 'build', 'production')
  if (!config?.main) throw new Error('electron.vite.config.ts has no main build')
  await build(config.main)
  return teardown
}
