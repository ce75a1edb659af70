/**
 * An image dropped onto an image field of the properties form is copied where the site keeps the
 * article's images, exactly as a body insert, and the field gets the path the site reads from the
 * header: one line of the file changes, and undo takes it back.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { confirmImageSettings } from './support/images'
import { png } from '../unit/media/images'
import { expect, test } from './support/fixtures'

const TRIP = '---\ntitle: 旅行\ncover: trip/old.png\ntags: [travel]\n---\n\n正文。\n'

test('dropping a PNG on the cover field copies it into the post asset folder and sets cover to the path the theme reads', async ({ launch }) => {
  const { page, contentDir: root } = await launch({
    files: {
      '_config.yml': 'title: Blog\npost_asset_folder: true\n',
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
      'source/_posts/trip.md': TRIP,
      'source/_posts/trip/old.png': png(2, 2),
      'source/_posts/home.md': '---\ntitle: Home\ncover: home/c.png\n---\n\nIntro.\n',
      'source/_posts/home/c.png': png(3, 3),
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
  const cover = page.locator('[data-testid=property][data-key=cover]')
  await expect(cover).toHaveAttribute('data-kind', 'image', { timeout: 15_000 })

  const input = cover.getByRole('textbox')
  const box = await input.boundingBox()
  if (!box) throw new Error('no cover field')
  const photo = png(6, 4)
  await page.evaluate(
    ({ data, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], '日落 sunset.png', { type: 'image/png' }))
      const target = document.elementFromPoint(x, y)
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target?.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }))
    },
    { data: photo.toString('base64'), x: box.x + box.width / 2, y: box.y + box.height / 2 },
  )
  await confirmImageSettings(page)
  await expect(input).toHaveValue('trip/日落 sunset.png', { timeout: 30_000 })
  // The same processing as a body insert: the bytes are the photo's (a PNG without metadata is copied as it is).
  expect(await readFile(join(root, 'source/_posts/trip/日落 sunset.png'))).toEqual(photo)
  // Nothing else of the article changed; the body got no link and the file is unsaved until saved.
  await expect(page.locator('.cm-content')).not.toContainText('asset_img')
  expect(await readFile(join(root, 'source/_posts/trip.md'), 'utf8')).toBe(TRIP)

  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+s')
  await expect
    .poll(() => readFile(join(root, 'source/_posts/trip.md'), 'utf8'), { timeout: 15_000 })
    .toBe(TRIP.replace('cover: trip/old.png', 'cover: trip/日落 sunset.png'))

  // One undo takes the field back.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(input).toHaveValue('trip/old.png')
})
