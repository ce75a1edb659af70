/**
 * The form stays usable from 900 px wide: the date text keeps room for a whole timestamp, every
 * remove button is inside the window, long URLs are one line. Screenshots are attached.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SEED } from './support/folders'
import { expect, test } from './support/fixtures'

const SIZES = [
  { width: 900, height: 700 },
  { width: 1000, height: 700 },
  { width: 1440, height: 900 },
]

test('form rows keep their controls usable at 900, 1000 and 1440 px', async ({ launch }, testInfo) => {
  const { page } = await launch({ files: { 'posts/seed.txt': await readFile(SEED) } })
  await page.locator('[data-testid=article-item][data-path="posts/seed.txt"]').click()
  const form = page.getByTestId('properties')
  await expect(form).toBeVisible()
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const date = page.locator('[data-testid=property][data-key="date"] input[type=text]')
    const dateBox = await date.boundingBox()
    // `Tue, 01 Mar 2022 04:51:00 GMT` needs about 200 px at the form's font size.
    expect(dateBox?.width ?? 0, `date text at ${size.width}px`).toBeGreaterThanOrEqual(150)
    expect(await date.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth + 1), `whole date visible at ${size.width}px`).toBe(true)
    const paneRight = await page.locator('.editor-pane').evaluate((el) => el.getBoundingClientRect().right)
    for (const remove of await form.locator('.property-remove').all()) {
      await remove.scrollIntoViewIfNeeded()
      const box = await remove.boundingBox()
      expect(box, `a remove button at ${size.width}px`).not.toBeNull()
      expect((box?.x ?? 0) + (box?.width ?? 0), `remove button inside the pane at ${size.width}px`).toBeLessThanOrEqual(paneRight + 0.5)
    }
    const url = page.locator('[data-testid=property][data-key="headimg"] input[type=text]')
    const urlBox = await url.boundingBox()
    expect(urlBox?.height ?? 99, `one-line URL at ${size.width}px`).toBeLessThan(40)
    await form.evaluate((el) => el.scrollTo(0, 0))
    const path = testInfo.outputPath(`form-${size.width}.png`)
    await page.screenshot({ path })
    await testInfo.attach(`form-${size.width}.png`, { path, contentType: 'image/png' })
  }
})

/** A header as a theme-heavy Chinese blog writes it: a long title, many tags, nested categories, dates in two forms. */
const CROWDED = [
  '---',
  "title: '一篇标题非常非常长的文章：阿里云、腾讯云与华为云在二〇二四年的云计算市场竞争格局深度分析与展望（上篇）'",
  'date: 2024-05-06 07:08:09',
  'updated: 2013/7/13 20:46:25',
  'author: 张三 and the Folio documentation team of contributors',
  'tags: [云计算, 阿里云, 腾讯云, 华为云, 市场分析, a-very-long-tag-name-that-goes-on-and-on-without-a-break, a_tag_written_as_one_long_word_with_underscores_and_no_place_to_break_it, javascript, typescript, 前端, 后端, 数据库, kubernetes, docker, serverless, 人工智能]',
  'categories:',
  '  - [技术, 云计算, 市场]',
  '  - 随笔',
  'description: 这是一段很长的摘要，用来看看表单在窄的窗口里怎样显示多行的文字，会不会被截断或者溢出到右边去，还有一些英文 words mixed in between.',
  'cover: https://example.com/images/2024/05/06/a-very-long-image-file-name-for-the-cover-of-this-article.png',
  'link: https://example.com/a/very/long/path/that/goes/on/and/on/and/on/until/it/is/much/wider/than/the/form/field',
  'comments: true',
  'weight: 12',
  'a_very_long_custom_key_name_from_a_theme_that_has_many_options_and_settings: value',
  'seo:',
  '  keywords: 云计算',
  '  robots: index',
  '---',
  '正文。',
  '',
].join('\n')

const BROKEN = "---\ntitle: '未闭合的引号，一个很长的标题让错误信息也很长\ndate: 2024-05-06\ntags: [a, b\n---\n正文\n"

