/**
 * A folder's first rows come with the open's own reply: the library paints them while every later
 * listing is still held back, then the rows read later arrive, newest first as always. An answer
 * about the folder before (a slow listing, an open the writer since replaced) never paints over
 * the folder opened last.
 */
import type { Page } from '@playwright/test'
import type { InvokeMethod } from '../../shared/contract'
import { expect, test } from './support/fixtures'

const POSTS = 3000
const DAY_MS = 86_400_000

/** Post i's date: a permutation of days, so the order on disk is not the order by date. */
function dateOf(i: number): string {
  return new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % POSTS) * DAY_MS).toISOString().slice(0, 10)
}

function pathOf(i: number): string {
  return `posts/${i % 6}/post-${i}.md`
}

/** A folder of POSTS short posts, each with its own date. */
function posts(): Record<string, string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < POSTS; i++) files[pathOf(i)] = `---\ntitle: Post ${i}\ndate: ${dateOf(i)}\n---\n\nBody of post ${i}.\n`
  return files
}

/** Every post's path, newest first: the library's order. */
const NEWEST_FIRST = Array.from({ length: POSTS }, (_, i) => i)
  .sort((a, b) => dateOf(b).localeCompare(dateOf(a)))
  .map(pathOf)

/** The rows the library shows now, top to bottom. */
function shownRows(page: Page): Promise<string[]> {
  return page.getByTestId('article-item').evaluateAll((rows) =>
    rows
      .map((row) => ({ path: row.getAttribute('data-path') ?? '', top: parseFloat((row as HTMLElement).style.top) }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.path),
  )
}

/** Answers of some methods, held until released (a slow main process, as the harness lets a spec make it). */
class Held {
  holding = false
  private waiting: (() => void)[] = []
  private readonly methods: InvokeMethod[]
  constructor(...methods: InvokeMethod[]) {
    this.methods = methods
  }
  hold = (method: InvokeMethod): Promise<void> | void => {
    if (!this.holding || !this.methods.includes(method)) return
    return new Promise((release) => this.waiting.push(release))
  }
  get count(): number {
    return this.waiting.length
  }
  release(): void {
    this.holding = false
    for (const release of this.waiting.splice(0)) release()
  }
}

/** Records every row path the library shows from now on (a row painted for a moment counts too). */
async function recordRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = new Set<string>()
    const note = () => document.querySelectorAll('[data-testid=article-item]').forEach((row) => seen.add(row.getAttribute('data-path') ?? ''))
    note()
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-path'] })
    ;(window as unknown as { __rowsSeen: Set<string> }).__rowsSeen = seen
  })
}

function rowsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __rowsSeen: Set<string> }).__rowsSeen])
}

