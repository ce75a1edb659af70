import { cp, mkdtemp, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
export const SEED = join(REPO, 'tests', 'fixtures', 'seed', '000_96ee1b00782f1bda.txt')

/** A fresh content folder for one test, filled with the given files (POSIX paths → text). */
export async function contentFolder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-content-'))
  for (const [path, data] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, data)
  }
  return dir
}

/** A fresh copy of a fixture folder under tests/fixtures. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-content-'))
  await cp(join(REPO, 'tests', 'fixtures', name), dir, { recursive: true })
  return dir
}
