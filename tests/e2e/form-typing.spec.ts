/**
 * The properties form typed into key by key, as people do, with the bytes on disk checked after
 * Ctrl+S: exactly the typed line changes, in the plainest style that reads back the same.
 */
import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Launch } from './support/fixtures'
import { SEED } from './support/folders'
import { countRenders, takeRenders } from './support/render-count'
import { centre, typeAhead } from './support/type-ahead'

const KEY_DELAY = 30
const property = (key: string) => `[data-testid=property][data-key="${key}"]`

/** A small Hexo site whose other posts teach the folder schema what each key holds. */
function hexoSite(article: string, others: Record<string, string> = {}): Record<string, string> {
  return {
    '_config.yml': 'title: Test\ntimezone: Asia/Shanghai\n',
    'package.json': '{"dependencies":{"hexo":"^7.0.0"}}\n',
    'source/_posts/other-1.md':
      '---\ntitle: Other one\ndate: 2024-01-02 03:04:05\nauthor: Someone\ntags:\n  - js\n  - 前端\ncategories:\n  - 技术\nweight: 3\ncomments: true\nlink: https://example.com/a\n---\nbody\n',
    'source/_posts/other-2.md':
      '---\ntitle: Other two\ndate: 2024-02-03 04:05:06\ntags:\n  - js\n  - javascript\n  - java\ncategories:\n  - 随笔\nweight: 1\ncomments: false\n---\nbody\n',
    'source/_posts/post.md': article,
    ...others,
  }
}

async function open(launch: Launch, article: string): Promise<{ page: Page; file: string }> {
  const { page, contentDir: dir } = await launch({ files: hexoSite(article) })
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  await expect(page.locator('[data-testid=properties]')).toBeVisible()
  return { page, file: join(dir, 'source/_posts/post.md') }
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
}

/** The lines that differ, as [before, after] pairs; the line count must not change. */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n')
  const b = after.split('\n')
  expect(b).toHaveLength(a.length)
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] ?? '']]))
}

const ARTICLE = [
  '---',
  'title: Hello',
  'date: 2024-03-01 09:30:00',
  'author: The Folio team',
  "quoted: 'kept quotes'",
  'tags:',
  '  - js',
  'categories:',
  'weight: 2',
  'comments: false',
  'link: https://example.com/a/very/long/path/that/goes/on/and/on/and/on/until/it/is/much/wider/than/the/form/field',
  '---',
  'body',
  '',
].join('\n')

test('appending to a text field writes it plain, not in the quotes a trailing space needed', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' and friends', { delay: KEY_DELAY })
  await expect(author).toBeFocused()
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: The Folio team and friends']])
})

test('typing into a field re-renders the form, never the library, the toolbar or the status bar', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const item = '[data-testid=article-item][data-path="source/_posts/post.md"]'
  await countRenders(page, item)
  await page.locator(item).click()
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('End')
  // The first write makes the article unsaved, which the library and the toolbar show: typed before counting.
  await page.keyboard.type(' and', { delay: KEY_DELAY })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await expect.poll(async () => (await takeRenders(page)).PropertiesForm ?? 0).toBe(0)
  await page.keyboard.type(' friends', { delay: KEY_DELAY })
  // The keys' writes reached the text: the form rendered the header they made.
  const renders: Record<string, number> = {}
  await expect
    .poll(async () => {
      for (const [name, count] of Object.entries(await takeRenders(page))) renders[name] = (renders[name] ?? 0) + count
      return renders.PropertiesForm ?? 0
    })
    .toBeGreaterThan(0)
  expect(renders.TextField ?? 0).toBeGreaterThanOrEqual(' friends'.length)
  for (const pane of ['LibraryPane', 'Library', 'ArticleList', 'Toolbar', 'GitPanels', 'StatusBar']) expect(renders[pane] ?? 0, pane).toBe(0)
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: The Folio team and friends']])
})

test('a quoted value keeps its quotes; a value that needs quotes gets them only then', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  await page.locator(property('quoted')).locator('input').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' too', { delay: KEY_DELAY })
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Note: yes', { delay: KEY_DELAY })
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([
    ['title: Hello', "title: 'Note: yes'"],
    ["quoted: 'kept quotes'", "quoted: 'kept quotes too'"],
  ])
  // And dropped again when the value no longer needs them.
  await title.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Note yes', { delay: KEY_DELAY })
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))[0]).toEqual(['title: Hello', 'title: Note yes'])
})

