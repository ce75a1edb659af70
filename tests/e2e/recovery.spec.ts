import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { launchApp, type LaunchedApp } from './harness'
import { contentFolder } from './support/folders'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** The text of `path` in the crash journal on disk, or null when it holds none. */
async function journaled(journalDir: string, path: string): Promise<string | null> {
  const raw = await readFile(join(journalDir, 'unsaved.json'), 'utf8').catch(() => null)
  if (raw === null) return null
  const journal = JSON.parse(raw) as { buffers: Array<{ path: string; text: string }> }
  return journal.buffers.find((b) => b.path === path)?.text ?? null
}

test('typing that never pauses still reaches the crash journal on disk within 5 s', async () => {
  test.setTimeout(120_000)
  const dir = await contentFolder({ 'posts/draft.md': '---\ntitle: Draft\n---\n\nBody.\n' })
  app = await launchApp({ contentDir: dir })
  const { page, journalDir } = app
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
