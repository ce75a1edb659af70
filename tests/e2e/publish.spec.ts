/**
 * Publishing as a writer does it: the dialog fills in what fits the site without running it,
 * Run runs it in the site folder with its output shown, and the command is kept for the folder.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test('a suggested publish command is filled in, runs only on Run, shows its output and is kept', async ({ launch }) => {
  const build = `node -e "require('fs').writeFileSync('public.txt', 'built'); console.log('网站已生成')"`
  const { page, contentDir: dir } = await launch({
    files: {
      'package.json': JSON.stringify({ scripts: { build } }),
      'posts/a.md': '---\ntitle: A\n---\n\nBody.\n',
    },
  })
  await page.getByTestId('publish-open').click()
  const dialog = page.getByTestId('publish-dialog')
  await expect(dialog.getByTestId('publish-command')).toHaveValue('npm run build')
  expect(existsSync(join(dir, 'public.txt'))).toBe(false)
  await dialog.getByTestId('publish-run').click()
  await expect(dialog.getByTestId('publish-result')).toHaveText(/finished without errors/)
  await expect(dialog.getByTestId('publish-log')).toContainText('网站已生成')
  expect(existsSync(join(dir, 'public.txt'))).toBe(true)

  // A failing command says so with its exit status; the command typed is kept for the folder.
  await dialog.getByTestId('publish-command').fill('echo "no deploy target" >&2; exit 2')
  await dialog.getByTestId('publish-run').click()
  await expect(dialog.getByTestId('publish-result')).toHaveText(/exit status 2/)
  await expect(dialog.getByTestId('publish-log')).toContainText('no deploy target')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByTestId('publish-open').click()
  await expect(page.getByTestId('publish-command')).toHaveValue('echo "no deploy target" >&2; exit 2')
})
