import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const HELLO = `---
title: Hello 世界
date: 2024-05-01 10:00:00
tags: [intro]
---

# Greetings

First paragraph with **bold** text.
`

test('open an article, type, save with Ctrl+S: the file holds exactly the typed change', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'posts/hello.md': HELLO, 'posts/other.md': '---\ntitle: Other\n---\nbody\n' } })

  await page.locator('[data-testid=article-item][data-path="posts/hello.md"]').click()
  const editor = page.locator('[data-testid=editor]')
  await expect(editor).toContainText('First paragraph')

  await page.getByText('First paragraph with').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Added line 加一句.')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  const item = page.locator('[data-testid=article-item][data-path="posts/hello.md"]')
  await expect(item.getByTestId('unsaved-mark')).toBeVisible()
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  await expect(item.getByTestId('unsaved-mark')).toHaveCount(0)

  const saved = await readFile(join(dir, 'posts/hello.md'), 'utf8')
  expect(saved).toBe(HELLO.replace('**bold** text.', '**bold** text. Added line 加一句.'))
})

test('the preview shows the rendered body', async ({ launch }) => {
  const { page } = await launch({ files: { 'hello.md': HELLO } })
  await page.locator('[data-testid=article-item][data-path="hello.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('h1')).toHaveText('Greetings')
  await expect(preview.locator('strong')).toHaveText('bold')
  // The header is not part of the rendered body.
  await expect(preview.locator('body')).not.toContainText('title:')
})

test('Ctrl+S saves while focus is outside the editor', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({ files: { 'a.md': '---\ntitle: A\n---\ntext\n' } })
  await page.locator('[data-testid=article-item][data-path="a.md"]').click()
  await page.getByText('text', { exact: true }).click()
  await page.keyboard.press('End')
  await page.keyboard.type('!')
  await page.locator('[data-testid=article-list]').focus()
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('---\ntitle: A\n---\ntext!\n')
})

test('a local image with a Chinese name and a space loads in the preview through the asset route', async ({ launch }) => {
  // A 1x1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
  const { page } = await launch({
    files: { 'posts/cat.md': '---\ntitle: Cat\n---\n\n![猫](<images/小 猫.png>)\n', 'posts/images/小 猫.png': png },
  })
  const loaded = page.waitForResponse((r) => r.url().includes('/__folio-asset/') && r.status() === 200)
  await page.locator('[data-testid=article-item][data-path="posts/cat.md"]').click()
  const response = await loaded
  expect(decodeURIComponent(new URL(response.url()).pathname)).toBe('/__folio-asset/posts/images/小 猫.png')
})

test('in a Hexo site a header without its opening fence is a header, not body', async ({ launch }) => {
  const { page } = await launch({
    files: {
      '_config.yml': 'title: Site\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/bare.md': 'title: Bare header\ndate: 2013/7/13 20:46:25\n---\n\nThe body.\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/bare.md"]').click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('Bare header')
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('body')).toContainText('The body.')
  await expect(preview.locator('body')).not.toContainText('Bare header')
})
