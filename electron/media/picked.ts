/**
 * Image files the writer handed over from anywhere on disk: picked in the open dialog, or dropped
 * and pasted (the page sends their path, see WireApi.pathForFile). The writer chose the file, so
 * it may be outside the open folder; still only a regular file is read (a FIFO would block the
 * read for ever, a device never end), opened without waiting and checked on the open descriptor,
 * and its size is checked before a byte is read and again while reading.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import { FolioError, said } from '../../shared/errors'
import { readAtMost } from '../system/read-at-most'
import { notRegular } from '../workspace/open-inside'
import { MAX_IMAGE_BYTES, tooLarge, type ImageInput } from './insert'

// Opening a FIFO for reading waits for a writer unless O_NONBLOCK; for regular files it changes nothing.
const NONBLOCK = constants.O_NONBLOCK ?? 0

/** Reads one picked or dropped file; `name` is what it came as ('' takes the file's own). */
export async function readPicked(file: string, name = ''): Promise<ImageInput> {
  const shown = name || basename(file)
  if (!isAbsolute(file)) {
    throw new FolioError({ code: 'BAD_ARGUMENT', ...said('image-not-full-path', { name: shown, file }) })
  }
  const handle = await open(file, constants.O_RDONLY | NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new FolioError({ code: 'NOT_FOUND', path: file, ...said('image-gone', { file }) })
    if (error.code === 'EISDIR')
      throw new FolioError({
        code: 'BAD_ARGUMENT',
        message: `Could not insert ${file}: it is a folder, not an image. Nothing was copied.`,
        reason: 'is-folder',
        params: { doing: 'insert', path: file },
      })
    throw new FolioError({
      code: 'IO',
      message: `Could not read ${file}: ${error.message}. Nothing was copied.`,
      reason: 'io',
      params: { doing: 'read', path: file, errno: error.code ?? '', detail: error.message },
    })
  })
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw notRegular(file, stats, 'insert')
    if (stats.size > MAX_IMAGE_BYTES) throw tooLarge(shown, stats.size)
    const bytes = await readAtMost(handle, MAX_IMAGE_BYTES, stats.size)
    // Grown since the check (or a size of 0 that was not true): the same limit holds.
    if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge(shown, bytes.length)
    return { name: shown, bytes }
  } finally {
    await handle.close()
  }
}
