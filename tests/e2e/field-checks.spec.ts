import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

// 34 characters: over the 30 that search results show of a Chinese title.
const LONG_TITLE = '这是一个相当长的中文标题它超过了搜索结果所能显示的三十个字符的限度了'

test('field checks show in the library, the form and the status bar, and clear when the header is fixed', async ({ launch }) => {
  const long = `---\ntitle: ${LONG_TITLE}\ndate: 2024-05-01 10:00:00\n---\n\n正文。\n`
  const { page, contentDir: dir } = await launch({
    files: {
      'long.md': long,
      'future.md': '---\ntitle: Next week\ndate: Tue, 01 Jan 2999 09:00:00 GMT\n---\n\nSoon.\n',
      'fine.md': '---\ntitle: Fine\ndate: 2013/7/13 20:46:25\n---\n\nBody.\n',
      'twice.md': '---\ntitle: One\ntitle: Two\n---\n\nBody.\n',
    },
  })
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)

  // The library: a scheduled badge, a check badge, nothing on a fine article.
  await expect(row('future.md').getByTestId('scheduled-badge')).toBeVisible()
  await expect(row('long.md').getByTestId('check-badge')).toHaveText('⚑ 1')
  await expect(row('long.md').getByTestId('check-badge')).toHaveAttribute('title', /34 characters/)
  await expect(row('twice.md').getByTestId('check-badge')).toBeVisible()
  await expect(row('fine.md').getByTestId('check-badge')).toHaveCount(0)
  await expect(row('fine.md').getByTestId('scheduled-badge')).toHaveCount(0)

  // The status bar says when the open article is scheduled.
  await row('future.md').click()
  await expect(page.getByTestId('scheduled')).toContainText('2999')
  await row('fine.md').click()
  await expect(page.getByTestId('scheduled')).toHaveCount(0)

  // A duplicate key is named with its line under the (locked) form.
  await row('twice.md').click()
  await expect(page.locator('[data-testid=field-check][data-code=duplicate-key]')).toContainText('line 3')

  // The form lists the long title; shortening it in the text, key by key, clears the check.
  await row('long.md').click()
  const check = page.locator('[data-testid=field-check][data-code=title-length]')
  await expect(check).toContainText('34 characters')
  await check.getByRole('button').click()
  // End stops at each wrap point of a long line first.
  for (let i = 0; i < 3; i++) await page.keyboard.press('End')
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace', { delay: 40 })
  await expect(check).toHaveCount(0)
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'long.md'), 'utf8')).toBe(long.replace(LONG_TITLE, LONG_TITLE.slice(0, -6)))
})

test('keys a collection requires (pinned in .folio/schema.yml, or on nearly every article) are reported where missing', async ({ launch }) => {
  const files: Record<string, string> = {
    '.folio/schema.yml': 'keys:\n  cover: { required: true }\n',
    'full.md': '---\ntitle: Full\nauthor: Ada\ncover: full.png\n---\n\nBody.\n',
    'lacking.md': '---\ntitle: Lacking\n---\n\nBody.\n',
  }
  for (let i = 0; i < 10; i++) files[`post-${i}.md`] = `---\ntitle: Post ${i}\nauthor: Ada\ncover: p${i}.png\n---\n\nBody.\n`
  const { page } = await launch({ files: files })
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)
  await expect(row('lacking.md').getByTestId('check-badge')).toHaveText('⚑ 2')
  await expect(row('lacking.md').getByTestId('check-badge')).toHaveAttribute(
    'title',
    // Each key is isolated (U+2068…U+2069) inside the sentence, as checkText writes it.
    /\u2068author\u2069 is missing[\s\S]*\u2068cover\u2069 is missing|\u2068cover\u2069 is missing[\s\S]*\u2068author\u2069 is missing/,
  )
  await expect(row('full.md').getByTestId('check-badge')).toHaveCount(0)
  await row('lacking.md').click()
  await expect(page.locator('[data-testid=field-check][data-code=missing-required][data-key=author]')).toBeVisible()
  await expect(page.locator('[data-testid=field-check][data-code=missing-required][data-key=cover]')).toBeVisible()
})

