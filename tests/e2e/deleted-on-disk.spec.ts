import { access, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const BOM = '\uFEFF'
const POST = '---\r\ntitle: 春天\r\ntags: [诗]\r\n---\r\n\r\n春眠不觉晓。\r\n'
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

test('an article deleted on disk keeps its text, says so, and "Save again" writes it back byte for byte', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, contentDir: dir } = await launch({ files: { 'spring.md': Buffer.from(BOM + POST, 'utf8'), 'other.md': '---\ntitle: Other\n---\n\nOther.\n' } })
  const file = join(dir, 'spring.md')
  await page.locator('[data-testid=article-item][data-path="spring.md"]').click()
  await page.getByText('春眠不觉晓。').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Mine', { delay: 40 })
  await rm(file)
  await expect(page.getByTestId('file-deleted')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('file-deleted')).toContainText('spring.md')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'deleted')
  // The text is still there and still takes typing.
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Again.', { delay: 40 })
  await expect(page.locator('.cm-content')).toContainText('春眠不觉晓。 Mine')
  await page.getByTestId('deleted-recreate').click()
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  await expect(page.getByTestId('file-deleted')).toHaveCount(0)
  expect((await readFile(file)).toString('utf8')).toBe(BOM + POST.replace('春眠不觉晓。', '春眠不觉晓。 Mine') + 'Again.')
  // Saved again, it is an ordinary article: the next edit saves through the usual check.
  await page.keyboard.type('!', { delay: 40 })
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  expect((await readFile(file)).toString('utf8')).toBe(BOM + POST.replace('春眠不觉晓。', '春眠不觉晓。 Mine') + 'Again.!')
})

test('"Save as…" writes a deleted article under a new name, never over a taken one; "Close" drops it', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, contentDir: dir } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nBody.\n', 'taken.md': '---\ntitle: Taken\n---\n\nTheirs.\n' } })
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await page.getByText('Body.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Mine.', { delay: 40 })
  await rm(join(dir, 'a.md'))
  await expect(page.getByTestId('file-deleted')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('deleted-save-as').click()
  const name = page.getByTestId('deleted-save-as-name')
  await expect(name).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('taken.md', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('file-deleted-message')).toContainText('taken.md')
  expect(await readFile(join(dir, 'taken.md'), 'utf8')).toBe('---\ntitle: Taken\n---\n\nTheirs.\n')
  await page.getByTestId('deleted-save-as').click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('kept/a-again.md', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  expect(await readFile(join(dir, 'kept/a-again.md'), 'utf8')).toBe('---\ntitle: A\n---\n\nBody. Mine.\n')
  expect(await exists(join(dir, 'a.md'))).toBe(false)
  await expect(page.locator('[data-testid=article-item][data-path="kept/a-again.md"]')).toHaveAttribute('aria-selected', 'true')

  await rm(join(dir, 'kept/a-again.md'))
  await expect(page.getByTestId('file-deleted')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('deleted-close').click()
  await expect(page.getByTestId('file-deleted')).toHaveCount(0)
  await expect(page.locator('.cm-content')).not.toContainText('Mine.')
  expect(await exists(join(dir, 'kept/a-again.md'))).toBe(false)
})

test('an article renamed on disk while edited follows its new name, and saves there', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, contentDir: dir } = await launch({ files: { 'old-name.md': '---\ntitle: Moving\n---\n\nBody.\n' } })
  await page.locator('[data-testid=article-item][data-path="old-name.md"]').click()
  await page.getByText('Body.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Mine.', { delay: 40 })
  await rename(join(dir, 'old-name.md'), join(dir, 'new-name.md'))
  await expect(page.locator('[data-testid=article-item][data-path="new-name.md"]')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('file-deleted')).toHaveCount(0)
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  expect(await readFile(join(dir, 'new-name.md'), 'utf8')).toBe('---\ntitle: Moving\n---\n\nBody. Mine.\n')
  expect(await exists(join(dir, 'old-name.md'))).toBe(false)
})
