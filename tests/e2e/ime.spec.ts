import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test('Chinese typed through an input method composes in the editor and saves', async ({ launch }) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'drives Chromium’s IME through CDP')
  const { page, contentDir: dir } = await launch({ files: { 'a.md': '---\ntitle: 输入法\n---\n\n开头\n' } })
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
