/**
 * Replace across the folder from the search panel, keyboard only: a preview of every change by
 * article, a change and an article left out, apply, undo; the bytes on disk checked each time.
 * Articles whose header does not parse, with unsaved edits, or changed since the preview are
 * left alone and named.
 */
import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const TYPING = { delay: 40 }

const FOLDER = {
  '_config.yml': 'title: Site\n',
  'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
  'source/_posts/cats.md': '---\ntitle: 猫与 cat\ndate: 2024-05-03 09:00:00\ntags: [cat]\n---\n\nThe cat sat.\n\n猫在窗台上，cat 也在。\n',
  'source/_posts/crlf.md': '---\r\ntitle: Windows\r\ndate: 2024-05-02 09:00:00\r\n---\r\n\r\nA cat on CRLF.\r\nAnother cat.\r\n',
  'source/_posts/open.md': '---\ntitle: Open\ndate: 2024-05-01 09:00:00\n---\n\nAn open cat.\n',
  'source/_posts/broken.md': '---\ntitle: [unclosed cat\ndate: 2024-04-30 09:00:00\n---\n\nA broken cat.\n',
}

async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).focus()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text, TYPING)
}

const read = (dir: string, path: string) => readFile(join(dir, path), 'utf8')

test('replace across the folder with the keyboard: preview, leave out, apply, undo', async ({ launch, makeFolder }) => {
  const dir = await makeFolder({ files: FOLDER })
  const before = Object.fromEntries(await Promise.all(Object.keys(FOLDER).map(async (p) => [p, await read(dir, p)] as const)))
  const { page } = await launch({ contentDir: dir })

  // open.md gets unsaved edits in the editor: the replace must not write under them.
  await page.locator('[data-testid=article-item]', { hasText: 'Open' }).click()
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' more', TYPING)

  await page.keyboard.press('ControlOrMeta+Shift+f')
  await expect(page.getByTestId('library-search')).toBeFocused()
  await page.keyboard.type('cat', TYPING)
  await page.getByTestId('search-wholeWord').focus()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('search-summary')).toHaveText('9 matches in 4 articles')

  await page.keyboard.press('ControlOrMeta+Shift+h')
  await expect(page.getByTestId('library-replace')).toBeFocused()
  await page.keyboard.type('狗', TYPING)
  await page.keyboard.press('Enter')

  const dialog = page.getByTestId('replace-dialog')
  await expect(dialog.getByTestId('replace-summary')).toHaveText('6 changes in 2 articles')
  await expect(dialog.getByTestId('replace-file')).toHaveCount(2)
  const cats = dialog.locator('[data-testid=replace-file][data-path="source/_posts/cats.md"]')
  await expect(cats.locator('del')).toHaveText(['- title: 猫与 cat', '- tags: [cat]', '- The cat sat.', '- 猫在窗台上，cat 也在。'])
  await expect(cats.locator('ins')).toHaveText(['+ title: 猫与 狗', '+ tags: [狗]', '+ The 狗 sat.', '+ 猫在窗台上，狗 也在。'])
  const skipped = dialog.getByTestId('replace-skipped')
  await expect(skipped.locator('li[data-path="source/_posts/broken.md"]')).toContainText('the header does not parse (line 2)')
  await expect(skipped.locator('li[data-path="source/_posts/open.md"]')).toContainText('has unsaved edits')
  await expect(dialog.getByTestId('replace-apply')).toHaveText('Replace 6 matches in 2 articles')

  // Leave out the tags change of cats.md, by keyboard: Tab from the article's box to its second change.
  await cats.getByTestId('replace-file-toggle').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(cats.getByRole('checkbox', { name: 'Replace on line 4' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('replace-apply')).toHaveText('Replace 5 matches in 2 articles')
  // Leave out crlf.md whole, then take it back.
  const crlf = dialog.locator('[data-testid=replace-file][data-path="source/_posts/crlf.md"]')
  await crlf.getByTestId('replace-file-toggle').focus()
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('replace-apply')).toHaveText('Replace 3 matches in 1 article')
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('replace-apply')).toHaveText('Replace 5 matches in 2 articles')

  await dialog.getByTestId('replace-apply').focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('replace-outcome')).toContainText('Replaced in 2 articles.')
  expect(await read(dir, 'source/_posts/cats.md')).toBe(
    '---\ntitle: 猫与 狗\ndate: 2024-05-03 09:00:00\ntags: [cat]\n---\n\nThe 狗 sat.\n\n猫在窗台上，狗 也在。\n',
  )
  expect(await read(dir, 'source/_posts/crlf.md')).toBe('---\r\ntitle: Windows\r\ndate: 2024-05-02 09:00:00\r\n---\r\n\r\nA 狗 on CRLF.\r\nAnother 狗.\r\n')
  expect(await read(dir, 'source/_posts/open.md')).toBe(before['source/_posts/open.md'])
  expect(await read(dir, 'source/_posts/broken.md')).toBe(before['source/_posts/broken.md'])
  // The open article keeps its unsaved edit.
  await expect(page.locator('.cm-content')).toContainText('An open cat. more')

  // The keyboard lands on Undo.
  await expect(dialog.getByTestId('replace-undo')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('replace-outcome')).toContainText('Restored 2 articles.')
  for (const path of Object.keys(FOLDER)) expect(await read(dir, path)).toBe(before[path])
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('library-replace')).toBeFocused()
})

