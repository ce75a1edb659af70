import type { Page } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const status = (page: Page) => page.locator('[data-testid=save-status]')

test('disk changes the tags while I change the body: both land without a question, and the merge is announced', async ({ launch }) => {
  // A Windows-made post: BOM and CRLF must come back byte for byte.
  const original = '\uFEFF---\r\ntitle: 春天的笔记\r\ntags:\r\n  - travel\r\n---\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n'
  const { page, contentDir: dir } = await launch({ files: { 'posts/spring.md': Buffer.from(original, 'utf8') } })
  const file = join(dir, 'posts/spring.md')
  await page.locator('[data-testid=article-item][data-path="posts/spring.md"]').click()
  await page.getByText('Second paragraph.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 我加的一句。', { delay: 30 })
  await expect(status(page)).toHaveAttribute('data-state', 'dirty')

  // Someone else adds a tag meanwhile.
  const theirs = original.replace('  - travel\r\n', '  - travel\r\n  - 春天\r\n')
  await writeFile(file, Buffer.from(theirs, 'utf8'))
  await page.keyboard.press('Control+s')

  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
  await expect(page.getByTestId('merge-notice')).toContainText('posts/spring.md')
  await expect(page.getByTestId('merge-notice')).toContainText('tags')
  const both = theirs.replace('Second paragraph.', 'Second paragraph. 我加的一句。')
  expect((await readFile(file)).equals(Buffer.from(both, 'utf8'))).toBe(true)

  // The merge was one ordinary edit: undo takes the disk's tag back out, and saving writes that.
  await page.keyboard.press('Control+z')
  await expect(status(page)).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+s')
  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  const undone = original.replace('Second paragraph.', 'Second paragraph. 我加的一句。')
  expect((await readFile(file)).equals(Buffer.from(undone, 'utf8'))).toBe(true)
})

