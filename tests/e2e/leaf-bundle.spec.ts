/**
 * An image for a Hugo leaf page: Folio asks first. Made a page bundle, the page moves with its
 * bytes (unsaved edits kept in the editor, the relref in another page rewritten) and the image
 * lands beside index.md; put in static/images/, the page stays and the link is site-absolute.
 * The dialog is answered from the keyboard, and "remember" stops the question for the folder.
 */
import type { Locator, Page } from '@playwright/test'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { png } from '../unit/media/images'
import { confirmImageSettings, dropOnEditorEnd } from './support/images'
import { expect, test } from './support/fixtures'

const LEAF = '+++\ntitle = "海边"\ndate = 2024-05-01T10:00:00+08:00\n+++\n\nThe sea at dawn.\n'
const OTHER = '---\ntitle: Other\n---\n\nSee [the sea]({{< relref "posts/sea.md" >}}).\n'

test.use({
  files: {
    'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Notes"\n',
    'content/_index.md': '---\ntitle: Home\n---\n',
    'content/posts/sea.md': LEAF,
    'content/posts/other.md': OTHER,
  },
})

const editor = (page: Page) => page.locator('.cm-content')
const item = (page: Page, path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)

/** Opens the leaf page with the cursor at its end. */
async function openSea(page: Page): Promise<void> {
  await item(page, 'content/posts/sea.md').click()
  await expect(editor(page)).toContainText('The sea at dawn.', { timeout: 15_000 })
  await editor(page).click()
  await page.keyboard.press('Control+End')
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
}

const gone = (path: string) =>
  stat(path).then(
    () => false,
    () => true,
  )

/** Drops an image on calm.md (linked from nowhere) and answers "bundle", remembered; returns the dialog. */
async function rememberBundleWithCalm(page: Page): Promise<Locator> {
  await item(page, 'content/posts/calm.md').click()
  await expect(editor(page)).toContainText('Still water.', { timeout: 15_000 })
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await dropOnEditorEnd(page, 'calm.png', png(2, 2, [10, 10, 10]))
  await confirmImageSettings(page)
  const dialog = page.getByTestId('leaf-bundle-dialog')
  await expect(dialog.getByTestId('leaf-bundle-plan')).toBeVisible({ timeout: 15_000 })
  await dialog.getByTestId('leaf-bundle-remember').check()
  await dialog.getByTestId('leaf-bundle-bundle').click()
  await expect(dialog).toBeHidden({ timeout: 15_000 })
  await expect(item(page, 'content/posts/calm/index.md')).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 })
  return dialog
}

test('made a page bundle: the page moves with its bytes and unsaved edits, the image lands beside index.md', async ({ page, contentDir }) => {
  await openSea(page)
  await page.keyboard.type('Waves. ', { delay: 30 })
  const image = png(4, 3, [20, 90, 200])
  await dropOnEditorEnd(page, '海.png', image)
  await confirmImageSettings(page)

  const dialog = page.getByTestId('leaf-bundle-dialog')
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  await expect(dialog).toContainText('content/posts/sea.md')
  // The plan names the page that links to it before anything moves.
  await expect(dialog.getByTestId('leaf-bundle-plan')).toContainText('content/posts/other.md', { timeout: 15_000 })
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
  await expect(dialog.getByTestId('leaf-bundle-bundle')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden({ timeout: 15_000 })

  const link = '![海](海.png)'
  await expect(editor(page)).toContainText(`The sea at dawn.Waves. ${link}`, { timeout: 15_000 })
  await expect(item(page, 'content/posts/sea/index.md')).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 })
  await expect(item(page, 'content/posts/sea.md')).toHaveCount(0)
  // Moved as it was on disk: the writer's edits wait in the editor for their save.
  expect(await readFile(join(contentDir, 'content/posts/sea/index.md'), 'utf8')).toBe(LEAF)
  expect(await gone(join(contentDir, 'content/posts/sea.md'))).toBe(true)
  expect(await readFile(join(contentDir, 'content/posts/sea/海.png'))).toEqual(image)
  expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER.replace('posts/sea.md', 'sea/index.md'))

  await editor(page).click()
  await save(page)
  expect(await readFile(join(contentDir, 'content/posts/sea/index.md'), 'utf8')).toBe(`${LEAF}Waves. ${link}`)
  expect(await gone(join(contentDir, 'static'))).toBe(true)
})

