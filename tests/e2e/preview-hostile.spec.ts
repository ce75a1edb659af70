import { readdir, readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'

const VICTIM = '---\ntitle: Victim\n---\nkeep me\n'

/** Diagrams drawn in the parent renderer, written to escape: directives, HTML labels, click callbacks, links. */
const HOSTILE_DIAGRAM = `---
title: Hostile diagram
---

\`\`\`mermaid
%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}, "startOnLoad": true}}%%
graph TD
  A["<img src=x onerror=window.top.__pwned=11>"] --> B["<script>window.top.__pwned=12</script>"]
  B --> C["<a href='javascript:window.top.__pwned=13'>go</a>"]
  click A call window.top.__pwned(14)
  click B "javascript:window.top.__pwned=15"
  C --> D["<foreignObject><body onload=window.top.__pwned=16></body></foreignObject>"]
\`\`\`

<svg><foreignObject><img src=x onerror="window.top.__pwned=17"></foreignObject><set attributeName="onmouseover" to="window.top.__pwned=18"/></svg>

Some *text* after the attacks.
`

const pwned = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)

test('a hostile Mermaid diagram runs nothing in the app or the frame, and keeps no handlers, links or foreignObject', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'hostile.md': HOSTILE_DIAGRAM, 'victim.md': VICTIM } })
  const before = (await readdir(dir)).sort()
  await page.locator('[data-testid=article-item][data-path="hostile.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  await expect(frame.locator('em')).toHaveText('text')
  // Drawn (or refused as not parsing): either way no longer the pending source.
  await expect(frame.locator('.folio-diagram[data-diagram=mermaid]')).toHaveCount(1, { timeout: 60_000 })
  for (const node of await frame.locator('.folio-diagram svg g.node').all()) await node.click({ timeout: 2000 }).catch(() => undefined)
  await page.waitForTimeout(500)

  expect(await pwned(page)).toBeUndefined()
  expect(
    await frame.locator('article :is(script, foreignObject, a[href^="javascript"], iframe, set, [onerror], [onload], [onclick], [onmouseover])').count(),
  ).toBe(0)
  // The parent drew it: nothing of it was left in the app's own document.
  expect(await page.locator('body > [id^="dfolio-mermaid"], body > svg[id^="folio-mermaid"]').count()).toBe(0)
  expect(await readFile(`${dir}/victim.md`, 'utf8')).toBe(VICTIM)
  expect((await readdir(dir)).sort()).toEqual(before)
})

test('scroll handlers written in an article never run when the preview scrolls; the parent alone follows the scrolling', async ({ launch }) => {
  const sections = Array.from({ length: 40 }, (_, i) => `## Part ${i + 1}\n\n${'长文本 '.repeat(60)}\n`).join('\n')
  const article = `---\ntitle: Scroll\n---\n\n<div onscroll="window.top.__pwned=21" style="height:80px;overflow:auto"><p style="height:400px">inner</p></div>\n\n<body onscroll="window.top.__pwned=22"></body>\n\n<img src="x" onwheel="window.top.__pwned=23">\n\n${sections}`
  const { page } = await launch({ files: { 'scroll.md': article } })
  await page.locator('[data-testid=article-item][data-path="scroll.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  await expect(frame.locator('h2').first()).toHaveText('Part 1')
  const box = (await page.locator('iframe[data-testid=preview]').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 60)
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 300)
    await page.waitForTimeout(40)
  }
  await expect(frame.locator('h2').first()).not.toBeInViewport()
  // The editor followed (the parent's listener), and nothing of the article's ran.
  await expect(page.locator('[data-testid=editor] .cm-line', { hasText: 'title: Scroll' })).toHaveCount(0)
  expect(await pwned(page)).toBeUndefined()
  expect(await frame.locator('[onscroll], [onwheel]').count()).toBe(0)
})

test('a preview that fails to render names the article and leaves the editor working', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'fails.md': '---\ntitle: Fails\n---\n\nA paragraph.\n' } })
  await page.locator('[data-testid=article-item][data-path="fails.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  await expect(frame.locator('p')).toHaveText('A paragraph.')
  // A fault in the browser itself: parsing the block that holds the marker throws.
  await page.evaluate(() => {
    const proto = HTMLTemplateElement.prototype
    const original = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!
    Object.defineProperty(proto, 'innerHTML', {
      configurable: true,
      get: original.get,
      set(this: Element, value: string) {
        if (String(value).includes('FAULT-7F3')) throw new Error('parser fault injected by the test')
        original.set!.call(this, value)
      },
    })
  })
  await page.locator('[data-testid=editor] .cm-line', { hasText: 'A paragraph.' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' FAULT-7F3', { delay: 40 })
  const failed = page.getByTestId('preview-failed')
  await expect(failed).toContainText('fails.md')
  // The error's own words are set apart from the sentence, as they were reported.
  await expect(failed.getByTestId('tool-output').locator('code')).toHaveText('parser fault injected by the test')
  // The rest of the app is there and typing goes on to disk.
  await expect(page.getByTestId('article-item')).toHaveCount(1)
  await page.keyboard.type(' more', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect.poll(() => readFile(`${dir}/fails.md`, 'utf8')).toBe('---\ntitle: Fails\n---\n\nA paragraph. FAULT-7F3 more\n')

  // Once the fault is gone, Try again shows the preview.
  await page.evaluate(() => delete (HTMLTemplateElement.prototype as unknown as { innerHTML?: string }).innerHTML)
  await failed.getByRole('button', { name: 'Try again' }).click()
  await expect(page.frameLocator('iframe[data-testid=preview]').locator('p')).toHaveText('A paragraph. FAULT-7F3 more')
})
