import type { Page } from '@playwright/test'
import { readdir, readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'

const frameSelector = 'iframe[data-testid=preview]'

/** Counts the preview frame's document loads from now on (in window.__frameLoads). */
async function countFrameLoads(page: Page): Promise<void> {
  await page.locator(frameSelector).evaluate((frame) => {
    const counted = window as unknown as { __frameLoads: number }
    counted.__frameLoads = 0
    frame.addEventListener('load', () => counted.__frameLoads++)
  })
}

const frameLoads = (page: Page) => page.evaluate(() => (window as unknown as { __frameLoads: number }).__frameLoads)
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
const frameScroll = (page: Page) => page.locator(frameSelector).evaluate((frame: HTMLIFrameElement) => frame.contentWindow!.scrollY)

test('typing refreshes only the changed block: no frame reload, the other blocks keep their nodes and the scroll place holds', async ({ launch }) => {
  const sections = Array.from({ length: 40 }, (_, i) => `## Section ${i + 1}\n\n段落 ${i + 1}：${'文字'.repeat(60)}\n`).join('\n')
  const { page } = await launch({ files: { 'long.md': `---\ntitle: Long\n---\n\n${sections}` } })
  await page.locator('[data-testid=article-item][data-path="long.md"]').click()
  const preview = page.frameLocator(frameSelector)
  await expect(preview.locator('h2').first()).toHaveText('Section 1')
  await countFrameLoads(page)

  // Scroll the editor to the middle: the preview follows, then stays put while the writer types.
  await page.locator('[data-testid=editor] .cm-scroller').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight / 2))
  await expect(preview.locator('h2').first()).not.toBeInViewport()
  const line = page.locator('.cm-line', { hasText: /^段落 2\d：/ }).first()
  await expect(line).toBeVisible()
  const paragraph = (await line.textContent())!.split('：')[0]!
  const edited = preview.locator('p', { hasText: paragraph + '：' })
  const first = await preview.locator('h2').first().elementHandle()
  const last = await preview.locator('h2').last().elementHandle()
  const before = await edited.elementHandle()
  const scrolled = await frameScroll(page)
  expect(scrolled).toBeGreaterThan(0)

  await line.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 新的字 twelve', { delay: 300 })
  await expect(edited).toContainText('新的字 twelve')

  expect(await frameLoads(page)).toBe(0)
  // The edited paragraph was replaced; the blocks before and after it are the same nodes.
  expect(await before!.evaluate((node) => node.isConnected)).toBe(false)
  expect(await first!.evaluate((node) => node.isConnected)).toBe(true)
  expect(await last!.evaluate((node) => node.isConnected)).toBe(true)
  expect(await frameScroll(page)).toBe(scrolled)

  // A new line above shifts the blocks below by one: their source lines follow without new nodes.
  const lastLine = Number(await last!.getAttribute('data-source-line'))
  await page.keyboard.press('Home')
  await page.keyboard.press('Enter')
  await expect.poll(() => last!.getAttribute('data-source-line')).toBe(String(lastLine + 1))
  expect(await last!.evaluate((node) => node.isConnected)).toBe(true)
  expect(await frameLoads(page)).toBe(0)
})

/** Every way an article might try to run script or leave the frame, aimed at a same-origin frame. */
const ATTACKS = [
  '<script>parent.folio.saveArticle("victim.md", "pwned", ""); parent.__pwned = 1</script>',
  '<img src="x" onerror="parent.folio.trashArticle(\'victim.md\'); parent.__pwned = 2">',
  '<svg onload="parent.__pwned = 3"><script>parent.__pwned = 4</script><a href="javascript:parent.__pwned=5"><text id="svg-link" y="20">svg link</text></a></svg>',
  '<iframe srcdoc="<script>parent.parent.__pwned = 6</script>"></iframe>',
  '<a href="javascript:parent.__pwned=7" id="js-link">js link</a>',
  '<a href="/" target="_top" id="top-link">top link</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:parent.__pwned=8">',
  '<base href="javascript:parent.__pwned=9//">',
  '<form action="javascript:parent.__pwned=10"><button id="submit" formaction="javascript:parent.__pwned=11">go</button></form>',
  '<details open ontoggle="parent.__pwned = 12"><summary>s</summary></details>',
  '<object data="javascript:parent.__pwned=13"></object><embed src="javascript:parent.__pwned=14">',
  '<math><mtext><table><mglyph><style><img src=x onerror="parent.__pwned = 15"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=parent.__pwned=16>"></noscript>',
  '<div style="background:url(javascript:parent.__pwned=17)">styled</div>',
]

