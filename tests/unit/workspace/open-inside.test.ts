/** Opening files inside the folder on real files: bytes kept, links and swapped folders refused, pipes never block. */
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FolioError } from '../../../shared/errors'
import { createGuard, type Guard } from '../../../electron/workspace/guard'
import {
  createExclusive,
  ensureFolder,
  NotRegularFile,
  openRegular,
  readRegular,
  readRegularFile,
  readRegularFileStatSync,
  readRegularFileSync,
  specialKind,
} from '../../../electron/workspace/open-inside'
import { tempDir } from './helpers'

/** A site folder with one post, beside a folder outside it holding a file of the same name. */
async function site(): Promise<{ root: string; outside: string; guard: Guard }> {
  const base = await tempDir('folio-open-inside-')
  const root = join(base, 'site')
  const outside = join(base, 'outside')
  await mkdir(join(root, 'posts'), { recursive: true })
  await mkdir(outside)
  await writeFile(join(root, 'posts/a.md'), BYTES)
  await writeFile(join(outside, 'a.md'), 'secret\n')
  return { root, outside, guard: await createGuard(root) }
}

/** BOM, CRLF, Chinese, a byte that is not UTF-8 and no final newline. */
const BYTES = Buffer.concat([Buffer.from('\uFEFF---\r\ntitle: 标题\r\n---\r\n正文'), Buffer.from([0xff, 0x41])])

async function caught(promise: Promise<unknown>): Promise<FolioError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof FolioError)) throw new Error(`expected a FolioError, got ${String(error)}`)
  return error
}

function fifo(path: string): void {
  execFileSync('mkfifo', [path])
}

describe('reading inside the folder', () => {
  it('reads every byte as it is on disk, with the stats of what was read', async () => {
    const { guard } = await site()
    const { bytes, stats } = await readRegular(guard, await guard.resolve('posts/a.md'))
    expect(bytes.equals(BYTES)).toBe(true)
    expect(stats.size).toBe(BYTES.length)
  })

  it('refuses a folder, saying it is a folder', async () => {
    const { guard } = await site()
    const error = await caught(openRegular(guard, await guard.resolve('posts'), 'open'))
    expect(error).toMatchObject({ code: 'BAD_ARGUMENT', reason: 'is-folder', path: 'posts', message: 'Could not open posts: it is a folder, not a file.' })
  })

  it('refuses a named pipe called .md at once, without waiting for a writer', async () => {
    const { root, guard } = await site()
    fifo(join(root, 'posts/pipe.md'))
    const error = await caught(readRegular(guard, await guard.resolve('posts/pipe.md')))
    expect(error).toMatchObject({ code: 'IO', reason: 'not-regular', params: { kind: 'fifo' } })
    expect(error.message).toBe(
      'Could not read posts/pipe.md: it is a named pipe (FIFO), not a regular file. Folio opens regular files only; remove or rename it.',
    )
  })

  it('refuses a link at the name itself (resolved without following it)', async () => {
    const { root, guard } = await site()
    await symlink('a.md', join(root, 'posts/link.md'))
    const error = await caught(openRegular(guard, await guard.resolve('posts/link.md', { noFollow: true }), 'open'))
    expect(error).toMatchObject({ code: 'IO', reason: 'not-regular', params: { kind: 'link' } })
  })

  it('refuses when a folder on the way is swapped for a link out of the folder after the check', async () => {
    const { root, outside, guard } = await site()
    const checked = await guard.resolve('posts/a.md')
    await rename(join(root, 'posts'), join(root, 'posts-old'))
    await symlink(outside, join(root, 'posts'))
    const error = await caught(readRegular(guard, checked))
    expect(error).toMatchObject({ code: 'OUTSIDE_ROOT', reason: 'outside-folder', path: 'posts/a.md' })
    expect(error.message).toContain('a folder on the way was replaced by a link')
  })
})

