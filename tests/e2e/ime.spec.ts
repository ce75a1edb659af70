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

test('Chinese typed through an input method composes in the editor and saves', async () => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'drives Chromium’s IME through CDP')
  const dir = await contentFolder({ 'a.md': '---\ntitle: 输入法\n---\n\n开头\n' })
  app = await launchApp({ contentDir: dir })
  const { page } = app
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await page.getByText('开头', { exact: true }).click()
  await page.keyboard.press('End')
  const cdp = await page.context().newCDPSession(page)
  // What a pinyin IME sends: a composition that grows, then the chosen characters.
  for (const text of ['n', 'ni', 'nih', 'niha', 'nihao']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
  }
  await cdp.send('Input.insertText', { text: '你好' })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('---\ntitle: 输入法\n---\n\n开头你好\n')
})