/** One more round trip and a painted frame: what the page was answered before it has been shown. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (window as unknown as { folio: { getFolder(): Promise<unknown> } }).folio.getFolder()
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
  })
}

test('the first rows paint from the open reply alone; the rows read later follow, newest first', async ({ launch, makeFolder }) => {
  test.setTimeout(180_000)
  const dir = await makeFolder({ files: posts() })
  const listings = new Held('folderListing', 'rowsSince')
  const { page } = await launch({ contentDir: dir, startEmpty: true, holdAnswer: listings.hold })
  listings.holding = true
  await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click()
  // No listing has come back: these rows came with the open.
  await expect(page.getByTestId('article-item').first()).toBeVisible({ timeout: 30_000 })
  const first = await shownRows(page)
  expect(first.length).toBeGreaterThan(0)
  expect(first).toEqual(NEWEST_FIRST.filter((path) => first.includes(path)))
  // The index tells when it has read every post; its listing is what is held.
  await expect.poll(() => listings.count, { timeout: 60_000 }).toBeGreaterThan(0)
  listings.release()
  await expect(page.getByTestId('library')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  await expect(page.getByTestId('library-indexing')).toHaveCount(0)
  const all = await shownRows(page)
  expect(all.length).toBeGreaterThan(0)
  expect(all).toEqual(NEWEST_FIRST.slice(0, all.length))
  // The oldest post is listed too, at the very end.
  await page.getByTestId('article-list').evaluate((list) => list.scrollTo(0, list.scrollHeight))
  await expect(page.locator(`[data-testid=article-item][data-path="${NEWEST_FIRST.at(-1)}"]`)).toBeVisible({ timeout: 10_000 })
})

test('a slow listing of the folder before never paints over the folder opened after it', async ({ launch, makeFolder }) => {
  test.setTimeout(180_000)
  const big = await makeFolder({ files: posts() })
  const small = await makeFolder({ files: { 'only.md': '---\ntitle: Only\ndate: 2024-01-02\n---\n\nThe one post.\n' } })
  const choices = [big, small]
  const listings = new Held('folderListing', 'rowsSince')
  const { page } = await launch({ contentDir: big, startEmpty: true, folderDialog: () => choices.shift() ?? null, holdAnswer: listings.hold })
  listings.holding = true
  await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click()
  await expect(page.getByTestId('article-item').first()).toBeVisible({ timeout: 30_000 })
  // The big folder's listings (its last count asks for one) are on their way, held.
  await expect.poll(() => listings.count, { timeout: 60_000 }).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Open folder' }).click()
  await expect(page.locator('[data-testid=article-item][data-path="only.md"]')).toBeVisible({ timeout: 30_000 })
  await recordRows(page)
  listings.release()
  await settled(page)
  expect(await rowsSeen(page)).toEqual(['only.md'])
  expect(await shownRows(page)).toEqual(['only.md'])
  await expect(page.getByTestId('library')).toHaveAttribute('aria-busy', 'false')
})

test('an open answered after the writer opened another folder is dropped', async ({ launch, makeFolder }) => {
  test.setTimeout(180_000)
  const big = await makeFolder({ files: posts() })
  const small = await makeFolder({ files: { 'only.md': '---\ntitle: Only\ndate: 2024-01-02\n---\n\nThe one post.\n' } })
  const choices = [big, small]
  const opens = new Held('openFolder')
  const { page } = await launch({ contentDir: big, startEmpty: true, folderDialog: () => choices.shift() ?? null, holdAnswer: opens.hold })
  opens.holding = true
  const open = page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' })
  await open.click()
  await expect.poll(() => opens.count, { timeout: 30_000 }).toBe(1)
  // The writer tires of waiting and opens the small folder; its answer goes back at once.
  opens.holding = false
  await open.click()
  await expect(page.locator('[data-testid=article-item][data-path="only.md"]')).toBeVisible({ timeout: 30_000 })
  await recordRows(page)
  opens.release()
  await settled(page)
  expect(await rowsSeen(page)).toEqual(['only.md'])
  expect(await shownRows(page)).toEqual(['only.md'])
  await expect(page.getByTestId('library')).toHaveAttribute('aria-busy', 'false')
})

test('the folder’s last rows are listed when the index finished while the open’s reply was on its way', async ({ launch, makeFolder }) => {
  test.setTimeout(180_000)
  const dir = await makeFolder({ files: posts() })
  const opens = new Held('openFolder')
  let listingsAsked = 0
  const { page } = await launch({
    contentDir: dir,
    startEmpty: true,
    holdAnswer: (method) => {
      if (method === 'folderListing') listingsAsked++
      return opens.hold(method)
    },
  })
  opens.holding = true
  const before = listingsAsked
  await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click()
  await expect.poll(() => opens.count, { timeout: 30_000 }).toBe(1)
  // The reply (rows read so far) waits while the index reads the rest; its last count asks for a listing, answered at once.
  await expect.poll(() => listingsAsked, { timeout: 60_000 }).toBeGreaterThan(before)
  opens.release()
  await expect(page.getByTestId('library-indexing')).toHaveCount(0, { timeout: 30_000 })
  await expect(page.getByTestId('library')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 })
  await page.getByTestId('article-list').evaluate((list) => list.scrollTo(0, list.scrollHeight))
  await expect(page.locator(`[data-testid=article-item][data-path="${NEWEST_FIRST.at(-1)}"]`)).toBeVisible({ timeout: 10_000 })
})