/** Whether `inner` lies inside `outer` from left to right (half a pixel of rounding allowed). */
function inside(inner: { x: number; width: number }, outer: { x: number; width: number }): boolean {
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5
}

/** A Hexo site holding the seed article and the given posts. */
async function hexoSite(posts: Record<string, string>): Promise<Record<string, string | Buffer>> {
  return {
    '_config.yml': 'title: Test\ntimezone: Asia/Shanghai\n',
    'package.json': '{"dependencies":{"hexo":"^7.0.0"}}\n',
    'source/_posts/seed.md': await readFile(SEED),
    ...posts,
  }
}

test('at 900×700 and 1000×700 every field’s label and control is on screen, in English and Chinese, and nothing overflows sideways', async ({
  launch,
}, testInfo) => {
  const { page } = await launch({
    files: await hexoSite({ 'source/_posts/crowded.md': CROWDED, 'source/_posts/broken.md': BROKEN }),
  })
  let shown = 'en'
  for (const [width, locale] of [
    [1000, 'en'],
    [1000, 'zh-CN'],
    [900, 'zh-CN'],
    [900, 'en'],
  ] as const) {
    await page.setViewportSize({ width, height: 700 })
    if (locale !== shown) await page.getByRole('combobox', { name: shown === 'en' ? 'Language' : '语言' }).selectOption(locale)
    shown = locale
    for (const name of ['seed', 'crowded', 'broken']) {
      await page.locator(`[data-testid=article-item][data-path="source/_posts/${name}.md"]`).click()
      const form = page.getByTestId('properties')
      await expect(form).toBeVisible()
      const where = `${name}.md, ${locale}, ${width} px`
      if (name === 'broken') {
        const banner = form.getByTestId('properties-error')
        await expect(banner).toBeVisible()
        expect(await banner.evaluate((el) => el.scrollWidth <= el.clientWidth), `the whole error banner, ${where}`).toBe(true)
      } else {
        await expect(form.getByTestId('property').first()).toBeVisible()
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `the window, ${where}`).toBe(true)
      expect(await form.evaluate((el) => el.scrollWidth <= el.clientWidth), `the form, ${where}`).toBe(true)
      const formBox = await form.boundingBox()
      expect(formBox, where).not.toBeNull()
      for (const row of await form.getByTestId('property').all()) {
        const key = await row.getAttribute('data-key')
        await row.scrollIntoViewIfNeeded()
        expect(await row.evaluate((el) => el.scrollWidth <= el.clientWidth), `row ${key}, ${where}`).toBe(true)
        const label = row.locator('.property-key')
        await expect(label, `label of ${key}, ${where}`).toBeVisible()
        const labelBox = await label.boundingBox()
        expect(labelBox && inside(labelBox, formBox!) && labelBox.width >= 20, `label of ${key} inside the form, ${where}`).toBe(true)
        // Every control of the row: wide enough to use, inside the form, not under the next row.
        const controls = await row.locator('input:visible, textarea:visible, select:visible, button:visible').all()
        expect(controls.length, `controls of ${key}, ${where}`).toBeGreaterThan(0)
        for (const control of controls) {
          const box = await control.boundingBox()
          const what = `${await control.evaluate((el) => el.outerHTML.slice(0, 80))} in ${key}, ${where}`
          expect(box && inside(box, formBox!), `inside the form: ${what}`).toBe(true)
          const textual = await control.evaluate((el) => (el instanceof HTMLInputElement && el.type === 'text') || el instanceof HTMLTextAreaElement)
          expect(box!.width, `wide enough: ${what}`).toBeGreaterThanOrEqual(textual ? 140 : 16)
          expect(box!.height, `tall enough: ${what}`).toBeGreaterThanOrEqual(16)
        }
      }
      const path = testInfo.outputPath(`form-${width}x700-${name}-${locale}.png`)
      await form.evaluate((el) => el.scrollTo(0, 0))
      await page.screenshot({ path })
      await testInfo.attach(`form-${width}x700-${name}-${locale}.png`, { path, contentType: 'image/png' })
    }
  }
})

