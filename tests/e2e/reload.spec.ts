import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const HEADER = '---\ntitle: 旅行笔记\ndate: 2024-05-01 10:00:00\n---\n'
const PARAGRAPHS = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the trip, 第${i + 1}段.`)
const ARTICLE = `${HEADER}\n${PARAGRAPHS.join('\n\n')}\n`
/**
 * What another program writes: three header lines more, the first paragraph edited, two inserted
 * after it (so the lines below move down), one more at the end.
 */
const THEIRS = ARTICLE.replace('title: 旅行笔记\n', 'title: 旅行笔记（修订）\ntags:\n  - travel\n  - 京都\n')
  .replace('Paragraph 1 of the trip', 'Paragraph one of the trip, rewritten')
  .replace('Paragraph 2 of the trip', 'An inserted paragraph.\n\nAnother one, 又一段.\n\nParagraph 2 of the trip')
  .concat('\nA paragraph added on disk.\n')

async function openArticle(page: Page): Promise<void> {
  await page.locator('[data-testid=article-item][data-path="trip.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('Paragraph 2 of the trip')
}

/** The text of the first non-blank editor line below the top of the visible area. */
function topLine(page: Page): Promise<string> {
  return page.locator('.cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top
    const line = [...scroller.querySelectorAll('.cm-line')].find((l) => l.getBoundingClientRect().top >= top - 2 && l.textContent !== '')
    return line?.textContent ?? ''
  })
}

test('a clean article reloaded after a change on disk keeps the cursor on its line: typing lands there', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'trip.md': ARTICLE } })
  await openArticle(page)
  await page.getByText('Paragraph 3 of the trip', { exact: false }).click()
  await page.keyboard.press('End')

  await writeFile(join(dir, 'trip.md'), THEIRS)
  // The reload has happened once the form shows the tags the other program added.
  await expect(page.locator('[data-testid=property][data-key=tags]')).toBeVisible({ timeout: 15_000 })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')

  await page.keyboard.type(' 补一句。', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'trip.md'), 'utf8')).toBe(THEIRS.replace('第3段.', '第3段. 补一句。'))
})

test('the reload keeps the scroll position on the same lines', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'trip.md': ARTICLE } })
  await openArticle(page)
  await page.getByText('Paragraph 2 of the trip', { exact: false }).click()
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown')
  const cursorLine = (await page.locator('.cm-activeLine').textContent()) ?? ''
  const top = await topLine(page)
  expect(top).toMatch(/^Paragraph \d+/)
  expect(await page.locator('.cm-scroller').evaluate((s) => s.scrollTop)).toBeGreaterThan(300)

  await writeFile(join(dir, 'trip.md'), THEIRS)
  await expect(page.locator('[data-testid=property][data-key=tags]')).toBeVisible({ timeout: 15_000 })
  expect(await topLine(page)).toBe(top)
  await expect(page.locator('.cm-activeLine')).toHaveText(cursorLine)

  await page.keyboard.type('!', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  const saved = await readFile(join(dir, 'trip.md'), 'utf8')
  const typedLine = saved.split('\n').find((line) => line.includes('!'))
  expect(cursorLine === '' ? typedLine === '!' : typedLine?.startsWith(cursorLine.slice(0, 12))).toBe(true)
})