test('a date typed over the old one is read on Enter and written in the field’s own form', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const date = page.locator(property('date')).locator('input[type=text]')
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2024-05-06 07:08:09', { delay: KEY_DELAY })
  // Nothing is written while typing: no `date: '2'`, and focus stays.
  await expect(date).toBeFocused()
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await page.keyboard.press('Enter')
  await expect(date).toBeFocused()
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['date: 2024-03-01 09:30:00', 'date: 2024-05-06 07:08:09']])
  // Another of the forms the date module reads, committed by Ctrl+S itself, written in this field's form.
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2024/5/7 8:09:10', { delay: KEY_DELAY })
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['date: 2024-03-01 09:30:00', 'date: 2024-05-07 08:09:10']])
})

test('the seed’s RFC 1123 date: a date typed with its zone keeps its instant, and a date typed over text that is none is written as a date', async ({
  launch,
}) => {
  const seed = await readFile(SEED, 'utf8')
  const { page, file } = await open(launch, seed)
  const date = page.locator(property('date')).locator('input[type=text]')
  await expect(date).toHaveValue('Tue, 01 Mar 2022 04:51:00 GMT')
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2022-03-02 05:06:07 +0800', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  // Five past five in Beijing is the evening before in Greenwich.
  await expect(date).toHaveValue('Tue, 01 Mar 2022 21:06:07 GMT')
  await save(page)
  expect(changedLines(seed, await readFile(file, 'utf8'))).toEqual([['date: Tue, 01 Mar 2022 04:51:00 GMT', 'date: Tue, 01 Mar 2022 21:06:07 GMT']])
  // Text that is no date, then a date typed over it: a plain timestamp the site reads as a date, not a quoted string.
  await page.keyboard.press('Control+a')
  await page.keyboard.type('soon', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await expect(page.locator(property('date')).getByTestId('property-warning')).toBeVisible()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2024/5/6 7:08:09', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await save(page)
  expect(changedLines(seed, await readFile(file, 'utf8'))).toEqual([['date: Tue, 01 Mar 2022 04:51:00 GMT', 'date: 2024-05-06 07:08:09']])
})

test('a weekday the typed day does not fall on is kept as typed and named in the field, never corrected', async ({ launch }) => {
  const seed = await readFile(SEED, 'utf8')
  const { page, file } = await open(launch, seed)
  const row = page.locator(property('date'))
  const date = row.locator('input[type=text]')
  await date.click()
  await page.keyboard.press('Control+a')
  // 5 March 2024 was a Tuesday: which of the two the writer meant is theirs to say.
  await page.keyboard.type('Mon, 05 Mar 2024 10:00:00 GMT', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await expect(date).toHaveValue('Mon, 05 Mar 2024 10:00:00 GMT')
  await expect(row.getByTestId('property-warning')).toHaveText('This day is a Tuesday, not a Monday: kept as written. Correct the day or the weekday.')
  await save(page)
  expect(changedLines(seed, await readFile(file, 'utf8'))).toEqual([['date: Tue, 01 Mar 2022 04:51:00 GMT', 'date: Mon, 05 Mar 2024 10:00:00 GMT']])
  // Told in Chinese too; the right weekday typed over it clears the message.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(row.getByTestId('property-warning')).toHaveText('这一天是星期二，不是星期一：按原样保留。请改正日期或星期。')
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Tue, 05 Mar 2024 10:00:00 GMT', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await expect(row.getByTestId('property-warning')).toHaveCount(0)
  await save(page)
  expect(changedLines(seed, await readFile(file, 'utf8'))).toEqual([['date: Tue, 01 Mar 2022 04:51:00 GMT', 'date: Tue, 05 Mar 2024 10:00:00 GMT']])
})

test('the date picker typed into segment by segment writes the whole date in the field’s own format, one undo step', async ({ launch }) => {
  const seed = await readFile(SEED, 'utf8')
  const { page, file } = await open(launch, seed)
  const date = page.locator(property('date')).locator('input[type=text]')
  await page.locator(property('date')).getByLabel('Pick \u2068date\u2069').focus()
  // Month and day move on by themselves; the year takes up to six digits, so → moves on from it.
  await page.keyboard.type('03052022', { delay: KEY_DELAY })
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('101112A', { delay: KEY_DELAY })
  await page.keyboard.press('Tab')
  await expect(date).toHaveValue('Sat, 05 Mar 2022 10:11:12 GMT')
  await save(page)
  expect(changedLines(seed, await readFile(file, 'utf8'))).toEqual([['date: Tue, 01 Mar 2022 04:51:00 GMT', 'date: Sat, 05 Mar 2022 10:11:12 GMT']])
  await date.click()
  await page.keyboard.press('Control+z')
  await expect(date).toHaveValue('Tue, 01 Mar 2022 04:51:00 GMT')
})

test('Chinese through an IME writes nothing while composing and the committed text once', async ({ launch }) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'drives Chromium’s IME through CDP')
  const { page, file } = await open(launch, ARTICLE)
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  const cdp = await page.context().newCDPSession(page)
  for (const text of ['l', 'le', 'lei', 'lei f', 'lei fe', 'lei feng']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
  }
  // Mid-composition the document holds what was there before the composition began: `author:`.
  await expect(author).toHaveValue('lei feng')
  await expect(page.locator(property('author'))).toHaveAttribute('data-type', 'null')
  await cdp.send('Input.insertText', { text: '雷锋' })
  await expect(author).toHaveValue('雷锋')
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: 雷锋']])
})

