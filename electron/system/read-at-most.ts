/**
 * Reads an open file to its end, but never more than one byte past `limit`: a file that grows
 * after its size was checked, or one whose size says 0 while it has content (/proc), cannot fill
 * memory. A result longer than `limit` means "too large"; the caller says so.
 */
import type { FileHandle } from 'node:fs/promises'

const CHUNK = 64 * 1024

export async function readAtMost(handle: FileHandle, limit: number, sizeHint: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const want = Math.min(Math.max(sizeHint - total, CHUNK), limit + 1 - total)
    if (want <= 0) break
    const chunk = Buffer.allocUnsafe(want)
    const { bytesRead } = await handle.read(chunk, 0, want, null)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}
