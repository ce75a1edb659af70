/**
 * Embeds in the preview load nothing until the writer clicks one, and only while remote content
 * is allowed: the card then plays in a player laid over it, outside the script-less preview
 * frame (whose sandbox stays as it is). The "video site" is a local HTTP server that counts the
 * requests it gets.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/fixtures'

let server: Server | null = null
test.afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

test('an embed is a card that loads only when clicked, with remote content allowed, in a player over the card', async ({ launch }) => {
  test.setTimeout(180_000)
  const requests: string[] = []
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end('<!doctype html><title>player</title><body style="margin:0;background:#000;color:#fff">PLAYING</body>')
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const embed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/embed/video-1`
  const { page } = await launch({
    files: {
      'posts/other.md': '---\ntitle: Other\n---\n\nNo video here.\n',
      'posts/video.md': `---\ntitle: Video\n---\n\nBefore the video.\n\n<iframe src="${embed}" width="560" height="315"></iframe>\n\n<div class="folio-embed" data-embed-src="javascript:alert(1)">A card of the article's own</div>\n\nAfter the video.\n`,
    },
  })
  await page.locator('[data-testid=article-item][data-path="posts/video.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  const card = preview.locator(`.folio-embed[data-embed-src="${embed}"]`)
  await expect(card).toContainText(embed)
  // The preview frame's sandbox is as strict as ever.
  await expect(page.locator('iframe[data-testid=preview]')).toHaveAttribute('sandbox', 'allow-same-origin')

  // Remote content is off: the bar counts the embed, a click says why nothing plays, nothing loads.
  await expect(page.getByTestId('remote-bar')).toHaveAttribute('data-state', 'blocked')
  await card.click()
  await expect(card).toHaveAttribute('data-embed-note', /Remote content is off/)
  await page.waitForTimeout(500)
  expect(requests).toEqual([])
  await expect(page.getByTestId('embed-player')).toHaveCount(0)

  // Allowed for the folder: still nothing until the writer clicks the card.
  await page.getByTestId('remote-load').click()
  const cardAgain = preview.locator(`.folio-embed[data-embed-src="${embed}"]`)
  await expect(cardAgain).toBeVisible()
  await page.waitForTimeout(500)
  expect(requests).toEqual([])
  // The keyboard plays it too.
  await cardAgain.focus()
  await page.keyboard.press('Enter')
  const player = page.getByTestId('embed-player')
  await expect(player).toHaveCount(1)
  await expect(player).toHaveAttribute('src', embed)
  await expect.poll(() => requests).toEqual(['/embed/video-1'])
  await expect(page.frameLocator('[data-testid=embed-player]').locator('body')).toHaveText('PLAYING')
  await expect(cardAgain).toHaveAttribute('data-embed-state', 'playing')
  // The player lies over its card, and follows it when the preview scrolls.
  const over = async () => {
    const a = (await player.boundingBox())!
    const b = (await cardAgain.boundingBox())!
    return [Math.round(a.x - b.x), Math.round(a.y - b.y), Math.round(a.width - b.width), Math.round(a.height - b.height)]
  }
  await expect.poll(over).toEqual([0, 0, 0, 0])
  await page.locator('iframe[data-testid=preview]').hover()
  await page.mouse.wheel(0, 60)
  await expect.poll(over).toEqual([0, 0, 0, 0])

  // A card the article wrote itself with a script address plays nothing.
  await preview.locator('.folio-embed:not([data-embed-src^="http"])').click()
  await expect(player).toHaveCount(1)

  // Another article: the player goes with its card.
  await page.locator('[data-testid=article-item][data-path="posts/other.md"]').click()
  await expect(preview.getByText('No video here.')).toBeVisible()
  await expect(player).toHaveCount(0)
})
