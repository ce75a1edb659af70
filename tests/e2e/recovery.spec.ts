import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

/** The text of `path` in the crash journal on disk, or null when it holds none. */
async function journaled(journalDir: string, path: string): Promise<string | null> {
  const raw = await readFile(join(journalDir, 'unsaved.json'), 'utf8').catch(() => null)
  if (raw === null) return null
  const journal = JSON.parse(raw) as { buffers: Array<{ path: string; text: string }> }
  return journal.buffers.find((b) => b.path === path)?.text ?? null
}

test('typing that never pauses still reaches the crash journal on disk within 5 s', async ({ launch }) => {
  test.setTimeout(120_000)
  const { page, journalDir } = await launch({ files: { 'posts/draft.md': '---\ntitle: Draft\n---\n\nBody.\n' } })
  if (!journalDir) throw new Error('The harness must say where the journal lives.')

  await page.locator('[data-testid=article-item][data-path="posts/draft.md"]').click()
  await page.getByText('Body.', { exact: true }).click()
  await page.keyboard.press('End')

  // One key every 200 ms for about 12 s, as a steady typist: a debounce that restarts on every
  // key would write nothing until the typing stops.
  const typed = ' the quick brown fox jumps over the lazy dog 0123456789'
  let typingDone = false
  const typing = page.keyboard.type(typed, { delay: 200 }).then(() => (typingDone = true))
  const started = Date.now()
  await expect.poll(() => journaled(journalDir, 'posts/draft.md'), { timeout: 8000, intervals: [100] }).toMatch(/^---\ntitle: Draft\n---\n\nBody\. the q/)
  const waited = Date.now() - started
  expect(typingDone, 'the journal was written while typing went on').toBe(false)
  await typing
  test.info().annotations.push({ type: 'journal', description: `first journal write ${waited} ms into steady typing` })

  // Once typing stops, the whole text follows after the quiet spell.
  await expect.poll(() => journaled(journalDir, 'posts/draft.md'), { timeout: 10_000 }).toBe(`---\ntitle: Draft\n---\n\nBody.${typed}\n`)
})

test('a window that starts again over a journal offers the work back; Restore brings it unsaved into the editor, and Ctrl+S writes it', async ({ launch }) => {
  test.setTimeout(120_000)
  const original = '---\ntitle: 草稿\n---\n\n第一段。\n'
  const { page, journalDir, contentDir: dir } = await launch({ files: { 'posts/draft.md': original } })
  if (!journalDir) throw new Error('The harness must say where the journal lives.')
  await page.locator('[data-testid=article-item][data-path="posts/draft.md"]').click()
  await page.getByText('第一段。', { exact: true }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' More words.', { delay: 30 })
  const edited = original.replace('第一段。', '第一段。 More words.')
  await expect.poll(() => journaled(journalDir, 'posts/draft.md'), { timeout: 15_000 }).toBe(edited)

  // The window goes away with the edit unsaved (a reload, as after a renderer crash) and starts again.
  await page.reload()
  const dialog = page.getByTestId('recovery-dialog')
  await expect(dialog).toBeVisible({ timeout: 30_000 })
  await expect(dialog).toContainText('posts/draft.md')
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(dialog).toHaveCount(0)
  await page.locator('[data-testid=article-item][data-path="posts/draft.md"]').click()
  await expect(page.locator('.cm-content')).toContainText('More words.')
  expect(await readFile(join(dir, 'posts/draft.md'), 'utf8')).toBe(original)
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'posts/draft.md'), 'utf8')).toBe(edited)
})

test('a crash in the middle of typing into a long CRLF article brings back its exact bytes, and each key reaches the disk within the journal window', async ({
  launch,
}) => {
  test.setTimeout(180_000)
  const paragraphs = Array.from({ length: 3000 }, (_, i) => `第 ${i} 段：云计算的市场 😀 and the sales team ${i}.`)
  const original = `---\r\ntitle: 长文\r\n---\r\n\r\n${paragraphs.join('\r\n\r\n')}\r\n`
  const { page, journalDir, contentDir: dir } = await launch({ files: { 'posts/long.md': original } })
  if (!journalDir) throw new Error('The harness must say where the journal lives.')
  await page.locator('[data-testid=article-item][data-path="posts/long.md"]').click()
  await page.getByText('第 2 段：云计算的市场 😀 and the sales team 2.', { exact: true }).click()
  await page.keyboard.press('End')

  // Steady typing, a key every 150 ms: each key's time, and when the journal on disk first holds it.
  const typed = ' 新的文字 more words 测试'
  const keyAt: number[] = []
  const seenAt: number[] = []
  let done = false
  const typing = (async () => {
    for (const key of typed) {
      keyAt.push(Date.now())
      await page.keyboard.type(key)
      await page.waitForTimeout(150)
    }
    done = true
  })()
  while (!done || seenAt.length < typed.length) {
    const text = await journaled(journalDir, 'posts/long.md')
    const at = Date.now()
    const line = text?.split('\r\n').find((l) => l.startsWith('第 2 段')) ?? ''
    const held = line.length - '第 2 段：云计算的市场 😀 and the sales team 2.'.length
    while (seenAt.length < Math.max(0, held)) seenAt.push(at)
    if (at - keyAt[0]! > 60_000) throw new Error('the journal did not follow the typing within a minute')
    await page.waitForTimeout(50)
  }
  await typing
  const lags = seenAt.map((at, i) => at - keyAt[i]!)
  test.info().annotations.push({
    type: 'journal window',
    description: `a key reached the journal on disk after at most ${Math.max(...lags)} ms (median ${lags.sort((a, b) => a - b)[lags.length >> 1]} ms)`,
  })
  expect(Math.max(...lags)).toBeLessThan(5_000)

  // Typing goes on, and the window goes away (a renderer crash) once the journal holds the text so far.
  await page.getByText('第 0 段：云计算的市场 😀 and the sales team 0.', { exact: true }).click()
  await page.keyboard.press('Home')
  await page.keyboard.type('开头 ', { delay: 60 })
  const edited = original.replace('sales team 2.', `sales team 2.${typed}`).replace('\r\n\r\n第 0 段', '\r\n\r\n开头 第 0 段')
  await expect.poll(() => journaled(journalDir, 'posts/long.md'), { timeout: 15_000 }).toBe(edited)
  await page.reload()
  const dialog = page.getByTestId('recovery-dialog')
  await expect(dialog).toBeVisible({ timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await page.locator('[data-testid=article-item][data-path="posts/long.md"]').click()
  await expect(page.locator('.cm-content')).toContainText('开头 第 0 段')
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'posts/long.md'), 'utf8')).toBe(edited)
})