test('chips: Enter and comma add, an empty key becomes a list in the file’s style, IME Enter adds nothing', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const tags = page.locator(property('tags')).locator('input.chip-input')
  await tags.click()
  await page.keyboard.type('css', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await page.keyboard.type('html,', { delay: KEY_DELAY })
  await expect(page.locator(property('tags')).getByTestId('chip')).toHaveText([/js/, /css/, /html/])
  const categories = page.locator(property('categories')).locator('input.chip-input')
  await categories.click()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.imeSetComposition', { text: 'bi ji', selectionStart: 5, selectionEnd: 5 })
  await cdp.send('Input.insertText', { text: '笔记' })
  await expect(page.locator(property('categories')).getByTestId('chip')).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(page.locator(property('categories')).getByTestId('chip')).toHaveText([/笔记/])
  await save(page)
  const saved = await readFile(file, 'utf8')
  expect(saved).toBe(ARTICLE.replace('  - js\n', '  - js\n  - css\n  - html\n').replace('categories:\n', 'categories:\n  - 笔记\n'))
  // The save updated the folder schema: another article is offered the new tag.
  await page.locator('[data-testid=article-item][data-path="source/_posts/other-2.md"]').click()
  await page.locator(property('tags')).locator('input.chip-input').click()
  await page.keyboard.type('cs', { delay: KEY_DELAY })
  await expect(page.locator(property('tags')).getByTestId('suggestions').getByRole('option')).toHaveText(['css'])
})

test('Escape in a chip entry closes the suggestions, then drops what was typed: leaving the field adds no chip', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const row = page.locator(property('tags'))
  const tags = row.locator('input.chip-input')
  await tags.click()
  await page.keyboard.type('ja', { delay: KEY_DELAY })
  await expect(row.getByTestId('suggestions').getByRole('option')).toHaveText(['java', 'javascript'])
  await page.keyboard.press('Escape')
  await expect(row.getByTestId('suggestions')).toHaveCount(0)
  await expect(tags).toHaveValue('ja')
  await page.keyboard.press('Escape')
  await expect(tags).toHaveValue('')
  await page.keyboard.type('zq', { delay: KEY_DELAY })
  await page.keyboard.press('Escape')
  await expect(tags).toHaveValue('')
  await page.keyboard.press('Tab')
  await expect(row.getByTestId('chip')).toHaveText([/js/])
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  // What is typed and left without Escape is kept, as a chip.
  await tags.click()
  await page.keyboard.type('css', { delay: KEY_DELAY })
  await page.keyboard.press('Tab')
  await expect(row.getByTestId('chip')).toHaveText([/js/, /css/])
  await save(page)
  expect(await readFile(file, 'utf8')).toBe(ARTICLE.replace('  - js\n', '  - js\n  - css\n'))
})