test('regular expression groups, a field scope, and an article changed since the preview', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: FOLDER })

  await typeInto(page, 'library-search', '(\\d{4})-(\\d\\d)-(\\d\\d)')
  await page.getByTestId('search-regex').click()
  await page.getByTestId('search-scope').selectOption('field')
  await typeInto(page, 'search-field', 'date')
  await expect(page.getByTestId('search-summary')).toHaveText('3 matches in 3 articles')
  await page.getByTestId('replace-toggle').click()
  await typeInto(page, 'library-replace', '$1/$2/$3')
  await page.getByTestId('replace-preview-open').click()

  const dialog = page.getByTestId('replace-dialog')
  await expect(dialog.getByTestId('replace-summary')).toHaveText('3 changes in 3 articles')
  await expect(dialog.locator('[data-path="source/_posts/cats.md"] ins')).toHaveText(['+ date: 2024/05/03 09:00:00'])
  // Someone else edits open.md after the preview.
  const changed = '---\ntitle: Open\ndate: 2024-05-01 09:00:00\n---\n\nEdited elsewhere.\n'
  await writeFile(join(dir, 'source/_posts/open.md'), changed)
  await dialog.getByTestId('replace-apply').click()
  await expect(dialog.getByTestId('replace-outcome')).toContainText('Replaced in 2 articles.')
  await expect(dialog.locator('[data-testid=replace-skipped] li[data-path="source/_posts/open.md"]')).toContainText('changed on disk since the preview')
  expect(await read(dir, 'source/_posts/open.md')).toBe(changed)
  expect(await read(dir, 'source/_posts/crlf.md')).toBe(FOLDER['source/_posts/crlf.md'].replace('2024-05-02', '2024/05/02'))
  expect(await read(dir, 'source/_posts/cats.md')).toBe(FOLDER['source/_posts/cats.md'].replace('2024-05-03', '2024/05/03'))
})

/**
 * A key typed a moment before the replace (in the body, a composition in a form field, a date
 * still being typed) is unsaved work: the main process asks the page, as a close does, so the
 * replace leaves that article alone on disk and in the editor. The page's own reports of what is
 * unsaved are held back here (a busy bridge), so only that question can find the edits: without
 * it, the preview would offer those articles and the apply would write under their edits.
 */