test('a weekday its day does not fall on is a library warning, in either language, until the weekday typed in the form is right', async ({ launch }) => {
  // 5 March 2024 was a Tuesday.
  const wrong = '---\ntitle: 三月的周会\ndate: Mon, 05 Mar 2024 10:00:00 +0800\ntags: [会议]\n---\n\n正文。\n'
  const { page, contentDir: dir } = await launch({
    files: { 'wrong-day.md': wrong, 'right-day.md': '---\ntitle: Right day\ndate: Tue, 05 Mar 2024 10:00:00 +0800\n---\n\nBody.\n' },
  })
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="${path}"]`)
  const badge = row('wrong-day.md').getByTestId('check-badge')
  await expect(badge).toHaveText('⚑ 1')
  await expect(badge).toHaveAttribute('title', '\u2068date\u2069 says Monday, but that day is a Tuesday: kept as written. Correct the day or the weekday.')
  await expect(row('right-day.md').getByTestId('check-badge')).toHaveCount(0)
  await page.getByLabel('Language').selectOption('zh-CN')
  await expect(badge).toHaveAttribute('title', '\u2068date\u2069 写的是星期一，但这一天是星期二：按原样保留。请改正日期或星期。')
  await page.getByLabel('语言').selectOption('en')

  // The form says it once, beside the date (not again in the checks under the form).
  await row('wrong-day.md').click()
  const field = page.locator('[data-testid=property][data-key="date"]')
  await expect(field.getByTestId('property-warning')).toContainText('This day is a Tuesday, not a Monday')
  await expect(page.locator('[data-testid=field-check][data-code=weekday-mismatch]')).toHaveCount(0)

  // The writer meant the Tuesday: the weekday typed over, key by key, and saved clears the badge.
  await field.locator('input[type=text]').click()
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.type('Tue', { delay: 40 })
  await page.keyboard.press('Enter')
  await expect(field.getByTestId('property-warning')).toHaveCount(0)
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'wrong-day.md'), 'utf8')).toBe(wrong.replace('Mon, 05', 'Tue, 05'))
  await expect(badge).toHaveCount(0)
})

/** The wall time in `timeZone` `hours` from now, as a Hexo date is written (`YYYY-MM-DD HH:mm:ss`). */
function wallTime(hours: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(Date.now() + hours * 3_600_000))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:00`
}

test('a date typed into the form is scheduled when it is still to come on the site’s clock (its configured zone), before saving', async ({ launch }) => {
  const zone = 'Asia/Shanghai'
  // Two hours ago in Shanghai: past there, though read on a clock west of it, it would still be to come.
  const past = wallTime(-2, zone)
  const post = `---\ntitle: Soon\ndate: ${past}\n---\n\nBody.\n`
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': `title: Test\ntimezone: ${zone}\n`,
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}\n',
      'source/_posts/post.md': post,
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').click()
  await expect(page.locator('[data-testid=property][data-key=date] input').first()).toHaveValue(past)
  await expect(page.locator('[data-testid=field-check][data-code=scheduled]')).toHaveCount(0)
  await expect(page.getByTestId('scheduled')).toHaveCount(0)

  // Two hours ahead in Shanghai, typed key by key and committed with Enter.
  const future = wallTime(2, zone)
  const date = page.locator('[data-testid=property][data-key=date] input').first()
  await date.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(future, { delay: 30 })
  await page.keyboard.press('Enter')
  const check = page.locator('[data-testid=field-check][data-code=scheduled]')
  await expect(check).toBeVisible()
  await expect(page.getByTestId('scheduled')).toBeVisible()
  if (Intl.DateTimeFormat().resolvedOptions().timeZone !== zone) {
    // Shown on the site's clock, saying which: the time the header says, not the computer's.
    await expect(page.getByTestId('scheduled')).toContainText(`(${zone})`)
  }
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'source/_posts/post.md'), 'utf8')).toBe(post.replace(past, future))
  // The library's row agrees once the index has the saved date.
  await expect(page.locator('[data-testid=article-item][data-path="source/_posts/post.md"]').getByTestId('scheduled-badge')).toBeVisible()
})
