import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Launch } from './support/fixtures'

const ORIGINAL = '---\ntitle: Shared\n---\n\nOriginal body.\n'
const THEIRS = '---\ntitle: Shared\n---\n\nChanged by another program.\n'

async function editWhileChangedOnDisk(launch: Launch): Promise<{ page: Page; file: string }> {
  const { page, contentDir: dir } = await launch({ files: { 'shared.md': ORIGINAL } })
  const file = join(dir, 'shared.md')
  await page.locator('[data-testid=article-item][data-path="shared.md"]').click()
  await page.getByText('Original body.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Mine.')
  await writeFile(file, THEIRS)
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'conflict')
  await expect(page.getByTestId('conflict-dialog')).toBeVisible()
  expect(await readFile(file, 'utf8')).toBe(THEIRS)
  return { page, file }
}

test('a file changed on disk is never overwritten silently: compare, then keep mine', async ({ launch }) => {
  const { page, file } = await editWhileChangedOnDisk(launch)
  // The merge view shows both versions at once; its toggle hides it.
  const compare = page.getByTestId('conflict-compare')
  await expect(compare).toContainText('Changed by another program.')
  await expect(compare).toContainText('Original body. Mine.')
  await page.getByTestId('conflict-keep-mine').click()
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe('---\ntitle: Shared\n---\n\nOriginal body. Mine.\n')
})

test('reload takes the disk version and drops my edits', async ({ launch }) => {
  const { page, file } = await editWhileChangedOnDisk(launch)
  await page.getByTestId('conflict-reload').click()
  await expect(page.getByTestId('conflict-dialog')).toBeHidden()
  await expect(page.locator('[data-testid=editor]')).toContainText('Changed by another program.')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe(THEIRS)
})

test('a clean open article follows a change made on disk by another program', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'shared.md': ORIGINAL } })
  await page.locator('[data-testid=article-item][data-path="shared.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('Original body.')
  await writeFile(join(dir, 'shared.md'), THEIRS)
  await expect(page.locator('[data-testid=editor]')).toContainText('Changed by another program.')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
})

test('a conflict found while another dialog is open waits for it to close, then no shortcut replaces it', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'shared.md': ORIGINAL } })
  const file = join(dir, 'shared.md')
  await page.locator('[data-testid=article-item][data-path="shared.md"]').click()
  await page.getByText('Original body.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Mine.', { delay: 30 })
  await writeFile(file, THEIRS)
  const quickOpen = page.getByTestId('quick-open')
  const conflict = page.getByTestId('conflict-dialog')
  await page.keyboard.press('ControlOrMeta+p')
  await expect(quickOpen).toBeVisible()

  // Saved from inside quick open: the conflict is found, and waits behind the open dialog.
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'conflict')
  await expect(quickOpen).toBeVisible()
  await expect(conflict).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect(quickOpen).toHaveCount(0)
  await expect(conflict).toBeVisible()
  // Open, it keeps its place: quick open does not take it.
  await page.keyboard.press('ControlOrMeta+p')
  await expect(conflict).toBeVisible()
  await expect(quickOpen).toHaveCount(0)

  await page.getByTestId('conflict-keep-mine').click()
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe('---\ntitle: Shared\n---\n\nOriginal body. Mine.\n')
})
