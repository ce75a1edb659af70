/**
 * A big folder's rows stream in: while its index reads (5,000 generated posts, no cache), the
 * window asks only for the rows read since its last answer, never for the whole listing again,
 * and once every post is read the list holds every post, each once, newest first, each row with
 * its post's own title. A post changed on disk afterwards changes its row alone.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ArticleSummary, InvokeMethod } from '../../shared/contract'
import { postPath } from '../bench/generate-site'
import { expect, test } from './support/fixtures'

const POSTS = 5000

interface ShownRow {
  path: string
  title: string
}

/** The rows painted now, top to bottom, with the title each shows. */
function shownRows(page: Page): Promise<ShownRow[]> {
  return page.getByTestId('article-item').evaluateAll((rows) =>
    rows
      .map((row) => ({
        path: row.getAttribute('data-path') ?? '',
        title: row.querySelector('.article-title')?.textContent ?? '',
        top: parseFloat((row as HTMLElement).style.top),
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ path, title }) => ({ path, title })),
  )
}

/** The height of every row of the list together (the rows are virtual: only those in view are painted). */
function listedHeight(page: Page): Promise<number> {
  return page.getByTestId('article-list').evaluate((list) => list.querySelector<HTMLElement>(':scope > div')?.offsetHeight ?? 0)
}

/** What the main process holds, in the library's order (newest first, ties by path as the library compares them). */
function folderNewestFirst(page: Page): Promise<{ path: string; title: string | null }[]> {
  return page.evaluate(async () => {
    const answer = (await (window as unknown as { folio: { listArticles(): Promise<{ ok: boolean; value: ArticleSummary[] }> } }).folio.listArticles()) as {
      ok: boolean
      value: ArticleSummary[]
    }
    if (!answer.ok) throw new Error('listArticles failed')
    return answer.value
      .sort((a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || a.path.localeCompare(b.path))
      .map((a) => ({ path: a.path, title: a.title }))
  })
}

test('a generated folder streams its rows in and ends with every post listed once, newest first', async ({ launch }) => {
  test.setTimeout(420_000)
  const asked = new Map<InvokeMethod, number>()
  let counting = false
  const { page, contentDir } = await launch({
    generatedPosts: POSTS,
    startEmpty: true,
    libraryTimeoutMs: 300_000,
    holdAnswer: (method) => {
      if (counting) asked.set(method, (asked.get(method) ?? 0) + 1)
    },
  })
  counting = true
  await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click()
  await expect(page.getByTestId('article-item').first()).toBeVisible({ timeout: 60_000 })
  const library = page.getByTestId('library')
  await expect(library).toHaveAttribute('aria-busy', 'false', { timeout: 300_000 })
  await expect(page.getByTestId('library-indexing')).toHaveCount(0)
  // The rows came in parts: the window asked for what was read since, and never for everything again.
  expect(asked.get('rowsSince') ?? 0).toBeGreaterThan(0)
  expect(asked.get('folderListing') ?? 0).toBe(0)

  const truth = await folderNewestFirst(page)
  expect(truth.length).toBe(POSTS)
  expect(new Set(truth.map((a) => a.path)).size).toBe(POSTS)
  const list = page.getByTestId('article-list')
  // The list is as tall as every post's row: the count the library holds.
  const rowHeight = await page
    .getByTestId('article-item')
    .first()
    .evaluate((row) => (row as HTMLElement).offsetHeight)
  const listHeight = await listedHeight(page)
  expect(listHeight / rowHeight).toBe(POSTS)
  // At the top, in the middle and at the end: the rows of that place, each with its post's title.
  for (const at of [0, Math.floor(POSTS / 2), POSTS - 1]) {
    await list.evaluate((element, top) => element.scrollTo(0, top), at * rowHeight)
    await expect(page.locator(`[data-testid=article-item][data-path="${truth[at]?.path}"]`)).toBeVisible({ timeout: 10_000 })
    const rows = await shownRows(page)
    const start = truth.findIndex((a) => a.path === rows[0]?.path)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(rows).toEqual(truth.slice(start, start + rows.length).map((a) => ({ path: a.path, title: a.title ?? a.path.split('/').pop() })))
  }

  // A post edited outside Folio: its row shows the new title; nothing else is listed again.
  const target = truth[POSTS - 1]?.path ?? ''
  const index = Number(/(\d+)\.md$/.exec(target)?.[1])
  expect(postPath(index)).toBe(target)
  const file = join(contentDir, target)
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(/^title: .*$/m, 'title: Changed outside'))
  asked.clear()
  await expect(page.locator(`[data-testid=article-item][data-path="${target}"] .article-title`)).toHaveText('Changed outside', { timeout: 60_000 })
  expect(asked.get('folderListing') ?? 0).toBe(0)
  expect(await listedHeight(page)).toBe(listHeight)
})
