import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { copySite, fakeTrash, open, tempDir } from './helpers'

/** Renderer paths that must never reach the file system. */
const HOSTILE: [string, 'INVALID_PATH' | 'OUTSIDE_ROOT'][] = [
  ['../outside.md', 'OUTSIDE_ROOT'],
  ['..', 'OUTSIDE_ROOT'],
  ['notes/../../outside.md', 'OUTSIDE_ROOT'],
  ['notes/./../../../etc/passwd', 'OUTSIDE_ROOT'],
  ['/etc/passwd', 'INVALID_PATH'],
  ['//server/share/x.md', 'INVALID_PATH'],
  ['C:\\Windows\\win.ini', 'INVALID_PATH'],
  ['C:/Windows/win.ini', 'INVALID_PATH'],
  ['c:relative.md', 'INVALID_PATH'],
  ['..\\outside.md', 'INVALID_PATH'],
  ['notes\\..\\..\\outside.md', 'INVALID_PATH'],
  ['notes/crlf.md\0.png', 'INVALID_PATH'],
  ['\0', 'INVALID_PATH'],
  ['', 'INVALID_PATH'],
  ['link-out/secret.md', 'OUTSIDE_ROOT'],
  ['link-out/new.md', 'OUTSIDE_ROOT'],
  ['file-link-out.md', 'OUTSIDE_ROOT'],
  ['dangling-out.md', 'OUTSIDE_ROOT'],
]

async function setup(): Promise<{ root: string; outside: string }> {
  const root = await copySite('plain')
  const outside = await tempDir('folio-outside-')
  await writeFile(join(outside, 'secret.md'), '---\ntitle: secret\n---\nsecret\n')
  await writeFile(join(root, '..', 'outside.md'), 'outside')
  await symlink(outside, join(root, 'link-out'))
  await symlink(join(outside, 'secret.md'), join(root, 'file-link-out.md'))
  await symlink(join(outside, 'not-there-yet.md'), join(root, 'dangling-out.md'))
  return { root, outside }
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FolioError)
  return (error as FolioError).code
}

describe('path guard', () => {
  it.each(HOSTILE)('refuses %j with %s on every operation', async (path, code) => {
    const { root, outside } = await setup()
    const { trash, trashed } = await fakeTrash()
    const ws = await open(root, { trash })
    expect(await refusal(ws.read(path))).toBe(code)
    expect(await refusal(ws.resolve(path))).toBe(code)
    expect(await refusal(ws.save(path, 'overwritten', 'x'))).toBe(code)
    expect(await refusal(ws.trash(path))).toBe(code)
    expect(await refusal(ws.createFolder(path))).toBe(code)
    expect(await refusal(ws.duplicate(path))).toBe(code)
    expect(await refusal(ws.rename('notes/crlf.md', path))).toBe(code)
    expect(trashed).toEqual([])
    expect(await readFile(join(outside, 'secret.md'), 'utf8')).toContain('secret')
    expect(await readFile(join(root, '..', 'outside.md'), 'utf8')).toBe('outside')
  })

  it('refuses a new article in a folder outside the root', async () => {
    const { root } = await setup()
    const ws = await open(root)
    expect(await refusal(ws.create({ title: 'x', folder: '../escape' }))).toBe('OUTSIDE_ROOT')
    expect(await refusal(ws.create({ title: 'x', folder: 'link-out' }))).toBe('OUTSIDE_ROOT')
  })

  it('allows symlinks that stay inside the root and plain nested paths', async () => {
    const { root } = await setup()
    await mkdir(join(root, 'deep/er'), { recursive: true })
    await symlink(join(root, 'notes'), join(root, 'notes-link'))
    const ws = await open(root)
    expect((await ws.read('notes-link/crlf.md')).text).toContain('CRLF')
    expect(await ws.resolve('./notes//crlf.md')).toBe(join(root, 'notes', 'crlf.md'))
    expect(await ws.resolve('deep/er/not-yet.md')).toBe(join(root, 'deep/er/not-yet.md'))
  })

  it('names the file and says what to do', async () => {
    const { root } = await setup()
    const ws = await open(root)
    const error = await ws.read('../outside.md').catch((e: FolioError) => e)
    expect(error).toMatchObject({ code: 'OUTSIDE_ROOT', path: '../outside.md' })
    expect((error as FolioError).message).toMatch(/outside the open folder/)
  })
})