test('put in static/images/: the page stays, the link is site-absolute, and "remember" stops the question', async ({ page, contentDir }) => {
  await openSea(page)
  const first = png(3, 3, [200, 40, 40])
  await dropOnEditorEnd(page, 'dawn.png', first)
  await confirmImageSettings(page)
  const dialog = page.getByTestId('leaf-bundle-dialog')
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  // From the keyboard: tick "remember", then the static button.
  await dialog.getByTestId('leaf-bundle-remember').focus()
  await page.keyboard.press('Space')
  await expect(dialog.getByTestId('leaf-bundle-remember')).toBeChecked()
  await dialog.getByTestId('leaf-bundle-static').focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden({ timeout: 15_000 })
  await expect(editor(page)).toContainText('![dawn](/images/dawn.png)', { timeout: 15_000 })

  // A second image goes the same way without asking.
  await page.keyboard.press('Control+End')
  const second = png(2, 5, [40, 200, 40])
  await dropOnEditorEnd(page, 'noon.png', second)
  await expect(editor(page)).toContainText('![noon](/images/noon.png)', { timeout: 15_000 })
  await expect(dialog).toHaveCount(0)

  await save(page)
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(`${LEAF}![dawn](/images/dawn.png)![noon](/images/noon.png)`)
  expect(await readFile(join(contentDir, 'static/images/dawn.png'))).toEqual(first)
  expect(await readFile(join(contentDir, 'static/images/noon.png'))).toEqual(second)
  expect((await readdir(join(contentDir, 'content/posts'))).sort()).toEqual(['other.md', 'sea.md'])
})

test('cancelled: nothing moves and nothing is copied', async ({ page, contentDir }) => {
  await openSea(page)
  await dropOnEditorEnd(page, 'dusk.png', png(2, 2))
  await confirmImageSettings(page)
  const dialog = page.getByTestId('leaf-bundle-dialog')
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden({ timeout: 15_000 })
  await expect(editor(page)).not.toContainText('dusk')
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
  expect(await gone(join(contentDir, 'static'))).toBe(true)
  expect(await gone(join(contentDir, 'content/posts/sea'))).toBe(true)
})

test.describe('a page whose bundle cannot be made', () => {
  test.use({
    files: {
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Notes"\n',
      'content/posts/calm.md': '+++\ntitle = "Calm"\n+++\n\nStill water.\n',
      'content/posts/sea.md': LEAF,
      // A bundle of that name is there already: sea.md cannot become it.
      'content/posts/sea/index.md': '+++\ntitle = "Sea (bundle)"\n+++\n\nAnother page.\n',
    },
  })

  test('with "bundle" remembered, the question comes back with the reason, and static/images/ still works', async ({ page, contentDir }) => {
    const dialog = await rememberBundleWithCalm(page)

    await openSea(page)
    const image = png(3, 2, [90, 90, 200])
    await dropOnEditorEnd(page, 'wave.png', image)
    await expect(dialog).toBeVisible({ timeout: 15_000 })
    await expect(dialog.getByRole('alert')).toBeVisible({ timeout: 15_000 })
    await dialog.getByTestId('leaf-bundle-static').click()
    await expect(dialog).toBeHidden({ timeout: 15_000 })
    await expect(editor(page)).toContainText('![wave](/images/wave.png)', { timeout: 15_000 })
    expect(await readFile(join(contentDir, 'static/images/wave.png'))).toEqual(image)
    expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
  })
})

/** Drops an image on the open leaf page and makes it a bundle from the dialog; the link shows. */
async function makeBundle(page: Page, name: string, image: Buffer): Promise<void> {
  await dropOnEditorEnd(page, name, image)
  await confirmImageSettings(page)
  const dialog = page.getByTestId('leaf-bundle-dialog')
  await expect(dialog.getByTestId('leaf-bundle-plan')).toBeVisible({ timeout: 15_000 })
  await dialog.getByTestId('leaf-bundle-bundle').click()
  await expect(dialog).toBeHidden({ timeout: 15_000 })
  await expect(editor(page)).toContainText(`](${name})`, { timeout: 15_000 })
}

