import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness'
import { contentFolder } from './support/folders'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('scrolling the editor scrolls the sandboxed preview to the same block, and keeps it there across refreshes', async () => {
  const sections = Array.from({ length: 60 }, (_, i) => `## Section ${i + 1}\n\n段落 ${i + 1}：${'文字'.repeat(40)}\n`).join('\n')
  const dir = await contentFolder({ 'long.md': `---\ntitle: Long\n---\n\n${sections}` })
  app = await launchApp({ contentDir: dir })
  const { page } = app
  await page.locator('[data-testid=article-item][data-path="long.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('h2').first()).toHaveText('Section 1')

  await page.locator('[data-testid=editor] .cm-scroller').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight / 2
  })
  await expect(preview.locator('h2').first()).not.toBeInViewport()
  // The first block at the top of the preview's viewport: where the editor's top line is.
  const line = await preview.locator('article > [data-source-line]').evaluateAll((blocks) =>
    Number(blocks.find((block) => block.getBoundingClientRect().bottom > 0)?.getAttribute('data-source-line')),
  )
  expect(line).toBeGreaterThan(50)

  // A refresh after typing lands on the same block instead of jumping back to the top.
  await page.locator('[data-testid=editor] .cm-content').click()
  await page.keyboard.type('新')
  await expect(preview.locator('body')).toContainText('新')
  await expect(preview.locator(`[data-source-line="${line}"]`)).toBeInViewport()
})
