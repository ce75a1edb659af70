import { expect, test } from './support/fixtures'

test('a local video in the preview loads through the asset route in byte ranges, so it can seek', async ({ launch }) => {
  // Not a playable video: what matters is that the player's Range request reaches the app's asset
  // handler and gets the asked bytes back (seeking needs 206 answers).
  const clip = Buffer.alloc(64 * 1024, 7)
  const { page } = await launch({
    files: {
      'posts/trip.md': '---\ntitle: Trip\n---\n\n<video controls><source src="media/trip 旅行.webm" type="video/webm"></video>\n',
      'posts/media/trip 旅行.webm': clip,
    },
  })
  const loaded = page.waitForResponse((r) => r.url().includes('/__folio-asset/') && r.url().includes('.webm'), { timeout: 30_000 })
  await page.locator('[data-testid=article-item][data-path="posts/trip.md"]').click()
  const response = await loaded
  expect(decodeURIComponent(new URL(response.url()).pathname)).toBe('/__folio-asset/posts/media/trip 旅行.webm')
  expect(response.status()).toBe(206)
  expect(await response.headerValue('content-range')).toMatch(/^bytes 0-\d+\/65536$/)
})

test("the renderer page carries the app's own CSP header from its protocol handler", async ({ launch }) => {
  const app = await launch({ files: { 'posts/a.md': '---\ntitle: A\n---\ntext\n' } })
  const response = await app.page.request.get(app.page.url())
  const policy = response.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("script-src 'self'")
  expect(policy).toContain("media-src 'self' folio-asset:")
  expect(policy).toContain("frame-ancestors 'none'")
})
