import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { confirmImageSettings } from './support/images'
import { png } from '../unit/media/images'
import { expect, test } from './support/fixtures'

/** A Hexo blog with post asset folders: a post with a cover, an asset image, a broken one; another post sharing the cover; an unused image. */
test.use({
  files: {
    '_config.yml': 'title: Blog\npost_asset_folder: true\n',
    'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
    'source/_posts/trip.md': '---\ntitle: Trip\ncover: /images/cover.png\n---\n\n{% asset_img map.png %}\n\n![gone](missing.png)\n',
    'source/_posts/trip/map.png': png(4, 3),
    'source/_posts/trip/old.png': png(2, 2),
    'source/_posts/home.md': '---\ntitle: Home\n---\n\nIntro.\n\n<img src="/images/cover.png">\n',
    'source/images/cover.png': png(8, 5),
  },
})

const panel = (page: Page) => page.getByTestId('media-panel')

test("the media panel shows the article's images with size and dimensions, where each is used, unused images and broken references, by keyboard", async ({
  page,
  contentDir: root,
}) => {
  await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
  await expect(page.locator('.cm-content')).toContainText('asset_img map.png', { timeout: 15_000 })

  await page.getByTestId('toggle-media').focus()
  await page.keyboard.press('Enter')
  const article = panel(page).getByTestId('media-article-item')
  await expect(article).toHaveCount(3, { timeout: 30_000 })
  await expect(article.nth(0)).toHaveAttribute('data-path', 'source/images/cover.png')
  await expect(article.nth(1)).toHaveAttribute('data-path', 'source/_posts/trip/map.png')
  // Dimensions come from the thumbnail the asset protocol served.
  await expect(article.nth(1).getByTestId('media-dims')).toHaveText('4 × 3', { timeout: 15_000 })
  await expect(article.nth(2)).toHaveAttribute('data-missing', 'true')
  await expect(article.nth(2)).toContainText('missing.png')

  // Tab through the tabs to Unused, then Broken.
  await panel(page).getByTestId('media-tab-article').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(panel(page).getByTestId('media-tab-unused')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(panel(page).getByTestId('media-item')).toHaveCount(1)
  await expect(panel(page).getByTestId('media-item')).toHaveAttribute('data-path', 'source/_posts/trip/old.png')

  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const broken = panel(page).getByTestId('media-broken-item')
  await expect(broken).toHaveCount(1)
  await expect(broken).toContainText('missing.png')
  await expect(broken).toContainText('source/_posts/trip.md · line 8')

  // The folder's images: the shared cover is used by both posts; a use opens its article.
  await panel(page).getByTestId('media-tab-folder').click()
  const cover = panel(page).locator('[data-testid=media-item][data-path="source/images/cover.png"]')
  await expect(cover).toContainText('used by 2 articles')
  await cover.getByRole('button').first().focus()
  await page.keyboard.press('Enter')
  await cover.getByTestId('media-use').filter({ hasText: 'source/_posts/home.md' }).click()
  await expect(page.locator('.cm-content')).toContainText('Intro.', { timeout: 15_000 })

  // In Chinese.
  await page.getByRole('combobox').filter({ hasText: 'English' }).selectOption('zh-CN')
  await expect(panel(page).getByTestId('media-tab-unused')).toHaveText('未使用（1）')
  await expect(cover).toContainText('2 篇文章使用')
  expect(await readFile(join(root, 'source/_posts/trip.md'), 'utf8')).toContain('![gone](missing.png)')
})

test('an inserted image appears in the panel at once, linked from the article', async ({ page }) => {
  await page.locator('[data-testid=article-item][data-path="source/_posts/home.md"]').click()
  await page.getByTestId('toggle-media').click()
  await expect(panel(page).getByTestId('media-article-item')).toHaveCount(1, { timeout: 30_000 })
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  const box = await page.locator('.cm-line').last().boundingBox()
  if (!box) throw new Error('no line')
  await page.evaluate(
    ({ data, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'sunset.png', { type: 'image/png' }))
      const target = document.elementFromPoint(x, y) ?? document.querySelector('.cm-content')
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target?.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }))
    },
    { data: png(6, 2).toString('base64'), x: box.x + 2, y: box.y + box.height / 2 },
  )
  await confirmImageSettings(page)
  const added = panel(page).locator('[data-testid=media-article-item][data-path="source/_posts/home/sunset.png"]')
  await expect(added).toBeVisible({ timeout: 30_000 })
  await expect(added.getByTestId('media-dims')).toHaveText('6 × 2', { timeout: 15_000 })
})
