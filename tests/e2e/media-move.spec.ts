/**
 * Renaming an image from the media panel, as a writer does it: the panel's button, the new name
 * typed key by key over the selected name, the preview of every file and line that changes, apply
 * and undo; the bytes of every referring article are checked on disk after each step. An article
 * open with unsaved edits is rewritten in its editor, never on disk under the edits.
 */
import type { Page } from '@playwright/test'
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { png } from '../unit/media/images'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 40 }
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

const COVER = png(8, 5)
const SITE = {
  '_config.yml': 'title: Blog\n',
  'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
  'source/_posts/trip.md': '---\ntitle: Trip\ncover: /images/cover.png\n---\n\n旅行的封面：![封面](/images/cover.png)\n',
  'source/_posts/home.md': '---\ntitle: Home\n---\n\nIntro.\n\n<img src="/images/cover.png">\n',
  'source/_posts/notes.md': '---\ntitle: Notes\n---\n\nNothing to see.\n',
}

const moved = (text: string) => text.replaceAll('/images/cover.png', '/images/hero.png')
const read = (root: string, rel: string) => readFile(join(root, rel), 'utf8')

async function expectDisk(root: string, texts: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(texts)) expect(await read(root, rel), rel).toBe(text)
}

/** Opens the media panel on the shown article and the rename of its first image, by keyboard. */
async function renameFirstImage(page: Page, name: string): Promise<void> {
  const panel = page.getByTestId('media-panel')
  if (!(await panel.isVisible())) {
    await page.getByTestId('toggle-media').focus()
    await page.keyboard.press('Enter')
  }
  const item = panel.locator('[data-testid=media-article-item][data-path="source/images/cover.png"]').first()
  await expect(item.getByTestId('media-move')).toBeVisible({ timeout: 30_000 })
  // The panel reads its report again after each move on disk; a walk that a re-read interrupted
  // starts again from the row.
  await expect(async () => {
    await item.getByRole('button').first().focus()
    await page.keyboard.press('Tab')
    await expect(item.getByTestId('media-move')).toBeFocused({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await page.keyboard.press('Enter')
  const input = page.getByTestId('media-move-dialog').getByRole('textbox')
  await expect(input).toBeFocused()
  // The name is selected, not the folder or the extension: typing replaces just the name.
  expect(await input.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe('cover')
  await page.keyboard.type(name, TYPING)
  await expect(input).toHaveValue(`source/images/${name}.png`)
  await page.keyboard.press('Enter')
}

test('renaming an image from the media panel previews every reference, rewrites them on disk and undoes byte for byte', async ({ launch }) => {
  // The undo's answer is held, so the dialog's "undoing" moment (its Undo button gone) can be looked at.
  let release = () => {}
  const undoHeld = new Promise<void>((resolve) => (release = resolve))
  const { page, contentDir: root } = await launch({
    files: { ...SITE, 'source/images/cover.png': COVER },
    holdAnswer: (method) => (method === 'undoBulkEdit' ? undoHeld : undefined),
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
  await expect(page.locator('.cm-content')).toContainText('旅行的封面', { timeout: 15_000 })
  await renameFirstImage(page, 'hero')

  const dialog = page.getByTestId('move-dialog')
  await expect(dialog.getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
  const files = dialog.getByTestId('move-file')
  expect(await files.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual(['source/_posts/home.md', 'source/_posts/trip.md'])
  const lines = (path: string) =>
    dialog.locator(`[data-testid=move-file][data-path="${path}"] pre`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-line'))))
  expect(await lines('source/_posts/trip.md')).toEqual([3, 6])
  expect(await lines('source/_posts/home.md')).toEqual([7])
  await expect(dialog.getByTestId('move-unsaved')).toHaveCount(0)
  // Nothing written by the preview.
  await expectDisk(root, SITE)
  expect(await exists(join(root, 'source/images/cover.png'))).toBe(true)

  await expect(dialog.getByTestId('move-apply')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('2 files changed', { timeout: 30_000 })
  await expectDisk(root, {
    'source/_posts/trip.md': moved(SITE['source/_posts/trip.md']),
    'source/_posts/home.md': moved(SITE['source/_posts/home.md']),
    'source/_posts/notes.md': SITE['source/_posts/notes.md'],
  })
  expect(await readFile(join(root, 'source/images/hero.png'))).toEqual(COVER)
  expect(await exists(join(root, 'source/images/cover.png'))).toBe(false)
  // The open article (clean) shows its new text; the panel lists the image under its new name.
  await expect(page.locator('.cm-content')).toContainText('![封面](/images/hero.png)', { timeout: 15_000 })

  await expect(dialog.getByTestId('move-undo')).toBeFocused()
  await page.keyboard.press('Enter')
  // While the undo runs its button is gone; focus stays in the dialog, not on the page's body.
  await expect(dialog.getByTestId('move-undo')).toHaveCount(0)
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  release()
  // Escape the moment the outcome shows: Close has the focus already, and the dialog closes.
  await dialog.getByTestId('move-outcome').filter({ hasText: 'Renamed back' }).waitFor({ timeout: 30_000 })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expectDisk(root, SITE)
  expect(await readFile(join(root, 'source/images/cover.png'))).toEqual(COVER)
  expect(await exists(join(root, 'source/images/hero.png'))).toBe(false)
  await expect(page.locator('[data-testid=media-article-item][data-path="source/images/cover.png"]').first()).toBeVisible({ timeout: 30_000 })
})

test('an open article with unsaved edits gets the new link in its editor, not on disk, and saving writes both', async ({ launch }) => {
  const { page, contentDir: root } = await launch({ files: { ...SITE, 'source/images/cover.png': COVER } })
  await page.locator('[data-testid=article-item][data-path="source/_posts/home.md"]').click()
  await expect(page.locator('.cm-content')).toContainText('Intro.', { timeout: 15_000 })
  // An unsaved edit on the very line of the reference, and a new paragraph after it.
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(' 新的图注', TYPING)
  await page.keyboard.press('Enter')
  await page.keyboard.type('新的一段。', TYPING)
  const edited = '---\ntitle: Home\n---\n\nIntro.\n\n<img src="/images/cover.png"> 新的图注\n新的一段。'
  await expect(page.locator('.cm-content')).toContainText('新的图注')

  await renameFirstImage(page, 'hero')
  const dialog = page.getByTestId('move-dialog')
  await expect(dialog.getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
  // The preview shows the editor's text of home.md, marked as changed in the editor only.
  const home = dialog.locator('[data-testid=move-file][data-path="source/_posts/home.md"]')
  await expect(home.getByTestId('move-unsaved')).toBeVisible()
  await expect(home.locator('ins')).toHaveText('+ <img src="/images/hero.png"> 新的图注')
  await expect(dialog.locator('[data-testid=move-file][data-path="source/_posts/trip.md"] [data-testid=move-unsaved]')).toHaveCount(0)

  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('1 file changed', { timeout: 30_000 })
  await expect(dialog.getByTestId('move-outcome')).toContainText('1 article with unsaved edits was changed in the editor only')
  // On disk: trip.md rewritten, home.md untouched under the writer's edits.
  await expectDisk(root, { 'source/_posts/trip.md': moved(SITE['source/_posts/trip.md']), 'source/_posts/home.md': SITE['source/_posts/home.md'] })

  // Undo takes the link back in the editor too; the edits stay.
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('Renamed back', { timeout: 30_000 })
  await expectDisk(root, SITE)
  await page.keyboard.press('Escape')
  await expect(page.locator('.cm-content')).toContainText('<img src="/images/cover.png"> 新的图注')
  await expect(page.locator('.cm-content')).toContainText('新的一段。')

  // Again, and this time save: links and edits land together.
  await renameFirstImage(page, 'hero')
  await expect(dialog.getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('move-outcome')).toContainText('1 file changed', { timeout: 30_000 })
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('.cm-content')).toContainText('<img src="/images/hero.png"> 新的图注')
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+s')
  await expect.poll(() => read(root, 'source/_posts/home.md'), { timeout: 15_000 }).toBe(moved(edited))
  expect(await exists(join(root, 'source/images/cover.png'))).toBe(false)
})
