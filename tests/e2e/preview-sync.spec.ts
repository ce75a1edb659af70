import { expect, test } from './support/fixtures'

test('scrolling the editor scrolls the sandboxed preview to the same block, and keeps it there across refreshes', async ({ launch }) => {
  const sections = Array.from({ length: 60 }, (_, i) => `## Section ${i + 1}\n\n段落 ${i + 1}：${'文字'.repeat(40)}\n`).join('\n')
  const { page } = await launch({ files: { 'long.md': `---\ntitle: Long\n---\n\n${sections}` } })
  await page.locator('[data-testid=article-item][data-path="long.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('h2').first()).toHaveText('Section 1')

  await page.locator('[data-testid=editor] .cm-scroller').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight / 2
  })
  await expect(preview.locator('h2').first()).not.toBeInViewport()
  // The first block at the top of the preview's viewport: where the editor's top line is.
  const line = await preview
    .locator('article > [data-source-line]')
    .evaluateAll((blocks) => Number(blocks.find((block) => block.getBoundingClientRect().bottom > 0)?.getAttribute('data-source-line')))
  expect(line).toBeGreaterThan(50)

  // A refresh after typing lands on the same block instead of jumping back to the top.
  await page.locator('[data-testid=editor] .cm-content').click()
  await page.keyboard.type('新')
  await expect(preview.locator('body')).toContainText('新')
  await expect(preview.locator(`[data-source-line="${line}"]`)).toBeInViewport()
})

/** The text of the first line with text at the top of the editor's viewport. */
async function editorTopText(page: import('@playwright/test').Page): Promise<string> {
  return page.locator('[data-testid=editor] .cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top + 2
    const line = Array.from(scroller.querySelectorAll('.cm-line')).find((l) => l.getBoundingClientRect().bottom > top && l.textContent)
    return line?.textContent ?? ''
  })
}

/** The number in "Section N" of the nearest heading at or above the top of the editor's viewport. */
async function editorSection(page: import('@playwright/test').Page): Promise<number> {
  return page.locator('[data-testid=editor] .cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top + 2
    let section = 0
    for (const line of scroller.querySelectorAll('.cm-line')) {
      const m = /## Section (\d+)/.exec(line.textContent ?? '')
      if (m && line.getBoundingClientRect().top <= top + 40) section = Number(m[1])
    }
    return section
  })
}

test('scrolling the preview with the wheel scrolls the editor to the same place, and the editor does not pull it back', async ({ launch }) => {
  const sections = Array.from({ length: 60 }, (_, i) => `## Section ${i + 1}\n\n段落 ${i + 1}：${'文字'.repeat(40)}\n`).join('\n')
  const { page } = await launch({ files: { 'long.md': `---\ntitle: Long\n---\n\n${sections}` } })
  await page.locator('[data-testid=article-item][data-path="long.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('h2').first()).toHaveText('Section 1')

  const frame = page.locator('iframe[data-testid=preview]')
  const box = (await frame.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 400)
    await page.waitForTimeout(50)
  }
  // The section at the top of the preview now.
  const previewSection = () =>
    preview.locator('article > h2').evaluateAll((headings) => {
      let section = 0
      for (const h of headings) if (h.getBoundingClientRect().top <= 40) section = Number(/\d+/.exec(h.textContent ?? '')?.[0])
      return section
    })
  await expect.poll(previewSection, { timeout: 15_000 }).toBeGreaterThan(10)
  const shown = await previewSection()
  // The editor follows: the same section is at its top (the panes' heights differ, so a heading
  // near the top edge may sit just above it in one and just below it in the other).
  await expect.poll(async () => Math.abs((await editorSection(page)) - shown), { timeout: 15_000 }).toBeLessThanOrEqual(1)
  // And the preview stays where the writer put it instead of being pulled back to a block start.
  await page.waitForTimeout(600)
  expect(await previewSection()).toBe(shown)
})

test('the outline lists the headings, jumps by click and by keyboard, and marks the section in view (in Chinese too)', async ({ launch }) => {
  const body = [
    '# 引言 Intro',
    '开头的段落。',
    '## 背景 &amp; 动机',
    ...Array.from({ length: 30 }, (_, i) => `背景段落 ${i + 1}：${'文字'.repeat(30)}`),
    '```md\n## not a heading (code)\n```',
    '## 方法 Method',
    ...Array.from({ length: 30 }, (_, i) => `方法段落 ${i + 1}：${'内容'.repeat(30)}`),
    '### 细节 $x^2$',
    '最后的段落。',
  ].join('\n\n')
  const { page } = await launch({ files: { 'post.md': `---\ntitle: 大纲\n---\n\n${body}\n` } })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await page.locator('[data-testid=article-item][data-path="post.md"]').click()
  await expect(page.frameLocator('iframe[data-testid=preview]').locator('h1')).toHaveText('引言 Intro')

  // Reached from the keyboard: the toggle, then the list.
  const toggle = page.getByRole('button', { name: '大纲' })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const outline = page.getByRole('navigation', { name: '大纲' })
  const items = outline.getByRole('button')
  await expect(items).toHaveText(['引言 Intro', '背景 & 动机', '方法 Method', '细节 x2'])
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'location')

  await page.keyboard.press('Tab')
  await expect(items.nth(0)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(2)).toBeFocused()
  await page.keyboard.press('Enter')
  // The editor has the cursor on the heading's line and the keyboard; both panes show it at the top.
  const methodLine = Number(await items.nth(2).getAttribute('data-line'))
  await expect(page.locator('[data-testid=editor] .cm-activeLine')).toHaveText('## 方法 Method')
  await expect(page.locator('[data-testid=editor] .cm-content')).toBeFocused()
  await expect.poll(() => editorTopText(page), { timeout: 15_000 }).toBe('## 方法 Method')
  await expect(page.frameLocator('iframe[data-testid=preview]').locator(`[data-source-line="${methodLine}"]`)).toBeInViewport()
  await expect(items.nth(2)).toHaveAttribute('aria-current', 'location')

  // Typing goes on at the heading.
  await page.keyboard.press('End')
  await page.keyboard.type('二', { delay: 30 })
  await expect(items.nth(2)).toHaveText('方法 Method二')

  // A click jumps back; scrolling marks the section in view.
  await items.nth(1).click()
  await expect(items.nth(1)).toHaveAttribute('aria-current', 'location')
  const editorBox = (await page.locator('[data-testid=editor] .cm-scroller').boundingBox())!
  await page.mouse.move(editorBox.x + editorBox.width / 2, editorBox.y + editorBox.height / 2)
  // Wheel down through the 背景 section: the outline marks 方法 once its heading reaches the top.
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 200)
        return items.nth(2).getAttribute('aria-current')
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe('location')
  await expect(items.nth(1)).not.toHaveAttribute('aria-current', 'location')
  expect(await editorTopText(page)).toMatch(/^(## 方法 Method二|方法段落 \d+)/)
})
