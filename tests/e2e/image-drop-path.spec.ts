/**
 * A file dropped from the file manager reaches the main process as its path (Electron's
 * webUtils.getPathForFile, stood in for by the harness's filePaths), which reads the file itself:
 * the copy in the site holds the file's bytes on disk, not what the page held. A file without a
 * path (a screenshot) still goes as its bytes.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { png } from '../unit/media/images'
import { confirmImageSettings, dropOnEditorEnd } from './support/images'
import { expect, test } from './support/fixtures'

const POST = '---\ntitle: 旅行\n---\n\nDay one.\n'

test('a dropped file is read from its path on disk; one without a path goes as its bytes', async ({ launch, makeFolder }) => {
  const desktop = await makeFolder({ files: { 'IMG_2041.png': png(6, 4, [10, 160, 90]) } })
  const { page, contentDir } = await launch({ files: { 'notes/trip.md': POST }, filePaths: { 'IMG_2041.png': join(desktop, 'IMG_2041.png') } })
  await page.locator('[data-testid=article-item][data-path="notes/trip.md"]').click()
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')

  // What the page holds differs from the file on disk: the copy shows which one was read.
  await dropOnEditorEnd(page, 'IMG_2041.png', png(1, 1))
  await confirmImageSettings(page)
  await expect(page.locator('.cm-content')).toContainText('![IMG_2041](trip.assets/IMG_2041.png)', { timeout: 15_000 })
  expect(await readFile(join(contentDir, 'notes/trip.assets/IMG_2041.png'))).toEqual(png(6, 4, [10, 160, 90]))

  await page.keyboard.press('Control+End')
  await dropOnEditorEnd(page, 'screenshot.png', png(2, 2))
  await expect(page.locator('.cm-content')).toContainText('![screenshot](trip.assets/screenshot.png)', { timeout: 15_000 })
  expect(await readFile(join(contentDir, 'notes/trip.assets/screenshot.png'))).toEqual(png(2, 2))

  // Emptied on disk since: the file is read as it is now, the error names it, and nothing is inserted.
  await writeFile(join(desktop, 'IMG_2041.png'), '')
  await page.keyboard.press('Control+End')
  await dropOnEditorEnd(page, 'IMG_2041.png', png(1, 1))
  await expect(page.getByText(/IMG_2041\.png is not a PNG, JPEG/)).toBeVisible({ timeout: 15_000 })
})
