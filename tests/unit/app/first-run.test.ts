import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ensureSampleCopy, SAMPLE_FOLDER_NAME } from '../../../electron/app/first-run'
import { bundledSampleDir } from '../../../electron/app/paths'

vi.mock('electron', () => import('./fake-electron'))

let base: string
let bundled: string
let documents: string

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-first-run-'))
  bundled = join(base, 'resources', 'sample-content')
  documents = join(base, 'Documents')
  await mkdir(join(bundled, 'source', '_posts'), { recursive: true })
  await mkdir(documents)
  await writeFile(join(bundled, '_config.yml'), 'title: Sample\n')
  await writeFile(join(bundled, 'source', '_posts', 'hello.md'), '---\ntitle: Hello\n---\n')
  // As installed by a package manager: read-only for the user.
  await chmod(join(bundled, 'source', '_posts', 'hello.md'), 0o444)
})

afterEach(async () => {
  await chmod(join(bundled, 'source', '_posts', 'hello.md'), 0o644)
  await rm(base, { recursive: true, force: true })
})

describe('first run', () => {
  it('copies the bundled sample into Documents, editable, leaving the bundle alone', async () => {
    const copy = await ensureSampleCopy(bundled, documents)
    expect(copy).toBe(join(documents, SAMPLE_FOLDER_NAME))
    const post = join(copy, 'source', '_posts', 'hello.md')
    expect(await readFile(post, 'utf8')).toBe('---\ntitle: Hello\n---\n')
    expect((await stat(post)).mode & 0o200).toBe(0o200)
    await writeFile(post, 'edited')
    expect(await readFile(join(bundled, 'source', '_posts', 'hello.md'), 'utf8')).toBe('---\ntitle: Hello\n---\n')
    expect(await readdir(documents)).toEqual([SAMPLE_FOLDER_NAME])
  })

  it("never overwrites a folder that is already there: it is the user's", async () => {
    const copy = await ensureSampleCopy(bundled, documents)
    await writeFile(join(copy, 'source', '_posts', 'hello.md'), 'my words')
    expect(await ensureSampleCopy(bundled, documents)).toBe(copy)
    expect(await readFile(join(copy, 'source', '_posts', 'hello.md'), 'utf8')).toBe('my words')
  })

  it('leaves nothing behind when the bundle is missing', async () => {
    await expect(ensureSampleCopy(join(base, 'nowhere'), documents)).rejects.toThrow()
    expect(await readdir(documents)).toEqual([])
  })

  it('finds the bundle in the repo resources/ in development and beside app.asar when packaged', () => {
    // Whatever app.getAppPath() says (out/main under test:electron): the repo holding this bundle.
    expect(bundledSampleDir(false, '/unused')).toBe(join(import.meta.dirname, '../../..', 'resources', 'sample-content'))
    expect(bundledSampleDir(true, '/opt/Folio/resources')).toBe(join('/opt/Folio/resources', 'sample-content'))
  })
})
