import { readdir, readFile } from 'node:fs/promises'
import { expect, test } from './support/fixtures'

const HOSTILE = `---
title: Hostile
---

<script>window.parent.folio.saveArticle('victim.md', 'pwned', ''); window.top.__pwned = 1</script>
<img src="x" onerror="window.parent.folio.trashArticle('victim.md'); window.top.__pwned = 2">
<svg onload="window.top.__pwned = 3"><circle r="4"/></svg>
<iframe srcdoc="<script>parent.parent.__pwned = 4</script>"></iframe>
<a href="javascript:window.top.__pwned=5" id="js-link">click me</a>
<meta http-equiv="refresh" content="0;url=javascript:window.top.__pwned=6">
<form action="javascript:window.top.__pwned=7"><button id="submit">go</button></form>

Some *text* after the attacks.
`

test('an article whose scripts try to reach window.parent.folio runs nothing', async ({ launch }) => {
  const victim = '---\ntitle: Victim\n---\nkeep me\n'
  const { page, contentDir: dir } = await launch({ files: { 'hostile.md': HOSTILE, 'victim.md': victim } })
  const before = (await readdir(dir)).sort()

  await page.locator('[data-testid=article-item][data-path="hostile.md"]').click()
  const frame = page.frameLocator('iframe[data-testid=preview]')
  await expect(frame.locator('em')).toHaveText('text')
  await frame
    .locator('#js-link')
    .click({ timeout: 2000 })
    .catch(() => undefined)
  await page.waitForTimeout(500)

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  const sandbox = await page.locator('iframe[data-testid=preview]').getAttribute('sandbox')
  expect(sandbox).toBe('allow-same-origin')
  expect(await frame.locator('article :is(script, iframe, meta, form, [onerror], [onload])').count()).toBe(0)
  expect(await readFile(`${dir}/victim.md`, 'utf8')).toBe(victim)
  expect((await readdir(dir)).sort()).toEqual(before)
})