test('overlapping edits are resolved place by place from the keyboard; what does not clash merges by itself', async ({ launch }) => {
  const original = '---\ntitle: Notes\ntags: [a]\n---\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n'
  const { page, contentDir: dir } = await launch({ files: { 'notes.md': original } })
  const file = join(dir, 'notes.md')
  await page.locator('[data-testid=article-item][data-path="notes.md"]').click()
  for (const line of ['One.', 'Three.', 'Four.']) {
    await page.getByText(line, { exact: true }).click()
    await page.keyboard.press('End')
    await page.keyboard.type(' mine', { delay: 30 })
  }
  await writeFile(file, original.replace('[a]', '[a, b]').replace('One.', 'One. theirs').replace('Three.', 'Three. theirs').replace('Four.', 'Four. theirs'))
  await page.keyboard.press('Control+s')

  const dialog = page.getByTestId('conflict-dialog')
  await expect(dialog).toBeVisible()
  await expect(status(page)).toHaveAttribute('data-state', 'conflict')
  const hunks = dialog.getByTestId('merge-hunk')
  // Three and Four sit on neighbouring paragraphs with a blank line between: separate places.
  await expect(hunks).toHaveCount(3)
  await expect(dialog.getByTestId('merge-view')).toContainText('1 other change merged by themselves')
  await expect(hunks.nth(0)).toContainText('One. mine')
  await expect(hunks.nth(0)).toContainText('One. theirs')

  // Unified and side by side show the same place; the original can be shown too.
  await dialog.getByTestId('merge-layout-unified').click()
  await expect(hunks.nth(0).locator('.merge-diff')).toHaveAttribute('data-layout', 'unified')
  await expect(hunks.nth(0)).toContainText('One. theirs')
  await dialog.getByTestId('merge-show-base').check()
  await expect(hunks.nth(0).getByTestId('merge-base')).toContainText('One.')

  // Keyboard only: each decision moves on to the next place, the last one to "Apply merge".
  await hunks.nth(0).getByTestId('merge-take-mine').focus()
  await page.keyboard.press('Enter')
  await expect(hunks.nth(1).getByTestId('merge-take-mine')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(hunks.nth(2).getByTestId('merge-take-mine')).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(hunks.nth(1)).toHaveAttribute('data-decision', 'theirs')
  await expect(dialog.getByTestId('merge-apply')).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(dialog).toHaveCount(0)
  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  const merged = '---\ntitle: Notes\ntags: [a, b]\n---\n\nOne. mine\n\nTwo.\n\nThree. theirs\n\nFour. mine\nFour. theirs\n'
  expect(await readFile(file, 'utf8')).toBe(merged)
})

test('the header merges field by field: a neighbouring field changed on disk lands, the same field asks', async ({ launch }) => {
  const original = '---\ntitle: Old title\ndate: 2024-03-01 10:00:00\ntags: [a]\n---\n\nBody.\n'
  const { page, contentDir: dir } = await launch({ files: { 'post.md': original } })
  const file = join(dir, 'post.md')
  await page.locator('[data-testid=article-item][data-path="post.md"]').click()
  const title = page.locator('[data-testid=property][data-key="title"]').locator('input')
  await title.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('我的标题', { delay: 30 })
  await expect(status(page)).toHaveAttribute('data-state', 'dirty')

  // The date on the very next line changes on disk: a different field, so no question.
  const dated = original.replace('10:00:00', '11:30:00')
  await writeFile(file, dated)
  await page.keyboard.press('Control+s')
  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  await expect(page.getByTestId('conflict-dialog')).toHaveCount(0)
  await expect(page.getByTestId('merge-notice')).toContainText('date')
  expect(await readFile(file, 'utf8')).toBe(dated.replace('Old title', '我的标题'))

  // Now both change the title: that one field is the question, the disk's tags still merge.
  await title.click()
  await page.keyboard.press('End')
  await page.keyboard.type('！', { delay: 30 })
  await writeFile(file, dated.replace('Old title', 'Their title').replace('[a]', '[a, b]'))
  await page.keyboard.press('Control+s')
  const dialog = page.getByTestId('conflict-dialog')
  await expect(dialog.getByTestId('merge-hunk')).toHaveCount(1)
  await expect(dialog.getByTestId('merge-hunk')).toContainText('(title)')
  await dialog.getByTestId('merge-take-theirs').click()
  await dialog.getByTestId('merge-apply').click()
  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe(dated.replace('Old title', 'Their title').replace('[a]', '[a, b]'))
  await expect(title).toHaveValue('Their title')
})

test('keys typed into a form field while a save finds the file changed on disk all land in the merge', async ({ launch }) => {
  const original = '---\ntitle: Notes\ntags: [a]\n---\n\nOne.\n'
  // The save's answer can be held (a slow disk): the writer types on while it is under way.
  let held: Promise<void> | undefined
  let release = (): void => undefined
  const { page, contentDir: dir } = await launch({ files: { 'notes.md': original }, holdAnswer: (method) => (method === 'saveArticle' ? held : undefined) })
  const file = join(dir, 'notes.md')
  await page.locator('[data-testid=article-item][data-path="notes.md"]').click()
  await page.getByText('One.', { exact: true }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' mine', { delay: 30 })

  // Another program changes the same line and adds a tag.
  const theirs = original.replace('[a]', '[a, b]').replace('One.', 'One. theirs')
  await writeFile(file, theirs)
  held = new Promise((go) => (release = go))
  await page.keyboard.press('Control+s')
  await expect(status(page)).toHaveAttribute('data-state', 'saving')
  const title = page.locator('[data-testid=property][data-key="title"]').locator('input')
  await title.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 与猫 and dogs', { delay: 30 })
  held = undefined
  release()

  // The question shows every key typed: the merge of the title and the disk's tag needs no decision.
  const dialog = page.getByTestId('conflict-dialog')
  await expect(dialog.getByTestId('merge-hunk')).toHaveCount(1)
  await dialog.getByTestId('merge-take-both').click()
  await dialog.getByTestId('merge-apply').click()
  await expect(dialog).toHaveCount(0)
  await expect(status(page)).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe('---\ntitle: Notes 与猫 and dogs\ntags: [a, b]\n---\n\nOne. mine\nOne. theirs\n')
  await expect(title).toHaveValue('Notes 与猫 and dogs')
})
