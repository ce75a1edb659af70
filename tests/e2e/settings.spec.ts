import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const ARTICLE = '---\ntitle: Pictures\n---\n\nA remote picture: ![cat](https://example.com/cat.png)\n'

test('autosave, off by default, saves after a pause once switched on', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'a.md': ARTICLE } })
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await page.getByText('A remote picture').click()
  await page.keyboard.press('Home')
  await page.keyboard.type('Edited. ')
  await page.waitForTimeout(2500)
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')

  await page.getByRole('button', { name: 'Settings' }).click()
  await page
    .getByTestId('settings')
    .getByRole('checkbox', { name: /Save automatically/ })
    .check()
  await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click()
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 })
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toContain('Edited. A remote picture')
})

test('the shortcuts panel lists the window’s keys', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': ARTICLE } })
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  const panel = page.getByTestId('shortcuts')
  await expect(panel.getByRole('row', { name: /^Save Ctrl\+S$/ })).toBeVisible()
  await expect(panel.getByRole('row', { name: /Go to article Ctrl\+P/ })).toBeVisible()
})
