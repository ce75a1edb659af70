import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const LOCKED = `---
title: 只读的文章
date: 2024-05-01 10:00:00
---

A paragraph someone protected.
`

test('a read-only (0444) article says why, "Make writable" lifts it, and the typed change saves with the mode 0644', async ({ launch, makeFolder }) => {
  const dir = await makeFolder({ files: { 'posts/locked.md': LOCKED } })
  const file = join(dir, 'posts/locked.md')
  await chmod(file, 0o444)
  const { page } = await launch({ contentDir: dir })

  await page.locator('[data-testid=article-item][data-path="posts/locked.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('A paragraph someone protected.', { timeout: 20_000 })
  await expect(page.getByTestId('read-only')).toContainText('posts/locked.md is read-only')
  const button = page.getByRole('button', { name: 'Make writable' })

  // Still read-only before the choice: typing changes nothing.
  await page.getByText('A paragraph someone').click()
  await page.keyboard.press('End')
  await page.keyboard.type('x', { delay: 30 })
  await expect(page.locator('[data-testid=editor]')).not.toContainText('protected.x')

  await button.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('read-only')).toHaveCount(0, { timeout: 20_000 })
  await expect(button).toHaveCount(0)
  expect((await stat(file)).mode & 0o7777).toBe(0o644)

  // The cursor stayed at the end of the paragraph, and the editor has the focus again.
  await page.keyboard.type(' Now mine 我的.', { delay: 30 })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })

  expect(await readFile(file, 'utf8')).toBe(LOCKED.replace('protected.', 'protected. Now mine 我的.'))
  expect((await stat(file)).mode & 0o7777).toBe(0o644)
})

test('"Make writable" is not offered when the reason is the content (not valid UTF-8)', async ({ launch, makeFolder }) => {
  const dir = await makeFolder({ files: { 'ok.md': '---\ntitle: OK\n---\n' } })
  const file = join(dir, 'latin1.md')
  await writeFile(file, Buffer.concat([Buffer.from('---\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n---\nbody\n')]))
  await chmod(file, 0o444)
  const { page } = await launch({ contentDir: dir })

  await page.locator('[data-testid=article-item][data-path="latin1.md"]').click()
  await expect(page.getByTestId('read-only')).toContainText('not valid UTF-8', { timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Make writable' })).toHaveCount(0)
})
