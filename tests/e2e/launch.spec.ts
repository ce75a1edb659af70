import { expect, test } from './support/fixtures'

test('the article a launch asked for opens once the page pulls it, and what could not be opened is said in a sentence', async ({ launch, makeFolder }) => {
  const dir = await makeFolder({
    files: {
      'posts/first.md': '---\ntitle: First\n---\nFirst body.\n',
      'posts/asked.md': '---\ntitle: Asked for\n---\nThe body the launch asked for.\n',
    },
  })
  const missing = '/home/writer/blog/source/_posts/gone.md'
  const { page } = await launch({
    contentDir: dir,
    startEmpty: true,
    pendingOpen: {
      request: { folder: dir, file: 'posts/asked.md' },
      problems: [
        {
          code: 'CANNOT_OPEN',
          path: missing,
          message: `Folio could not open “${missing}”: there is no such file or folder. It may have been moved or deleted.`,
          reason: 'cannot-open',
          params: { path: missing, why: 'missing' },
        },
      ],
    },
  })
  await expect(page.locator('[data-testid=editor]')).toContainText('The body the launch asked for.', { timeout: 30_000 })
  const problem = page.getByTestId('open-problem')
  await expect(problem).toContainText(`“${missing}”: there is no such file or folder`)
  await problem.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(problem).toHaveCount(0)
  // Pulled once: a reload of the page does not open it again or repeat the sentence.
  await page.reload()
  await page.waitForSelector('[data-testid=article-list]')
  await expect(page.getByTestId('open-problem')).toHaveCount(0)
})

test('with nothing asked and no folder, the welcome screen shows', async ({ launch }) => {
  const { page } = await launch({ files: { 'posts/a.md': '---\ntitle: A\n---\ntext\n' }, startEmpty: true })
  await expect(page.getByTestId('welcome')).toBeVisible()
  await expect(page.getByTestId('opening-folder')).toHaveCount(0)
})
