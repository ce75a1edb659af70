import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { launchApp, type LaunchedApp } from './harness'
import { contentFolder } from './support/folders'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

// 34 characters: over the 30 that search results show of a Chinese title.
const LONG_TITLE = '这是一个相当长的中文标题它超过了搜索结果所能显示的三十个字符的限度了'

test('field checks show in the library, the form and the status bar, and clear when the header is fixed', async () => {
  const long = `---\ntitle: ${LONG_TITLE}\ndate: 2024-05-01 10:00:00\n---\n\n正文。\n`
  const dir = await contentFolder({
    'long.md': long,
    'future.md': '---\ntitle: Next week\ndate: Tue, 01 Jan 2999 09:00:00 GMT\n---\n\nSoon.\n',
    'fine.md': '---\ntitle: Fine\ndate: 2013/7/13 20:46:25\n---\n\nBody.\n',
    'twice.md': '---\ntitle: One\ntitle: Two\n---\n\nBody.\n',
  })
  app = await launchApp({ contentDir: dir })
  const { page } = app
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)

  // The library: a scheduled badge, a check badge, nothing on a fine article.
  await expect(row('future.md').getByTestId('scheduled-badge')).toBeVisible()
  await expect(row('long.md').getByTestId('check-badge')).toHaveText('⚑ 1')
  await expect(row('long.md').getByTestId('check-badge')).toHaveAttribute('title', /34 characters/)
  await expect(row('twice.md').getByTestId('check-badge')).toBeVisible()
  await expect(row('fine.md').getByTestId('check-badge')).toHaveCount(0)
  await expect(row('fine.md').getByTestId('scheduled-badge')).toHaveCount(0)

  // The status bar says when the open article is scheduled.
  await row('future.md').click()
  await expect(page.getByTestId('scheduled')).toContainText('2999')
  await row('fine.md').click()
  await expect(page.getByTestId('scheduled')).toHaveCount(0)

  // A duplicate key is named with its line under the (locked) form.
  await row('twice.md').click()
  await expect(page.locator('[data-testid=field-check][data-code=duplicate-key]')).toContainText('line 3')

  // The form lists the long title; shortening it in the text, key by key, clears the check.
  await row('long.md').click()
  const check = page.locator('[data-testid=field-check][data-code=title-length]')
  await expect(check).toContainText('34 characters')
  await check.getByRole('button').click()
  // End stops at each wrap point of a long line first.
  for (let i = 0; i < 3; i++) await page.keyboard.press('End')
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace', { delay: 40 })
  await expect(check).toHaveCount(0)
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'long.md'), 'utf8')).toBe(long.replace(LONG_TITLE, LONG_TITLE.slice(0, -6)))
})

test('keys a collection requires (pinned in .folio/schema.yml, or on nearly every article) are reported where missing', async () => {
  const files: Record<string, string> = {
    '.folio/schema.yml': 'keys:\n  cover: { required: true }\n',
    'full.md': '---\ntitle: Full\nauthor: Ada\ncover: full.png\n---\n\nBody.\n',
    'lacking.md': '---\ntitle: Lacking\n---\n\nBody.\n',
  }
  for (let i = 0; i < 10; i++) files[`post-${i}.md`] = `---\ntitle: Post ${i}\nauthor: Ada\ncover: p${i}.png\n---\n\nBody.\n`
  const dir = await contentFolder(files)
  app = await launchApp({ contentDir: dir })
  const { page } = app
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)
  await expect(row('lacking.md').getByTestId('check-badge')).toHaveText('⚑ 2')
  await expect(row('lacking.md').getByTestId('check-badge')).toHaveAttribute('title', /author is missing[\s\S]*cover is missing|cover is missing[\s\S]*author is missing/)
  await expect(row('full.md').getByTestId('check-badge')).toHaveCount(0)
  await row('lacking.md').click()
  await expect(page.locator('[data-testid=field-check][data-code=missing-required][data-key=author]')).toBeVisible()
  await expect(page.locator('[data-testid=field-check][data-code=missing-required][data-key=cover]')).toBeVisible()
})
