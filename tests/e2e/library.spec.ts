import { expect, test, type Launch } from './support/fixtures'

const post = (title: string, date: string, extra: string) => `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n${title} body.\n`

async function launchSite(launch: Launch) {
  // A Hexo site, so `categories: [A, B]` is the hierarchy A › B.
  const { page } = await launch({
    files: {
      '_config.yml': 'title: Test\ntimezone: Asia/Shanghai\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/a.md': post('Alpha', '2024-01-01 10:00:00', 'categories:\n  - 技术\n  - 前端\ntags: [js, css]\n'),
      'source/_posts/b.md': post('Beta', '2024-02-01 10:00:00', 'categories: [技术]\ntags: [rust]\n'),
      'source/_posts/c.md': post('Gamma', '2023-05-01 10:00:00', 'categories: 生活\ntags: [js]\n'),
      'source/_drafts/d.md': post('Delta 草稿', '2024-03-01 10:00:00', 'categories: 生活\n'),
    },
  })
  return page
}

const items = '[data-testid=article-list] [data-testid=article-item]'

test('filter the library by a category, a tag and drafts', async ({ launch }) => {
  const page = await launchSite(launch)
  await expect(page.locator(items)).toHaveCount(4)
  // Newest first.
  await expect(page.locator(items).first()).toHaveAttribute('data-path', 'source/_drafts/d.md')

  await page.getByTestId('library-category').selectOption('技术')
  await expect(page.locator(items)).toHaveCount(2)
  await expect(page.locator(items)).toHaveText([/Beta/, /Alpha/])

  await page.getByTestId('library-category').selectOption('技术 › 前端')
  await expect(page.locator(items)).toHaveText([/Alpha/])

  await page.getByTestId('library-category').selectOption('')
  await page.getByTestId('library-tag').selectOption('js')
  await expect(page.locator(items)).toHaveText([/Alpha/, /Gamma/])

  await page.getByTestId('library-tag').selectOption('')
  await page.getByTestId('library-status').selectOption('drafts')
  await expect(page.locator(items)).toHaveText([/Delta/])

  await page.getByTestId('library-status').selectOption('all')
  await page.getByTestId('library-sort').selectOption('title')
  await expect(page.locator(items)).toHaveText([/Alpha/, /Beta/, /Delta/, /Gamma/])
})

test('search finds two Chinese characters mid-sentence and opens the hit', async ({ launch }) => {
  const page = await launchSite(launch)
  await page.getByTestId('library-search').fill('草稿')
  const hit = page.locator('[data-testid=search-hit]').first()
  await expect(hit).toHaveAttribute('data-path', 'source/_drafts/d.md')
  await expect(hit.locator('mark').first()).toHaveText('草稿')
  await hit.click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('Delta 草稿')
})

test('quick open jumps to an article with Ctrl+P', async ({ launch }) => {
  const page = await launchSite(launch)
  await page.keyboard.press('Control+p')
  await page.getByTestId('quick-open').locator('input').fill('gam')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('Gamma')
})

test('with no folder open, the welcome screen opens one through the folder dialog', async ({ launch }) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'the native folder dialog cannot be answered from here')
  const { page } = await launch({ files: { 'hello.md': '---\ntitle: Hello\n---\n' }, startEmpty: true })
  await expect(page.getByTestId('welcome')).toBeVisible()
  await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click()
  await expect(page.locator('[data-testid=article-item][data-path="hello.md"]')).toBeVisible()
  await expect(page.getByTestId('welcome')).toHaveCount(0)
})