test('nested categories: a path typed with > is a category of its own, beside the path already there', async ({ launch }) => {
  const article = ARTICLE.replace('categories:\n', 'categories:\n  - 技术\n  - 前端\n')
  const { page, file } = await open(launch, article)
  const row = page.locator(property('categories'))
  // One path written plain (B inside A) shows as one path.
  await expect(row.locator('.chips-path').getByTestId('chip')).toHaveText([/技术/, /前端/])
  const entry = row.locator('input.chip-input')
  await expect(entry).toHaveAttribute('placeholder', /A > B/)
  await entry.click()
  await page.keyboard.type('生活 > 旅行', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await expect(row.getByTestId('chip')).toHaveText([/^技术 › 前端/, /^生活 › 旅行/])
  await expect(row.locator('.chips-path')).toHaveCount(0)
  // A plain value beside paths is one more category, at the top level.
  await page.keyboard.type('随笔', { delay: KEY_DELAY })
  await page.keyboard.press('Enter')
  await expect(row.getByTestId('chip')).toHaveText([/^技术 › 前端/, /^生活 › 旅行/, /^随笔/])
  await expect(entry).toBeFocused()
  await save(page)
  const saved = await readFile(file, 'utf8')
  expect(saved).toBe(ARTICLE.replace('categories:\n', 'categories:\n  - [技术, 前端]\n  - [生活, 旅行]\n  - 随笔\n'))
  // Removing a path removes that category with all its levels.
  await row.getByRole('button', { name: /生活 › 旅行/ }).click()
  await save(page)
  expect(await readFile(file, 'utf8')).toBe(ARTICLE.replace('categories:\n', 'categories:\n  - [技术, 前端]\n  - 随笔\n'))
})

test('suggestions come from the folder, best match and most used first, picked with the keyboard', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const tags = page.locator(property('tags')).locator('input.chip-input')
  await tags.click()
  await page.keyboard.type('ja', { delay: KEY_DELAY })
  const list = page.locator(property('tags')).getByTestId('suggestions')
  await expect(list.getByRole('option')).toHaveText(['java', 'javascript'])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await save(page)
  expect(changedLines(ARTICLE.replace('  - js\n', '  - js\n  - java\n'), await readFile(file, 'utf8'))).toEqual([])
})

test('number, boolean and URL fields write their own kind', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const weight = page.locator(property('weight')).locator('input')
  await weight.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('12.5', { delay: KEY_DELAY })
  await page.locator(property('comments')).getByRole('switch').press('Space')
  const link = page.locator(property('link')).locator('input')
  await expect(link).toHaveJSProperty('tagName', 'INPUT') // one line, however long
  await link.click()
  await page.keyboard.press('End')
  await page.keyboard.type('?x=1', { delay: KEY_DELAY })
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([
    ['weight: 2', 'weight: 12.5'],
    ['comments: false', 'comments: true'],
    [ARTICLE.split('\n')[10] ?? '', `${ARTICLE.split('\n')[10]}?x=1`],
  ])
})

test('one field’s typing is one undo step, Ctrl+Z in the field undoes the file, and undone means saved', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' and friends', { delay: KEY_DELAY })
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' world', { delay: KEY_DELAY })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.keyboard.press('Control+z')
  await expect(title).toHaveValue('Hello')
  await expect(author).toHaveValue('The Folio team and friends')
  await page.keyboard.press('Control+z')
  await expect(author).toHaveValue('The Folio team')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await page.keyboard.press('Control+Shift+z')
  await expect(author).toHaveValue('The Folio team and friends')
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: The Folio team and friends']])
})

