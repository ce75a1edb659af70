import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SEED } from './support/folders'
import { expect, test, type Launch } from './support/fixtures'

async function openSeed(launch: Launch) {
  const original = await readFile(SEED)
  const { page, contentDir: dir } = await launch({ files: { 'posts/000_96ee1b00782f1bda.txt': original } })
  await page.locator('[data-testid=article-item][data-path="posts/000_96ee1b00782f1bda.txt"]').click()
  return { page, dir, original: original.toString('utf8'), file: join(dir, 'posts/000_96ee1b00782f1bda.txt') }
}

const property = (key: string) => `[data-testid=property][data-key="${key}"]`

test('the seed article shows its fields and its rendered body', async ({ launch }) => {
  const { page } = await openSeed(launch)
  await expect(page.locator(property('title')).locator('input')).toHaveValue('史无前例，阿里云或将空降 M7 级高管')
  await expect(page.locator(property('categories')).locator('.chip')).toHaveText([/新媒体/, /ZAKER/, /channel/])
  await expect(page.locator(property('author')).locator('input')).toHaveValue('ZAKER')
  await expect(page.locator(property('comments')).locator('input[type=checkbox]')).not.toBeChecked()
  await expect(page.locator(property('date')).locator('input[type=text]')).toHaveValue('Tue, 01 Mar 2022 04:51:00 GMT')
  // A long image URL is one line, not a wrapped text area.
  await expect(page.locator(property('headimg')).locator('input[type=text]')).toHaveValue(/^https:\/\/cors\.zfour\.workers\.dev/)
  // The thumbnail is a remote image: not loaded until remote content is allowed for the folder.
  await expect(page.locator(property('thumbnail')).locator('img')).toHaveCount(0)
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('body')).toContainText('这个春天，云巨头集体')
  await expect(preview.locator('strong').first()).toContainText('前者（行业线）')
})

test('changing author in the form and saving changes exactly that line', async ({ launch }) => {
  const { page, original, file } = await openSeed(launch)
  const author = page.locator(property('author')).locator('input')
  await author.fill('雷峰网')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await author.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')

  const saved = await readFile(file, 'utf8')
  const before = original.split('\n')
  const after = saved.split('\n')
  expect(after).toHaveLength(before.length)
  const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]))
  expect(changed).toEqual([before.indexOf('author: ZAKER')])
  expect(after[changed[0]!]).toBe('author: 雷峰网')
})

test('a saved title shows in the library row at once', async ({ launch }) => {
  const { page } = await openSeed(launch)
  const row = page.locator('[data-testid=article-item][data-path="posts/000_96ee1b00782f1bda.txt"]')
  await expect(row.locator('.article-title')).toContainText('史无前例')
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('云巨头的春天', { delay: 20 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await expect(row.locator('.article-title')).toHaveText('云巨头的春天')
})

test('a form edit is undone from the editor', async ({ launch }) => {
  const { page, original, file } = await openSeed(launch)
  const author = page.locator(property('author')).locator('input')
  await author.fill('Someone else')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.locator('[data-testid=editor] .cm-content').click()
  await page.keyboard.press('Control+z')
  await expect(author).toHaveValue('ZAKER')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await page.keyboard.press('Control+s')
  expect(await readFile(file, 'utf8')).toBe(original)
})

test('a header that does not parse turns the form read-only and shows its line', async ({ launch }) => {
  const broken = '---\ntitle: ok\ntitle: twice\ntags: [a, b\n---\nbody\n'
  const { page, contentDir: dir } = await launch({ files: { 'broken.md': broken } })
  await page.locator('[data-testid=article-item][data-path="broken.md"]').click()
  await expect(page.locator('[data-testid=properties-error]')).toContainText(/line \d/)
  await expect(page.locator('[data-testid=property] input:not([readonly])')).toHaveCount(0)
  expect(await readFile(join(dir, 'broken.md'), 'utf8')).toBe(broken)
})

test('a CRLF file stays CRLF when the form adds a list item and a field', async ({ launch }) => {
  const crlf = '---\r\ntitle: Windows\r\ntags:\r\n  - one\r\n---\r\n\r\nBody line.\r\n'
  const { page, contentDir: dir } = await launch({ files: { 'win.md': crlf } })
  await page.locator('[data-testid=article-item][data-path="win.md"]').click()
  const chipInput = page.locator(property('tags')).locator('input.chip-input')
  await chipInput.fill('two')
  await chipInput.press('Enter')
  await page.getByRole('combobox', { name: 'Field name' }).fill('author')
  await page.getByRole('button', { name: 'Add field' }).click()
  await page.locator(property('author')).locator('input').fill('Me')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  const saved = await readFile(join(dir, 'win.md'), 'utf8')
  expect(saved.replace(/\r\n/g, '')).not.toContain('\n')
  expect(saved).toBe('---\r\ntitle: Windows\r\ntags:\r\n  - one\r\n  - two\r\nauthor: Me\r\n---\r\n\r\nBody line.\r\n')
})

test('an image path in the header shows a thumbnail from the content folder', async ({ launch }) => {
  const { page } = await launch({ site: '../../resources/sample-content' })
  const loaded = page.waitForResponse((r) => r.url().endsWith('/source/_posts/welcome-to-folio/cover.svg') && r.status() === 200)
  await page.locator('[data-testid=article-item][data-path="source/_posts/welcome-to-folio.md"]').click()
  await expect(page.locator(property('thumbnail')).getByTestId('property-thumb')).toBeVisible()
  await loaded
})