test('a long value stays one line, with a control beside it that shows all of it, from the keyboard, in English and Chinese', async ({ launch }, testInfo) => {
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': 'title: Test\ntimezone: Asia/Shanghai\n',
      'package.json': '{"dependencies":{"hexo":"^7.0.0"}}\n',
      'source/_posts/seed.md': await readFile(SEED),
      'source/_posts/crowded.md': CROWDED,
    },
  })
  const file = join(dir, 'source/_posts/crowded.md')
  await page.setViewportSize({ width: 900, height: 700 })
  await page.locator('[data-testid=article-item][data-path="source/_posts/seed.md"]').click()
  await expect(page.locator('[data-testid=property][data-key="title"] input')).toHaveValue(/阿里云/)
  await expect(page.locator('[data-testid=property][data-key="title"] .one-line-expand')).toHaveCount(0)
  await page.locator('[data-testid=article-item][data-path="source/_posts/crowded.md"]').click()
  const form = page.getByTestId('properties')
  const link = form.locator('[data-testid=property][data-key="link"]')
  const url =
    CROWDED.split('\n')
      .find((line) => line.startsWith('link: '))
      ?.slice('link: '.length) ?? ''

  // One line, cut at the edge, with the control beside it; a short value has none.
  await expect(link.locator('input[type=text]')).toHaveValue(url)
  expect((await link.locator('input[type=text]').boundingBox())?.height ?? 99).toBeLessThan(40)
  const expand = link.getByRole('button', { name: 'Show all of \u2068link\u2069' })
  await expect(expand).toBeVisible()
  await expect(expand).toHaveAttribute('aria-expanded', 'false')
  await expect(form.locator('[data-testid=property][data-key="weight"] .one-line-expand')).toHaveCount(0)
  // Shown after another article's short title, the long Chinese title gets its control too.
  await expect(form.locator('[data-testid=property][data-key="title"]').getByRole('button', { name: 'Show all of \u2068title\u2069' })).toBeVisible()
  await expect(form.locator('[data-testid=property][data-key^="a_very_long_custom_key"] .one-line-expand')).toHaveCount(0)

  // From the keyboard: Tab from the field reaches the control, Enter shows the whole value.
  await link.locator('input[type=text]').click()
  await page.keyboard.press('Tab')
  await expect(expand).toBeFocused()
  await page.keyboard.press('Enter')
  const collapse = link.getByRole('button', { name: 'Show \u2068link\u2069 on one line' })
  await expect(collapse).toHaveAttribute('aria-expanded', 'true')
  await expect(collapse).toBeFocused()
  const wrapped = link.locator('textarea')
  await expect(wrapped).toHaveValue(url)
  const all = await wrapped.evaluate((el) => ({ rows: el.clientHeight, whole: el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1 }))
  expect(all.whole, 'the whole URL is visible').toBe(true)
  expect(all.rows, 'over more than one row').toBeGreaterThan(40)
  const formBox = await form.boundingBox()
  for (const control of await link.locator('textarea, button').all()) {
    const box = await control.boundingBox()
    expect(box && formBox && inside(box, formBox), 'expanded controls inside the form at 900 px').toBe(true)
  }
  let path = testInfo.outputPath('long-value-expanded-900.png')
  await page.screenshot({ path })
  await testInfo.attach('long-value-expanded-900.png', { path, contentType: 'image/png' })

  // Typed into while expanded: still one line, Enter adds nothing, the file gets exactly that line.
  await page.keyboard.press('Shift+Tab')
  await expect(wrapped).toBeFocused()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('?page=2', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(wrapped).toHaveValue(url + '?page=2')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
  expect(await readFile(file, 'utf8')).toBe(CROWDED.replace(url, url + '?page=2'))

  // Space on the control puts it back on one line.
  await page.keyboard.press('Tab')
  await expect(collapse).toBeFocused()
  await page.keyboard.press('Space')
  await expect(link.locator('input[type=text]')).toHaveValue(url + '?page=2')
  await expect(expand).toBeFocused()

  // The image field has it too, beside its picker, and both are named in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  const cover = form.locator('[data-testid=property][data-key="cover"]')
  await expect(cover).toHaveAttribute('data-kind', 'image')
  await expect(link.getByRole('button', { name: '展开 \u2068link\u2069' })).toBeVisible()
  await cover.getByRole('button', { name: '展开 \u2068cover\u2069' }).click()
  await expect(cover.getByRole('button', { name: '收起 \u2068cover\u2069' })).toHaveAttribute('aria-expanded', 'true')
  await expect(cover.getByRole('button', { name: '选择…' })).toBeVisible()
  for (const control of await cover.locator('textarea, button').all()) {
    const box = await control.boundingBox()
    expect(box && formBox && inside(box, formBox), 'image controls inside the form at 900 px').toBe(true)
  }
  path = testInfo.outputPath('long-value-image-zh-900.png')
  await page.screenshot({ path })
  await testInfo.attach('long-value-image-zh-900.png', { path, contentType: 'image/png' })
})

