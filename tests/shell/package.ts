/**
 * The packaged app, made offline: `electron-builder --dir` with this repo's electron-builder.yml,
 * pointed at a stand-in Electron distribution (a script named `electron` that carries the fuse
 * marker, so the yml's electronFuses are flipped for real). Used by tests/shell and bench:shell.
 */
import { execFile } from 'node:child_process'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const PACKAGE_TIMEOUT_MS = 10 * 60_000

/** @electron/fuses looks for this marker, then a version byte, a length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** A stand-in Electron distribution: enough for electron-builder to copy it and flip its fuses. */
async function stubElectronDist(dir: string): Promise<string> {
  const dist = join(dir, 'electron-dist')
  await mkdir(dist, { recursive: true })
  const fuses = '0'.repeat(9)
  await writeFile(join(dist, 'electron'), `#!/bin/sh\n# stand-in Electron ${FUSE_SENTINEL}\x01${String.fromCharCode(fuses.length)}${fuses}\nexit 1\n`, 'latin1')
  await chmod(join(dist, 'electron'), 0o755)
  return dist
}

export interface PackagedApp {
  /** linux-unpacked: the executable and resources/. */
  unpacked: string
  /** resources/: app.asar and the extraResources beside it. */
  resources: string
}

/**
 * Without the test runner's variables: with TEST or VITEST set, electron-builder copies
 * extraResources twice and fails on the second copy (EEXIST).
 */
function builderEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)))
}

export async function packageApp(dir: string): Promise<PackagedApp> {
  const dist = await stubElectronDist(dir)
  const output = join(dir, 'dist')
  await promisify(execFile)(
    join(REPO, 'node_modules/.bin/electron-builder'),
    ['--dir', '--linux', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${output}`],
    { cwd: REPO, env: builderEnv(), timeout: PACKAGE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
  )
  const unpacked = join(output, 'linux-unpacked')
  return { unpacked, resources: join(unpacked, 'resources') }
}
