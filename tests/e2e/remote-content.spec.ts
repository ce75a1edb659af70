import type { Page, Request } from '@playwright/test'
import { expect, test } from './support/fixtures'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** An article asking for remote content in every way a page can (and one local image). */
const ARTICLE = [
  '---',
  'title: Pictures',
  '---',
  '',
  'A remote picture: ![cat](https://remote.invalid/cat.png)',
  '',
  '<p style="background: url(https://remote.invalid/bg.png)">A CSS background.</p>',
  '',
  '<style>@import url("https://remote.invalid/theme.css"); p { background-image: url(https://remote.invalid/rule.png) }</style>',
  '',
  '<video poster="https://remote.invalid/poster.jpg" src="https://remote.invalid/clip.mp4"></video>',
  '',
  '![local](dog.png)',
  '',
].join('\n')

/** Every request the window (its preview frame included) makes to the remote host. */
function remoteRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request: Request) => {
    if (request.url().includes('remote.invalid')) seen.push(request.url())
  })
  return seen
}

test('remote content is blocked by default; the preview bar loads it for the folder and remembers', async ({ launch }) => {
  const { page } = await launch({
    files: {
      'posts/a.md': ARTICLE,
      'posts/dog.png': PNG,
      'posts/b.md': '---\ntitle: Other\n---\n\n![x](https://remote.invalid/x.png)\n',
    },
  })
  const requests = remoteRequests(page)
  await page.locator('[data-testid=article-item][data-path="posts/a.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  const cat = preview.locator('img[alt=cat]')
  await expect(cat).toHaveAttribute('data-blocked-src', 'https://remote.invalid/cat.png')
  await expect(cat).not.toHaveAttribute('src', /.*/)
  // The local image still shows.
  await expect(preview.locator('img[alt=local]')).toHaveAttribute('src', /dog\.png$/)
  await expect.poll(() => preview.locator('img[alt=local]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
  const bar = page.getByTestId('remote-bar')
  // cat, bg, theme.css, rule.png, poster, clip: six distinct remote sources.
  await expect(bar).toContainText('6 remote images or media files blocked')
  await expect(bar).toHaveAttribute('data-state', 'blocked')
  await page.waitForTimeout(500)
  expect(requests).toEqual([])

  // Keyboard works too: focus the button and press Enter.
  await page.getByTestId('remote-load').focus()
  await page.keyboard.press('Enter')
  await expect(cat).toHaveAttribute('src', 'https://remote.invalid/cat.png')
  await expect(bar).toHaveAttribute('data-state', 'loading')
  await expect.poll(() => requests.some((url) => url.endsWith('/cat.png'))).toBe(true)

  // Remembered for the folder: another article of it, and the next start, load remote content too.
  await page.locator('[data-testid=article-item][data-path="posts/b.md"]').click()
  await expect(preview.locator('img[alt=x]')).toHaveAttribute('src', 'https://remote.invalid/x.png')
  await page.reload()
  await page.locator('[data-testid=article-item][data-path="posts/a.md"]').click()
  await expect(cat).toHaveAttribute('src', 'https://remote.invalid/cat.png')
  await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByTestId('settings').getByRole('checkbox', { name: /Load remote images and media in this folder/ })).toBeChecked()
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click()

  // And blocked again from the bar.
  await page.getByTestId('remote-block').click()
  await expect(cat).toHaveAttribute('data-blocked-src', 'https://remote.invalid/cat.png')
  await expect(bar).toHaveAttribute('data-state', 'blocked')
})

test('the settings panel blocks or allows remote content for the open folder only', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': ARTICLE, 'dog.png': PNG } })
  const requests = remoteRequests(page)
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  const cat = page.frameLocator('iframe[data-testid=preview]').locator('img[alt=cat]')
  await expect(cat).toHaveAttribute('data-blocked-src', 'https://remote.invalid/cat.png')
  await page.getByRole('button', { name: 'Settings' }).click()
  const box = page.getByTestId('settings').getByRole('checkbox', { name: /Load remote images and media in this folder/ })
  await expect(box).not.toBeChecked()
  await box.check()
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click()
  await expect(cat).toHaveAttribute('src', 'https://remote.invalid/cat.png')
  await expect.poll(() => requests.length).toBeGreaterThan(0)
})
