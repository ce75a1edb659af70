/**
 * CodeMirror's own words in the Chinese UI (find/replace, folding) and a find panel readable in dark mode.
 */
import { expect, test } from './support/fixtures'

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? [])
    .slice(0, 3)
    .map(Number)
    .map((v) => {
      const c = v / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

test('the find and replace panel speaks Chinese and is readable in dark mode', async ({ launch }) => {
  const { page } = await launch({ files: { 'posts/a.md': '---\ntitle: 中文\n---\n\n正文里有猫。\n' } })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await page.locator('[data-testid=article-item][data-path="posts/a.md"]').click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('中文')
  await page.getByText('正文里有猫。').click()
  await page.keyboard.press('ControlOrMeta+f')
  const panel = page.locator('.cm-search')
  await expect(panel.locator('input[name=search]')).toHaveAttribute('placeholder', '查找')
  await expect(panel.locator('input[name=replace]')).toHaveAttribute('placeholder', '替换')
  await expect(panel.getByRole('button', { name: '全部替换' })).toBeVisible()
  await expect(panel.getByRole('button', { name: '下一个' })).toBeVisible()
  await expect(panel).toContainText('区分大小写')
  const english = await panel.evaluate((el) => (el.textContent ?? '').match(/[A-Za-z]{2,}/g) ?? [])
  expect(english).toEqual([])

  const field = panel.locator('input[name=search]')
  const [color, background] = await field.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
  expect(contrast(color as string, background as string)).toBeGreaterThan(4.5)
  const button = panel.getByRole('button', { name: '全部替换' })
  const [text, face] = await button.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
  expect(contrast(text as string, face as string)).toBeGreaterThan(4.5)
})

test('the editor takes the language chosen while an article is open, and articles opened after it start in it', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\n第一篇。\n', 'b.md': '---\ntitle: B\n---\n\n第二篇。\n' } })
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await page.getByText('第一篇。').click()
  await page.keyboard.press('ControlOrMeta+f')
  await expect(page.locator('.cm-search input[name=search]')).toHaveAttribute('placeholder', 'Find')
  await page.keyboard.press('Escape')

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await page.getByText('第一篇。').click()
  await page.keyboard.press('ControlOrMeta+f')
  await expect(page.locator('.cm-search input[name=search]')).toHaveAttribute('placeholder', '查找')
  await page.keyboard.press('Escape')

  await page.locator('[data-testid=article-item][data-path="b.md"]').click()
  await page.getByText('第二篇。').click()
  await page.keyboard.press('ControlOrMeta+f')
  await expect(page.locator('.cm-search input[name=search]')).toHaveAttribute('placeholder', '查找')
  await expect(page.locator('.cm-search').getByRole('button', { name: '全部替换' })).toBeVisible()
})

test('the folded header and the fold gutter speak Chinese, labels the zh-CN walk leaves to the editor', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': '---\ntitle: 中文\ndate: 2024-05-01 10:00:00\n---\n\n正文。\n\n## 小节\n\n内容。\n' } })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  // A header that parses opens folded: its placeholder is labelled for a screen reader and a pointer.
  const placeholder = page.locator('[data-testid=editor] .cm-foldPlaceholder')
  await expect(placeholder).toHaveAttribute('aria-label', '已折叠的代码')
  await expect(placeholder).toHaveAttribute('title', '展开')
  const gutter = page.locator('[data-testid=editor] .cm-foldGutter [title]')
  await expect(gutter.first()).toBeAttached()
  const titles = await gutter.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('title')))])
  expect(titles.length).toBeGreaterThan(0)
  for (const title of titles) expect(['折叠此行', '展开此行']).toContain(title)
})
