import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const post = (title: string, date: string, extra: string) => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n${title} body.\n`
const FILES = {
  '_config.yml': 'title: Test\ntimezone: Asia/Shanghai\n',
  'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
  'source/_posts/a.md': post('Alpha', '2024-01-01 10:00:00', 'categories:\n  - 技术\n  - 前端\ntags:\n  - 前端\n  - css\n'),
  'source/_posts/b.md': post('Beta', '2024-02-01 10:00:00', 'categories: [技术]\ntags: [rust, 前端]\n'),
  'source/_posts/c.md': post('Gamma', '2023-05-01 10:00:00', 'categories: 生活\ntags: [随笔]\n'),
}

const items = '[data-testid=article-list] [data-testid=article-item]'
const value = (key: string, v: string) => `[data-testid=taxonomy-value][data-key="${key}"][data-value="${v}"]`

test.use({ files: FILES })

test('rename a tag through the taxonomy view: preview, apply, undo', async ({ page, contentDir: dir }) => {
  const before = await readFile(join(dir, 'source/_posts/a.md'), 'utf8')

  await page.getByTestId('toggle-taxonomy').click()
  const tag = page.locator(value('tags', '前端'))
  await expect(tag).toContainText('2')
  // The Hexo category tree: 前端 inside 技术.
  await expect(page.locator(value('categories', '技术 › 前端'))).toBeVisible()

  // Clicking a value filters the library.
  await tag.locator('.taxonomy-filter').click()
  await expect(page.locator(items)).toHaveText([/Beta/, /Alpha/])
  await page.getByTestId('library-only').getByRole('button').click()
  await expect(page.locator(items)).toHaveCount(3)

  await tag.getByRole('button', { name: 'Rename \u2068前端\u2069' }).click()
  await page.getByTestId('taxonomy-ask-input').fill('Frontend')
  await page.getByTestId('taxonomy-ask-ok').click()

  const preview = page.getByTestId('bulk-preview')
  await expect(preview.getByTestId('bulk-file')).toHaveCount(2)
  await expect(preview.locator('[data-path="source/_posts/a.md"] del')).toHaveText(['-   - 前端'])
  await expect(preview.locator('[data-path="source/_posts/a.md"] ins')).toHaveText(['+   - Frontend'])
  await expect(preview.locator('[data-path="source/_posts/b.md"] ins')).toHaveText(['+ tags: [rust, Frontend]'])

  await page.getByTestId('bulk-apply').click()
  await expect(page.getByTestId('bulk-outcome')).toContainText('Changed 2 files')
  expect(await readFile(join(dir, 'source/_posts/a.md'), 'utf8')).toBe(before.replace('  - 前端\n  - css', '  - Frontend\n  - css'))
  await expect(page.locator(value('tags', 'Frontend'))).toContainText('2')
  await expect(page.locator(value('tags', '前端'))).toHaveCount(0)

  await page.getByTestId('bulk-undo').click()
  await expect(page.getByTestId('bulk-outcome')).toContainText('Restored 2 files')
  expect(await readFile(join(dir, 'source/_posts/a.md'), 'utf8')).toBe(before)
  await page.getByTestId('bulk-close').click()
  await expect(page.locator(value('tags', '前端'))).toContainText('2')
})

test('Ctrl-click selects articles for a bulk field edit; a plain click still opens', async ({ page, contentDir: dir }) => {
  await page.locator(`${items}[data-path="source/_posts/a.md"]`).click({ modifiers: ['Control'] })
  await page.locator(`${items}[data-path="source/_posts/c.md"]`).click({ modifiers: ['Control'] })
  await expect(page.getByTestId('library-selection')).toContainText('2 selected')
  await page.getByTestId('bulk-edit').click()
  await page.getByTestId('bulk-action').selectOption('add-to-list')
  await page.getByTestId('bulk-key').fill('tags')
  await page.getByTestId('bulk-value').fill('精选')
  await page.getByTestId('bulk-field-preview').click()
  await expect(page.getByTestId('bulk-preview').getByTestId('bulk-file')).toHaveCount(2)
  await page.getByTestId('bulk-apply').click()
  await expect(page.getByTestId('bulk-outcome')).toContainText('Changed 2 files')
  expect(await readFile(join(dir, 'source/_posts/c.md'), 'utf8')).toContain('tags: [随笔, 精选]\n')
  expect(await readFile(join(dir, 'source/_posts/b.md'), 'utf8')).not.toContain('精选')
  await page.getByTestId('bulk-close').click()

  await page.locator(`${items}[data-path="source/_posts/b.md"]`).click()
  await expect(page.locator(`${items}[data-path="source/_posts/b.md"]`)).toHaveAttribute('aria-selected', 'true')
  // Space picks the open article from the keyboard.
  await page.getByTestId('article-list').press(' ')
  await expect(page.locator(`${items}[data-path="source/_posts/b.md"]`)).toHaveAttribute('aria-checked', 'true')
})

test('a rename over 224 articles says exactly 224 files, shows each path as written, and changes them all', async ({ launch }) => {
  const files: Record<string, string> = { '_config.yml': FILES['_config.yml'], 'package.json': FILES['package.json'] }
  for (let i = 0; i < 224; i++) files[`source/_posts/Post-${i}.md`] = post(`Post ${i}`, '2024-03-01 10:00:00', 'tags: [OldTag, other]\n')
  const { page, contentDir: dir } = await launch({ files })

  await page.getByTestId('toggle-taxonomy').click()
  const tag = page.locator(value('tags', 'OldTag'))
  await expect(tag).toContainText('224')
  await tag.getByRole('button', { name: 'Rename \u2068OldTag\u2069' }).click()
  await page.getByTestId('taxonomy-ask-input').fill('NewTag')
  await page.getByTestId('taxonomy-ask-ok').click()

  // The preview draws the first 200 files, but counts every one.
  const preview = page.getByTestId('bulk-preview')
  await expect(preview.getByTestId('bulk-count')).toHaveText('224 files will change:', { timeout: 30_000 })
  await expect(preview.getByText('…and 24 more files')).toBeVisible()
  await expect(page.getByTestId('bulk-apply')).toHaveText('Apply to 224 files')
  // The preview sits inside the taxonomy panel, whose headings are upper-case: a path keeps its letters.
  const heading = preview.locator('[data-testid=bulk-file][data-path="source/_posts/Post-0.md"] h3')
  await expect(heading).toHaveText('source/_posts/Post-0.md', { useInnerText: true })

  await page.getByTestId('bulk-apply').click()
  await expect(page.getByTestId('bulk-outcome')).toContainText('Changed 224 files', { timeout: 30_000 })
  expect(await readFile(join(dir, 'source/_posts/Post-223.md'), 'utf8')).toBe(post('Post 223', '2024-03-01 10:00:00', 'tags: [NewTag, other]\n'))
})
