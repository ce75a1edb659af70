/**
 * Putting `folio` on PATH: where the link goes on each platform, linking on real folders
 * (idempotent, never replacing another command unasked), and the shipped launcher followed
 * through that link in a layout like the packaged app's, with the built command line in place
 * of app.asar and a stand-in for the Electron binary that runs Node when ELECTRON_RUN_AS_NODE=1.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { linkCommandLine, planCommandLine, type CommandLineEnv } from '../../../electron/app/cli-path'

const REPO = new URL('../../../', import.meta.url).pathname
const temps: string[] = []
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-cli-path-'))
  temps.push(dir)
  return dir
}

const env = (overrides: Partial<CommandLineEnv>): CommandLineEnv => ({
  platform: 'linux',
  resourcesPath: '/opt/Folio/resources',
  home: '/home/lin',
  path: '/home/lin/.local/bin:/usr/bin',
  appImage: undefined,
  ...overrides,
})

describe('planCommandLine', () => {
  it('links into ~/.local/bin on Linux and /usr/local/bin on macOS, to resources/bin/folio', () => {
    expect(planCommandLine(env({}))).toEqual({ launcher: '/opt/Folio/resources/bin/folio', link: '/home/lin/.local/bin/folio', onPath: true })
    expect(planCommandLine(env({ platform: 'darwin', resourcesPath: '/Applications/Folio.app/Contents/Resources', path: '/usr/bin' }))).toEqual({
      launcher: '/Applications/Folio.app/Contents/Resources/bin/folio',
      link: '/usr/local/bin/folio',
      onPath: false,
    })
  })

  it('says why when the app cannot link a lasting command (Windows, AppImage)', () => {
    expect(planCommandLine(env({ platform: 'win32' }))).toEqual({ unavailable: 'windows' })
    expect(planCommandLine(env({ appImage: '/home/lin/Folio.AppImage' }))).toEqual({ unavailable: 'appimage' })
  })
})

describe('linkCommandLine', () => {
  it('creates the folder and the link, then finds it already there', async () => {
    const dir = temp()
    const link = join(dir, '.local/bin/folio')
    expect(await linkCommandLine('/opt/Folio/resources/bin/folio', link, false)).toBe('linked')
    expect(readlinkSync(link)).toBe('/opt/Folio/resources/bin/folio')
    expect(await linkCommandLine('/opt/Folio/resources/bin/folio', link, false)).toBe('already')
  })

  it('replaces another folio only when asked', async () => {
    const dir = temp()
    const file = join(dir, 'folio')
    writeFileSync(file, '#!/bin/sh\necho another folio\n')
    expect(await linkCommandLine('/opt/Folio/resources/bin/folio', file, false)).toEqual({ conflict: null })
    expect(readFileSync(file, 'utf8')).toContain('another folio')

    const old = join(dir, 'old')
    symlinkSync('/old/Folio/resources/bin/folio', old)
    expect(await linkCommandLine('/opt/Folio/resources/bin/folio', old, false)).toEqual({ conflict: '/old/Folio/resources/bin/folio' })
    expect(await linkCommandLine('/opt/Folio/resources/bin/folio', old, true)).toBe('linked')
    expect(readlinkSync(old)).toBe('/opt/Folio/resources/bin/folio')
  })
})

describe('resources/bin/folio', () => {
  it('runs the bundled command line with its arguments when reached through the PATH link', () => {
    // linux-unpacked/{folio, resources/bin/folio, resources/app.asar/out/main/cli.js}
    const app = join(temp(), 'linux-unpacked')
    const resources = join(app, 'resources')
    mkdirSync(join(resources, 'bin'), { recursive: true })
    cpSync(join(REPO, 'resources/bin/folio'), join(resources, 'bin/folio'))
    for (const part of ['out/main', 'package.json']) cpSync(join(REPO, part), join(resources, 'app.asar', part), { recursive: true })
    writeFileSync(join(app, 'folio'), `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || exit 9\nexec "${process.execPath}" "$@"\n`)
    chmodSync(join(app, 'folio'), 0o755)
    const bin = join(temp(), 'bin')
    mkdirSync(bin)
    symlinkSync(join(resources, 'bin/folio'), join(bin, 'folio'))

    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string
    const r = spawnSync('folio', ['--version'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, timeout: 60_000 })
    expect(r.stderr).toBe('')
    expect(r).toMatchObject({ status: 0, stdout: `${version}\n` })
    const usage = spawnSync(join(bin, 'folio'), ['frobnicate', 'a b'], { encoding: 'utf8', timeout: 60_000 })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('folio: unknown command "frobnicate"')
  })
})
