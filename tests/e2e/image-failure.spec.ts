/**
 * A photo that passes the first check but fails while it is processed (a PNG whose header promises
 * 2400 × 1600 pixels and whose data stops after 20 rows): its link goes in at once, then comes out
 * again, undo never brings it back, the message names the file, and nothing is left on disk.
 */
import { crc32, deflateSync } from 'node:zlib'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { confirmImageSettings } from './support/images'
import { expect, test } from './support/fixtures'

const POST = '---\ntitle: 旅行\n---\n\nDay one.\n'

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/** A well-formed PNG frame (signature, header, end) around image data cut short: only decoding finds out. */
function cutShortPng(width: number, height: number, rows: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const row = Buffer.alloc(1 + width * 3, 90)
  row[0] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: rows }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test.use({ files: { 'notes/trip.md': POST } })

test('a photo failing after its link went in: the link comes out, undo skips it, the file is named, nothing stays on disk', async ({ page, contentDir }) => {
  const editor = page.locator('.cm-content')
  await page.locator('[data-testid=article-item][data-path="notes/trip.md"]').click()
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Sea. ', { delay: 40 })
  const link = '![broken](trip.assets/broken.png)'
  // The link may come and go within a frame: a watch in the page sees it either way.
  await page.evaluate((link) => {
    const content = document.querySelector('.cm-content')!
    const seen = window as unknown as { linkSeen: boolean }
    seen.linkSeen = false
    new MutationObserver(() => {
      if (content.textContent?.includes(link)) seen.linkSeen = true
    }).observe(content, { subtree: true, childList: true, characterData: true })
  }, link)

  const box = await page.locator('.cm-line').last().boundingBox()
  if (!box) throw new Error('no editor line to drop on')
  await page.evaluate(
    ({ data, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'broken.png', { type: 'image/png' }))
      const target = document.elementFromPoint(x, y) ?? document.querySelector('.cm-content')
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target?.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }))
    },
    { data: cutShortPng(2400, 1600, 20).toString('base64'), x: box.x + box.width - 2, y: box.y + box.height / 2 },
  )
  // Scaling it down is what makes it processed after the link goes in.
  await confirmImageSettings(page, async (dialog) => {
    await dialog.getByTestId('image-resize').check()
    await dialog.getByTestId('image-max-width').fill('1920')
  })

  await expect.poll(() => page.evaluate(() => (window as unknown as { linkSeen: boolean }).linkSeen), { timeout: 30_000 }).toBe(true)
  await expect(page.getByText(/broken\.png could not be read as an image/)).toBeVisible({ timeout: 30_000 })
  await expect(editor).not.toContainText('broken')
  await expect(editor).toContainText('Day one.Sea. ')

  // Undo takes back the writer's own typing; the link never comes back on the way.
  await editor.click()
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+z')
    await expect(editor).not.toContainText('broken')
  }
  await expect(editor).toContainText('Day one.')
  await expect(editor).not.toContainText('Sea.')

  expect((await readdir(join(contentDir, 'notes'))).sort()).toEqual(['trip.md'])
  expect(await readFile(join(contentDir, 'notes/trip.md'), 'utf8')).toBe(POST)
})
