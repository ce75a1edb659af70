import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test.use({ files: { 'a.md': '---\ntitle: A\n---\n\nalpha\nbeta\n' } })
test.describe.configure({ timeout: 120_000 })

/** Types the way a person does: one key at a time. */
const type = (page: Page, text: string) => page.keyboard.type(text, { delay: 40 })

test('Vim keys: :w saves the article, :wq and :x save and go back to the article list, the app stays', async ({ page, contentDir: dir }) => {
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByTestId('settings').getByRole('checkbox', { name: 'Vim keys' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')
  await expect(page.locator('.cm-vim-panel')).toBeVisible()
  const status = page.locator('[data-testid=save-status]')
  const onDisk = () => readFile(join(dir, 'a.md'), 'utf8')

  await page.getByText('alpha').click()
  await type(page, '0iOne ')
  await page.keyboard.press('Escape')
  await expect(status).toHaveAttribute('data-state', 'dirty')
  await type(page, ':w')
  await page.keyboard.press('Enter')
  await expect(status).toHaveAttribute('data-state', 'saved')
  expect(await onDisk()).toBe('---\ntitle: A\n---\n\nOne alpha\nbeta\n')
  // Still in the editor, in normal mode: the next keys are Vim's.
  await expect(page.locator('.cm-content')).toBeFocused()

  await type(page, 'jddu')
  await type(page, 'A two')
  await page.keyboard.press('Escape')
  await type(page, ':wq')
  await page.keyboard.press('Enter')
  await expect(status).toHaveAttribute('data-state', 'saved')
  expect(await onDisk()).toBe('---\ntitle: A\n---\n\nOne alpha\nbeta two\n')
  await expect(page.getByTestId('article-list')).toBeFocused()

  // Back in, change once more, and :x.
  await page.getByText('beta two').click()
  await type(page, 'dd')
  await type(page, ':x')
  await page.keyboard.press('Enter')
  await expect(status).toHaveAttribute('data-state', 'saved')
  expect(await onDisk()).toBe('---\ntitle: A\n---\n\nOne alpha\n')
  await expect(page.getByTestId('article-list')).toBeFocused()
  // The app is still there, with the article open.
  await expect(page.locator('[data-testid=editor] .cm-content')).toContainText('One alpha')
})
