/**
 * axe-core over every screen and dialog, in light and dark: no serious or critical violation.
 * The preview frame and the site server's frame are left out: they show the author's own HTML.
 */
import { execFileSync } from 'node:child_process'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { png } from '../unit/media/images'
import { expect, test } from './support/fixtures'
import { confirmImageSettings, dropOnEditorEnd } from './support/images'

// Each axe run takes seconds on a loaded machine, and a screen takes one.
test.setTimeout(180_000)

const FOLDER = {
  'posts/first.md': '---\ntitle: First light\ndate: 2024-05-02 09:00:00\ntags: [notes, morning]\ncategories: [Life]\n---\n\nMorning pages.\n',
  'posts/second.md': '---\ntitle: 第二篇\ndate: 2024-05-01 09:00:00\ntags: [notes]\n---\n\n正文。\n',
  'posts/broken.md': '---\ntitle: [unclosed\n---\n\nBody.\n',
}

/** Runs axe on the page as it is now; fails listing each serious or critical rule and where. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .exclude('.preview-pane iframe')
    .exclude('[data-testid=siteserver-frame]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    )
  expect(serious, `${screen}:\n${serious.join('\n')}`).toEqual([])
}

async function everyScreen(page: Page, mode: string): Promise<void> {
  await expectAccessible(page, `${mode}: library`)
  await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
  await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('First light')
  await expectAccessible(page, `${mode}: article open`)

  // CodeMirror's find and replace panel, and the goal dialog from the status bar.
  await page.getByText('Morning pages.').click()
  await page.keyboard.press('ControlOrMeta+f')
  await expect(page.locator('.cm-search')).toBeVisible()
  await expectAccessible(page, `${mode}: find panel`)
  await page.keyboard.press('Escape')
  await page.getByTestId('goal').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('goal-dialog')).toBeVisible()
  await expectAccessible(page, `${mode}: goal`)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('goal-dialog')).toHaveCount(0)

  const dialogs: [string, string, string][] = [
    ['ControlOrMeta+p', 'quick-open', 'quick open'],
    ['ControlOrMeta+Shift+P', 'command-palette', 'command palette'],
    ['ControlOrMeta+n', 'new-article-dialog', 'new article'],
    ['ControlOrMeta+Shift+E', 'export-dialog', 'export'],
  ]
  for (const [keys, testId, name] of dialogs) {
    await page.keyboard.press(keys)
    await expect(page.getByTestId(testId)).toBeVisible()
    await expectAccessible(page, `${mode}: ${name}`)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(testId)).toHaveCount(0)
  }
  for (const [label, testId] of [
    ['Settings', 'settings'],
    ['Keyboard shortcuts', 'shortcuts'],
  ]) {
    await page.getByRole('button', { name: label, exact: true }).click()
    await expectAccessible(page, `${mode}: ${testId}`)
    await page.keyboard.press('Escape')
  }

  await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click({ button: 'right' })
  await expectAccessible(page, `${mode}: article menu`)
  await page
    .getByTestId('article-menu')
    .getByRole('menuitem', { name: /Rename/ })
    .click()
  await expectAccessible(page, `${mode}: rename`)
  await page.keyboard.press('Escape')

  await page.getByTestId('toggle-taxonomy').click()
  await expectAccessible(page, `${mode}: taxonomy`)
  await page.locator('[data-testid=taxonomy-value][data-key="tags"][data-value="morning"]').getByRole('button', { name: 'Rename \u2068morning\u2069' }).click()
  await page.getByTestId('taxonomy-ask-input').fill('evening')
  await page.getByTestId('taxonomy-ask-ok').click()
  await expect(page.getByTestId('bulk-preview').getByTestId('bulk-file')).toHaveCount(1)
  await expectAccessible(page, `${mode}: bulk-edit preview`)
  await page.getByTestId('bulk-close').click()
  await page.getByTestId('toggle-taxonomy').click()

  await page.getByTestId('library-search').pressSequentially('notes', { delay: 30 })
  await expect(page.getByTestId('search-results')).toBeVisible()
  await expectAccessible(page, `${mode}: search`)
  await page.keyboard.press('ControlOrMeta+Shift+h')
  await expect(page.getByTestId('library-replace')).toBeFocused()
  await page.keyboard.type('jottings', { delay: 30 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('replace-dialog').getByTestId('replace-file')).toHaveCount(2)
  await expectAccessible(page, `${mode}: replace across the folder`)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('replace-dialog')).toHaveCount(0)
  await page.getByTestId('library-search').fill('')

  await page.locator('[data-testid=article-item][data-path="posts/broken.md"]').click()
  await expect(page.getByTestId('properties-error')).toBeVisible()
  await expectAccessible(page, `${mode}: broken header`)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation on any screen (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: FOLDER })
    await page.emulateMedia({ colorScheme })
    await everyScreen(page, colorScheme)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation on the welcome screen (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: FOLDER, startEmpty: true })
    await page.emulateMedia({ colorScheme })
    await expectAccessible(page, `${colorScheme}: welcome`)
  })

  test(`no serious accessibility violation in the deleted-article and folder-gone banners (${colorScheme})`, async ({ launch, makeFolder }) => {
    const { page, contentDir } = await launch({ files: FOLDER })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
    await expect(page.locator('[data-testid=property][data-key=title] input')).toHaveValue('First light')
    await rm(join(contentDir, 'posts/first.md'))
    await expect(page.getByTestId('file-deleted')).toBeVisible({ timeout: 20_000 })
    await expectAccessible(page, `${colorScheme}: article deleted on disk`)
    // The whole folder moved away, into another of the test's folders, which the fixture removes.
    await rename(contentDir, join(await makeFolder(), 'moved'))
    await expect(page.getByTestId('folder-gone')).toBeVisible({ timeout: 20_000 })
    await expectAccessible(page, `${colorScheme}: folder gone`)
  })
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' } })

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the git panel (${colorScheme})`, async ({ launch, makeFolder }) => {
    const dir = await makeFolder({ files: FOLDER })
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, '-c', 'user.name=Writer', '-c', 'user.email=writer@example.com', 'add', '-A')
    git(dir, '-c', 'user.name=Writer', '-c', 'user.email=writer@example.com', 'commit', '-q', '-m', 'First')
    const { page } = await launch({ contentDir: dir })
    await page.emulateMedia({ colorScheme })
    await page.getByTestId('git-open').click()
    await expect(page.getByTestId('git-dialog').getByTestId('git-branch')).toContainText('main')
    await expectAccessible(page, `${colorScheme}: git panel`)
  })
}

const BLOG = {
  '_config.yml': 'title: Blog\npost_asset_folder: true\n',
  'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
  'source/_posts/trip.md': '---\ntitle: Trip\n---\n\n{% asset_img map.png %}\n\n![gone](missing.png)\n',
  'source/_posts/trip/map.png': png(4, 3),
  'source/_posts/trip/old.png': png(2, 2),
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the media panel (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: BLOG })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
    await page.getByTestId('toggle-media').click()
    await expect(page.getByTestId('media-panel').getByTestId('media-article-item')).toHaveCount(2, { timeout: 15_000 })
    await expectAccessible(page, `${colorScheme}: media panel`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the trash confirmation (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: FOLDER })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click({ button: 'right' })
    await page
      .getByTestId('article-menu')
      .getByRole('menuitem', { name: /Move to trash/ })
      .click()
    await expect(page.getByTestId('trash-dialog')).toBeVisible()
    await expectAccessible(page, `${colorScheme}: trash confirmation`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the unsaved-changes dialog (${colorScheme})`, async ({ launch, makeFolder }) => {
    const there = await makeFolder({ files: { 'elsewhere.md': '---\ntitle: Elsewhere\n---\n\nIn the other folder.\n' } })
    const { page } = await launch({ files: FOLDER, folderDialog: () => there })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
    await page.getByText('Morning pages.').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' More.', { delay: 40 })
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'dirty')
    await page.getByRole('button', { name: 'Open folder' }).click()
    await expect(page.getByTestId('unsaved-dialog')).toBeVisible()
    await expect(page.getByTestId('unsaved-paths')).toContainText('first.md')
    await expectAccessible(page, `${colorScheme}: unsaved-changes dialog`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the conflict dialog (${colorScheme})`, async ({ launch }) => {
    const { page, contentDir } = await launch({ files: FOLDER })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
    await page.getByText('Morning pages.').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Mine.', { delay: 40 })
    await writeFile(join(contentDir, 'posts/first.md'), FOLDER['posts/first.md'].replace('Morning pages.', 'Changed by another program.'))
    await page.keyboard.press('Control+s')
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'conflict')
    await expect(page.getByTestId('conflict-compare')).toContainText('Changed by another program.')
    await expectAccessible(page, `${colorScheme}: conflict dialog`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the image settings (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: FOLDER })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
    await page.getByText('Morning pages.').click()
    await page.keyboard.press('Control+End')
    await dropOnEditorEnd(page, 'photo.png', png(2, 2))
    await expect(page.getByTestId('image-settings')).toBeVisible({ timeout: 15_000 })
    await expectAccessible(page, `${colorScheme}: image settings`)
  })
}

const SITE = {
  '_config.yml': 'title: Blog\n',
  'package.json': '{"dependencies":{"hexo":"^7.0.0"}}',
  'source/_posts/trip.md': '---\ntitle: Trip\ncover: /images/cover.png\n---\n\n旅行的封面：![封面](/images/cover.png)\n',
  'source/_posts/home.md': '---\ntitle: Home\n---\n\nIntro.\n\n<img src="/images/cover.png">\n',
  'source/images/cover.png': png(8, 5),
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the move dialog (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: SITE })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="source/_posts/trip.md"]').click()
    await page.getByTestId('toggle-media').click()
    const item = page.getByTestId('media-panel').locator('[data-testid=media-article-item][data-path="source/images/cover.png"]').first()
    await item.getByTestId('media-move').click({ timeout: 30_000 })
    const input = page.getByTestId('media-move-dialog').getByRole('textbox')
    await expect(input).toBeFocused()
    await expectAccessible(page, `${colorScheme}: new image name`)
    await page.keyboard.type('hero', { delay: 40 })
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('move-dialog').getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
    await expectAccessible(page, `${colorScheme}: move dialog`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the publish dialog (${colorScheme})`, async ({ launch }) => {
    const build = `node -e "console.log('网站已生成')"`
    const { page } = await launch({ files: { ...FOLDER, 'package.json': JSON.stringify({ scripts: { build } }) } })
    await page.emulateMedia({ colorScheme })
    await page.getByTestId('publish-open').click()
    const dialog = page.getByTestId('publish-dialog')
    await expect(dialog.getByTestId('publish-command')).toHaveValue('npm run build')
    await expectAccessible(page, `${colorScheme}: publish`)
    await dialog.getByTestId('publish-run').click()
    await expect(dialog.getByTestId('publish-log')).toContainText('网站已生成')
    await expectAccessible(page, `${colorScheme}: publish output`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the site server pane (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({
      files: {
        '_config.yml': 'title: 博客\n',
        'package.json': JSON.stringify({ dependencies: { hexo: '^7.0.0', 'hexo-server': '^3.0.0' } }),
        'source/_posts/hello.md': '---\ntitle: 你好\n---\n\n正文。\n',
      },
    })
    await page.emulateMedia({ colorScheme })
    await page.getByTestId('siteserver-tab').click()
    await expect(page.getByTestId('siteserver-missing')).toContainText('npm install')
    await expectAccessible(page, `${colorScheme}: site server, tool missing`)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the recovery dialog (${colorScheme})`, async ({ launch }) => {
    const { page, journalDir } = await launch({ files: FOLDER })
    if (!journalDir) throw new Error('The harness must say where the journal lives.')
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="posts/first.md"]').click()
    await page.getByText('Morning pages.').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' More words.', { delay: 30 })
    // The window goes away with the edit unsaved once the crash journal holds it, and starts again.
    await expect.poll(() => readFile(join(journalDir, 'unsaved.json'), 'utf8').catch(() => ''), { timeout: 15_000 }).toContain('More words.')
    await page.reload()
    const dialog = page.getByTestId('recovery-dialog')
    await expect(dialog).toBeVisible({ timeout: 30_000 })
    await expect(dialog).toContainText('posts/first.md')
    await expectAccessible(page, `${colorScheme}: recovery dialog`)
  })
}

const HUGO_LEAF = {
  'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Notes"\n',
  'content/_index.md': '---\ntitle: Home\n---\n',
  'content/posts/sea.md': '+++\ntitle = "海边"\ndate = 2024-05-01T10:00:00+08:00\n+++\n\nThe sea at dawn.\n',
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the leaf-bundle dialog and notice (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: HUGO_LEAF })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="content/posts/sea.md"]').click()
    await page.getByText('The sea at dawn.').click()
    await page.keyboard.press('Control+End')
    await dropOnEditorEnd(page, 'sea.png', png(2, 2))
    await confirmImageSettings(page)
    const dialog = page.getByTestId('leaf-bundle-dialog')
    await expect(dialog.getByTestId('leaf-bundle-plan')).toBeVisible({ timeout: 15_000 })
    await expectAccessible(page, `${colorScheme}: leaf-bundle dialog`)
    await dialog.getByTestId('leaf-bundle-bundle').click()
    await expect(page.getByTestId('leaf-bundle-notice')).toContainText('content/posts/sea/index.md', { timeout: 15_000 })
    await expectAccessible(page, `${colorScheme}: leaf-bundle notice`)
  })
}

const HUGO_SITE = {
  'hugo.toml': 'baseURL = "https://example.org/"\ntitle = "Notes"\n',
  'layouts/_default/baseof.html': '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/single.html': '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n',
  'layouts/_default/list.html': '{{ define "main" }}<p>list</p>{{ end }}\n',
  'layouts/index.html': '{{ define "main" }}<p>home</p>{{ end }}\n',
  'content/posts/first-post.md': '---\ntitle: First\ndate: 2024-03-05T10:00:00+08:00\n---\n\nThe first words.\n',
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation in the site server's question and while it runs (${colorScheme})`, async ({ launch }) => {
    const { page } = await launch({ files: HUGO_SITE })
    await page.emulateMedia({ colorScheme })
    await page.locator('[data-testid=article-item][data-path="content/posts/first-post.md"]').click()
    await page.getByTestId('siteserver-tab').click()
    const pane = page.getByTestId('siteserver')
    await expect(pane).toHaveAttribute('data-status', 'stopped')
    await expectAccessible(page, `${colorScheme}: site server, stopped`)
    await page.getByTestId('siteserver-start').click()
    await expect(page.getByTestId('siteserver-trust')).toContainText('runs code from the folder')
    await expectAccessible(page, `${colorScheme}: site server, asking before it runs the site's code`)
    await page.getByTestId('siteserver-trust-start').click()
    await expect(pane).toHaveAttribute('data-status', 'running', { timeout: 90_000 })
    await page.getByTestId('siteserver-log-toggle').click()
    await expect(page.getByTestId('siteserver-log')).toBeVisible()
    await expectAccessible(page, `${colorScheme}: site server, running with its log`)
    await page.getByTestId('siteserver-stop').first().click()
    await expect(pane).toHaveAttribute('data-status', 'stopped', { timeout: 30_000 })
  })
}
