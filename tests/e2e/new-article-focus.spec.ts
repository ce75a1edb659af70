import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

function hexoSite(scaffold: string): Record<string, string> {
  return {
    '_config.yml': 'title: Site\nnew_post_name: :title.md\n',
    'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
    'scaffolds/post.md': scaffold,
    'source/_posts/first.md': '---\ntitle: First\n---\n',
  }
}

test('a new article puts the cursor at the end of its title: what is typed next lands there and saves', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, contentDir: dir } = await launch({ files: hexoSite('---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n') })
  await page.getByRole('button', { name: 'New article' }).click()
  await page.keyboard.type('春日', { delay: 40 })
  await page.keyboard.press('Enter')
  const title = page.locator('[data-testid=property][data-key=title] input')
  await expect(title).toBeFocused({ timeout: 20_000 })
  await page.keyboard.type(' 随笔', { delay: 40 })
  await expect(title).toHaveValue('春日 随笔')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  const created = (await readdir(join(dir, 'source/_posts'))).filter((name) => name !== 'first.md')
  expect(created).toEqual(['春日.md'])
  expect(await readFile(join(dir, 'source/_posts/春日.md'), 'utf8')).toMatch(/^---\ntitle: 春日 随笔\ndate: [\d-]+ [\d:]+\ntags:\n---\n$/)
})

test('in a site whose articles have no title, a new article puts the cursor in its body', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, contentDir: dir } = await launch({ files: hexoSite('---\ndate: {{ date }}\n---\n') })
  await page.getByRole('button', { name: 'New article' }).click()
  await page.keyboard.type('notes', { delay: 40 })
  await page.keyboard.press('Enter')
  await expect(page.locator('.cm-content')).toBeFocused({ timeout: 20_000 })
  await page.keyboard.type('First line.', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 })
  expect(await readFile(join(dir, 'source/_posts/notes.md'), 'utf8')).toMatch(/^---\ndate: [\d-]+ [\d:]+\n---\nFirst line\.$/)
})
