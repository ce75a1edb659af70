import type { Page } from '@playwright/test'
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Launch, type MakeFolder } from './support/fixtures'
import { confirmImageSettings, dropOnEditorEnd } from './support/images'
import { png } from '../unit/media/images'

const editor = (page: Page) => page.locator('.cm-content')

/** A stand-in for PicGo: copies the file to its "host" folder and prints the URL, or fails as a rejected upload does. */
async function fakeUploader(makeFolder: MakeFolder): Promise<{ command: (mode: string) => string; host: string }> {
  const dir = await makeFolder()
  const host = join(dir, 'host')
  const script = join(dir, 'picgo.mjs')
  await writeFile(
    script,
    `import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
const [mode, file] = process.argv.slice(2)
if (mode === 'fail') { console.error('[PicGo ERROR]: Error: 403 Forbidden (quota exceeded)'); process.exit(2) }
mkdirSync(${JSON.stringify(host)}, { recursive: true })
copyFileSync(file, join(${JSON.stringify(host)}, basename(file)))
console.log('[PicGo SUCCESS]:')
console.log('https://img.example.test/u/' + encodeURIComponent(basename(file)))
`,
  )
  await chmod(script, 0o755)
  return { command: (mode) => `"${process.execPath}" "${script}" ${mode} {file}`, host }
}

async function openPost(launch: Launch): Promise<{ page: Page; root: string }> {
  const { page, contentDir: root } = await launch({ files: { 'posts/trip.md': '---\ntitle: Trip\n---\n\nDay one.\n' } })
  await page.locator('[data-testid=article-item][data-path="posts/trip.md"]').click()
  await editor(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Photo: ', { delay: 30 })
  return { page, root }
}

test('an image dropped with an upload command set goes to the host and its URL is linked; no copy stays when none is wanted', async ({
  launch,
  makeFolder,
}) => {
  const { command, host } = await fakeUploader(makeFolder)
  const { page, root } = await openPost(launch)
  const image = png(6, 4)
  await dropOnEditorEnd(page, '海边 beach.png', image)
  await confirmImageSettings(page, async (dialog) => {
    await dialog.getByTestId('image-upload-command').click()
    await page.keyboard.type(command('upload'), { delay: 5 })
    // Keep-a-copy is on by default; the writer turns it off with the keyboard.
    await dialog.getByTestId('image-keep-local').focus()
    await page.keyboard.press('Space')
    await expect(dialog.getByTestId('image-keep-local')).not.toBeChecked()
  })
  const link = '![海边 beach](https://img.example.test/u/%E6%B5%B7%E8%BE%B9%20beach.png)'
  await expect(editor(page)).toContainText(`Photo: ${link}`, { timeout: 30_000 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })
  expect(await readFile(join(root, 'posts/trip.md'), 'utf8')).toBe(`---\ntitle: Trip\n---\n\nDay one.\nPhoto: ${link}`)
  expect(await readFile(join(host, '海边 beach.png'))).toEqual(image)
  expect(await readdir(join(root, 'posts'))).toEqual(['trip.md'])
})

test('a failed upload shows what the command printed and inserts nothing', async ({ launch, makeFolder }) => {
  const { command } = await fakeUploader(makeFolder)
  const { page, root } = await openPost(launch)
  await dropOnEditorEnd(page, 'shot.png', png(3, 3))
  await confirmImageSettings(page, async (dialog) => {
    await dialog.getByTestId('image-upload-command').click()
    await page.keyboard.type(command('fail'), { delay: 5 })
  })
  await expect(page.getByText(/Uploading shot\.png failed: .* ended with exit status 2\. It printed:/)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/403 Forbidden \(quota exceeded\)/)).toBeVisible()
  await expect(page.locator('.cm-line').last()).toHaveText('Photo: ')
  expect(await readdir(join(root, 'posts'))).toEqual(['trip.md'])
})
