/**
 * The Chinese UI speaks Chinese: a person walks the whole app in zh-CN (welcome, library, editor,
 * form, preview, status bar, every dialog, panel and menu, error banners and empty states) and at
 * each stop every visible string is checked for English words. Allowed are product and format
 * names and keys on the keyboard (a list: they are the same in every language), and the author's
 * own content by where it is shown, never by its words: the editor's text, the preview, elements
 * marked as the author's (`translate="no"`: paths, header keys as written), names isolated inside
 * a sentence (U+2068 … U+2069: a key, a hook, a branch), file names with their extension, and the
 * folder's own path. No word is allowed for being the author's: a header key or a branch is marked where
 * it is shown, never let through by its spelling.
 */
import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SiteServerMissing } from '../../shared/contract'
import { confirmImageSettings, dropOnEditorEnd } from './support/images'
import { expect, test } from './support/fixtures'

/** Names that are the same in every language: products, formats, keys on the keyboard, units. */
const NAMES = [
  // The search options' glyphs (match case, whole word), named in Chinese for screen readers.
  'Aa',
  'ab',
  // The file a Ruby site lists its gems in.
  'Gemfile',
  'Folio',
  'Markdown',
  'HTML',
  'YAML',
  'TOML',
  'JSON',
  'Hexo',
  'Hugo',
  'Jekyll',
  'Astro',
  'MDX',
  'Vim',
  'Git',
  'git',
  'PDF',
  'CSS',
  'URL',
  'UTF',
  'BOM',
  'CRLF',
  'LF',
  'CR',
  'ID',
  'RSS',
  'SVG',
  'PNG',
  'JPEG',
  'WebP',
  'GIF',
  'KB',
  'MB',
  'GB',
  'px',
  'Ctrl',
  'Shift',
  'Alt',
  'Cmd',
  'Enter',
  'Esc',
  'Tab',
  'Space',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Up',
  'Down',
  'Left',
  'Right',
  'Backspace',
  'Delete',
  'English',
  'npm',
  'npx',
  'hexo',
  'Typora',
  'Obsidian',
  'CodeMirror',
  'Mermaid',
  'Ruby',
  // Ruby's package tool, which runs a Jekyll site's server.
  'Bundler',
  // Systems named where the way to install a tool differs on each.
  'Debian',
  'Ubuntu',
  'macOS',
  'Mod',
  'GPS',
  // Image uploaders.
  'PicGo',
  'PicList',
]

/** The author's content in the folder walked: file and folder names, header keys and values written in Latin letters. */
const POSTS: Record<string, string> = {
  '_config.yml': 'title: 我的博客\nlanguage: zh-CN\npermalink: :year/:month/:day/:title/\nnew_post_name: :title.md\n',
  'package.json': '{\n  "name": "wode-boke",\n  "private": true,\n  "scripts": { "server": "hexo server" },\n  "dependencies": { "hexo": "^7.0.0" }\n}\n',
  'scaffolds/post.md': '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n',
  'source/_posts/chuntian.md':
    '---\ntitle: 春天的第一篇文章\ndate: 2024-03-01 10:00:00\ntags:\n  - 随笔\n  - 生活\ncategories:\n  - 日记\n---\n\n春天来了，花都开了。\n\n## 小标题\n\n{% asset_img zhaopian.png 一张照片 %}\n\n![缺失的图](/images/queshi.png)\n\n另一段正文，写着春天的事。\n',
  'source/_posts/xiatian.md': '---\ntitle: 夏天\ndate: 2024-06-01 09:00:00\ntags: [随笔]\n---\n\n夏天很热。\n',
  'source/_posts/huaile.md': '---\ntitle: "头部坏了\ndate: 2024-07-01\n---\n\n这篇的头部有一个没有闭合的引号。\n',
  'source/_posts/chongfu.md': '---\ntitle: 重复\ntitle: 又一个\n---\n\n重复的键。\n',
  'source/_posts/tupian.md': '---\ntitle: 有图的文章\n---\n\n一张图：![图片](/images/tupian.png)\n',
  // A diagram Mermaid cannot draw: its own (English) words about why, and the sentence the preview says.
  'source/_posts/tubiao.md': '---\ntitle: 流程图\n---\n\n```mermaid\ngraph TD\n  开始 --> --> [[[\n```\n',
  'source/images/tupian.png': '',
  // Tags Hexo would stop at: a code file that is not there, a post no slug names.
  'source/_posts/daima.md': '---\ntitle: 代码\ndate: 2024-08-01\n---\n\n{% include_code quefa.js %}\n\n见 {% post_link meiyou %}。\n',
  // Installed, so the site server pane asks before running the site's code.
  'node_modules/hexo/package.json': '{ "name": "hexo", "version": "7.0.0", "bin": { "hexo": "bin/hexo" } }\n',
  'node_modules/hexo/bin/hexo': '#!/usr/bin/env node\n',
  'node_modules/hexo-server/package.json': '{ "name": "hexo-server", "version": "3.0.0" }\n',
}
const ALLOWED = NAMES.filter((w) => w.length > 1)

