import { access, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const item = (path: string) => `[data-testid=article-item][data-path="${path}"]`
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

test('rename, duplicate and move to trash from the context menu', async ({ launch }) => {
  const body = '---\ntitle: 旧文章\n---\n\ntext\n'
  const { page, contentDir: dir } = await launch({ files: { 'posts/old.md': body, 'posts/keep.md': '---\ntitle: Keep\n---\n' } })

  await page.locator(item('posts/old.md')).click({ button: 'right' })
  await page
    .getByTestId('article-menu')
    .getByRole('menuitem', { name: /Rename/ })
    .click()
  await page.getByTestId('rename-dialog').getByRole('textbox').fill('posts/新名字.md')
  await page.keyboard.press('Enter')
  await expect(page.locator(item('posts/新名字.md'))).toBeVisible()
  expect(await readFile(join(dir, 'posts/新名字.md'), 'utf8')).toBe(body)
  expect(await exists(join(dir, 'posts/old.md'))).toBe(false)

  await page.locator(item('posts/新名字.md')).click({ button: 'right' })
  await page.getByTestId('article-menu').getByRole('menuitem', { name: 'Duplicate' }).click()
  await expect(page.locator('[data-testid=article-list] [data-testid=article-item]')).toHaveCount(3)
  expect((await readdir(join(dir, 'posts'))).length).toBe(3)

  await page.locator(item('posts/keep.md')).click({ button: 'right' })
  await page
    .getByTestId('article-menu')
    .getByRole('menuitem', { name: /Move to trash/ })
    .click()
  await page.getByTestId('trash-dialog').getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.locator(item('posts/keep.md'))).toHaveCount(0)
  expect(await exists(join(dir, 'posts/keep.md'))).toBe(false)
})

test('a new article in a Hexo site comes from its scaffold and opens', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': 'title: Site\nnew_post_name: :title.md\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
      'source/_posts/first.md': '---\ntitle: First\n---\n',
    },
  })
  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByTestId('new-article-dialog').getByRole('textbox').fill('你好 世界')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('你好 世界')
  const created = (await readdir(join(dir, 'source/_posts'))).filter((name) => name !== 'first.md')
  expect(created).toHaveLength(1)
  expect(created[0]).toMatch(/你好/)
  expect(await readFile(join(dir, 'source/_posts', created[0]!), 'utf8')).toMatch(
    /^---\ntitle: 你好 世界\ndate: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\ntags:\n---\n/,
  )
})

test('renaming an article with unsaved edits keeps the edits, and they save to the new name', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'draft.md': '---\ntitle: Draft\n---\n\nfirst\n' } })
  await page.locator(item('draft.md')).click()
  await page.getByText('first', { exact: true }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' edit')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')

  await page.locator(item('draft.md')).click({ button: 'right' })
  await page
    .getByTestId('article-menu')
    .getByRole('menuitem', { name: /Rename/ })
    .click()
  await page.getByTestId('rename-dialog').getByRole('textbox').fill('final.md')
  await page.keyboard.press('Enter')
  await expect(page.locator(item('final.md'))).toBeVisible()
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'final.md'), 'utf8')).toBe('---\ntitle: Draft\n---\n\nfirst edit\n')
  expect(await exists(join(dir, 'draft.md'))).toBe(false)
})
