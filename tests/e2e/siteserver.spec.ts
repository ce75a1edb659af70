/**
 * The site's own server as a second preview, as a writer uses it: on a Hugo site, the Site server
 * tab asks once before running the site's code, starts Debian's `hugo server` (installed by
 * .ci/run), shows the open article's page from its own origin (which cannot reach window.folio),
 * follows a typed and saved edit, and stops. A site whose tool is missing says what to install.
 */
import type { Frame, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const POST = '---\ntitle: "第一篇"\ndate: 2024-03-05T10:00:00+08:00\n---\n\nThe first words.\n'

const HUGO_SITE = {
  'hugo.toml': 'baseURL = "https://example.org/"\nlanguageCode = "zh-cn"\ntitle = "随笔"\n',
  'layouts/_default/baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/single.html': '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n',
  'layouts/_default/list.html': '{{ define "main" }}<p>list</p>{{ end }}\n',
  'layouts/index.html': '{{ define "main" }}<p>home</p>{{ end }}\n',
  'content/posts/first-post.md': POST,
  'content/about.md': '---\ntitle: About\n---\n\nAbout me.\n',
}

/** The frame showing the site's page (its own origin, not ours). */
async function siteFrame(page: Page): Promise<Frame> {
  const handle = await page.getByTestId('siteserver-frame').elementHandle()
  const frame = await handle?.contentFrame()
  if (!frame) throw new Error('The site server frame has no document')
  return frame
}

test("hugo server: asked once, shows the article's page, follows a save, cannot reach Folio, stops", async ({ launch }) => {
  test.setTimeout(180_000)
  const { page, contentDir: dir } = await launch({ files: HUGO_SITE })
  await page.locator('[data-testid=article-item][data-path="content/posts/first-post.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('The first words.')

  await page.getByTestId('siteserver-tab').click()
  const pane = page.getByTestId('siteserver')
  await expect(pane).toHaveAttribute('data-status', 'stopped')
  await expect(pane).toContainText('hugo server')

  // The first start asks, saying plainly that the site's code runs; Cancel starts nothing.
  await page.getByTestId('siteserver-start').click()
  const trust = page.getByTestId('siteserver-trust')
  await expect(trust).toContainText(dir)
  await expect(trust).toContainText('runs code from the folder')
  await page.keyboard.press('Escape')
  await expect(trust).toBeHidden()
  await expect(pane).toHaveAttribute('data-status', 'stopped')
  await page.getByTestId('siteserver-start').click()
  await page.getByTestId('siteserver-trust-start').click()

  await expect(pane).toHaveAttribute('data-status', 'running', { timeout: 90_000 })
  const address = page.getByTestId('siteserver-address')
  await expect(address).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/posts\/first-post\/$/)
  const origin = new URL((await address.textContent()) ?? '').origin
  const frame = page.frameLocator('[data-testid=siteserver-frame]')
  await expect(frame.locator('h1')).toHaveText('第一篇', { timeout: 30_000 })
  await expect(frame.locator('article')).toContainText('The first words.')

  // The theme's scripts run in the frame, at the server's origin, with no way to the bridge.
  const inFrame = await (
    await siteFrame(page)
  ).evaluate(() => {
    const w = window as unknown as { folio?: unknown }
    let parentFolio = 'unreachable'
    try {
      parentFolio = typeof (window.parent as unknown as { folio?: unknown }).folio
    } catch {
      // Cross-origin: the parent's globals are not readable.
    }
    return { origin: location.origin, folio: typeof w.folio, parentFolio }
  })
  expect(inFrame).toEqual({ origin, folio: 'undefined', parentFolio: 'unreachable' })
  expect(new URL(page.url()).origin).not.toBe(origin)

  // Typed key by key and saved: Hugo rebuilds, and the page shows the new words.
  await page.getByText('The first words.').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' 保存后更新。', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'content/posts/first-post.md'), 'utf8')).toBe(POST.replace('The first words.', 'The first words. 保存后更新。'))
  await expect(frame.locator('article'))
    .toContainText('保存后更新。', { timeout: 30_000 })
    .catch(async (failure: unknown) => {
      // Say whether the server or the frame is behind: what the server serves now, and its log.
      const served = await fetch(`${origin}/posts/first-post/`).then((r) => r.text(), String)
      await page.getByTestId('siteserver-log-toggle').click()
      const log = await page.getByTestId('siteserver-log').textContent()
      throw new Error(`${String(failure)}\n--- the server serves now:\n${served}\n--- its log:\n${log}`)
    })

  // Saved again at once: Hugo rebuilds within the second of the page the frame holds, which
  // Chromium would revalidate by Last-Modified (whole seconds) and keep; the frame shows the new words.
  await page.keyboard.type(' 再改。', { delay: 40 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await expect(frame.locator('article')).toContainText('保存后更新。 再改。', { timeout: 30_000 })

  // Another article: its page.
  await page.locator('[data-testid=article-item][data-path="content/about.md"]').click()
  await expect(address).toHaveText(`${origin}/about/`)
  await expect(frame.locator('h1')).toHaveText('About', { timeout: 30_000 })

  // The log, then Stop: the server is gone, and a second start does not ask again.
  await page.getByTestId('siteserver-log-toggle').click()
  await expect(page.getByTestId('siteserver-log')).toContainText('$ hugo server')
  await page.getByTestId('siteserver-stop').click()
  await expect(pane).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 })
  await expect(fetch(origin)).rejects.toThrow()
  await page.getByTestId('siteserver-start').click()
  await expect(pane).toHaveAttribute('data-status', 'running', { timeout: 90_000 })
  await expect(page.getByTestId('siteserver-trust')).toHaveCount(0)
  await page.getByTestId('siteserver-stop').click()
  await expect(pane).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 })
})

test('a Hexo site without its packages says what is missing and how to install it, in Chinese too', async ({ launch }) => {
  const { page } = await launch({
    files: {
      '_config.yml': 'title: 博客\n',
      'package.json': JSON.stringify({ dependencies: { hexo: '^7.0.0', 'hexo-server': '^3.0.0' } }),
      'source/_posts/hello.md': '---\ntitle: 你好\n---\n\n正文。\n',
    },
  })
  await page.getByTestId('siteserver-tab').click()
  const missing = page.getByTestId('siteserver-missing')
  await expect(missing).toContainText('Hexo is not installed in this site')
  await expect(missing).toContainText('npm install')
  await expect(missing).toContainText('never installs anything')
  await expect(page.getByTestId('siteserver-start')).toHaveCount(0)
  await page.getByLabel('Language').selectOption('zh-CN')
  await expect(missing).toContainText('此站点没有安装 Hexo')
  await expect(missing).toContainText('npm install')
})

test('a plain folder offers no site server', async ({ launch }) => {
  const { page } = await launch({ files: { 'notes/a.md': '---\ntitle: A\n---\n\nBody.\n' } })
  await expect(page.locator('[data-testid=article-item]')).toHaveCount(1)
  await expect(page.getByTestId('siteserver-tab')).toHaveCount(0)
})
