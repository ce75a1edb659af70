/**
 * Search across the folder: grouped by article with every match counted, the library's filters
 * applied, options, more results on scroll, and a hit that opens with its match selected.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 40 }
const LONG_LEAD = '这是一段很长的开头，用来把要找的词推到行的很后面。'.repeat(6)

function post(title: string, date: string, body: string, more = ''): string {
  return `---\ntitle: ${title}\ndate: ${date}\n${more}---\n\n${body}\n`
}

const FOLDER = {
  'source/_posts/cats.md': post(
    'Cats',
    '2024-05-03 09:00:00',
    'The cat sat.\n\n猫在窗台上。\n\n' + LONG_LEAD + '猫又来了。\n\nAnother CAT.',
    'tags: [cat]\ncategories: [Pets]\n',
  ),
  'source/_posts/dogs.md': post('Dogs', '2024-05-02 09:00:00', 'No 猫 here, only dogs.', 'categories: [Pets]\n'),
  'source/_drafts/plan.md': post('Plan', '2024-05-01 09:00:00', '草稿里的猫。concatenate'),
  '_config.yml': 'title: Site\n',
  'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
}

async function search(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('library-search')
  await box.click()
  await box.press('ControlOrMeta+a')
  await box.press('Backspace')
  await page.keyboard.type(text, TYPING)
}

const summary = (page: Page) => page.getByTestId('search-summary')
const groups = (page: Page) => page.getByTestId('search-group')

test('results are grouped by article, every match counted, filters and options applied', async ({ launch }) => {
  const { page } = await launch({ files: FOLDER })

  await search(page, '猫')
  await expect(summary(page)).toHaveText('4 matches in 3 articles')
  await expect(groups(page)).toHaveCount(3)
  await expect(page.locator('[data-testid=search-group][data-path="source/_posts/cats.md"] [data-testid=search-group-count]')).toHaveText('2 matches')
  await expect(page.locator('[data-testid=search-group][data-path="source/_posts/dogs.md"] [data-testid=search-group-count]')).toHaveText('1 match')

  // The library's filters narrow the search too.
  await page.getByTestId('library-status').selectOption('drafts')
  await expect(summary(page)).toHaveText('1 match in 1 article')
  await page.getByTestId('library-status').selectOption('all')
  await page.getByTestId('library-category').selectOption('Pets')
  await expect(summary(page)).toHaveText('3 matches in 2 articles')
  await page.getByTestId('library-category').selectOption('')

  // Cats, [cat], categories, cat, CAT; categories; concatenate.
  await search(page, 'cat')
  await expect(summary(page)).toHaveText('7 matches in 3 articles')
  await page.getByTestId('search-caseSensitive').click()
  await expect(summary(page)).toHaveText('5 matches in 3 articles')
  await page.getByTestId('search-caseSensitive').click()
  await page.getByTestId('search-wholeWord').click()
  await expect(summary(page)).toHaveText('3 matches in 1 article')
  await page.getByTestId('search-wholeWord').click()

  await page.getByTestId('search-scope').selectOption('header')
  await expect(summary(page)).toHaveText('4 matches in 2 articles')
  await page.getByTestId('search-scope').selectOption('field')
  await page.getByTestId('search-field').pressSequentially('title', TYPING)
  await expect(summary(page)).toHaveText('1 match in 1 article')
  await page.getByTestId('search-scope').selectOption('body')
  await expect(summary(page)).toHaveText('3 matches in 2 articles')

  await page.getByTestId('search-scope').selectOption('all')
  await page.getByTestId('search-regex').click()
  await search(page, 'c[a-z]t\\b')
  await expect(summary(page)).toHaveText('3 matches in 1 article')
  await search(page, 'cat(')
  await expect(page.getByTestId('search-error')).toContainText('The regular expression is not valid')
})

test('a hit opens its article with the match selected and in view; a long Chinese line keeps the match visible', async ({ launch }) => {
  const { page } = await launch({ files: FOLDER })
  await search(page, '猫又')
  const hit = page.getByTestId('search-hit')
  await expect(hit).toHaveCount(1)
  // The snippet starts shortly before the match, so the mark sits inside the list's width.
  const mark = hit.locator('mark')
  await expect(mark).toHaveText('猫又')
  const list = await page.getByTestId('search-results').boundingBox()
  const marked = await mark.boundingBox()
  expect(marked && list && marked.x + marked.width <= list.x + list.width).toBe(true)

  await hit.click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('Cats')
  await expect(page.locator('.cm-content')).toBeFocused()
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('猫又')
  const line = page.locator('.cm-line', { hasText: '猫又来了' })
  await expect(line).toBeInViewport()

  // Keyboard: Down from the box reaches the hits, Enter opens one.
  await search(page, 'cat')
  await page.getByTestId('search-hit').first().focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.locator('.cm-content')).toBeFocused()
  expect((await page.evaluate(() => document.getSelection()?.toString()))?.toLowerCase()).toBe('cat')
})

test('more results load as the list scrolls', async ({ launch }) => {
  const files: Record<string, string> = { '_config.yml': 'title: Site\n', 'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n' }
  for (let i = 0; i < 120; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    files[`source/_posts/p${i}.md`] = post(`第 ${i} 篇`, `2023-${String((i % 12) + 1).padStart(2, '0')}-${day} 10:00:00`, `共同的词 出现在这里，还有共同的词。`)
  }
  const { page } = await launch({ files })
  await search(page, '共同的词')
  await expect(summary(page)).toHaveText('240 matches in 120 articles')
  await expect(groups(page)).toHaveCount(50)
  const results = page.getByTestId('search-results')
  await results.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(groups(page)).toHaveCount(100)
  await results.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(groups(page)).toHaveCount(120)
})
