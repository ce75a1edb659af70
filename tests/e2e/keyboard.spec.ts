/**
 * The app without a mouse: panes by F6, the article menu by Shift+F10 and the Menu key, Enter
 * from the list into the editor, and dialogs that keep focus until Escape closes them.
 */
import type { Page } from '@playwright/test'
import { access, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 30 }
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )
const FIRST = '---\ntitle: First light\ndate: 2024-05-02 09:00:00\ntags: [notes]\n---\n\nMorning pages.\n'
const SECOND = '---\ntitle: 第二篇\ndate: 2024-05-01 09:00:00\n---\n\n正文。\n'

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)
}

/** Presses Tab until the element is focused, as a person would (at most `limit` presses). */
async function tabTo(page: Page, selector: string, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(page.locator(selector)).toBeFocused()
}

test.use({ files: { 'posts/first.md': FIRST, 'posts/second.md': SECOND } })

test('open, edit a field, save, rename and export with the keyboard alone', async ({ app, page, contentDir: dir }) => {
  const list = page.getByTestId('article-list')

  // F6 walks the panes: the toolbar first, then the library.
  await page.keyboard.press('F6')
  await expect(page.locator('header.toolbar button').first()).toBeFocused()
  await page.keyboard.press('F6')
  await expect(list).toBeFocused()

  // Arrows pick an article, Enter opens it and puts the cursor in the editor.
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('[data-testid=article-item][data-path="posts/first.md"]')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.locator('.cm-content')).toBeFocused()

  // Shift+F6 goes back to the properties; the title is the first field.
  await page.keyboard.press('Shift+F6')
  const title = page.locator('[data-testid=property][data-key=title] input')
  await tabTo(page, '[data-testid=property][data-key=title] input')
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Keyboard only', TYPING)
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'posts/first.md'), 'utf8')).toBe(FIRST.replace('First light', 'Keyboard only'))
  await expect(title).toHaveValue('Keyboard only')

  // Back to the library, where the article's menu opens with Shift+F10.
  await page.keyboard.press('Shift+F6')
  await expect(list).toBeFocused()
  await page.keyboard.press('Shift+F10')
  const menu = page.getByTestId('article-menu')
  await expect(menu.getByRole('menuitem', { name: /Rename/ })).toBeFocused()
  await page.keyboard.press('Enter')
  const rename = page.getByTestId('rename-dialog').getByRole('textbox')
  await expect(rename).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('posts/keyboard-only.md', TYPING)
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=article-item][data-path="posts/keyboard-only.md"]')).toBeVisible()
  expect(await readFile(join(dir, 'posts/keyboard-only.md'), 'utf8')).toBe(FIRST.replace('First light', 'Keyboard only'))
  expect(await exists(join(dir, 'posts/first.md'))).toBe(false)
  await expect(list).toBeFocused()

  // Export through its shortcut; Tab reaches the start button, Enter starts it.
  await page.keyboard.press('ControlOrMeta+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await tabTo(page, '[data-testid=export-start]')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 60_000 })
  const exported = await readdir(app.exportDir as string)
  const page1 = exported.find((name) => name.endsWith('.html'))
  expect(page1).toBeDefined()
  expect(await readFile(join(app.exportDir as string, page1 as string), 'utf8')).toContain('Morning pages.')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(list).toBeFocused()
})

test('dialogs keep focus inside until Escape, which gives it back', async ({ page }) => {
  const list = page.getByTestId('article-list')
  await list.focus()
  await page.keyboard.press('ControlOrMeta+n')
  const dialog = page.getByTestId('new-article-dialog')
  await expect(dialog.getByRole('textbox')).toBeFocused()
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
    expect(await focusedTestId(page)).toBe('new-article-dialog')
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(list).toBeFocused()
})

test('the Menu key opens the article menu; arrows move, Escape closes it and returns to the list', async ({ page, contentDir: dir }) => {
  const list = page.getByTestId('article-list')
  await list.focus()
  await page.keyboard.press('End')
  await expect(page.locator('[data-testid=article-item][data-path="posts/second.md"]')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ContextMenu')
  const menu = page.getByTestId('article-menu')
  await expect(menu).toHaveAttribute('aria-label', 'posts/second.md')
  await page.keyboard.press('ArrowUp')
  await expect(menu.getByRole('menuitem', { name: /Move to trash/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: /Rename/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(list).toBeFocused()

  // Trash through the menu, confirmed by Enter; the file goes, the other stays.
  await page.keyboard.press('Shift+F10')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('trash-dialog').getByRole('button', { name: 'Move to trash' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=article-item][data-path="posts/second.md"]')).toHaveCount(0)
  expect(await exists(join(dir, 'posts/second.md'))).toBe(false)
  expect(await exists(join(dir, 'posts/first.md'))).toBe(true)
})

test('Search in folder (Ctrl+Shift+F) from the editor puts the cursor in the library search, where typing searches', async ({ page, contentDir: dir }) => {
  await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
  await page.locator('.cm-content').click()
  await expect(page.locator('.cm-content')).toBeFocused()
  await page.keyboard.press('Control+Shift+F')
  const search = page.getByTestId('library-search')
  await expect(search).toBeFocused()
  await page.keyboard.type('正文', TYPING)
  await expect(search).toHaveValue('正文')
  expect(await readFile(join(dir, 'posts/first.md'), 'utf8')).toBe(FIRST)
})

test('one dialog at a time: the palette opened over quick open takes its place, and Escape gives focus back to the list', async ({ page }) => {
  const list = page.getByTestId('article-list')
  await list.focus()
  await page.keyboard.press('ControlOrMeta+p')
  await expect(page.getByTestId('quick-open').getByRole('combobox')).toBeFocused()
  await page.keyboard.press('ControlOrMeta+Shift+P')
  await expect(page.getByTestId('command-palette').getByRole('combobox')).toBeFocused()
  await expect(page.getByTestId('quick-open')).toHaveCount(0)
  await page.keyboard.type('shortcuts', TYPING)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shortcuts')).toBeVisible()
  await expect(page.getByTestId('command-palette')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.locator('[aria-modal=true]')).toHaveCount(0)
  await expect(list).toBeFocused()
})
