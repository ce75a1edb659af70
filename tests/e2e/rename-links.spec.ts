/**
 * Rename keeping links whole, as a writer does it with the keyboard: the article's menu, the new
 * name typed key by key, the preview of every file and line that changes, apply, undo. The bytes
 * of every referencing file are checked on disk after each step.
 */
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 30 }
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

const SITE = {
  '_config.yml': 'title: Site\npost_asset_folder: true\n',
  'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
  'source/_posts/welcome-to-folio.md':
    '---\ntitle: 欢迎\ndate: 2024-05-03 09:00:00\nthumbnail: welcome-to-folio/cover.svg\n---\n\n![封面](welcome-to-folio/cover.svg)\n\n{% asset_img cover.svg 封面 %}\n',
  'source/_posts/welcome-to-folio/cover.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'source/_posts/reading.md':
    '---\ntitle: Reading\ndate: 2024-05-02 09:00:00\n---\n\nStart with {% post_link welcome-to-folio %}.\n\nOr [the welcome](welcome-to-folio.md "hello").\n',
  'source/_posts/gallery.md':
    '---\ntitle: Gallery\ndate: 2024-05-01 09:00:00\ncover: welcome-to-folio/cover.svg\n---\n\n<img src="welcome-to-folio/cover.svg" alt="cover">\n',
  'source/_posts/untouched.md': '---\ntitle: Untouched\ndate: 2024-04-30 09:00:00\n---\n\nNothing links here.\n',
}

const AFTER: Record<string, string> = {
  'source/_posts/hello-folio.md': SITE['source/_posts/welcome-to-folio.md']
    .replace('thumbnail: welcome-to-folio/', 'thumbnail: hello-folio/')
    .replace('](welcome-to-folio/', '](hello-folio/'),
  'source/_posts/reading.md': SITE['source/_posts/reading.md']
    .replace('post_link welcome-to-folio', 'post_link hello-folio')
    .replace('(welcome-to-folio.md', '(hello-folio.md'),
  'source/_posts/gallery.md': SITE['source/_posts/gallery.md']
    .replace('cover: welcome-to-folio/', 'cover: hello-folio/')
    .replace('src="welcome-to-folio/', 'src="hello-folio/'),
  'source/_posts/untouched.md': SITE['source/_posts/untouched.md'],
  'source/_posts/hello-folio/cover.svg': SITE['source/_posts/welcome-to-folio/cover.svg'],
}

test.use({ files: SITE })

test('renaming a post with the keyboard previews, rewrites every reference to it and undoes byte for byte', async ({ page, contentDir: dir }) => {
  const list = page.getByTestId('article-list')
  const post = page.locator('[data-testid=article-item][data-path="source/_posts/welcome-to-folio.md"]')
  await expect(post).toBeVisible()

  // F6 to the toolbar, F6 to the library; an arrow to the post; Shift+F10 opens its menu.
  await page.keyboard.press('F6')
  await page.keyboard.press('F6')
  await expect(list).toBeFocused()
  // The newest post is the first of the list.
  await page.keyboard.press('ArrowDown')
  await expect(post).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Shift+F10')
  await expect(page.getByTestId('article-menu').getByRole('menuitem', { name: /Rename/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('rename-dialog').getByRole('textbox')).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('source/_posts/hello-folio.md', TYPING)
  await page.keyboard.press('Enter')

  // The preview: every file and line that changes, the asset folder that moves, nothing written yet.
  const dialog = page.getByTestId('move-dialog')
  await expect(dialog.getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
  await expect(dialog).toContainText('Its asset folder source/_posts/welcome-to-folio moves to source/_posts/hello-folio.')
  const files = dialog.getByTestId('move-file')
  await expect(files).toHaveCount(3)
  expect(await files.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual([
    'source/_posts/gallery.md',
    'source/_posts/reading.md',
    'source/_posts/welcome-to-folio.md',
  ])
  const lines = (path: string) =>
    dialog.locator(`[data-testid=move-file][data-path="${path}"] pre`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-line'))))
  expect(await lines('source/_posts/gallery.md')).toEqual([4, 7])
  expect(await lines('source/_posts/reading.md')).toEqual([6, 8])
  expect(await lines('source/_posts/welcome-to-folio.md')).toEqual([4, 7])
  await expect(dialog.locator('[data-path="source/_posts/reading.md"] ins').first()).toHaveText('+ Start with {% post_link hello-folio %}.')
  for (const [rel, text] of Object.entries(SITE)) expect(await readFile(join(dir, rel), 'utf8')).toBe(text)

  // Apply from the keyboard: the button has the focus.
  await expect(dialog.getByTestId('move-apply')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('3 files changed', { timeout: 30_000 })
  for (const [rel, text] of Object.entries(AFTER)) expect(await readFile(join(dir, rel), 'utf8')).toBe(text)
  expect(await exists(join(dir, 'source/_posts/welcome-to-folio.md'))).toBe(false)
  expect(await exists(join(dir, 'source/_posts/welcome-to-folio'))).toBe(false)

  // While it offers the Undo, a shortcut cannot put another dialog in its place (the Undo would be lost).
  await expect(dialog.getByTestId('move-undo')).toBeFocused()
  await page.keyboard.press('Control+p')
  await expect(page.getByTestId('quick-open')).toHaveCount(0)
  await expect(dialog).toBeVisible()

  // Undo puts every byte back, and the post under its old name with its folder.
  await expect(dialog.getByTestId('move-undo')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('Renamed back', { timeout: 30_000 })
  for (const [rel, text] of Object.entries(SITE)) expect(await readFile(join(dir, rel), 'utf8')).toBe(text)
  expect(await exists(join(dir, 'source/_posts/hello-folio.md'))).toBe(false)
  expect(await exists(join(dir, 'source/_posts/hello-folio'))).toBe(false)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('[data-testid=article-item][data-path="source/_posts/welcome-to-folio.md"]')).toBeVisible()
})

test('a file left out of the preview keeps its bytes', async ({ page, contentDir: dir }) => {
  await page.locator('[data-testid=article-item][data-path="source/_posts/welcome-to-folio.md"]').click({ button: 'right' })
  await page
    .getByTestId('article-menu')
    .getByRole('menuitem', { name: /Rename/ })
    .click()
  await page.getByTestId('rename-dialog').getByRole('textbox').fill('source/_posts/hello-folio.md')
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('move-dialog')
  await dialog.getByRole('checkbox', { name: 'Change source/_posts/gallery.md' }).uncheck()
  await expect(dialog.getByTestId('move-apply')).toHaveText('Rename and change 2 files')
  await dialog.getByTestId('move-apply').click()
  await expect(dialog.getByTestId('move-outcome')).toContainText('2 files changed', { timeout: 30_000 })
  expect(await readFile(join(dir, 'source/_posts/gallery.md'), 'utf8')).toBe(SITE['source/_posts/gallery.md'])
  expect(await readFile(join(dir, 'source/_posts/reading.md'), 'utf8')).toBe(AFTER['source/_posts/reading.md'])
})