/** The WCAG contrast ratio of two `rgb(…)`/`rgba(…)` colours. */
function contrast(a: number[], b: number[]): number {
  const luminance = ([r = 0, g = 0, bl = 0]: number[]) => {
    const [R, G, B] = [r, g, bl].map((c) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

test('in the dark theme at 900 px every label, value, chip and warning of the form reads against its background, in Chinese, and nothing overflows', async ({
  launch,
}, testInfo) => {
  const { page } = await launch({
    files: await hexoSite({
      // A weekday the day does not fall on and a list where a number goes: the form's warnings show.
      'source/_posts/crowded.md': CROWDED.replace('updated: 2013/7/13 20:46:25', 'updated: Mon, 05 Mar 2024 10:00:00 GMT'),
      'source/_posts/other.md': '---\ntitle: 另一篇\nweight: 3\n---\n正文\n',
      'source/_posts/third.md': '---\ntitle: 第三篇\nweight: [a, b]\n---\n正文\n',
    }),
  })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 900, height: 700 })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.locator('.app')).toHaveClass(/\bdark\b/)
  await page.locator('[data-testid=article-item][data-path="source/_posts/crowded.md"]').click()
  const form = page.getByTestId('properties')
  await expect(form.locator('[data-testid=property][data-key="title"] input')).toHaveValue(/云计算市场/)
  await expect(form.locator('[data-testid=property][data-key="updated"]').getByTestId('property-warning')).toContainText('这一天是星期二')
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the window at 900 px').toBe(true)
  expect(await form.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the form at 900 px').toBe(true)

  const texts = form.locator(
    '.property-key, .property-value input[type=text], .property-value textarea, .chip, .property-warning, .add-property input, .property-remove',
  )
  expect(await texts.count()).toBeGreaterThan(20)
  for (const element of await texts.all()) {
    await element.scrollIntoViewIfNeeded()
    const seen = await element.evaluate((el) => {
      const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number)
      // The colour behind the text: the first ancestor (or itself) with an opaque background.
      let behind: Element | null = el
      let bg = [0, 0, 0, 0]
      while (behind) {
        bg = rgb(getComputedStyle(behind).backgroundColor)
        if (bg.length === 3 || (bg[3] ?? 0) > 0.9) break
        behind = behind.parentElement
      }
      const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value || el.placeholder : (el.textContent ?? '')
      return { color: rgb(getComputedStyle(el).color), bg, what: `${el.className || el.tagName}: ${text.slice(0, 40)}` }
    })
    const ratio = contrast(seen.color, seen.bg)
    // WCAG AA for text of this size.
    expect(ratio, `contrast of ${seen.what} (${seen.color.join(',')} on ${seen.bg.join(',')})`).toBeGreaterThanOrEqual(4.5)
  }
  for (const row of await form.getByTestId('property').all()) {
    expect(await row.evaluate((el) => el.scrollWidth <= el.clientWidth), `row ${await row.getAttribute('data-key')} at 900 px`).toBe(true)
  }
  await form.evaluate((el) => el.scrollTo(0, 0))
  const path = testInfo.outputPath('form-dark-900x700-zh-CN.png')
  await page.screenshot({ path })
  await testInfo.attach('form-dark-900x700-zh-CN.png', { path, contentType: 'image/png' })
})
