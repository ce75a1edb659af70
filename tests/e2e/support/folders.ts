import { chmod, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
export const SEED = join(REPO, 'tests', 'fixtures', 'seed', '000_96ee1b00782f1bda.txt')

/** A fresh content folder for one test, filled with the given files (POSIX paths → text). */
export async function contentFolder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-content-'))
  await writeFiles(dir, files)
  return dir
}

/** Writes files into a folder (POSIX paths relative to it → text), making folders on the way. */
export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, data] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, data)
  }
}

/** A fresh copy of a fixture folder under tests/fixtures. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-content-'))
  await cp(join(REPO, 'tests', 'fixtures', name), dir, { recursive: true })
  return dir
}

/**
 * Removes a folder a test made, including what a test locked: a read-only folder keeps its
 * entries, so the tree is made writable and removal tried again.
 */
export async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 })
  } catch {
    await makeWritable(dir)
    await rm(dir, { recursive: true, force: true, maxRetries: 3 })
  }
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => undefined)
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) if (entry.isDirectory()) await makeWritable(join(dir, entry.name))
}
