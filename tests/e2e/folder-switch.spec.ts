import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Launch, type MakeFolder } from './support/fixtures'

const FIRST = '---\ntitle: 第一篇\n---\n\n第一段。\n'
const SECOND = '---\r\ntitle: Second\r\n---\r\n\r\nSecond body.\r\n'
const ELSEWHERE = '---\ntitle: Elsewhere\n---\n\nIn the other folder.\n'

/** The app on one folder; its folder dialog answers another. */
async function twoFolders(launch: Launch, makeFolder: MakeFolder): Promise<{ page: Page; here: string; there: string }> {
  const there = await makeFolder({ files: { 'elsewhere.md': ELSEWHERE } })
  const { page, contentDir: here } = await launch({ files: { 'first.md': FIRST, 'second.md': SECOND }, folderDialog: () => there })
  return { page, here, there }
}

async function typeAtEndOf(page: Page, path: string, anchor: string, text: string): Promise<void> {
  await page.locator(`[data-testid=article-item][data-path="${path}"]`).click()
  await page.locator('.cm-content').getByText(anchor).click()
  await page.keyboard.press('End')
  await page.keyboard.type(text, { delay: 40 })
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'dirty')
}

test('opening another folder with unsaved edits asks; Cancel stays with the edits, Discard leaves the files as they were', async ({ launch, makeFolder }) => {
  test.setTimeout(120_000)
  const { page, here } = await twoFolders(launch, makeFolder)
  await typeAtEndOf(page, 'first.md', '第一段。', ' 改了')
  await page.getByRole('button', { name: 'Open folder' }).click()
  const dialog = page.getByTestId('unsaved-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('unsaved-paths')).toHaveText('first.md')
  await expect(page.getByTestId('unsaved-save-all')).toBeFocused()
  await page.getByTestId('unsaved-cancel').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('[data-testid=article-item][data-path="first.md"]')).toBeVisible()
  await expect(page.locator('.cm-content')).toContainText('第一段。 改了')
  expect(await readFile(join(here, 'first.md'), 'utf8')).toBe(FIRST)

  // The keyboard way: Ctrl+O asks too, and Escape is Cancel.
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+o')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('.cm-content')).toContainText('第一段。 改了')

  await page.getByRole('button', { name: 'Open folder' }).click()
  await page.getByTestId('unsaved-discard').click()
  await expect(page.locator('[data-testid=article-item][data-path="elsewhere.md"]')).toBeVisible({ timeout: 20_000 })
  await expect(page.locator('[data-testid=article-item][data-path="first.md"]')).toHaveCount(0)
  expect(await readFile(join(here, 'first.md'), 'utf8')).toBe(FIRST)
  // Nothing unsaved is left behind: the next switch does not ask.
  await page.getByRole('button', { name: 'Open folder' }).click()
  await expect(page.locator('[data-testid=article-item][data-path="elsewhere.md"]')).toBeVisible()
  await expect(dialog).toHaveCount(0)
})

test('"Save all" writes every unsaved article, kept in memory or shown, byte for byte, then opens the other folder', async ({ launch, makeFolder }) => {
  test.setTimeout(120_000)
  const { page, here } = await twoFolders(launch, makeFolder)
  await typeAtEndOf(page, 'second.md', 'Second body.', ' Edited.')
  await typeAtEndOf(page, 'first.md', '第一段。', ' 改了')
  await page.getByRole('button', { name: 'Open folder' }).click()
  await expect(page.getByTestId('unsaved-paths')).toHaveText(['first.md', 'second.md'].join(''))
  await page.keyboard.press('Enter') // Save all has the focus
  await expect(page.locator('[data-testid=article-item][data-path="elsewhere.md"]')).toBeVisible({ timeout: 20_000 })
  expect(await readFile(join(here, 'first.md'), 'utf8')).toBe(FIRST.replace('第一段。', '第一段。 改了'))
  expect(await readFile(join(here, 'second.md'), 'utf8')).toBe(SECOND.replace('Second body.', 'Second body. Edited.'))
})
