import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const HEXO_POST = `---
title: Tags
---

{% codeblock greet.js lang:js %}
const greeting = 'hi'
{% endcodeblock %}

{% note info %}
A **note** from the theme.
{% endnote %}

{% youtube dQw4w9WgXcQ %}

Read {% post_link hello-world "the first post" %} first.[^1] Not {% post_link gone-post %}.

{% mystery_tag arg %}

Energy: $E = mc^2$

<iframe src="https://player.example.org/v/1"></iframe>

- [x] written
- [ ] checked

[^1]: A footnote.
`

test('a Hexo site previews its tag plugins as the site renders them, unknown tags as labelled placeholders', async ({ launch }) => {
  const { page } = await launch({
    files: {
      '_config.yml': 'title: Site\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/tags.md': HEXO_POST,
      'source/_posts/hello-world.md': '---\ntitle: Hello World\ndate: 2024-01-02 10:00:00\n---\n\nThe first post.\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/tags.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('figure.highlight figcaption')).toHaveText('greet.js')
  await expect(preview.locator('figure.highlight .hljs-keyword')).toHaveText('const')
  await expect(preview.locator('.note.info strong')).toHaveText('note')
  const card = preview.locator('.folio-embed').first()
  await expect(card).toHaveAttribute('data-embed-src', 'https://www.youtube.com/embed/dQw4w9WgXcQ')
  await expect(card).toContainText('YouTube')
  // post_link is checked against the site: a post it finds is linked, a slug no post has is named as Hexo stops at it.
  await expect(preview.locator('a.folio-post-link')).toHaveText('the first post')
  await expect(preview.locator('a.folio-post-link')).toHaveAttribute('href', '/2024/01/02/hello-world/')
  await expect(preview.locator('.folio-tag-error[data-tag=post_link]')).toContainText('no post has the slug or title gone-post')
  const unknown = preview.locator('.folio-tag[data-tag=mystery_tag]')
  await expect(unknown).toBeVisible()
  await expect(unknown).toHaveText('Hexo mystery_tag')
  await expect(preview.locator('input.task-list-item-checkbox')).toHaveCount(2)
  await expect(preview.locator('.footnotes li')).toContainText('A footnote.')
  await expect(preview.locator('article')).not.toContainText('{%')
  // Math is static MathML; an iframe written in the article is a card with its address, not gone.
  await expect(preview.locator('.katex math msup mi')).toHaveText('c')
  await expect(preview.locator('.folio-embed[data-embed-src="https://player.example.org/v/1"]')).toContainText('player.example.org')

  // Typing a tag key by key turns into the rendered tag once it is complete.
  await page.locator('.cm-line', { hasText: 'A footnote.' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('{% vimeo 76979871 %}', { delay: 40 })
  await expect(preview.locator('.folio-embed[data-embed-src="https://player.vimeo.com/video/76979871"]')).toContainText('Vimeo')
})

test('a Hugo site previews shortcodes, definition lists and attributes', async ({ launch }) => {
  const { page } = await launch({
    files: {
      'hugo.toml': 'title = "Site"\n',
      'content/posts/a.md':
        '---\ntitle: A\n---\n\n{{< figure src="/cat.png" title="A cat" >}}\n\n{{% notice tip %}}\nWrapped *Markdown*\n{{% /notice %}}\n\nTerm\n: Its definition\n\n## Styled {.fancy}\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="content/posts/a.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('figure figcaption h4')).toHaveText('A cat')
  await expect(preview.locator('.folio-tag[data-tag=notice] em')).toHaveText('Markdown')
  await expect(preview.locator('.folio-tag[data-tag=notice] .folio-tag-label')).toHaveText('Hugo notice')
  await expect(preview.locator('dl dd')).toHaveText('Its definition')
  await expect(preview.locator('h2.fancy')).toHaveText('Styled')
})

test('a post a Jekyll tag names shows in the preview once it is added to the folder, without editing the article', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': 'title: Site\n',
      Gemfile: 'gem "jekyll"\n',
      '_posts/2024-03-01-a.md': '---\ntitle: A\n---\n\nNext: {% post_url 2024-05-06-next %}\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="_posts/2024-03-01-a.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  const missing = preview.locator('.folio-tag-error[data-tag=post_url]')
  await expect(missing).toContainText('no post in _posts is named 2024-05-06-next', { timeout: 30_000 })
  // Written by another program (a git pull, the site's own tools): the index reports it, the preview asks again.
  await writeFile(join(dir, '_posts', '2024-05-06-next.md'), '---\ntitle: Next\n---\n\nThe next post.\n')
  await expect(page.locator('[data-testid=article-item][data-path="_posts/2024-05-06-next.md"]')).toBeVisible({ timeout: 30_000 })
  await expect(missing).toHaveCount(0, { timeout: 30_000 })
  await expect(preview.locator('article p')).toHaveText('Next: /2024/05/06/next.html')
})

test('a file a Hexo {% include_code %} shows is shown again as it is changed on disk, without editing the article', async ({ launch }) => {
  const { page, contentDir: dir } = await launch({
    files: {
      '_config.yml': 'title: Site\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/code.md': '---\ntitle: Code\n---\n\n{% include_code hello.py %}\n',
      'source/downloads/code/hello.py': 'print("first")\n',
    },
  })
  await page.locator('[data-testid=article-item][data-path="source/_posts/code.md"]').click()
  const preview = page.frameLocator('iframe[data-testid=preview]')
  await expect(preview.locator('figure.highlight pre')).toHaveText('print("first")', { timeout: 30_000 })
  // Changed by another program (the writer's code editor): not an article, so its own watch reports it.
  await writeFile(join(dir, 'source/downloads/code/hello.py'), 'print("second")\n')
  await expect(preview.locator('figure.highlight pre')).toHaveText('print("second")', { timeout: 30_000 })
})