test('an image field picks a file from the article’s asset folder, from the keyboard', async ({ launch }) => {
  const article = '---\ntitle: Pictures\nthumbnail: old.png\n---\nbody\n'
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  )
  const { page, contentDir: dir } = await launch({
    files: { ...hexoSite(article), 'source/_posts/post/cover.png': png, 'source/_posts/post/notes.txt': 'not an image' },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  const row = page.locator(property('thumbnail'))
  await expect(row).toHaveAttribute('data-kind', 'image')
  await row.locator('input').click()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(row.getByTestId('image-choices').getByRole('button')).toHaveText(['post/cover.png'])
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(row.locator('input')).toHaveValue('post/cover.png')
  await save(page)
  expect(await readFile(join(dir, 'source/_posts/post.md'), 'utf8')).toBe(article.replace('old.png', 'post/cover.png'))
})

test('long text types into a text area; a lone tag takes a chip and becomes a list', async ({ launch }) => {
  const long = 'A description long enough that the folder treats this key as long text, written over several clauses.'
  const article = `---\ntitle: Notes\ndescription: ${long}\ntags: travel\n---\nbody\n`
  const { page, contentDir: dir } = await launch({
    files: { ...hexoSite(article), 'source/_posts/other-3.md': `---\ntitle: Three\ndescription: ${long} Again.\n---\n` },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  const description = page.locator(property('description')).locator('textarea')
  await description.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' And one more, typed', { delay: KEY_DELAY })
  const tags = page.locator(property('tags')).locator('input.chip-input')
  await tags.click()
  await page.keyboard.type('京都,', { delay: KEY_DELAY })
  await save(page)
  // The folder writes its lists as blocks indented by two spaces.
  expect(await readFile(join(dir, 'source/_posts/post.md'), 'utf8')).toBe(
    `---\ntitle: Notes\ndescription: ${long} And one more, typed\ntags:\n  - travel\n  - 京都\n---\nbody\n`,
  )
})

// Keys sent in one burst reach the page before its next paint, as a fast typist's keys do on a
// busy machine: the text edit of every key is still waiting when Ctrl+S, Ctrl+Z or the click comes.

test('typed fast and saved at once: Ctrl+S right after the last key saves every key, that line only', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('End')
  await typeAhead(page, ' and friends, 还有朋友', { chord: 'Control+s' })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: The Folio team and friends, 还有朋友']])
  await expect(author).toHaveValue('The Folio team and friends, 还有朋友')
  await expect(author).toBeFocused()
})

test('typed fast and undone at once: Ctrl+Z right after the last key undoes the whole field, and only it', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const author = page.locator(property('author')).locator('input')
  await author.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' and friends', { delay: KEY_DELAY })
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('End')
  await typeAhead(page, ' world, quickly', { chord: 'Control+z' })
  await expect(title).toHaveValue('Hello')
  await expect(author).toHaveValue('The Folio team and friends')
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['author: The Folio team', 'author: The Folio team and friends']])
  // Redo brings back every key of that step at once; typed again and redone at once, the same.
  await page.keyboard.press('Control+Shift+z')
  await expect(title).toHaveValue('Hello world, quickly')
  await typeAhead(page, ' again', { chord: 'Control+z' }, { chord: 'Control+Shift+z' }, { chord: 'Control+s' })
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
  await expect(title).toHaveValue('Hello world, quickly again')
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([
    ['title: Hello', 'title: Hello world, quickly again'],
    ['author: The Folio team', 'author: The Folio team and friends'],
  ])
})

test('typed fast and another article opened at once: the keys stay with the article they were typed in', async ({ launch }) => {
  const { page, file } = await open(launch, ARTICLE)
  const other = join(file, '..', 'other-1.md')
  const otherBefore = await readFile(other, 'utf8')
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('End')
  const otherItem = '[data-testid=article-item][data-path="source/_posts/other-1.md"]'
  await typeAhead(page, ' there, 你好', { click: await centre(page, otherItem) })
  await expect(title).toHaveValue('Other one')
  await expect(page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').getByTestId('unsaved-mark')).toBeVisible()
  await expect(page.locator(otherItem).getByTestId('unsaved-mark')).toHaveCount(0)
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  await expect(title).toHaveValue('Hello there, 你好')
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['title: Hello', 'title: Hello there, 你好']])
  expect(await readFile(other, 'utf8')).toBe(otherBefore)
})

test('one key typed into a clean article and the window closed at once: the close knows the article is unsaved', async ({ launch }) => {
  const app = await launch({ files: hexoSite(ARTICLE) })
  const { page } = app
  const file = join(app.contentDir, 'source/_posts/post.md')
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  const title = page.locator(property('title')).locator('input')
  await title.click()
  await page.keyboard.press('End')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  // The key goes in one burst and the close follows at once: its text edit still waits for the paint.
  await typeAhead(page, '!')
  expect(await app.unsavedOnClose?.(30_000)).toEqual(['source/_posts/post.md'])
  await expect(title).toHaveValue('Hello!')
  expect(await readFile(file, 'utf8')).toBe(ARTICLE)
  // Undone back to the saved text, nothing is unsaved; a date typed and not yet committed is.
  await page.keyboard.press('Control+z')
  await expect(title).toHaveValue('Hello')
  expect(await app.unsavedOnClose?.(30_000)).toEqual([])
  const date = page.locator(property('date')).locator('input[type=text]')
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2024-05-06 07:08', { delay: KEY_DELAY })
  expect(await app.unsavedOnClose?.(30_000)).toEqual(['source/_posts/post.md'])
  await save(page)
  expect(changedLines(ARTICLE, await readFile(file, 'utf8'))).toEqual([['date: 2024-03-01 09:30:00', 'date: 2024-05-06 07:08:00']])
})