test('a key typed just before the replace keeps its article out of it', async ({ launch }) => {
  const posts = {
    'source/_posts/body.md': '---\ntitle: Body\ndate: 2024-05-03 09:00:00\n---\n\nA body cat.\n',
    'source/_posts/form.md': '---\ntitle: Form\ndate: 2024-05-02 09:00:00\n---\n\nA form cat.\n',
    'source/_posts/date.md': '---\ntitle: Date\ndate: 2024-05-01 09:00:00\n---\n\nA date cat.\n',
    'source/_posts/other.md': '---\ntitle: Other\ndate: 2024-04-01 09:00:00\n---\n\nAnother cat.\n',
  }
  let deliverReports = (): void => undefined
  const reportsLate = new Promise<void>((deliver) => (deliverReports = deliver))
  const { page, contentDir: dir } = await launch({
    files: { '_config.yml': FOLDER['_config.yml'], 'package.json': FOLDER['package.json'], ...posts },
    holdCall: (method) => (method === 'setUnsaved' ? reportsLate : undefined),
  })
  await typeInto(page, 'library-search', 'cat')
  await page.getByTestId('search-wholeWord').click()
  await expect(page.getByTestId('search-summary')).toHaveText('4 matches in 4 articles')
  await page.getByTestId('replace-toggle').click()
  await typeInto(page, 'library-replace', 'dog')

  const dialog = page.getByTestId('replace-dialog')
  const item = (name: string) => page.locator(`[data-testid=search-group][data-path="source/_posts/${name}.md"] [data-testid=search-hit]`)
  const field = (key: string) => page.locator(`[data-testid=property][data-key="${key}"] input[type=text]`).first()
  // The key and the replace as one burst, the way a fast hand sends them: the page gets no moment
  // between them to tell the main process about the edit.
  const cdp = await page.context().newCDPSession(page)
  const mod = process.platform === 'darwin' ? 4 : 2
  const key = (type: 'rawKeyDown' | 'keyUp', key: string, code: string, vk: number, modifiers = 0) =>
    cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: vk, modifiers })
  const typeAndReplace = async (char: string, code: string, vk: number, path: string) => {
    await Promise.all([
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: char, code, text: char, windowsVirtualKeyCode: vk }),
      key('keyUp', char, code, vk),
      key('rawKeyDown', 'H', 'KeyH', 72, mod | 8),
      key('keyUp', 'H', 'KeyH', 72, mod | 8),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 }),
      key('keyUp', 'Enter', 'Enter', 13),
    ])
    await expect(dialog.locator(`[data-testid=replace-skipped] li[data-path="${path}"]`)).toContainText('has unsaved edits')
    await expect(dialog.locator(`[data-testid=replace-file][data-path="${path}"]`)).toHaveCount(0)
  }

  await item('body').click()
  await page.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+End')
  await typeAndReplace('!', 'Digit1', 49, 'source/_posts/body.md')
  await page.keyboard.press('Escape')

  await item('form').click()
  await field('title').click()
  await page.keyboard.press('End')
  // A composition still open when the replace command takes the cursor away: it lands as typed.
  await cdp.send('Input.imeSetComposition', { text: 'x', selectionStart: 1, selectionEnd: 1 })
  await page.keyboard.press('ControlOrMeta+Shift+h')
  await page.keyboard.press('Enter')
  await expect(dialog.locator(`[data-testid=replace-skipped] li[data-path="source/_posts/form.md"]`)).toContainText('has unsaved edits')
  await page.keyboard.press('Escape')

  await item('date').click()
  await field('date').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Backspace')
  await typeAndReplace('7', 'Digit7', 55, 'source/_posts/date.md')

  // The preview offers the one article without edits; the three with edits are named, not offered.
  await expect(dialog.getByTestId('replace-file')).toHaveCount(1)
  await expect(dialog.locator('[data-testid=replace-file][data-path="source/_posts/other.md"]')).toBeVisible()
  await expect(dialog.getByTestId('replace-skipped').locator('li')).toHaveCount(3)
  await dialog.getByTestId('replace-apply').click()
  await expect(dialog.getByTestId('replace-outcome')).toContainText('Replaced in 1 article.')
  const edited = ['source/_posts/body.md', 'source/_posts/form.md', 'source/_posts/date.md'] as const
  expect(await read(dir, 'source/_posts/other.md')).toBe(posts['source/_posts/other.md'].replace('cat', 'dog'))
  for (const path of edited) expect(await read(dir, path)).toBe(posts[path])
  // Undo restores what the replace wrote and nothing else.
  await dialog.getByTestId('replace-undo').click()
  await expect(dialog.getByTestId('replace-outcome')).toContainText('Restored 1 article.')
  for (const path of [...edited, 'source/_posts/other.md'] as const) expect(await read(dir, path)).toBe(posts[path])
  await page.keyboard.press('Escape')
  // Each buffer still holds its edit (a field away from focus shows the text).
  await item('form').click()
  await expect(field('title')).toHaveValue('Formx')
  await item('date').click()
  await expect(field('date')).toHaveValue('2024-05-01 09:00:07')
  await item('body').click()
  await expect(page.locator('.cm-content')).toContainText('A body cat.!')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'dirty')
  deliverReports()
})
