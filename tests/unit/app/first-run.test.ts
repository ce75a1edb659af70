import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bundledSamplePath, ensureSampleCopy, SAMPLE_FOLDER_NAME } from '../../../electron/app/first-run'
import { app } from './fake-electron'

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

  it('finds the bundle in resources/ in development and beside app.asar when packaged', () => {
    expect(bundledSamplePath()).toBe(join('/app', 'resources', 'sample-content'))
    app.isPackaged = true
    vi.stubGlobal('process', { ...process, resourcesPath: '/opt/Folio/resources' })
    expect(bundledSamplePath()).toBe(join('/opt/Folio/resources', 'sample-content'))
    vi.unstubAllGlobals()
    app.isPackaged = false
  })
})