/**
 * The author's names inside a sentence, by their shape: a file name with its extension and the
 * folders before it (`source/_posts/chuntian.md`, `../../../waimian/:title.md`, `/images/a.png`),
 * an extension on its own (`.md`), a template's `{token}`. A word is not allowed for being one of
 * theirs: `name` in a sentence is English, `new_post_name.md` would be a file.
 */
const THEIRS = String.raw`\{\w+\}|(?:\.{0,2}/)?(?:[\p{L}\p{N}_.:~@-]+/)*[\p{L}\p{N}_.:-]*[\p{L}\p{N}_-]\.(?:png|jpe?g|gif|webp|svg|md|markdown|mdx|html?|txt|yml|yaml|toml|json|js|css)\b|(?<![\p{L}\p{N}_/])\.(?:md|markdown|mdx|html?|txt|yml|yaml|toml|json)\b`

/** Elements whose text is the author's or a tool's, not the UI's: shown as written, never checked. */
const AUTHORS =
  '.cm-content, .cm-line, code, kbd, pre, iframe, [data-user-content], [translate=no], .cm-vim-panel, select option, .article-title, .folder-name, .cm-gutter-lint'

/** The English words of a text the UI shows, outside names, the folders' own paths (`folders`, space-separated) and the author's file names. */
function englishIn(text: string, folders: string): string[] {
  // A name the UI marks as the author's or a tool's inside its sentence (isolated: U+2068 … U+2069).
  let left = text.replace(/\u2068[^\u2069]*\u2069/g, ' ')
  // The folder's path is the writer's choice: taken out whole, longest first.
  for (const folder of folders
    .split(' ')
    .filter(Boolean)
    .sort((a, b) => b.length - a.length))
    left = left.split(folder).join(' ')
  left = left.replace(new RegExp(THEIRS, 'giu'), ' ')
  const ok = new Set(ALLOWED)
  return (left.match(/[A-Za-z][A-Za-z’']*[A-Za-z]/g) ?? []).filter((word) => !ok.has(word) && !ok.has(word.replace(/[’']s$/, '')))
}

/**
 * Every visible English word on the page, with where it was: text of shown elements and the
 * labels a person meets (placeholder, title, aria-label, alt). The article's own text (the
 * editor's lines, the preview's frame), code and what is marked as the author's are not the UI's.
 */
