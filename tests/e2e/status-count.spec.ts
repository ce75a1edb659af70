/**
 * The status bar's word count on an article long enough to be counted off the window's thread
 * (renderer/status/count-worker.ts): the counts shown are exactly those of one pass over the body,
 * before and after typing, Chinese by character; the cursor's line and column follow each key.
 */
import type { Page } from '@playwright/test'
import { textStats } from '../../shared/text-stats'
import { expect, test } from './support/fixtures'

/** Markup, Chinese, English and a pair outside the BMP, repeated past several 16 K slices. */
const BODY = "云计算市场 the cloud <b>market</b> {% note %}提示{% endnote %} [链接](https://example.com) 𠀀 don't\n\n".repeat(2_500)
const HEADER = '---\ntitle: 长文\n---\n'

const shown = (body: string) => {
  const stats = textStats(body)
  return `${stats.words} words · ${stats.chars} characters · ${stats.readingMinutes} min read`
}

test.use({ files: { 'long.md': HEADER + BODY } })

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=editor] .cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text, { delay: 30 })
}

test('the word count of a long article is the whole body counted at once, and follows typing, as the cursor place does', async ({ page }) => {
  expect(BODY.length).toBeGreaterThan(4 * 16_384)
  await page.locator('[data-testid=article-item][data-path="long.md"]').click()
  await expect(page.getByTestId('word-count')).toHaveText(shown(BODY))
  // Counted in the count worker: a long body's count is not in the way of the writer's keys.
  expect(page.workers().some((worker) => /count-worker/.test(worker.url()))).toBe(true)
  await typeAtEnd(page, '再写 more')
  await expect(page.getByTestId('word-count')).toHaveText(shown(BODY + '再写 more'))
  // The cursor's place follows each key on its own (apart from the buffer snapshot).
  await expect(page.locator('.status-bar')).toContainText(`Ln ${(HEADER + BODY).split('\n').length}, Col 8`)
  await page.keyboard.press('ArrowLeft')
  await expect(page.locator('.status-bar')).toContainText(`Ln ${(HEADER + BODY).split('\n').length}, Col 7`)
})