test('a hostile article reaches nothing through the patched same-origin frame, whether opened or typed', async ({ launch }) => {
  const victim = '---\ntitle: Victim\n---\nkeep me\n'
  const hostile = `---\ntitle: Hostile\n---\n\n${ATTACKS.join('\n\n')}\n\nSome *text* after the attacks.\n\nTyped here:\n`
  const { page, contentDir: dir } = await launch({ files: { 'hostile.md': hostile, 'victim.md': victim } })
  const before = (await readdir(dir)).sort()
  const url = page.url()
  await page.locator('[data-testid=article-item][data-path="hostile.md"]').click()
  const preview = page.frameLocator(frameSelector)
  await expect(preview.locator('em')).toHaveText('text')

  // The frame allows same-origin access for the parent's patching and nothing else: no scripts.
  expect(await page.locator(frameSelector).evaluate((frame: HTMLIFrameElement) => [...frame.sandbox])).toEqual(['allow-same-origin'])
  // The CSP stays in the frame's own document, behind the parent's.
  await expect(preview.locator('head meta[http-equiv=Content-Security-Policy]')).toHaveAttribute('content', /default-src 'none'/)

  // Typed key by key at the end, so each attack also enters through the block patch.
  await page.locator('.cm-line', { hasText: 'Typed here:' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('<img src=y onerror="parent.__pwned=20"> <a href="javascript:parent.__pwned=21" id="typed-link">typed</a>', { delay: 15 })
  await expect(preview.locator('#typed-link')).toHaveText('typed')
  await expect(preview.locator('article')).toContainText('styled')

  for (const id of ['#js-link', '#top-link', '#typed-link', '#svg-link', '#submit']) {
    await preview
      .locator(id)
      .click({ timeout: 2000 })
      .catch(() => undefined)
  }
  await page.waitForTimeout(500)
  expect(await pwned(page)).toBeUndefined()
  expect(page.url()).toBe(url)
  expect(await page.evaluate(() => typeof (window as unknown as { folio?: unknown }).folio)).toBe('object')
  expect(await preview.locator('article :is(script, iframe, meta, base, form, object, embed, [onerror], [onload], [ontoggle])').count()).toBe(0)
  expect(await preview.locator('a[href^="javascript:"]').count()).toBe(0)
  // A followed link leaves the frame in Chromium (the app hands it to the system browser instead):
  // the preview then loads its own document again, with the article in it.
  await expect(preview.locator('#typed-link')).toHaveText('typed')

  // The lock behind the sanitizer: markup that got past it still runs nothing in this frame.
  await page.locator(frameSelector).evaluate((frame: HTMLIFrameElement) => {
    const doc = frame.contentDocument!
    const article = doc.querySelector('article')!
    article.insertAdjacentHTML('beforeend', '<img src="z" onerror="parent.__pwned = 30"><svg onload="parent.__pwned = 31"></svg>')
    const script = doc.createElement('script')
    script.textContent = 'parent.__pwned = 32'
    article.append(script)
    const link = doc.createElement('a')
    link.href = 'javascript:parent.__pwned = 33'
    link.id = 'forced-link'
    link.textContent = 'forced'
    article.append(link)
  })
  await preview
    .locator('#forced-link')
    .click({ timeout: 2000 })
    .catch(() => undefined)
  await page.waitForTimeout(500)
  expect(await pwned(page)).toBeUndefined()
  expect(await readFile(`${dir}/victim.md`, 'utf8')).toBe(victim)
  expect((await readdir(dir)).sort()).toEqual(before)
})

test('an in-page link (a footnote, a table of contents) scrolls the preview, which stays in place', async ({ launch }) => {
  const filler = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}. ${'Words fill the page. '.repeat(20)}`).join('\n\n')
  const { page } = await launch({
    files: { 'toc.md': `---\ntitle: Contents\n---\n\n[Go to the end](#the-end)\n\n${filler}\n\n<h2 id="the-end">The end</h2>\n` },
  })
  await page.locator('[data-testid=article-item][data-path="toc.md"]').click()
  const preview = page.frameLocator(frameSelector)
  await expect(preview.locator('#the-end')).not.toBeInViewport()
  await countFrameLoads(page)
  await preview.getByRole('link', { name: 'Go to the end' }).click()
  await expect(preview.locator('#the-end')).toBeInViewport()
  expect(await frameLoads(page)).toBe(0)
})

