import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAtMost } from '../../../electron/system/read-at-most'
import { tempDir } from '../temp-dir'

async function fileOf(bytes: Buffer): Promise<string> {
  const path = join(await tempDir('folio-read-'), 'photo.bin')
  await writeFile(path, bytes)
  return path
}

const pattern = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7) % 256))

describe('readAtMost', () => {
  it('reads a file within the limit whole, whatever size it claimed', async () => {
    const bytes = pattern(200_000)
    const handle = await open(await fileOf(bytes))
    try {
      expect((await readAtMost(handle, 1_000_000, 0)).equals(bytes)).toBe(true)
    } finally {
      await handle.close()
    }
    const again = await open(await fileOf(bytes))
    try {
      expect((await readAtMost(again, 1_000_000, bytes.length)).equals(bytes)).toBe(true)
    } finally {
      await again.close()
    }
  })

  it('stops one byte past the limit when the file is larger than its checked size said', async () => {
    const handle = await open(await fileOf(pattern(300_000)))
    try {
      const read = await readAtMost(handle, 100_000, 10)
      expect(read.length).toBe(100_001)
      expect(read.equals(pattern(300_000).subarray(0, 100_001))).toBe(true)
    } finally {
      await handle.close()
    }
  })

  it('reads an empty file as empty', async () => {
    const handle = await open(await fileOf(Buffer.alloc(0)))
    try {
      expect((await readAtMost(handle, 10, 0)).length).toBe(0)
    } finally {
      await handle.close()
    }
  })
})
