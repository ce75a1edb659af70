/** The link checker's findings in the editor: broken images and links underlined where written, updated as the writer types. */
import { expect, test } from './support/fixtures'

test('a broken image and a broken post_link are lint warnings at their targets, and a new one appears after typing', async ({ launch }) => {
  const { page } = await launch({
    files: {
      '_config.yml': 'title: Site\npost_asset_folder: true\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/trip.md': '---\ntitle: Trip\n---\n\n![ok](cover.png) ![gone](missing.png)\n\n{% post_link nowhere %}\n',
      'source/_posts/trip/cover.png': 'png',
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
  const warnings = page.locator('[data-testid=editor] .cm-lintRange-warning')
  await expect(warnings).toHaveCount(2, { timeout: 30_000 })
  await expect(warnings.first()).toHaveText('missing.png')
  await expect(warnings.nth(1)).toHaveText('nowhere')

  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('\n[more](other.md)', { delay: 30 })
  await expect(warnings).toHaveCount(3, { timeout: 30_000 })
  await expect(warnings.nth(2)).toHaveText('other.md')
})

test('typing prose above and between the warnings keeps each at its target; a link typed after it is checked', async ({ launch }) => {
  const { page } = await launch({
    files: {
      '_config.yml': 'title: Site\npost_asset_folder: true\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/trip.md': '---\ntitle: Trip\n---\n\n第一段文字。\n\n![gone](missing.png) 中间的文字 {% post_link nowhere %}\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
  const warnings = page.locator('[data-testid=editor] .cm-lintRange-warning')
  await expect(warnings).toHaveCount(2, { timeout: 30_000 })
  await page.getByText('第一段文字。', { exact: true }).click()
  await page.keyboard.press('End')
  // Prose typed with pauses longer than the lint's: each pause finds the warnings where their targets went.
  for (const word of [' 更多', ' words', ' 再来']) {
    await page.keyboard.type(word, { delay: 40 })
    await page.waitForTimeout(1_200)
    await expect(warnings).toHaveCount(2)
    await expect(warnings.first()).toHaveText('missing.png')
    await expect(warnings.nth(1)).toHaveText('nowhere')
  }
  await page.keyboard.type(' [x](gone.md)', { delay: 40 })
  await expect(warnings).toHaveCount(3, { timeout: 30_000 })
  await expect(warnings.first()).toHaveText('gone.md')
  await expect(warnings.nth(1)).toHaveText('missing.png')
  await expect(warnings.nth(2)).toHaveText('nowhere')
})
