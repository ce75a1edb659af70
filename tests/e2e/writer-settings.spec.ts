import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

/** Types the way a person does: one key at a time. */
const type = (page: Page, text: string) => page.keyboard.type(text, { delay: 20 })

async function openArticle(page: Page, path: string): Promise<void> {
  await page.locator(`[data-testid=article-item][data-path="${path}"]`).click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toBeVisible()
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByTestId('settings')
  await expect(dialog).toBeVisible()
  return dialog
}

/** Replaces a field's text by typing, as a person selecting it and typing over it. */
async function retype(page: Page, field: ReturnType<Page['getByLabel']>, text: string): Promise<void> {
  await field.focus()
  await page.keyboard.press('Control+a')
  await type(page, text)
}

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property)

test('the theme is chosen with the keyboard, applies at once, and is still chosen after a restart', async ({ launch }) => {
  const app = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nText.\n' } })
  let { page } = app
  await openArticle(page, 'a.md')
  // Headless Chromium reports a light system: "system" is light.
  expect(await style(page, '.app', 'background-color')).toBe('rgb(246, 247, 249)')

  const dialog = await openSettings(page)
  // Focus starts on the first control, the chosen theme; arrows move between the choices.
  await expect(dialog.getByRole('radio', { name: 'Same as the system' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(page.locator('.app')).toHaveClass(/\bdark\b/)
  expect(await style(page, '.app', 'background-color')).toBe('rgb(15, 18, 22)')
  expect(await style(page, '[data-testid=editor]', 'background-color')).toBe('rgb(13, 17, 23)')

  // Tab goes round the dialog's controls and never leaves it.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=settings]') !== null)).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await app.close()
  page = (await launch({ contentDir: app.contentDir, profileDir: app.profileDir })).page
  await expect(page.locator('.app')).toHaveClass(/\bdark\b/)
  expect(await style(page, '.app', 'background-color')).toBe('rgb(15, 18, 22)')
  const again = await openSettings(page)
  await expect(again.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await page.keyboard.press('ArrowUp')
  await expect(again.getByRole('radio', { name: 'Light' })).toBeChecked()
  expect(await style(page, '.app', 'background-color')).toBe('rgb(246, 247, 249)')
})

test('font, size and line height apply to the open editor at once, keeping its undo history', async ({ launch }) => {
  const text = '---\ntitle: A\n---\n\nFirst line.\n'
  const { page, contentDir: dir } = await launch({ files: { 'a.md': text } })
  await openArticle(page, 'a.md')
  expect(await style(page, '.cm-editor', 'font-size')).toBe('15px')
  await page.getByText('First line.').click()
  await page.keyboard.press('End')
  await type(page, ' Typed.')

  const dialog = await openSettings(page)
  await retype(page, dialog.getByLabel('Font size (px)'), '21')
  await expect.poll(() => style(page, '.cm-editor', 'font-size')).toBe('21px')
  await retype(page, dialog.getByLabel('Line height'), '2')
  await expect.poll(() => style(page, '.cm-scroller', 'line-height')).toBe('42px')
  await retype(page, dialog.getByLabel('Font', { exact: true }), 'Georgia, serif')
  await expect.poll(() => style(page, '.cm-scroller', 'font-family')).toMatch(/^Georgia, serif/)
  // A size out of range is marked and not applied.
  await retype(page, dialog.getByLabel('Font size (px)'), '99')
  await expect(dialog.getByLabel('Font size (px)')).toHaveAttribute('aria-invalid', 'true')
  expect(await style(page, '.cm-editor', 'font-size')).toBe('21px')
  await page.keyboard.press('Escape')

  // The same editor state: undo takes back what was typed before the change.
  await page.locator('.cm-content').focus()
  await expect(page.locator('.cm-content')).toContainText('First line. Typed.')
  await page.keyboard.press('Control+z')
  await expect(page.locator('.cm-content')).not.toContainText('Typed.')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(text)
})

test('line wrap on and off', async ({ launch }) => {
  const long = 'A long line of prose that goes on and on. '.repeat(30)
  const { page } = await launch({ files: { 'a.md': `---\ntitle: A\n---\n\n${long}\n` } })
  await openArticle(page, 'a.md')
  const scroller = page.locator('.cm-scroller')
  const overflows = () => scroller.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  expect(await overflows()).toBe(false)
  const dialog = await openSettings(page)
  await dialog.getByRole('checkbox', { name: 'Wrap long lines' }).focus()
  await page.keyboard.press('Space')
  await expect.poll(overflows).toBe(true)
  await page.keyboard.press('Space')
  await expect.poll(overflows).toBe(false)
})

test('focus mode dims every paragraph but the one with the cursor', async ({ launch }) => {
  const { page } = await launch({
    files: { 'a.md': '---\ntitle: A\n---\n\nFirst paragraph.\nStill the first.\n\nSecond paragraph.\n\nThird paragraph.\n' },
  })
  await openArticle(page, 'a.md')
  const dialog = await openSettings(page)
  await dialog.getByRole('checkbox', { name: 'Focus mode' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')

  const line = (text: string) => page.locator('.cm-line', { hasText: text })
  const opacity = (text: string) => line(text).evaluate((el) => Number(getComputedStyle(el).opacity))
  await page.getByText('Second paragraph.').click()
  await expect.poll(() => opacity('Second paragraph.')).toBe(1)
  await expect.poll(() => opacity('First paragraph.')).toBeLessThan(0.5)
  expect(await opacity('Still the first.')).toBeLessThan(0.5)
  expect(await opacity('Third paragraph.')).toBeLessThan(0.5)

  // Up into the first paragraph: both its lines light up, the second dims.
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => opacity('Still the first.')).toBe(1)
  await expect.poll(() => opacity('First paragraph.')).toBe(1)
  await expect.poll(() => opacity('Second paragraph.')).toBeLessThan(0.5)
})

test('typewriter scrolling keeps the line being typed in the middle of the editor', async ({ launch }) => {
  const lines = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of the article.`).join('\n')
  const { page } = await launch({ files: { 'a.md': `---\ntitle: A\n---\n\n${lines}\n` } })
  await openArticle(page, 'a.md')
  const dialog = await openSettings(page)
  await dialog.getByRole('checkbox', { name: 'Typewriter scrolling' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')

  const offCentre = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('.cm-scroller')?.getBoundingClientRect()
      const line = document.querySelector('.cm-activeLine')?.getBoundingClientRect()
      if (!scroller || !line) return Infinity
      return Math.abs(line.top + line.height / 2 - (scroller.top + scroller.height / 2))
    })
  const lineHeight = await page
    .locator('.cm-line')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height)
  await page.getByText('Line 3 of the article.').click()
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown')
  await expect.poll(offCentre).toBeLessThan(lineHeight)
  // Typing at the very end: the room below the last line lets it come to the middle too.
  await page.keyboard.press('Control+End')
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter')
    await type(page, `New line ${i}.`)
  }
  await expect.poll(offCentre).toBeLessThan(lineHeight)
})

test('Vim keys: i types, Escape then dd deletes a line, Ctrl+S saves exactly that', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nalpha\nbeta\ngamma\n' } })
  await openArticle(page, 'a.md')
  const dialog = await openSettings(page)
  await dialog.getByRole('checkbox', { name: 'Vim keys' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')
  await expect(page.locator('.cm-vim-panel')).toBeVisible()

  await page.getByText('alpha').click()
  await page.keyboard.press('0')
  await page.keyboard.press('i')
  await type(page, 'Hi ')
  await page.keyboard.press('Escape')
  await page.keyboard.press('j')
  await page.keyboard.press('d')
  await page.keyboard.press('d')
  await expect(page.locator('.cm-content')).not.toContainText('beta')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('---\ntitle: A\n---\n\nHi alpha\ngamma\n')
})

test('a goal in characters for a Chinese article shows 120/500, follows typing, survives a restart and never touches the file', async ({ launch }) => {
  const body = '写'.repeat(120)
  const text = `---\ntitle: 中文\n---\n\n${body}\n`
  const app = await launch({ files: { 'zh.md': text } })
  const dir = app.contentDir
  let { page } = app
  await openArticle(page, 'zh.md')
  await page.getByTestId('goal').focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('goal-dialog')
  await expect(dialog.getByLabel('Target')).toBeFocused()
  await type(page, '500')
  await dialog.getByLabel('Count').selectOption('characters')
  await dialog.getByLabel('Target').focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('goal-progress')).toHaveText('120/500')

  await page.locator('.cm-line', { hasText: body }).click()
  // The long line wraps: End would stop at the wrap; the end of the text is one left of the last (empty) line.
  await page.keyboard.press('Control+End')
  await page.keyboard.press('ArrowLeft')
  await type(page, '再写五个字')
  await expect(page.getByTestId('goal-progress')).toHaveText('125/500')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'zh.md'), 'utf8')).toBe(text.replace(body, body + '再写五个字'))

  await app.close()
  page = (await launch({ contentDir: dir, profileDir: app.profileDir })).page
  await openArticle(page, 'zh.md')
  await expect(page.getByTestId('goal-progress')).toHaveText('125/500')
})

/** Puts HTML (and its plain text) on the system clipboard, as a browser or office app does when copying. */
async function copyHtml(page: Page, html: string, plain: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate(
    async ([h, p]) => {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([h], { type: 'text/html' }), 'text/plain': new Blob([p], { type: 'text/plain' }) }),
      ])
    },
    [html, plain] as const,
  )
}

const COPIED = '<h2>Trip notes</h2><p>We walked <strong>far</strong>, see <a href="https://example.com/map">the map</a>.</p><script>window.pwned = 1</script>'
const COPIED_TEXT = 'Trip notes\nWe walked far, see the map.'

test('paste HTML into a Markdown article gives Markdown, into an HTML article stays clean HTML', async ({ launch }) => {
  const md = '---\ntitle: A\n---\n\nBefore.\n'
  const html = '---\ntitle: B\n---\n\n<p>Before.</p>\n'
  const { page, contentDir: dir } = await launch({ files: { 'a.md': md, 'b.html': html } })

  await openArticle(page, 'a.md')
  await page.getByText('Before.').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await copyHtml(page, COPIED, COPIED_TEXT)
  await page.keyboard.press('Control+v')
  await expect(page.locator('.cm-content')).toContainText('## Trip notes')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(
    md.replace('Before.\n', 'Before.\n\n## Trip notes\n\nWe walked **far**, see [the map](https://example.com/map).\n'),
  )

  await openArticle(page, 'b.html')
  await page.locator('.cm-line', { hasText: '<p>Before.</p>' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+v')
  await expect(page.locator('.cm-content')).toContainText('<h2>Trip notes</h2>')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'b.html'), 'utf8')).toBe(
    html.replace(
      '<p>Before.</p>\n',
      '<p>Before.</p>\n<h2>Trip notes</h2><p>We walked <strong>far</strong>, see <a href="https://example.com/map">the map</a>.</p>\n',
    ),
  )
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()

  // Switched off: the clipboard's plain text, as any editor pastes it.
  const dialog = await openSettings(page)
  await dialog.getByRole('checkbox', { name: 'Paste formatted text as Markdown' }).focus()
  await page.keyboard.press('Space')
  await page.keyboard.press('Escape')
  await openArticle(page, 'a.md')
  await page.locator('.cm-content').focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+v')
  await expect(page.locator('.cm-content')).toContainText('We walked far, see the map.')
})

test('a corrupt settings file: each bad value is named and replaced by its default, the rest is kept', async ({ launch, makeProfile }) => {
  const profileDir = await makeProfile()
  await writeFile(join(profileDir, 'settings.json'), JSON.stringify({ preferences: { theme: 'dark', editorFontSize: 'enormous', focusMode: 'maybe' } }))
  const { page } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nText.\n' }, profileDir })
  await openArticle(page, 'a.md')
  await expect(page.locator('.app')).toHaveClass(/\bdark\b/)
  expect(await style(page, '.cm-editor', 'font-size')).toBe('15px')
  const dialog = await openSettings(page)
  await expect(dialog.getByTestId('settings-problems')).toContainText('editorFontSize, focusMode')
  await expect(dialog.getByRole('checkbox', { name: 'Focus mode' })).not.toBeChecked()
})

test('the settings dialog is complete in Chinese', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nText.\n' }, uiLocale: 'zh-CN' })
  await page.getByRole('button', { name: '设置' }).click()
  const dialog = page.getByTestId('settings')
  await expect(dialog.getByRole('heading', { name: '设置' })).toBeVisible()
  await expect(dialog.getByRole('radio', { name: '深色' })).toBeVisible()
  await expect(dialog.getByRole('checkbox', { name: '专注模式' })).toBeVisible()
  // What is left in Latin letters are names: Vim, Markdown, HTML, Folio, Ctrl+Shift+V.
  const words = await dialog.evaluate((el) => {
    const texts = [...el.querySelectorAll('*')].flatMap((node) =>
      [...node.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent ?? ''),
    )
    const placeholders = [...el.querySelectorAll('input')].map((input) => input.placeholder)
    return [...texts, ...placeholders].join(' ').match(/[A-Za-z]{2,}/g) ?? []
  })
  expect(words.filter((w) => !['Vim', 'Markdown', 'HTML', 'Folio', 'Ctrl', 'Shift'].includes(w))).toEqual([])
})

test('spell-check languages are chosen with the keyboard from what the system offers, kept in the settings file, and off with spelling', async ({ launch }) => {
  const offered = ['en-US', 'de-DE', 'fr']
  const app = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nText.\n' }, spellCheckLanguages: offered })
  let { page } = app
  await openArticle(page, 'a.md')
  await expect(page.locator('[data-testid=editor] .cm-content')).toHaveAttribute('spellcheck', 'true')
  const dialog = await openSettings(page)
  const group = dialog.getByTestId('spell-languages')
  await expect(group.getByRole('checkbox')).toHaveCount(offered.length)
  const german = group.getByRole('checkbox', { name: /de-DE/ })
  // Tab walks the dialog's controls to the language, as a person without a mouse does.
  for (let i = 0; i < 40 && !(await german.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(german).toBeFocused()
  await page.keyboard.press('Space')
  await expect(german).toBeChecked()
  const stored = async () => JSON.parse(await readFile(join(app.profileDir, 'settings.json'), 'utf8')).preferences.spellCheckLanguages as string[]
  await expect.poll(stored).toEqual(['de-DE'])

  // Spelling off: the languages cannot be chosen, and the editor no longer asks for a check.
  const spelling = dialog.getByRole('checkbox', { name: 'Check spelling' })
  await spelling.focus()
  await page.keyboard.press('Space')
  await expect(spelling).not.toBeChecked()
  await expect(german).toBeDisabled()
  await expect(page.locator('[data-testid=editor] .cm-content')).toHaveAttribute('spellcheck', 'false')
  // And on again, saved before the restart below reads it.
  await page.keyboard.press('Space')
  await expect(german).toBeEnabled()
  await expect.poll(async () => JSON.parse(await readFile(join(app.profileDir, 'settings.json'), 'utf8')).preferences.spellCheck as boolean).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await app.close()
  page = (await launch({ contentDir: app.contentDir, profileDir: app.profileDir, spellCheckLanguages: offered })).page
  const again = await openSettings(page)
  await expect(again.getByRole('checkbox', { name: 'Check spelling' })).toBeChecked()
  await expect(again.getByTestId('spell-languages').getByRole('checkbox', { name: /de-DE/ })).toBeChecked()
  await expect(again.getByTestId('spell-languages').getByRole('checkbox', { name: /en-US/ })).not.toBeChecked()
})
