import { access, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const HELLO = `---
title: Hello 世界
date: 2024-05-01 10:00:00
---

First paragraph.
`

test('a folder moved away while open: the banner says so, a save is refused without making the folder again, and Close asks before dropping edits', async ({
  launch,
  makeFolder,
}) => {
  const { page, contentDir: dir } = await launch({ files: { 'posts/hello.md': HELLO, 'posts/other.md': '---\ntitle: Other\n---\nbody\n' } })

  await page.locator('[data-testid=article-item][data-path="posts/hello.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('First paragraph', { timeout: 20_000 })
  await page.getByText('First paragraph.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 再加一句', { delay: 40 })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')

  // Moved out of its parent into another folder of the test's, which the fixture removes after it.
  const moved = join(await makeFolder(), 'moved')
  await rename(dir, moved)
  const banner = page.getByTestId('folder-gone')
  await expect(banner).toContainText(`is gone: it was moved or deleted. Close it, or locate it.`, { timeout: 20_000 })
  await expect(banner).toContainText(dir)
  await expect(page.getByTestId('folder-gone-unsaved')).toContainText('1 article has unsaved edits')

  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'error', { timeout: 20_000 })
  await expect(access(dir)).rejects.toMatchObject({ code: 'ENOENT' })
  expect(await readFile(join(moved, 'posts/hello.md'), 'utf8')).toBe(HELLO)

  // Close asks first: the edits cannot go anywhere, so dropping them takes a second yes.
  await banner.getByTestId('folder-gone-close').click()
  await banner.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.locator('[data-testid=editor]')).toContainText('再加一句')
  await banner.getByTestId('folder-gone-close').click()
  await banner.getByTestId('folder-gone-discard').click()
  await expect(page.getByTestId('welcome')).toBeVisible({ timeout: 20_000 })
  await expect(banner).toHaveCount(0)
  await expect(access(dir)).rejects.toMatchObject({ code: 'ENOENT' })
})

test('Locate… opens the folder where it is now, keeps the unsaved edit and saves it there', async ({ launch, makeFolder }) => {
  const moved = join(await makeFolder(), 'elsewhere')
  const { page, contentDir: dir } = await launch({ files: { 'posts/hello.md': HELLO }, folderDialog: () => moved })
  await page.locator('[data-testid=article-item][data-path="posts/hello.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('First paragraph', { timeout: 20_000 })
  await page.getByText('First paragraph.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 找到了', { delay: 40 })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')

  await rename(dir, moved)
  const banner = page.getByTestId('folder-gone')
  await expect(banner).toBeVisible({ timeout: 20_000 })
  await banner.getByRole('button', { name: 'Locate…' }).click()
  await expect(banner).toHaveCount(0, { timeout: 20_000 })
  await expect(page.locator('.folder-name')).toHaveAttribute('title', moved)
  await expect(page.locator('[data-testid=editor]')).toContainText('找到了')

  // The kept edit saves into the folder where it is now; the old path is never made again.
  await page.locator('[data-testid=editor] .cm-content').click()
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  expect(await readFile(join(moved, 'posts/hello.md'), 'utf8')).toBe(HELLO.replace('First paragraph.', 'First paragraph. 找到了'))
  await expect(access(dir)).rejects.toMatchObject({ code: 'ENOENT' })
})