describe('the plain readers', () => {
  it('read the bytes, with the size and mtime of the open file', async () => {
    const { root } = await site()
    const abs = join(root, 'posts/a.md')
    expect(readRegularFileSync(abs).equals(BYTES)).toBe(true)
    const read = readRegularFileStatSync(abs)
    expect(read.bytes.equals(BYTES)).toBe(true)
    expect(read.size).toBe(BYTES.length)
    expect(read.mtimeMs).toBe((await stat(abs)).mtimeMs)
    expect((await readRegularFile(abs)).bytes.equals(BYTES)).toBe(true)
  })

  it('refuse a named pipe without blocking (asynchronously)', async () => {
    const { root } = await site()
    const abs = join(root, 'posts/pipe.md')
    fifo(abs)
    await expect(readRegularFile(abs)).rejects.toThrow(NotRegularFile)
  })

  it('refuse a named pipe without blocking (synchronously), naming what it is', async () => {
    const { root } = await site()
    const abs = join(root, 'posts/pipe.md')
    fifo(abs)
    expect(() => readRegularFileSync(abs)).toThrow(NotRegularFile)
    expect(() => readRegularFileSync(abs)).toThrow('it is a named pipe (FIFO), not a regular file')
    expect(specialKind(await stat(abs))).toBe('a named pipe (FIFO)')
    expect(specialKind(await stat(join(root, 'posts')))).toBeNull()
    expect(specialKind(await stat(join(root, 'posts/a.md')))).toBeNull()
  })

  it('follow a link unless told not to', async () => {
    const { root } = await site()
    const link = join(root, 'posts/link.md')
    await symlink('a.md', link)
    expect(readRegularFileStatSync(link).bytes.equals(BYTES)).toBe(true)
    expect(() => readRegularFileStatSync(link, true)).toThrow(expect.objectContaining({ code: 'ELOOP' }))
  })
})

describe('ensureFolder', () => {
  it('makes the missing folders one by one and gives their real path', async () => {
    const { root, guard } = await site()
    const made = await ensureFolder(guard, 'posts/2024/游记')
    expect(made).toEqual({ rel: 'posts/2024/游记', abs: join(guard.root, 'posts/2024/游记') })
    expect((await stat(join(root, 'posts/2024/游记'))).isDirectory()).toBe(true)
    expect(await ensureFolder(guard, 'posts/2024/游记')).toEqual(made)
  })

  it('refuses a folder path that goes out through a link, and makes nothing out there', async () => {
    const { root, outside, guard } = await site()
    await symlink(outside, join(root, 'out'))
    expect(await caught(ensureFolder(guard, 'out/new'))).toMatchObject({ code: 'OUTSIDE_ROOT' })
    expect(await readdir(outside)).toEqual(['a.md'])
  })

  it('never makes the open folder again once it is gone, and says what to do', async () => {
    const { root, guard } = await site()
    await rm(root, { recursive: true })
    const error = await caught(ensureFolder(guard, 'posts'))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('no longer exists')
    expect(error.message).toContain('Close it, or open it where it is now.')
    await expect(stat(root)).rejects.toThrow(/ENOENT/)
  })
})

describe('createExclusive', () => {
  it('creates the file with exactly the bytes given, making its folder', async () => {
    const { root, guard } = await site()
    const made = await createExclusive(guard, 'drafts/新文章.md', BYTES)
    expect(made.rel).toBe('drafts/新文章.md')
    expect((await readFile(join(root, 'drafts/新文章.md'))).equals(BYTES)).toBe(true)
  })

  it('refuses a taken name with EEXIST and leaves the file as it was', async () => {
    const { root, guard } = await site()
    await expect(createExclusive(guard, 'posts/a.md', Buffer.from('new'))).rejects.toThrow(expect.objectContaining({ code: 'EEXIST' }))
    expect((await readFile(join(root, 'posts/a.md'))).equals(BYTES)).toBe(true)
  })

  it('never writes through a dangling link at the name', async () => {
    const { root, outside, guard } = await site()
    await symlink(join(outside, 'planted.md'), join(root, 'posts/planted.md'))
    await expect(createExclusive(guard, 'posts/planted.md', Buffer.from('x'))).rejects.toThrow()
    expect(await readdir(outside)).toEqual(['a.md'])
  })

  it('takes back a file made outside when the folder is swapped for a link between the check and the create', async () => {
    const { root, outside, guard } = await site()
    // The swap happens right after the last check of the path, as a racing process would do it.
    const racing: Guard = {
      root: guard.root,
      toRel: (abs) => guard.toRel(abs),
      async resolve(path, options) {
        const r = await guard.resolve(path, options)
        if (path === 'posts/new.md') {
          await rename(join(root, 'posts'), join(root, 'posts-old'))
          await symlink(outside, join(root, 'posts'))
        }
        return r
      },
    }
    const error = await caught(createExclusive(racing, 'posts/new.md', Buffer.from('x')))
    expect(error).toMatchObject({ code: 'OUTSIDE_ROOT', path: 'posts/new.md' })
    expect(await readdir(outside)).toEqual(['a.md'])
  })
})
