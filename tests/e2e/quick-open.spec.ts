/**
 * Quick open (Ctrl+P): fuzzy and typo-tolerant on titles and paths, pinyin initials for Chinese
 * titles, recent articles first, the list following the selection; the command palette.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 50 }
const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nText.\n`

function folder(extra = 0): Record<string, string> {
  const files: Record<string, string> = {
    'posts/zh.md': post('中文写作', '2024-01-01 10:00:00'),
    'posts/hugo.md': post('Getting Started with Hugo', '2024-01-02 10:00:00'),
    'posts/weekly.md': post('Weekly notes', '2024-01-03 10:00:00'),
    'posts/zhuanzai.md': post('转载说明', '2024-01-04 10:00:00'),
  }
  for (let i = 0; i < extra; i++) files[`posts/more-${i}.md`] = post(`Note number ${i}`, `2023-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00`)
  return files
}

async function quickOpen(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+p')
  await expect(page.getByTestId('quick-open').getByRole('combobox')).toBeFocused()
  await page.keyboard.type(text, TYPING)
}

const options = (page: Page) => page.getByTestId('quick-open').getByRole('option')
const title = (page: Page) => page.locator('[data-testid=property][data-key=title] input')

test('pinyin initials, fuzzy letters and a typo all find the article', async ({ launch }) => {
  const { page } = await launch({ files: folder() })

  await quickOpen(page, 'zwxz')
  await expect(options(page).first()).toContainText('中文写作')
  await page.keyboard.press('Enter')
  await expect(title(page)).toHaveValue('中文写作')
  await expect(page.locator('.cm-content')).toBeFocused()

  await quickOpen(page, 'gsh')
  await expect(options(page).first()).toContainText('Getting Started with Hugo')
  await page.keyboard.press('Escape')

  // Two letters swapped: still found.
  await quickOpen(page, 'wekely')
  await expect(options(page).first()).toContainText('Weekly notes')
  await page.keyboard.press('Escape')

  // By path, and by full pinyin.
  await quickOpen(page, 'hugo.md')
  await expect(options(page).first()).toContainText('posts/hugo.md')
  await page.keyboard.press('Escape')
  await quickOpen(page, 'zhuanzai')
  await expect(options(page).first()).toContainText('转载说明')
})

test('recent articles come first and the list follows the selection', async ({ launch }) => {
  const { page } = await launch({ files: folder(60) })
  await page.locator('[data-testid=article-item][data-path="posts/zh.md"]').click()
  await expect(title(page)).toHaveValue('中文写作')
  await page.locator('[data-testid=article-item][data-path="posts/hugo.md"]').click()
  await expect(title(page)).toHaveValue('Getting Started with Hugo')

  await quickOpen(page, '')
  await expect(options(page).nth(0)).toContainText('Getting Started with Hugo')
  await expect(options(page).nth(1)).toContainText('中文写作')

  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown')
  const active = page.getByTestId('quick-open').locator('[role=option][aria-selected=true]')
  await expect(active).toHaveCount(1)
  await expect(active).toBeInViewport()
  // Scrolled with the wheel to its end, the list brings in the rest of its 64 rows.
  await page.getByTestId('quick-open').getByRole('listbox').hover()
  await expect(async () => {
    await page.mouse.wheel(0, 2000)
    await expect(options(page)).toHaveCount(64, { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(options(page).last()).toHaveAttribute('aria-setsize', '64')
  await expect(options(page).last()).toHaveAttribute('aria-posinset', '64')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('quick-open')).toHaveCount(0)
})

test('the command palette lists every command with its shortcut and runs the one chosen', async ({ launch }) => {
  const { page } = await launch({ files: folder() })
  await page.keyboard.press('ControlOrMeta+Shift+P')
  const palette = page.getByTestId('command-palette')
  await expect(palette.getByRole('combobox')).toBeFocused()
  const mod = process.platform === 'darwin' ? '⌘S' : 'Ctrl+S'
  await expect(palette.getByRole('option', { name: /^Save/ }).first()).toContainText(mod)
  expect(await palette.getByRole('option').count()).toBeGreaterThanOrEqual(12)

  await page.keyboard.type('tog prev', TYPING)
  await expect(palette.getByRole('option').first()).toContainText('preview')
  await page.keyboard.press('Enter')
  await expect(palette).toHaveCount(0)
  await expect(page.locator('.preview-pane')).toHaveAttribute('hidden', '')
})