test('Undo on the notice puts the leaf page, its links and the folder back as they were', async ({ page, contentDir }) => {
  await openSea(page)
  await page.keyboard.type('Waves. ', { delay: 30 })
  await makeBundle(page, '海.png', png(4, 3, [20, 90, 200]))
  const notice = page.getByTestId('leaf-bundle-notice')
  await expect(notice).toContainText('content/posts/sea/index.md')
  expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER.replace('posts/sea.md', 'sea/index.md'))

  await notice.getByTestId('leaf-bundle-undo').focus()
  await page.keyboard.press('Enter')
  await expect(notice).toHaveAttribute('data-step', 'undone', { timeout: 15_000 })
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
  expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER)
  expect(await gone(join(contentDir, 'content/posts/sea'))).toBe(true)
  // The page is open under its old name again, with the writer's typing and without the image's link.
  await expect(item(page, 'content/posts/sea.md')).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 })
  await expect(item(page, 'content/posts/sea/index.md')).toHaveCount(0)
  await expect(editor(page)).toContainText('The sea at dawn.Waves. ')
  await expect(editor(page)).not.toContainText('海.png')
  await editor(page).click()
  await save(page)
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(`${LEAF}Waves. `)
})

test('Undo keeps a file put in the bundle since, and is refused, changing nothing, once a rewritten file changed', async ({ page, contentDir }) => {
  await openSea(page)
  const image = png(3, 3, [200, 120, 40])
  await makeBundle(page, 'dune.png', image)
  const notice = page.getByTestId('leaf-bundle-notice')
  const rewritten = OTHER.replace('posts/sea.md', 'sea/index.md')
  // Someone edits a file whose link followed the page: the undo would overwrite that.
  await writeFile(join(contentDir, 'content/posts/other.md'), `${rewritten}More.\n`)
  await notice.getByTestId('leaf-bundle-undo').click()
  await expect(notice.getByRole('alert')).toContainText('content/posts/other.md', { timeout: 15_000 })
  expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(`${rewritten}More.\n`)
  expect(await readFile(join(contentDir, 'content/posts/sea/index.md'), 'utf8')).toBe(LEAF)
  expect(await readFile(join(contentDir, 'content/posts/sea/dune.png'))).toEqual(image)
  expect(await gone(join(contentDir, 'content/posts/sea.md'))).toBe(true)

  // Put back as it was, and a file of the writer's added to the folder: the undo goes through and keeps that file.
  await writeFile(join(contentDir, 'content/posts/other.md'), rewritten)
  await writeFile(join(contentDir, 'content/posts/sea/notes.txt'), 'mine')
  await notice.getByTestId('leaf-bundle-undo').click()
  await expect(notice).toHaveAttribute('data-step', 'undone', { timeout: 15_000 })
  await expect(notice).toContainText('notes.txt')
  expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
  expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER)
  expect((await readdir(join(contentDir, 'content/posts/sea'))).sort()).toEqual(['notes.txt'])
})

test.describe('with "bundle" remembered', () => {
  test.use({
    files: {
      'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Notes"\n',
      'content/posts/calm.md': '+++\ntitle = "Calm"\n+++\n\nStill water.\n',
      'content/posts/sea.md': LEAF,
      'content/posts/other.md': OTHER,
    },
  })

  test('a page other files link to shows which files and lines change before anything is written', async ({ page, contentDir }) => {
    // Nothing links to calm.md: remembered, it is made a bundle without showing anything.
    const dialog = await rememberBundleWithCalm(page)

    await openSea(page)
    await dropOnEditorEnd(page, 'wave.png', png(3, 2, [90, 90, 200]))
    await expect(dialog.getByTestId('leaf-bundle-remembered')).toBeVisible({ timeout: 15_000 })
    const file = dialog.locator('[data-testid=leaf-bundle-file][data-path="content/posts/other.md"]')
    await expect(file).toContainText('relref "posts/sea.md"')
    await expect(file).toContainText('relref "sea/index.md"')
    expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER)
    expect(await readFile(join(contentDir, 'content/posts/sea.md'), 'utf8')).toBe(LEAF)
    await expect(dialog.getByTestId('leaf-bundle-bundle')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden({ timeout: 15_000 })
    await expect(editor(page)).toContainText('![wave](wave.png)', { timeout: 15_000 })
    expect(await readFile(join(contentDir, 'content/posts/other.md'), 'utf8')).toBe(OTHER.replace('posts/sea.md', 'sea/index.md'))
    expect(await readFile(join(contentDir, 'content/posts/sea/index.md'), 'utf8')).toBe(LEAF)
  })
})