async function englishOnScreen(page: Page, folder: string): Promise<string[]> {
  const texts = await page.evaluate((authors) => {
    const seen: { text: string; where: string }[] = []
    const shown = (el: Element | null): boolean => {
      if (!el) return false
      if (el.getClientRects().length === 0) return false
      const style = getComputedStyle(el)
      return style.visibility !== 'hidden' && style.display !== 'none'
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(authors) || parent.closest('script, style, noscript') || !shown(parent)) continue
      // Inside a closed <details>, only the summary shows.
      const details = parent.closest('details')
      if (details && !details.open && !parent.closest('summary')) continue
      seen.push({ text: node.textContent ?? '', where: parent.tagName.toLowerCase() + (parent.className ? '.' + String(parent.className).split(' ')[0] : '') })
    }
    for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt], [aria-description]')) {
      if (el.closest(authors.replace('.cm-gutter-lint, ', '').replace(', .article-title', '')) || !shown(el)) continue
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt', 'aria-description']) {
        const value = el.getAttribute(attr)
        // The library's row title is the article's path, the author's own.
        if (value && !(attr === 'title' && el.matches('[data-testid=article-item], .folder-name')))
          seen.push({ text: value, where: `${el.tagName.toLowerCase()}[${attr}]` })
      }
    }
    return seen
  }, AUTHORS)
  return texts.flatMap(({ text, where }) => englishIn(text, folder).map((word) => `${word} — ${where}: “${text.trim().replace(/\s+/g, ' ').slice(0, 100)}”`))
}

/**
 * Every English word in what the preview says itself (about tags the generator would stop at, a
 * diagram Mermaid cannot draw): the frame is the author's, but those sentences are the UI's. The
 * source shown and a tool's words set apart (code, marked translate="no") are not.
 */
async function englishInPreview(page: Page, folder: string): Promise<string[]> {
  const said = await page
    .frameLocator('iframe[data-testid=preview]')
    .locator('.folio-tag-why, .folio-diagram-error')
    .evaluateAll((elements) =>
      elements.flatMap((element) => {
        const texts: string[] = []
        const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          if (!node.parentElement?.closest('pre, code, [translate=no]')) texts.push(node.textContent ?? '')
        return texts
      }),
    )
  return said.flatMap((text) => englishIn(text, folder).map((word) => `${word} — preview: “${text.trim()}”`))
}

/** Checks one stop of the walk; all stops are reported together at the end. */
async function stop(page: Page, name: string, problems: string[], folder: string): Promise<void> {
  // Let the stop settle: what follows an action (a list, a banner) is part of it.
  await page.waitForTimeout(300)
  for (const word of [...(await englishOnScreen(page, folder)), ...(await englishInPreview(page, folder))]) {
    problems.push(`[${name}] ${word}`)
    // Said at once too, so a walk that stops half way still shows what it met.
    console.log(`[${name}] ${word}`)
  }
}

/** Chinese typed as a pinyin input method sends it: a composition that grows, then the chosen characters. */
async function typeChinese(page: Page, pinyin: string, chosen: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  for (let i = 1; i <= pinyin.length; i++) {
    const text = pinyin.slice(0, i)
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
  }
  await cdp.send('Input.insertText', { text: chosen })
  await cdp.detach()
}

