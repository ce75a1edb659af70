/**
 * Image files handed over from anywhere on disk (picked, dropped, pasted by path): read when they
 * are regular files within the size limit; a named pipe is refused at once instead of blocking the
 * read, a huge file before a byte of it is read, and each refusal names the file.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_IMAGE_BYTES } from '../../../electron/media/insert'
import { readPicked } from '../../../electron/media/picked'
import { createMediaService } from '../../../electron/media/service'
import { png } from './images'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folio-picked-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('reading a picked or dropped image file', () => {
  it('reads a regular file, keeping the name it came as (or its own)', async () => {
    const file = join(dir, '海边 sunrise.png')
    await writeFile(file, png(4, 3))
    expect(await readPicked(file, '拖进来.png')).toEqual({ name: '拖进来.png', bytes: png(4, 3) })
    expect((await readPicked(file)).name).toBe('海边 sunrise.png')
  })

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.png')
    execFileSync('mkfifo', [fifo])
    await expect(readPicked(fifo)).rejects.toMatchObject({
      code: 'IO',
      reason: 'not-regular',
      params: { kind: 'fifo', path: fifo },
      message: expect.stringContaining(`Could not insert ${fifo}: it is a named pipe (FIFO)`),
    })
  })

  it('refuses a file over the limit before reading it, a folder, a missing file and a relative path', async () => {
    const huge = join(dir, 'scan.png')
    await writeFile(huge, png(1, 1))
    // Sparse: the size is there without the disk space.
    await truncate(huge, MAX_IMAGE_BYTES + 1)
    await expect(readPicked(huge)).rejects.toMatchObject({ code: 'BAD_ARGUMENT', reason: 'image-too-large', params: { name: 'scan.png' } })
    const folder = join(dir, 'photos.png')
    await mkdir(folder)
    await expect(readPicked(folder)).rejects.toMatchObject({ reason: 'is-folder' })
    await expect(readPicked(join(dir, 'gone.png'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('gone.png') })
    await expect(readPicked('gone.png')).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('not a full path') })
  })

  it('takes a paste or drop as bytes or by path, in order', async () => {
    const file = join(dir, 'b.png')
    await writeFile(file, png(2, 2))
    const media = createMediaService()
    const read = await media.readUploads([
      { name: '', data: png(1, 1).toString('base64') },
      { name: 'b.png', file },
    ])
    expect(read).toEqual([
      { name: '', bytes: png(1, 1) },
      { name: 'b.png', bytes: png(2, 2) },
    ])
  })
})
