import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test('a site setting that leads outside the folder is shown on open, and New article stays inside', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': 'title: Site\nnew_post_name: ../../../../outside/autostart/:title.desktop\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'scaffolds/post.md': '---\ntitle: {{ title }}\n---\n',
      'source/_posts/first.md': '---\ntitle: First\n---\n',
    },
  })
  const warnings = page.getByTestId('folder-warnings')
  await expect(warnings).toContainText('_config.yml line 2: new_post_name', { timeout: 20_000 })

  await page.getByRole('button', { name: 'New article' }).click()
  await page.getByTestId('new-article-dialog').getByRole('textbox').pressSequentially('evil', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('evil', { timeout: 20_000 })
  expect((await readdir(join(dir, 'source/_posts'))).sort()).toEqual(['evil.md', 'first.md'])
  expect((await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.desktop'))).toEqual([])

  await warnings.getByRole('button', { name: 'Dismiss' }).click()
  await expect(warnings).toHaveCount(0)
})