test('switching articles keeps the preview frame, marks it busy until the new article is in, leaves nothing of the last article in it, and stops the last article’s render', async ({
  launch,
}) => {
  // Tens of thousands of short blocks: the preview sanitizes them a slice at a time for a good while.
  const blocks = 30_000
  const big = Array.from({ length: blocks }, (_, i) => `段 ${i}`).join('\n\n')
  const { page } = await launch({
    files: {
      'a-styled.md': '---\ntitle: Styled\n---\n\n## Styled heading\n\n<style>p { color: rgb(255, 0, 0) }</style>\n\nStyled marker\n',
      'b-big.md': `---\ntitle: Big\n---\n\n${big}\n`,
      'c-small.md': '---\ntitle: Small\n---\n\n## Small heading\n\nSmall marker\n',
    },
  })
  // Every block the preview sanitizes is parsed once by DOMPurify (through DOMParser): counted, not changed.
  await page.evaluate(() => {
    const counted = window as unknown as { __parses: number }
    counted.__parses = 0
    const parse = DOMParser.prototype.parseFromString
    DOMParser.prototype.parseFromString = function (this: DOMParser, ...args: Parameters<DOMParser['parseFromString']>) {
      counted.__parses++
      return parse.apply(this, args)
    }
  })
  const parses = () => page.evaluate(() => (window as unknown as { __parses: number }).__parses)
  const preview = page.frameLocator(frameSelector)
  await page.locator('[data-testid=article-item][data-path="a-styled.md"]').click()
  await expect(preview.locator('p', { hasText: 'Styled marker' })).toHaveCSS('color', 'rgb(255, 0, 0)')
  const frameElement = page.locator(frameSelector)
  const outline = page.getByTestId('outline')
  await page.getByTestId('outline-toggle').click()
  await expect(outline).toContainText('Styled heading')
  await expect(frameElement).toHaveAttribute('aria-busy', 'false')
  await countFrameLoads(page)
  await page.locator(frameSelector).evaluate((frame) => ((window as unknown as { __frame: Element }).__frame = frame))

  const started = await parses()
  await page.locator('[data-testid=article-item][data-path="b-big.md"]').click()
  // Switched away as soon as the big article's blocks are being sanitized.
  await expect.poll(parses, { timeout: 60_000 }).toBeGreaterThan(started + 10)
  // The frame still holds the styled article while the big one renders: it says so (busy, dimmed)
  // and the outline no longer lists the styled article's headings as if they were the big one's.
  await expect(frameElement).toHaveAttribute('aria-busy', 'true')
  await expect(frameElement).toHaveCSS('opacity', /^0\.\d+$/)
  await expect(outline).not.toContainText('Styled heading')
  await page.locator('[data-testid=article-item][data-path="c-small.md"]').click()
  const small = preview.locator('p', { hasText: 'Small marker' })
  await expect(small).toBeVisible({ timeout: 30_000 })
  await expect(frameElement).toHaveAttribute('aria-busy', 'false')
  await expect(frameElement).toHaveCSS('opacity', '1')
  await expect(outline).toContainText('Small heading')
  // The big article's render stopped at the switch: no more of its blocks are sanitized once the
  // small one shows (it went on for about a thousand a second here, taking slices from the keys).
  const shown = await parses()
  await page.waitForTimeout(1_000)
  expect((await parses()) - shown).toBeLessThan(50)

  // The same frame, not loaded again; the styled article's sheet went with its blocks.
  expect(await page.evaluate((selector) => document.querySelector(selector) === (window as unknown as { __frame: Element }).__frame, frameSelector)).toBe(true)
  expect(await frameLoads(page)).toBe(0)
  await expect(small).not.toHaveCSS('color', 'rgb(255, 0, 0)')
  await expect(preview.locator('article style')).toHaveCount(0)
  await expect(preview.locator('article')).not.toContainText('Styled marker')
})
