import { readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'

const DIAGRAM = '```mermaid\ngraph TD\n  A[开始 Start] --> B{Check}\n  B -->|yes| C[完成]\n```'

test('a Mermaid fence is drawn as inert SVG in the script-less frame, and follows typing', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'diagram.md': `---\ntitle: Diagram\n---\n\nBefore the diagram.\n\n${DIAGRAM}\n\nAfter it.\n` } })
  await page.locator('[data-testid=article-item][data-path="diagram.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  const svg = frame.locator('.folio-diagram[data-diagram=mermaid] svg')
  await expect(svg).toBeVisible({ timeout: 60_000 })
  await expect(svg.locator('text', { hasText: '开始 Start' })).toHaveCount(1)
  await expect(svg.locator('text', { hasText: '完成' })).toHaveCount(1)
  expect(await frame.locator('article :is(script, foreignObject, a, iframe, [onload], [onclick], [onerror])').count()).toBe(0)

  // Typing a new node into the fence draws it (key by key, as a person types).
  await page.locator('[data-testid=editor] .cm-line', { hasText: 'B -->|yes| C[完成]' }).click()
  await page.keyboard.press('End')
  // The editor keeps the line's indentation on Enter.
  await page.keyboard.type('\nC --> D[Published]', { delay: 40 })
  await expect(svg.locator('text', { hasText: 'Published' })).toHaveCount(1, { timeout: 60_000 })
  await page.keyboard.press('Control+s')
  await expect.poll(() => readFile(`${dir}/diagram.md`, 'utf8')).toContain('B -->|yes| C[完成]\n  C --> D[Published]\n```')
})

test('a diagram that does not parse says so and shows its source; the rest of the preview stays', async ({ launch }) => {
  const { page } = await launch({
    files: { 'broken.md': '---\ntitle: Broken\n---\n\n```mermaid\ngraph TD\n  A --> --> [[[\n```\n\nStill *here*.\n' },
  })
  await page.locator('[data-testid=article-item][data-path="broken.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  await expect(frame.locator('.folio-diagram-error')).toContainText('This Mermaid diagram could not be drawn', { timeout: 60_000 })
  await expect(frame.locator('.folio-diagram-error pre')).toContainText('A --> --> [[[')
  // Mermaid's own words follow the sentence, set apart under a label and marked as not the UI's.
  await expect(frame.locator('.folio-diagram-error .folio-tool-output')).toContainText("Mermaid's message:")
  await expect(frame.locator('.folio-diagram-error .folio-tool-output code[translate=no]')).toContainText('Parse error')
  await expect(frame.locator('em')).toHaveText('here')
})
