import type { Page } from '@playwright/test'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { confirmImageSettings } from './support/images'
import { png } from '../unit/media/images'
import { expect, test, type Launch } from './support/fixtures'

const editor = (page: Page) => page.locator('.cm-content')

async function openAtEnd(launch: Launch, site: string, article: string, imageDialog?: () => string[] | null): Promise<{ page: Page; root: string }> {
  const { page, contentDir: root } = await launch({ site: `sites/${site}`, imageDialog })
  await page.locator(`[data-testid=article-item][data-path="${article}"]`).click()
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\nSee: ', { delay: 30 })
  return { page, root }
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
}

/** Drops a file on the editor's text as a person dragging it from the file manager would. */
async function drop(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const box = await page.locator('.cm-line').last().boundingBox()
  if (!box) throw new Error('no editor line to drop on')
  await page.evaluate(
    ({ name, data, type, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }))
      const target = document.elementFromPoint(x, y) ?? document.querySelector('.cm-content')
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target?.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }))
      }
    },
    { name, data: bytes.toString('base64'), type, x: box.x + box.width - 2, y: box.y + box.height / 2 },
  )
}

const cases = [
  {
    site: 'hexo',
    article: 'source/_posts/2024-03-01-hello-hexo.md',
    copied: 'source/_posts/2024-03-01-hello-hexo/地图 map.png',
    link: '{% asset_img "地图 map.png" "地图 map" %}',
  },
  {
    site: 'hugo',
    article: 'content/posts/bundle-with-images/index.md',
    copied: 'content/posts/bundle-with-images/地图 map.png',
    link: '![地图 map](地图%20map.png)',
  },
  {
    site: 'jekyll',
    article: '_posts/2024-02-14-welcome-to-jekyll.md',
    copied: 'assets/images/地图 map.png',
    link: '![地图 map](/assets/images/地图%20map.png)',
  },
  { site: 'astro', article: 'src/content/blog/first-post.md', copied: 'src/assets/地图 map.png', link: '![地图 map](../../assets/地图%20map.png)' },
  { site: 'plain', article: 'notes/toml.md', copied: 'notes/toml.assets/地图 map.png', link: '![地图 map](toml.assets/地图%20map.png)' },
]

for (const { site, article, copied, link } of cases) {
  test(`${site}: a dropped image is copied where the site keeps it and linked where it fell`, async ({ launch }) => {
    const { page, root } = await openAtEnd(launch, site, article)
    const image = png(3, 2)
    await drop(page, '地图 map.png', image, 'image/png')
    await confirmImageSettings(page)
    await expect(editor(page)).toContainText(link, { timeout: 15_000 })
    await save(page)
    expect(await readFile(join(root, copied))).toEqual(image)
    expect(await readFile(join(root, article), 'utf8')).toContain(`See: ${link}`)
  })
}

test('a screenshot pasted from the clipboard gets a timestamp name; one undo takes the link out', async ({ launch }) => {
  const { page, root } = await openAtEnd(launch, 'hexo', 'source/_posts/2024-03-01-hello-hexo.md')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const image = png(5, 4, [10, 120, 240])
  await page.evaluate(async (data) => {
    const blob = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' })
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
  }, image.toString('base64'))
  await editor(page).focus()
  await page.keyboard.press('Control+v')
  await confirmImageSettings(page)
  const line = page.locator('.cm-line', { hasText: 'See: {% asset_img image-' })
  await expect(line).toHaveText(/^See: \{% asset_img image-\d{8}-\d{6}\.png %\}$/, { timeout: 15_000 })
  const name = /image-\d{8}-\d{6}\.png/.exec((await line.textContent()) ?? '')?.[0] ?? ''
  // Clipboards re-encode what they hold: the copy is the same picture, a PNG of the same size.
  const copied = await readFile(join(root, 'source/_posts/2024-03-01-hello-hexo', name))
  expect(copied.subarray(0, 8)).toEqual(image.subarray(0, 8))
  expect(copied.readUInt32BE(16)).toBe(5)
  expect(copied.readUInt32BE(20)).toBe(4)
  await page.keyboard.press('Control+z')
  await expect(page.locator('.cm-line').last()).toHaveText('See: ')
})

test('"Insert image…" copies the chosen file; a damaged one is refused with a message and copies nothing', async ({ launch, makeFolder }) => {
  const scratch = await makeFolder({ site: 'sites/plain' })
  const good = join(scratch, 'picked.png')
  const bad = join(scratch, 'broken.png')
  await writeFile(good, png(2, 2))
  await writeFile(bad, png(2, 2).subarray(0, 30))
  let answer: string[] = [bad]
  const { page, root } = await openAtEnd(launch, 'plain', 'notes/toml.md', () => answer)
  await page.keyboard.press('Control+Shift+M')
  await confirmImageSettings(page)
  await expect(page.getByText(/broken\.png is not a PNG.*damaged/)).toBeVisible({ timeout: 15_000 })
  expect(await readdir(join(root, 'notes'))).not.toContain('toml.assets')
  answer = [good]
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Control+Shift+M')
  await expect(editor(page)).toContainText('See: ![picked](toml.assets/picked.png)', { timeout: 15_000 })
  expect(await readFile(join(root, 'notes/toml.assets/picked.png'))).toEqual(png(2, 2))
})
