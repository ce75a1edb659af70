/**
 * Git for writers, as a person uses it: edit and save, see the article marked as changed,
 * commit it alone with a suggested message, push to the team's remote; then look back in its
 * history and restore an older version as one undoable edit. Real git, a local bare remote.
 */
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type MakeFolder } from './support/fixtures'

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'core.quotepath=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' },
  })

/** A site under git with a pushed first commit and a local bare remote. */
async function siteInGit(makeFolder: MakeFolder): Promise<{ dir: string; remote: string }> {
  const dir = await makeFolder({
    files: {
      'posts/旅行.md': '---\ntitle: 旅行笔记\ntags: [travel]\n---\n\n第一天。\n',
      'posts/other.md': '---\ntitle: Other post\n---\n\nOther body.\n',
    },
  })
  const remote = join(await makeFolder(), 'site.git')
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Writer')
  git(dir, 'config', 'user.email', 'writer@example.com')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'First')
  git(dir, 'init', '-q', '--bare', '-b', 'main', remote)
  git(dir, 'remote', 'add', 'origin', remote)
  git(dir, 'push', '-q', '-u', 'origin', 'main')
  return { dir, remote }
}

test('edit, save, commit only that article with a suggested message, and push', async ({ launch, makeFolder }) => {
  const { dir, remote } = await siteInGit(makeFolder)
  // Someone else's change in the folder, which must not be swept into my commit.
  await writeFile(join(dir, 'posts/other.md'), '---\ntitle: Other post\n---\n\nTheir edit.\n')
  const { page } = await launch({ contentDir: dir })
  await page.locator('[data-testid=article-item][data-path="posts/旅行.md"]').click()
  await page.getByText('第一天。').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Sunny.', { delay: 20 })
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')

  const row = page.locator('[data-testid=article-item][data-path="posts/旅行.md"]')
  await expect(row.getByTestId('git-badge')).toHaveText('Changed')
  await expect(page.getByTestId('git-open')).toContainText('main')
  await expect(page.getByTestId('git-open')).toContainText('2 changed')

  await page.getByTestId('git-open').click()
  const dialog = page.getByTestId('git-dialog')
  await expect(dialog.getByTestId('git-branch')).toContainText('On branch \u2068main\u2069')
  // Leave the other writer's article out.
  await dialog.locator('[data-path="posts/other.md"] input[type=checkbox]').uncheck()
  await expect(dialog.getByTestId('git-message')).toHaveValue('Update “旅行笔记”')
  await dialog.getByTestId('git-commit').click()
  await expect(dialog.getByTestId('git-outcome')).toContainText('Committed')
  expect(git(dir, 'show', '--name-only', '--format=%s|%an', 'HEAD').trim().split('\n')).toEqual(['Update “旅行笔记”|Writer', '', 'posts/旅行.md'])
  expect(git(dir, 'status', '--porcelain').trim()).toBe('M posts/other.md')
  await expect(page.getByTestId('git-open')).toContainText('↑1')

  await dialog.getByTestId('git-push').click()
  await expect(dialog.getByTestId('git-outcome')).toContainText('Pushed')
  expect(git(remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('Update “旅行笔记”')
  await expect(page.getByTestId('git-open')).not.toContainText('↑')
})

test('history shows who changed an article and restores an older version as one undoable edit', async ({ launch, makeFolder }) => {
  const { dir } = await siteInGit(makeFolder)
  const file = join(dir, 'posts/旅行.md')
  await writeFile(file, '---\ntitle: 旅行笔记\ntags: [travel]\n---\n\n第一天。第二天。\n')
  git(dir, 'commit', '-q', '-am', 'Second day')
  const { page } = await launch({ contentDir: dir })
  await page.locator('[data-testid=article-item][data-path="posts/旅行.md"]').click()
  await expect(page.locator('[data-testid=editor]')).toContainText('第二天。')
  await page.getByTestId('git-history-open').click()
  const history = page.getByTestId('git-history')
  await expect(history.locator('.git-commits li')).toHaveCount(2)
  await expect(history.locator('.git-commits li').first()).toContainText('Second day')
  await expect(history.locator('.git-commits li').first()).toContainText('Writer')
  // The newest commit is shown first: the editor holds exactly that version.
  await expect(history.getByTestId('git-past-text')).toContainText('same as the text in the editor')
  await history.locator('.git-commits li').nth(1).getByRole('button').click()
  const hunk = history.getByTestId('merge-hunk')
  await expect(hunk).toHaveCount(1)
  await expect(hunk).toContainText('第一天。第二天。')
  await expect(hunk).toContainText('第一天。')
  await history.getByTestId('git-restore').click()
  await expect(history).toBeHidden()
  await expect(page.locator('[data-testid=editor]')).not.toContainText('第二天。')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'dirty')
  await page.locator('[data-testid=editor] .cm-content').focus()
  await page.keyboard.press('Control+z')
  await expect(page.locator('[data-testid=editor]')).toContainText('第二天。')
  await page.keyboard.press('Control+Shift+z')
  await page.keyboard.press('Control+s')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')
  expect(await readFile(file, 'utf8')).toBe('---\ntitle: 旅行笔记\ntags: [travel]\n---\n\n第一天。\n')
})

test('a pull that overlaps my commit is merged place by place in the app, saved and marked resolved', async ({ launch, makeFolder }) => {
  const { dir, remote } = await siteInGit(makeFolder)
  const other = join(await makeFolder(), 'clone')
  git(tmpdir(), 'clone', '-q', remote, other)
  git(other, 'config', 'user.name', 'Colleague')
  git(other, 'config', 'user.email', 'colleague@example.com')
  await writeFile(join(other, 'posts/旅行.md'), '---\ntitle: 旅行笔记（修订）\ntags: [travel]\n---\n\n第一天。\n')
  git(other, 'commit', '-q', '-am', 'Better title')
  git(other, 'push', '-q')
  const file = join(dir, 'posts/旅行.md')
  await writeFile(file, '---\ntitle: 旅行笔记·上\ntags: [travel]\n---\n\n第一天。\n')
  git(dir, 'commit', '-q', '-am', 'My title')

  const { page } = await launch({ contentDir: dir })
  await page.getByTestId('git-open').click()
  const dialog = page.getByTestId('git-dialog')
  await dialog.getByTestId('git-pull').click()
  await expect(dialog.getByTestId('git-outcome')).toContainText('overlap yours')
  await expect(dialog.getByTestId('git-operation')).toContainText('merge')
  await dialog.getByTestId('git-merge-open').click()
  const merge = page.getByTestId('git-merge')
  await expect(merge.getByTestId('merge-hunk')).toHaveCount(1)
  await merge.getByTestId('merge-take-theirs').click()
  await merge.getByTestId('merge-apply').click()
  await expect(merge).toBeHidden()
  await expect.poll(() => readFile(file, 'utf8')).toBe('---\ntitle: 旅行笔记（修订）\ntags: [travel]\n---\n\n第一天。\n')
  await expect.poll(() => git(dir, 'status', '--porcelain').trim()).toBe('M  posts/旅行.md')
  await expect(page.locator('[data-testid=save-status]')).toHaveAttribute('data-state', 'saved')

  // Committing concludes the merge, which pushes cleanly.
  await page.getByTestId('git-open').click()
  await dialog.getByTestId('git-message').fill('Take the revised title')
  await dialog.getByTestId('git-commit').click()
  await expect(dialog.getByTestId('git-outcome')).toContainText('Committed')
  expect(git(dir, 'log', '-1', '--format=%s|%p', 'HEAD').trim()).toMatch(/^Take the revised title\|[0-9a-f]+ [0-9a-f]+$/)
  await dialog.getByTestId('git-push').click()
  await expect(dialog.getByTestId('git-outcome')).toContainText('Pushed')
})

test('a folder outside git shows no git controls', async ({ launch }) => {
  const { page } = await launch({ files: { 'a.md': '---\ntitle: A\n---\n\nBody.\n' } })
  await expect(page.locator('[data-testid=article-item]')).toHaveCount(1)
  await page.waitForTimeout(500)
  await expect(page.getByTestId('git-open')).toHaveCount(0)
})
