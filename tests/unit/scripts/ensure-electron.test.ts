/**
 * scripts/ensure-electron.mjs, which `npm start`, `dist` and `test:electron` run first: when the
 * Electron binary cannot be had it must say so in one sentence and exit 1, not print a stack.
 * The script runs from a temporary copy of the repo's layout (the real electron package's
 * installer and @electron/get), with an empty download cache and an unreachable mirror.
 */
import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const REPO = resolve(import.meta.dirname, '../../..')
let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folio-ensure-electron-'))
  await mkdir(join(root, 'scripts'))
  await copyFile(join(REPO, 'scripts/ensure-electron.mjs'), join(root, 'scripts/ensure-electron.mjs'))
  const electron = join(root, 'node_modules/electron')
  await mkdir(electron, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json']) await copyFile(join(REPO, 'node_modules/electron', file), join(electron, file))
  await symlink(join(REPO, 'node_modules/@electron'), join(root, 'node_modules/@electron'))
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

function ensure(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const { ELECTRON_EXEC_PATH: _exec, ELECTRON_MIRROR: _mirror, ...inherited } = process.env
  const result = spawnSync(process.execPath, [join(root, 'scripts/ensure-electron.mjs')], {
    env: { ...inherited, electron_config_cache: join(root, 'cache'), ELECTRON_MIRROR: 'http://127.0.0.1:9/', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('ensure-electron', () => {
  it('says in one sentence that Electron could not be downloaded, and exits 1', () => {
    const { status, stdout, stderr } = ensure({})
    expect(status).toBe(1)
    expect(stdout).toMatch(/^Downloading Electron \d+\.\d+\.\d+/)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Folio could not download Electron \d+\.\d+\.\d+ \(.+\): check the network connection or set ELECTRON_MIRROR .*\.$/),
    ])
  })

  it('names ELECTRON_EXEC_PATH when it points at nothing, instead of downloading', () => {
    const missing = join(root, 'no-such-electron')
    const { status, stdout, stderr } = ensure({ ELECTRON_EXEC_PATH: missing })
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([
      `ELECTRON_EXEC_PATH is set to ${missing}, which does not exist: point it at an Electron binary, or unset it to have Electron downloaded.`,
    ])
  })
})