test('walking the whole app in zh-CN meets no English outside names and the author’s own content', async ({ launch }) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'drives Chromium’s IME through CDP and answers the folder dialog')
  test.setTimeout(600_000)
  const { page, contentDir: dir } = await launch({ files: POSTS, startEmpty: true })
  const problems: string[] = []

  await page.getByLabel('Language').selectOption('zh-CN')
  await stop(page, 'welcome', problems, dir)

  await page.getByRole('button', { name: '打开文件夹…' }).first().click()
  await expect(page.locator('[data-testid=library][aria-busy=false] [data-testid=article-list]')).toBeVisible({ timeout: 60_000 })
  await stop(page, 'library, nothing open', problems, dir)

  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="source/_posts/${path}"]`)
  await row('chuntian.md').click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toContainText('春天来了')
  await stop(page, 'article open: editor, form, preview, status bar', problems, dir)

  // CodeMirror's own find panel, opened from the text with the keyboard.
  await page.getByText('春天来了').click()
  await page.keyboard.press('Control+f')
  await expect(page.locator('.cm-search')).toBeVisible()
  await stop(page, 'find panel', problems, dir)
  await page.keyboard.press('Escape')

  await row('huaile.md').click()
  await expect(page.getByTestId('properties-error')).toBeVisible()
  await stop(page, 'header that does not parse: banner and status bar', problems, dir)
  const marker = page.locator('[data-testid=editor] .cm-gutter-lint .cm-lint-marker-error')
  await expect(marker).toHaveCount(1, { timeout: 15_000 })
  await marker.hover()
  await expect(page.locator('.cm-tooltip')).toBeVisible()
  await stop(page, 'header lint tooltip', problems, dir)
  await page.mouse.move(0, 0)

  await row('chongfu.md').click()
  await expect(page.getByTestId('properties-error')).toBeVisible()
  await stop(page, 'duplicate key', problems, dir)

  // Tags Hexo would stop at, said in the preview.
  await row('daima.md').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('.folio-tag-why[data-reason=code-missing]')).toBeVisible({ timeout: 30_000 })
  await expect(preview.locator('.folio-tag-why[data-reason=hexo-no-post]')).toBeVisible()
  await stop(page, 'preview: tags Hexo would stop at', problems, dir)

  // A diagram Mermaid cannot draw: the sentence in Chinese, Mermaid's own words set apart after it.
  await row('tubiao.md').click()
  await expect(preview.locator('.folio-diagram-error')).toBeVisible({ timeout: 60_000 })
  await stop(page, 'preview: a diagram Mermaid cannot draw', problems, dir)

  await row('chuntian.md').click()
  await page.getByText('春天来了').click()
  await page.keyboard.press('Control+Shift+p')
  await expect(page.getByRole('dialog')).toBeVisible()
  await stop(page, 'command palette', problems, dir)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+p')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.type('cht', { delay: 60 })
  await stop(page, 'quick open', problems, dir)
  await page.keyboard.press('Escape')

  for (const [name, open] of [
    ['settings', () => page.getByRole('button', { name: '设置' }).click()],
    ['shortcuts', () => page.getByRole('button', { name: '键盘快捷键' }).click()],
    ['export', () => page.getByTestId('export-open').click()],
    ['new article', () => page.keyboard.press('Control+n')],
    ['publish', () => page.getByTestId('publish-open').click()],
  ] as const) {
    await open()
    await expect(page.getByRole('dialog').first()).toBeVisible()
    await stop(page, name, problems, dir)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
  }

  expect(problems, problems.join('\n')).toEqual([])
})

test('the panels, the folder search typed through an input method, the article menu and a save conflict in zh-CN meet no English either', async ({
  launch,
}) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'drives Chromium’s IME through CDP and fails a save in the harness')
  test.setTimeout(600_000)
  // A failure no real folder gives on demand (the bridge itself failing), made where the harness hands calls on.
  let failSaves = false
  const { page, contentDir: dir } = await launch({
    files: POSTS,
    holdCall: (method) => {
      if (failSaves && (method === 'saveArticle' || method === 'saveArticleAs')) throw new Error('write EPIPE: the connection to the main process broke')
    },
  })
  const problems: string[] = []
  await page.getByLabel('Language').selectOption('zh-CN')
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="source/_posts/${path}"]`)
  await row('chuntian.md').click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toContainText('春天来了')

  await page.getByTestId('toggle-taxonomy').click()
  await stop(page, 'taxonomy panel', problems, dir)
  await page.getByTestId('toggle-taxonomy').click()
  await page.getByTestId('toggle-media').click()
  await expect(page.getByTestId('media-panel')).toBeVisible()
  await stop(page, 'media panel', problems, dir)
  await page.getByTestId('toggle-media').click()

  await page.getByTestId('siteserver-tab').click()
  await stop(page, 'site server pane', problems, dir)
  await page.getByTestId('siteserver-start').click()
  await stop(page, 'site server: asking to run the site’s code', problems, dir)
  await page.keyboard.press('Escape')
  await page.getByTestId('preview-tab').click()

  // Search across the folder, the query typed through an input method.
  await page.getByTestId('library-search').click()
  await typeChinese(page, 'chuntian', '春天')
  await expect(page.getByTestId('search-hit').first()).toBeVisible({ timeout: 30_000 })
  await stop(page, 'folder search results', problems, dir)
  await page.keyboard.press('Control+Shift+h')
  await stop(page, 'replace row', problems, dir)
  await page.keyboard.press('Escape')
  await page.getByTestId('library-search').fill('')

  // The article menu from the keyboard, then a rename onto a name that exists: the error it shows.
  await row('xiatian.md').focus()
  await page.getByTestId('article-list').focus()
  await page.keyboard.press('Shift+F10')
  await expect(page.getByRole('menu')).toBeVisible()
  await stop(page, 'article menu', problems, dir)
  await page.keyboard.press('Escape')

  // A save that fails for a reason Folio cannot name: the status bar says so in Chinese, the error's own words set apart.
  await row('chuntian.md').click()
  await page.getByText('另一段正文').click()
  await page.keyboard.press('End')
  await typeChinese(page, 'hai', '还')
  failSaves = true
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error', { timeout: 30_000 })
  await stop(page, 'failed save: status bar', problems, dir)
  failSaves = false

  // Unsaved edit, then the file changes on disk and a save finds the conflict.
  await row('xiatian.md').click()
  await page.getByText('夏天很热').click()
  await page.keyboard.press('End')
  await typeChinese(page, 'zhen', '真')
  await writeFile(join(dir, 'source/_posts/xiatian.md'), '---\ntitle: 夏天\ndate: 2024-06-01 09:00:00\ntags: [随笔]\n---\n\n别处改过了。\n')
  await page.keyboard.press('Control+s')
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 30_000 })
  await stop(page, 'save conflict', problems, dir)
  await page.keyboard.press('Escape')

  expect(problems, problems.join('\n')).toEqual([])
})

