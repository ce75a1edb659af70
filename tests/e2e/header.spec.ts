import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const HEXO_SITE = {
  '_config.yml': 'title: Site\n',
  'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
}

async function open(page: Page, path: string): Promise<void> {
  await page.locator(`[data-testid=article-item][data-path="${path}"]`).click()
  await expect(page.locator('[data-testid=editor]')).toBeVisible()
}

/** Styles of the header's spans: colour per token text, and whether any is bold like a heading. */
async function headerSpans(page: Page): Promise<{ text: string; cls: string; color: string; weight: string }[]> {
  return page
    .locator('[data-testid=editor] .cm-folio-header span')
    .evaluateAll((spans) =>
      spans.map((s) => ({ text: s.textContent ?? '', cls: s.className, color: getComputedStyle(s).color, weight: getComputedStyle(s).fontWeight })),
    )
}

test('an unfolded YAML header is coloured as YAML, not as a Markdown heading', async ({ launch }) => {
  const { page } = await launch({ files: { 'post.md': '---\ntitle: Hello 世界\ncount: 3\ndraft: false\n---\n\n# Heading\n\nBody.\n' } })
  await open(page, 'post.md')
  // A header that parses opens folded; its placeholder unfolds it.
  const placeholder = page.locator('[data-testid=editor] .cm-foldPlaceholder')
  await expect(placeholder).toBeVisible()
  await placeholder.click()
  await expect(page.locator('[data-testid=editor] .cm-folio-header')).toHaveCount(5)

  const spans = await headerSpans(page)
  const styleOf = (text: string) => spans.find((s) => s.text === text && /cm-folio-h-/.test(s.cls))
  expect(styleOf('title')?.cls).toContain('cm-folio-h-key')
  expect(styleOf('Hello 世界')?.cls).toContain('cm-folio-h-string')
  expect(styleOf('3')?.cls).toContain('cm-folio-h-number')
  expect(styleOf('false')?.cls).toContain('cm-folio-h-atom')
  expect(styleOf('title')?.color).not.toBe(styleOf('Hello 世界')?.color)
  // `draft: false` above the closing `---` is a setext heading to Markdown: nothing may be bold.
  expect(spans.filter((s) => Number(s.weight) >= 600)).toEqual([])
  const heading = page.locator('[data-testid=editor] .cm-line', { hasText: '# Heading' }).locator('span').first()
  expect(Number(await heading.evaluate((s) => getComputedStyle(s).fontWeight))).toBeGreaterThanOrEqual(600)
})

test('in a Hexo site the fenceless header is styled and folded like any other', async ({ launch }) => {
  const { page } = await launch({ files: { ...HEXO_SITE, 'source/_posts/bare.md': 'title: Bare header\ndate: 2013/7/13 20:46:25\n---\n\nThe body.\n' } })
  await open(page, 'source/_posts/bare.md')
  const placeholder = page.locator('[data-testid=editor] .cm-foldPlaceholder')
  await expect(placeholder).toBeVisible()
  await placeholder.click()
  const spans = await headerSpans(page)
  expect(spans.find((s) => s.text === 'title')?.cls).toContain('cm-folio-h-key')
  expect(spans.find((s) => s.text === '2013/7/13 20:46:25')?.cls).toContain('cm-folio-h-number')
  expect(spans.find((s) => s.text === '---')?.cls).toContain('cm-folio-h-fence')
})

test('a header that does not parse opens unfolded, its line marked in the gutter, and typing the fix clears it', async ({ launch }) => {
  const text = '---\ntitle: First\ntitle: Second\n---\n\nBody.\n'
  const { page, contentDir: dir } = await launch({ files: { 'broken.md': text } })
  await open(page, 'broken.md')
  const editor = page.locator('[data-testid=editor]')
  await expect(editor.locator('.cm-line', { hasText: 'title: Second' })).toBeVisible()
  await expect(editor.locator('.cm-foldPlaceholder')).toHaveCount(0)

  // The lint marker sits in the gutter row of line 3, the duplicate key.
  const marker = editor.locator('.cm-gutter-lint .cm-lint-marker-error')
  await expect(marker).toHaveCount(1, { timeout: 15_000 })
  // Both boxes in one read: the field checks' bar can appear meanwhile and move the editor down.
  const offCentre = () =>
    editor.evaluate((root) => {
      const markerBox = root.querySelector('.cm-gutter-lint .cm-lint-marker-error')?.getBoundingClientRect()
      const line = [...root.querySelectorAll('.cm-line')].find((l) => l.textContent === 'title: Second')
      const lineBox = line?.getBoundingClientRect()
      if (!markerBox || !lineBox) return Infinity
      return Math.abs(markerBox.y + markerBox.height / 2 - (lineBox.y + lineBox.height / 2)) / (lineBox.height / 2)
    })
  await expect.poll(offCentre).toBeLessThan(1)
  await expect(editor.locator('.cm-lintRange-error')).toContainText('title: Second')

  // Rename the second key by typing, as a person would.
  await editor.locator('.cm-line', { hasText: 'title: Second' }).click({ position: { x: 2, y: 5 } })
  await page.keyboard.press('Home')
  await page.keyboard.type('sub', { delay: 60 })
  await expect(marker).toHaveCount(0, { timeout: 15_000 })
  await expect(page.locator('[data-testid=property][data-key=subtitle] input')).toHaveValue('Second')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'broken.md'), 'utf8')).toBe(text.replace('title: Second', 'subtitle: Second'))
})

test('the header lint message speaks the UI language, and follows a switch of language while the article is open', async ({ launch }) => {
  const { page } = await launch({ files: { 'broken.md': '---\ntitle: First\ntitle: Second\n---\n\nBody.\n' } })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await open(page, 'broken.md')
  const editor = page.locator('[data-testid=editor]')
  const marker = editor.locator('.cm-gutter-lint .cm-lint-marker-error')
  await expect(marker).toHaveCount(1, { timeout: 15_000 })
  await marker.hover()
  await expect(page.locator('.cm-tooltip')).toContainText(
    '键“\u2068title\u2069”出现了不止一次：删掉或改名其中一个（第 3 行第 1 列）。头部能够解析之前，表单保持锁定。',
  )
  await page.mouse.move(0, 0)
  await page.getByRole('combobox', { name: '语言' }).selectOption('en')
  await marker.hover()
  await expect(page.locator('.cm-tooltip')).toContainText('Duplicate key title (line 3, column 1). The form is locked until the header parses.')
})
