/**
 * Export from the app: the dialog opened by its shortcut or the toolbar, the main side's handlers
 * writing where the harness answers the destination question, PDF printed by Chromium.
 */
import type { Page } from '@playwright/test'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'parse5'
import { SEED } from './support/folders'
import { expect, test } from './support/fixtures'

// The real app answers with native dialogs and the system clipboard, which a spec cannot drive.
test.skip(process.env.FOLIO_E2E === 'electron', 'export destinations and the clipboard are stubbed by the Chromium harness only')

// An export waits for a sanitizer worker to start and load jsdom: seconds on a busy machine.
const FINISHED = { timeout: 60_000 }

test.use({ site: 'sites/hexo' })

const HELLO = 'source/_posts/2024-03-01-hello-hexo.md'
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

async function openArticle(page: Page, path: string, title: string): Promise<void> {
  await page.locator(`[data-testid=article-item][data-path="${path}"]`).click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue(title)
}

interface P5Node {
  nodeName: string
  childNodes?: P5Node[]
  value?: string
}

function titleOf(html: string): string | null {
  const find = (node: P5Node): P5Node | null => {
    if (node.nodeName === 'title') return node
    for (const child of node.childNodes ?? []) {
      const hit = find(child)
      if (hit) return hit
    }
    return null
  }
  const title = find(parse(html) as unknown as P5Node)
  return title ? (title.childNodes ?? []).map((c) => c.value ?? '').join('') : null
}

test('exports the open article as a web page from the shortcut', async ({ app, page }) => {
  await openArticle(page, HELLO, '你好，Hexo')
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('radio', { name: /This article/ })).toBeChecked()
  await dialog.getByTestId('export-format').selectOption('html')
  await dialog.getByTestId('export-start').click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article', FINISHED)
  const html = await readFile(join(app.exportDir as string, '你好，Hexo.html'), 'utf8')
  expect(titleOf(html)).toBe('你好，Hexo')
  expect(await exists(join(app.exportDir as string, '你好，Hexo', 'cover.png'))).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
})

test('exports the folder as a site with feeds, listing the article whose header is broken', async ({ app, page }) => {
  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog.getByRole('radio', { name: 'The whole folder' })).toBeChecked()
  await dialog.getByTestId('export-format').selectOption('site')
  await dialog.getByTestId('export-start').click()
  const result = dialog.getByTestId('export-result')
  await expect(result).toContainText('1 article could not be exported', FINISHED)
  await expect(result.locator('[data-path="source/_posts/2021-01-01-broken.md"]')).toContainText('does not parse')
  const out = app.exportDir as string
  expect(titleOf(await readFile(join(out, 'index.html'), 'utf8'))).toBeTruthy()
  expect(await readFile(join(out, 'rss.xml'), 'utf8')).toContain('<title>你好，Hexo</title>')
  expect(await readFile(join(out, 'atom.xml'), 'utf8')).toContain('你好，Hexo')
})

test('prints the open article to PDF with Chromium', async ({ app, page }) => {
  await openArticle(page, HELLO, '你好，Hexo')
  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByTestId('export-format').selectOption('pdf')
  await dialog.getByRole('combobox', { name: 'Page size' }).selectOption('Letter')
  await dialog.getByRole('checkbox', { name: 'Title at the top of each page' }).check()
  await dialog.getByTestId('export-start').click()
  await expect(dialog.getByTestId('export-result')).toContainText('Exported 1 article', FINISHED)
  const pdf = await readFile(join(app.exportDir as string, '你好，Hexo.pdf'))
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 612 792\s*\]/)
})

test('copies the open article as rich text', async ({ app, page }) => {
  await openArticle(page, HELLO, '你好，Hexo')
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('button', { name: 'Copy as rich text' }).click()
  await expect(dialog.getByText('Copied.')).toBeVisible()
  expect(app.clipboard).toHaveLength(1)
  expect(app.clipboard?.[0]?.html).toContain('这是第一篇文章，用来测试中文字数统计。')
  expect(app.clipboard?.[0]?.text).toContain('Some English words follow here.')
})

test('a long export shows progress and stops on Cancel', async ({ launch }) => {
  const seed = await readFile(SEED)
  const files: Record<string, Buffer> = {}
  for (let i = 0; i < 40; i++) files[`posts/${String(i).padStart(2, '0')}.md`] = seed
  const { page } = await launch({ files })
  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByTestId('export-format').selectOption('pdf')
  await dialog.getByTestId('export-start').click()
  await expect(dialog.getByTestId('export-progress')).toBeVisible()
  // The first article under way (a fast machine may already be past it); launching the PDF browser can take a while.
  await expect(dialog.getByText(/^\d+ of 40: /)).toBeVisible({ timeout: 30_000 })
  await dialog.getByTestId('export-cancel').click()
  const result = dialog.getByTestId('export-result')
  await expect(result).toContainText('Cancelled.')
  const done = Number((await result.textContent())?.match(/(\d+) articles? had been/)?.[1])
  expect(done).toBeGreaterThan(0)
  expect(done).toBeLessThan(40)
})