test('the git panel, bulk edit, moving an image, image settings, a goal and the recovery after a crash in zh-CN meet no English either', async ({
  launch,
  makeFolder,
}) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'restarts with the journal the harness keeps in the profile')
  test.setTimeout(600_000)
  const dir = await makeFolder({ files: POSTS })
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' } })
  git('init', '-q', '-b', 'main')
  git('-c', 'user.name=Writer', '-c', 'user.email=writer@example.com', 'add', '-A')
  git('-c', 'user.name=Writer', '-c', 'user.email=writer@example.com', 'commit', '-q', '-m', 'First')
  await writeFile(join(dir, 'source/_posts/xiatian.md'), '---\ntitle: 夏天\ndate: 2024-06-01 09:00:00\ntags: [随笔]\n---\n\n夏天很热，改过了。\n')
  let app = await launch({ contentDir: dir })
  const { profileDir } = app
  let { page } = app
  const problems: string[] = []
  await page.getByLabel('Language').selectOption('zh-CN')
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="source/_posts/${path}"]`)

  // Git: the status in the library and the dialog, opened from the keyboard.
  await expect(page.getByTestId('git-open')).toContainText('main', { timeout: 30_000 })
  await stop(page, 'library with git changes', problems, dir)
  await page.getByTestId('git-open').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('git-dialog')).toBeVisible()
  await stop(page, 'git dialog', problems, dir)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // A bulk field edit over three articles chosen with Ctrl-click, and its preview: one header does not parse, so that article is left alone.
  await row('chuntian.md').click({ modifiers: ['Control'] })
  await row('xiatian.md').click({ modifiers: ['Control'] })
  await row('huaile.md').click({ modifiers: ['Control'] })
  await stop(page, 'three articles selected', problems, dir)
  await page.getByTestId('bulk-edit').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await stop(page, 'bulk edit', problems, dir)
  await page.getByTestId('bulk-action').selectOption('add-to-list')
  await page.getByTestId('bulk-key').fill('tags')
  await page.getByTestId('bulk-value').fill('精选')
  await page.getByTestId('bulk-field-preview').click()
  await expect(page.getByTestId('bulk-preview')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('bulk-skipped').locator('li[data-path="source/_posts/huaile.md"]')).toBeVisible()
  await stop(page, 'bulk edit preview, one article left alone', problems, dir)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Moving an image the article shows: the name asked for, then the preview of every reference.
  await row('tupian.md').click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toContainText('一张图')
  await page.getByTestId('toggle-media').focus()
  await page.keyboard.press('Enter')
  const image = page.getByTestId('media-panel').locator('[data-testid=media-article-item][data-path="source/images/tupian.png"]').first()
  await expect(image).toBeVisible({ timeout: 30_000 })
  await image.getByTestId('media-move').focus()
  await page.keyboard.press('Enter')
  const name = page.getByTestId('media-move-dialog').getByRole('textbox')
  await expect(name).toBeFocused()
  await stop(page, 'image new name', problems, dir)
  await page.keyboard.type('tupian2', { delay: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('move-dialog').getByTestId('move-preview')).toBeVisible({ timeout: 30_000 })
  await stop(page, 'move preview', problems, dir)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Image settings, from the command palette.
  await page.keyboard.press('Control+Shift+p')
  await page.keyboard.type('图片设置', { delay: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('image-settings')).toBeVisible()
  await stop(page, 'image settings', problems, dir)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // A goal for the article, from the status bar by keyboard, and its progress.
  await row('chuntian.md').click()
  await page.getByTestId('goal').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('goal-dialog')).toBeVisible()
  await stop(page, 'goal dialog', problems, dir)
  await page.keyboard.type('500', { delay: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('goal-progress')).toBeVisible()
  await stop(page, 'goal in the status bar', problems, dir)

  // Unsaved typing, then a crash: the next start offers what was journaled.
  await page.getByText('春天来了').click()
  await page.keyboard.press('End')
  await typeChinese(page, 'xinde', '新的')
  const journal = () => readFile(join(profileDir, 'recovery', 'unsaved.json'), 'utf8').catch(() => '')
  await expect.poll(async () => (await journal()).includes('新的'), { timeout: 15_000 }).toBe(true)
  await app.close()
  app = await launch({ contentDir: dir, profileDir })
  page = app.page
  // The language chosen is remembered across restarts (the harness starts a fresh browser).
  await page.evaluate(() => localStorage.setItem('folio.locale', 'zh-CN'))
  await page.reload()
  await expect(page.getByTestId('recovery-dialog')).toBeVisible({ timeout: 30_000 })
  await stop(page, 'recovery after a crash', problems, dir)

  expect(problems, problems.join('\n')).toEqual([])
})

test('the folder’s warnings, a failed export, a refused commit, a failed image insert and a broken link are said in Chinese, naming the file', async ({
  launch,
  makeFolder,
}, testInfo) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'the export destination is answered by the Chromium harness only')
  test.setTimeout(600_000)
  const dir = await makeFolder({ files: POSTS })
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' } })
  git('init', '-q', '-b', 'main')
  git('config', 'user.name', 'Writer')
  git('config', 'user.email', 'writer@example.com')
  git('add', '-A')
  git('commit', '-q', '-m', 'First')
  // The repository's own check refuses the next commit, as a lint hook does.
  await writeFile(join(dir, '.git/hooks/pre-commit'), '#!/bin/sh\necho "行尾有多余的空格" >&2\nexit 1\n', { mode: 0o755 })
  await writeFile(join(dir, 'source/_posts/xiatian.md'), '---\ntitle: 夏天\ndate: 2024-06-01 09:00:00\ntags: [随笔]\n---\n\n夏天很热，改过了。 \n')
  // A setting that leads outside the folder and a link to nothing: the folder's warnings as it opens.
  await writeFile(join(dir, '_config.yml'), (POSTS['_config.yml'] ?? '').replace('new_post_name: :title.md', 'new_post_name: ../../../waimian/:title.md'))
  await symlink(join(dir, 'meiyou.md'), join(dir, 'source/_posts/duankai.md'))
  const { page, exportDir } = await launch({ contentDir: dir })
  // The folder exported into is the writer's choice, named in the export's summary.
  const theirs = `${dir} ${exportDir ?? ''}`
  const problems: string[] = []
  await page.getByLabel('Language').selectOption('zh-CN')
  const row = (path: string) => page.locator(`[data-testid=article-item][data-path="source/_posts/${path}"]`)
  /** A message the UI shows: Chinese, naming the file; a screenshot of the stop is kept to look at. */
  const saysInChinese = async (text: string, file: string, name: string) => {
    expect(text, name).toContain(file)
    expect(text, name).toMatch(/[\u4e00-\u9fff]{4}/)
    expect(englishIn(text, dir), `${name}: ${text}`).toEqual([])
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
    await stop(page, name, problems, theirs)
  }

  const warnings = page.getByTestId('folder-warnings')
  await expect(warnings).toBeVisible({ timeout: 30_000 })
  await saysInChinese(await warnings.innerText(), '_config.yml 第 4 行', 'folder warnings')
  await expect(warnings).toContainText('source/_posts/duankai.md')
  await warnings.getByRole('button').click()
  await expect(warnings).toHaveCount(0)

  // A broken image link, underlined where written; its explanation on hover.
  await row('chuntian.md').click()
  await expect(page.locator('[data-testid=editor] .cm-content')).toContainText('春天来了')
  const broken = page.locator('[data-testid=editor] .cm-lintRange-warning').filter({ hasText: '/images/queshi.png' })
  await expect(broken).toHaveCount(1, { timeout: 30_000 })
  await broken.hover()
  const tooltip = page.locator('.cm-tooltip-hover')
  await expect(tooltip).toBeVisible()
  await saysInChinese(await tooltip.innerText(), 'source/images/queshi.png', 'broken link')
  await page.mouse.move(0, 0)

  // An image that is no image, dropped on the article: refused, nothing inserted.
  await dropOnEditorEnd(page, '截图.png', Buffer.from('这不是图片，只是文字。'))
  await confirmImageSettings(page)
  const refused = page.locator('p.error').filter({ hasText: '截图.png' })
  await expect(refused).toBeVisible({ timeout: 30_000 })
  await saysInChinese(await refused.innerText(), '截图.png', 'failed image insert')
  await expect(page.locator('[data-testid=editor] .cm-content')).not.toContainText('截图')

  // Exporting an article whose header does not parse: refused in the dialog.
  await row('huaile.md').click()
  await expect(page.getByTestId('properties-error')).toBeVisible()
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('export-format').selectOption('html')
  await dialog.getByTestId('export-start').click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toBeVisible({ timeout: 60_000 })
  await saysInChinese(await alert.innerText(), 'source/_posts/huaile.md', 'failed export of one article')

  // The whole folder: the articles that failed are listed, each said in Chinese.
  await dialog.getByRole('radio', { name: '整个文件夹' }).check()
  await dialog.getByTestId('export-start').click()
  const failed = dialog.getByTestId('export-result').locator('.export-failures li')
  await expect(failed).toHaveCount(2, { timeout: 60_000 })
  for (const file of ['source/_posts/huaile.md', 'source/_posts/chongfu.md']) {
    const item = failed.and(page.locator(`[data-path="${file}"]`))
    // The sentence names the file once, as a path, where it says it.
    const text = await item.innerText()
    expect(text.split(file), text).toHaveLength(2)
    await expect(item.locator('code.path')).toHaveText(file)
    await saysInChinese(text, file, `export failure of ${file.split('/').pop()}`)
  }
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // A commit the repository's hook refuses: what happened, to which article, what to do; git's own words after.
  await page.getByTestId('git-open').click()
  const gitDialog = page.getByTestId('git-dialog')
  await expect(gitDialog).toBeVisible()
  await gitDialog.getByTestId('git-commit').click()
  const outcome = gitDialog.getByTestId('git-outcome')
  await expect(outcome).toContainText('钩子', { timeout: 60_000 })
  // Git's own words are set apart from the sentence, under a Chinese label, as git printed them.
  const output = outcome.getByTestId('tool-output')
  await expect(output).toContainText('Git 的输出：')
  await expect(output.locator('code')).toHaveText('行尾有多余的空格')
  const [sentence] = (await outcome.innerText()).split('Git 的输出：')
  // The hook is named by its file name, the same in every language, marked as a name.
  expect(sentence).toContain('\u2068pre-commit\u2069')
  await saysInChinese(sentence ?? '', 'source/_posts/xiatian.md', 'refused commit')
  expect(git('log', '--format=%s').toString().trim()).toBe('First')

  expect(problems, problems.join('\n')).toEqual([])
})

test('the site server’s panel for a tool that is not installed says in Chinese what is missing and how to install it, for every tool', async ({
  launch,
  makeFolder,
}) => {
  test.skip(process.env.FOLIO_E2E === 'electron', 'takes programs off PATH in the process that runs the handlers (the harness’s)')
  test.setTimeout(300_000)
  const hexoPackage = { 'node_modules/hexo/package.json': POSTS['node_modules/hexo/package.json'] ?? '' }
  const hexoAndServer = { ...hexoPackage, 'node_modules/hexo-server/package.json': POSTS['node_modules/hexo-server/package.json'] ?? '' }
  const hexoInstalled = { ...hexoAndServer, 'node_modules/hexo/bin/hexo': POSTS['node_modules/hexo/bin/hexo'] ?? '' }
  const jekyllWithoutGemfile = await makeFolder({ site: 'sites/jekyll' })
  await rm(join(jekyllWithoutGemfile, 'Gemfile'))
  // A PATH that is one empty folder: no hugo, bundle, node or npm, whatever this machine has installed.
  const noPrograms = await makeFolder({})
  const sites: { reason: SiteServerMissing; folder: string; offPath?: true }[] = [
    { reason: 'hexo', folder: await makeFolder({ site: 'sites/hexo' }) },
    { reason: 'hexo-server', folder: await makeFolder({ site: 'sites/hexo', files: hexoPackage }) },
    { reason: 'hexo-command', folder: await makeFolder({ site: 'sites/hexo', files: hexoAndServer }) },
    { reason: 'node', folder: await makeFolder({ site: 'sites/hexo', files: hexoInstalled }), offPath: true },
    { reason: 'hugo', folder: await makeFolder({ site: 'sites/hugo' }), offPath: true },
    { reason: 'gemfile', folder: jekyllWithoutGemfile },
    { reason: 'bundler', folder: await makeFolder({ site: 'sites/jekyll' }), offPath: true },
    { reason: 'dev-script', folder: await makeFolder({ site: 'sites/astro' }) },
    {
      reason: 'packages',
      folder: await makeFolder({ site: 'sites/astro', files: { 'package.json': '{ "private": true, "scripts": { "dev": "astro dev" } }\n' } }),
    },
  ]
  let next = ''
  const { page } = await launch({ contentDir: sites[0]?.folder ?? '', folderDialog: () => next })
  const problems: string[] = []
  await page.getByLabel('Language').selectOption('zh-CN')
  const path = process.env.PATH
  try {
    for (const [i, { reason, folder, offPath }] of sites.entries()) {
      // The server is looked for when the folder's pane first asks (handlers.ts), in this process.
      if (offPath) process.env.PATH = noPrograms
      if (i > 0) {
        next = folder
        await page.getByRole('button', { name: '打开文件夹…' }).click()
      }
      await page.getByTestId('siteserver-tab').click()
      await expect(page.locator(`[data-testid=siteserver-missing][data-reason=${reason}]`)).toBeVisible({ timeout: 30_000 })
      process.env.PATH = path
      await stop(page, `site server: ${reason} missing`, problems, folder)
    }
  } finally {
    process.env.PATH = path
  }

  expect(problems, problems.join('\n')).toEqual([])
})
