/**
 * The form stays usable from 900 px wide: the date text keeps room for a whole timestamp, every
 * remove button is inside the window, long URLs are one line. Screenshots are attached.
 */
import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { launchApp, type LaunchedApp } from './harness'
import { SEED, contentFolder } from './support/folders'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

const SIZES = [
  { width: 900, height: 700 },
  { width: 1000, height: 700 },
  { width: 1440, height: 900 },
]

test('form rows keep their controls usable at 900, 1000 and 1440 px', async ({ browserName: _browserName }, testInfo) => {
  const dir = await contentFolder({ 'posts/seed.txt': await readFile(SEED) })
  app = await launchApp({ contentDir: dir })
  const { page } = app
  await page.locator('[data-testid=article-item][data-path="posts/seed.txt"]').click()
  const form = page.getByTestId('properties')
  await expect(form).toBeVisible()
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const date = page.locator('[data-testid=property][data-key="date"] input[type=text]')
    const dateBox = await date.boundingBox()
    // `Tue, 01 Mar 2022 04:51:00 GMT` needs about 200 px at the form's font size.
    expect(dateBox?.width ?? 0, `date text at ${size.width}px`).toBeGreaterThanOrEqual(150)
    expect(await date.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth + 1), `whole date visible at ${size.width}px`).toBe(true)
    const paneRight = await page.locator('.editor-pane').evaluate((el) => el.getBoundingClientRect().right)
    for (const remove of await form.locator('.property-remove').all()) {
      await remove.scrollIntoViewIfNeeded()
      const box = await remove.boundingBox()
      expect(box, `a remove button at ${size.width}px`).not.toBeNull()
      expect((box?.x ?? 0) + (box?.width ?? 0), `remove button inside the pane at ${size.width}px`).toBeLessThanOrEqual(paneRight + 0.5)
    }
    const url = page.locator('[data-testid=property][data-key="headimg"] input[type=text]')
    const urlBox = await url.boundingBox()
    expect(urlBox?.height ?? 99, `one-line URL at ${size.width}px`).toBeLessThan(40)
    await form.evaluate((el) => el.scrollTo(0, 0))
    const path = testInfo.outputPath(`form-${size.width}.png`)
    await page.screenshot({ path })
    await testInfo.attach(`form-${size.width}.png`, { path, contentType: 'image/png' })
  }
})
