/**
 * What the preview asks of the site for tags that name its other files, answered from real site
 * folders through the workspace's own guard, and rendered with the answer as the generators do.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { previewReferences } from '../../../electron/siteserver/references'
import { workspaceSite } from '../../../electron/siteserver/workspace-site'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'
import { renderMarkdown } from '../../../shared/markdown'
import { referencesIn } from '../../../shared/render/site-refs'

const temps: string[] = []
const workspaces: Workspace[] = []
afterEach(async () => {
  for (const w of workspaces.splice(0)) await w.close()
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true })
})

async function site(files: Record<string, string>): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'folio-refs-'))
  temps.push(root)
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true })
    await writeFile(join(root, rel), text)
  }
  const ws = await openWorkspace({ root, trash: async () => {} })
  workspaces.push(ws)
  return ws
}

const ask = (ws: Workspace, body: string) => previewReferences(workspaceSite(ws), referencesIn(body, ws.info.kind)!)

describe('Jekyll {% link %} and {% post_url %}', () => {
  it('give the named page’s address by the site’s permalink rules and base URL; a missing file is named', async () => {
    const ws = await site({
      '_config.yml': 'title: Site\nbaseurl: /blog\npermalink: pretty\n',
      Gemfile: 'gem "jekyll"\n',
      'index.md': '---\ntitle: Home\n---\n',
      'about.md': '---\ntitle: About\n---\n',
      'docs/setup.md': '---\ntitle: Setup\npermalink: /start-here/\n---\n',
      '_posts/2024-01-02-other.md': '---\ntitle: Other\ncategories: notes\n---\n',
      '_posts/2024-03-01-syntax.md': '---\ntitle: Syntax\n---\n',
    })
    const body =
      '[home]({% link index.md %}), [about]({% link about.md %}), [setup]({% link docs/setup.md %}), [post]({% post_url 2024-01-02-other %}), {% link gone.md %}\n'
    const refs = await ask(ws, body)
    expect(refs.links).toEqual({ 'index.md': '/blog/', 'about.md': '/blog/about/', 'docs/setup.md': '/blog/start-here/', 'gone.md': null })
    expect(refs.posts).toEqual({ '2024-01-02-other': '/blog/notes/2024/01/02/other/' })
    expect(renderMarkdown(body, { generator: 'jekyll', site: { refs } })).toBe(
      '<p><a href="/blog/">home</a>, <a href="/blog/about/">about</a>, <a href="/blog/start-here/">setup</a>, <a href="/blog/notes/2024/01/02/other/">post</a>, ' +
        '<span class="folio-tag folio-tag-error" data-tag="link" title="{% link gone.md %}"><span class="folio-tag-label">Liquid link</span> <span class="folio-tag-why" data-reason="jekyll-no-file" data-params="{&quot;path&quot;:&quot;gone.md&quot;}">Jekyll would stop: the site has no file gone.md.</span></span></p>\n',
    )
  })
})

describe('Hexo {% post_link %} and {% post_path %}', () => {
  it('link a post found by its slug to its address with its title; a slug no post has is named as Hexo stops at it', async () => {
    const ws = await site({
      '_config.yml': 'title: Site\nroot: /blog/\npermalink: :year/:title/\n', // :title keeps a post's folder under _posts
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/hello-world.md': '---\ntitle: Hello <World>\ndate: 2024-01-02 10:00:00\n---\n',
      'source/_posts/2023/trip.md': '---\ntitle: 旅行\ndate: 2023-05-06 10:00:00\n---\n',
      'source/_posts/reading.md': '---\ntitle: Reading\n---\n',
    })
    const body =
      'Read {% post_link hello-world %}, {% post_link 2023/trip#day-2 "the trip" %}, {% post_link trip <b>raw</b> false %} at {% post_path hello-world %}.\n\n' +
      '{% post_link nowhere %} and {% post_path gone %}\n'
    const request = referencesIn(body, 'hexo')!
    expect(request.posts).toEqual(['2023/trip', 'gone', 'hello-world', 'nowhere', 'trip'])
    const refs = await ask(ws, body)
    expect(refs.posts).toEqual({
      '2023/trip': '/blog/2023/2023/trip/',
      trip: '/blog/2023/2023/trip/',
      'hello-world': '/blog/2024/hello-world/',
      nowhere: null,
      gone: null,
    })
    expect(refs.postTitles).toEqual({ '2023/trip': '旅行', trip: '旅行', 'hello-world': 'Hello <World>' })
    expect(renderMarkdown(body, { generator: 'hexo', site: { refs } })).toBe(
      '<p>Read <a class="folio-post-link" data-post="hello-world" href="/blog/2024/hello-world/" title="Hello &lt;World&gt;">Hello &lt;World&gt;</a>, ' +
        '<a class="folio-post-link" data-post="2023/trip" href="/blog/2023/2023/trip/#day-2" title="旅行">the trip</a>, ' +
        '<a class="folio-post-link" data-post="trip" href="/blog/2023/2023/trip/" title="旅行"><b>raw</b></a> at /blog/2024/hello-world/.</p>\n' +
        '<p><span class="folio-tag folio-tag-error" data-tag="post_link" title="{% post_link nowhere %}"><span class="folio-tag-label">Hexo post_link</span> <span class="folio-tag-why" data-reason="hexo-no-post" data-params="{&quot;slug&quot;:&quot;nowhere&quot;}">Hexo would stop: no post has the slug or title nowhere (“Post not found”).</span></span> and ' +
        '<span class="folio-tag folio-tag-error" data-tag="post_path" title="{% post_path gone %}"><span class="folio-tag-label">Hexo post_path</span> <span class="folio-tag-why" data-reason="hexo-no-post-path" data-params="{&quot;slug&quot;:&quot;gone&quot;}">Hexo prints nothing here: no post has the slug or title gone.</span></span></p>\n',
    )
  })
})

describe('Hexo {% post_link %} by title', () => {
  it('finds a post by its title when no slug matches, slug first, on a generated Hexo site', async () => {
    const ws = await site({
      '_config.yml': 'title: Site\npermalink: :year/:month/:day/:title/\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/first-trip.md': '---\ntitle: 第一次旅行\ndate: 2024-04-05 10:00:00\n---\n',
      'source/_posts/notes.md': '---\ntitle: "Reading notes"\ndate: 2024-02-01 10:00:00\n---\n',
      'source/_posts/other.md': '---\ntitle: notes\ndate: 2023-01-01 10:00:00\n---\n',
      'source/about/index.md': '---\ntitle: About me\n---\n',
    })
    const body = 'See {% post_link 第一次旅行 %}, {% post_link "Reading notes" "my notes" %}, {% post_link notes %} and {% post_path "About me" %}.\n'
    const refs = await ask(ws, body)
    expect(refs.posts).toEqual({
      第一次旅行: '/2024/04/05/first-trip/',
      'Reading notes': '/2024/02/01/notes/',
      // notes.md's slug comes before other.md's title.
      notes: '/2024/02/01/notes/',
      // A page is not a post: Hexo finds none.
      'About me': null,
    })
    expect(refs.postTitles).toEqual({ 第一次旅行: '第一次旅行', 'Reading notes': 'Reading notes', notes: 'Reading notes' })
    expect(renderMarkdown(body, { generator: 'hexo', site: { refs } })).toContain(
      '<a class="folio-post-link" data-post="第一次旅行" href="/2024/04/05/first-trip/" title="第一次旅行">第一次旅行</a>',
    )
  })
})

describe('Hexo {% include_code %}', () => {
  it('shows a file of code_dir with its title, lines and a view raw link; nothing outside the folder', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'folio-outside-'))
    temps.push(outside)
    await writeFile(join(outside, 'secret.js'), 'const secret = 1\n')
    const ws = await site({
      '_config.yml': 'title: Site\ncode_dir: snippets\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/post.md': '---\ntitle: Post\n---\n',
      'source/snippets/hello.js': 'const a = 1\nconst b = 2\nconst c = 3\n',
    })
    await symlink(join(outside, 'secret.js'), join(ws.info.root, 'source/snippets/link.js'))
    const body =
      '{% include_code Greeting from:2 to:3 hello.js %}\n\n{% include_code hello.js %}\n\n{% include_code ../../../etc/passwd %}\n\n{% include_code link.js %}\n\n{% include_code none.js %}\n'
    const refs = await ask(ws, body)
    expect(refs.code['hello.js']).toEqual({ text: 'const a = 1\nconst b = 2\nconst c = 3\n', url: '/snippets/hello.js' })
    for (const name of ['../../../etc/passwd', 'link.js', 'none.js']) expect(refs.code[name]).toHaveProperty('reason')
    const html = renderMarkdown(body, { generator: 'hexo', site: { refs } })
    expect(html).toContain(
      '<figure class="highlight js"><figcaption><span>Greeting</span><a href="/snippets/hello.js">view raw</a></figcaption><pre><code class="hljs language-js"><span class="hljs-keyword">const</span> b = <span class="hljs-number">2</span>\n<span class="hljs-keyword">const</span> c = <span class="hljs-number">3</span></code></pre></figure>',
    )
    expect(html).toContain('<figcaption><span>hello.js</span><a href="/snippets/hello.js">view raw</a></figcaption>')
    expect(html).not.toContain('secret')
    expect(html).toContain(
      '<span class="folio-tag-label">Hexo include_code</span> <span class="folio-tag-why" data-reason="code-missing" data-params="{&quot;path&quot;:&quot;source/snippets/none.js&quot;}">source/snippets/none.js does not exist',
    )
  })

  it('names a named pipe in the code folder and never waits on it', async () => {
    const ws = await site({
      '_config.yml': 'title: Site\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/_posts/post.md': '---\ntitle: Post\n---\n',
      'source/downloads/code/.keep': '',
    })
    execFileSync('mkfifo', [join(ws.info.root, 'source/downloads/code/pipe.js')])
    const refs = await ask(ws, '{% include_code pipe.js %}\n')
    expect(refs.code['pipe.js']).toEqual({
      reason: 'code-not-regular',
      params: { path: 'source/downloads/code/pipe.js', detail: 'a named pipe (FIFO)' },
      message: 'source/downloads/code/pipe.js is a named pipe (FIFO), not a file.',
    })
  })
})

describe('Hugo {{< param >}}', () => {
  it('reads the page’s parameters, then the site’s, as Go prints them; an unset one is named', async () => {
    const ws = await site({
      'hugo.toml': 'title = "Site"\n[params]\n  author = "Site Author"\n  [params.social]\n    mastodon = "@me"\n',
      'content/posts/p.md': '---\ntitle: P\n---\n',
    })
    const body = 'By {{< param author >}} ({{< param "social.mastodon" >}}), tags {{< param tags >}}, {{< param nothing >}}.\n'
    const refs = await ask(ws, body)
    expect(refs.params).toMatchObject({ author: 'Site Author' })
    const page = { title: 'P', tags: ['a', 'b'] }
    expect(renderMarkdown(body, { generator: 'hugo', site: { refs, page } })).toBe(
      '<p>By Site Author (@me), tags [a b], <span class="folio-tag folio-tag-error" data-tag="param" title="{{&lt; param nothing &gt;}}"><span class="folio-tag-label">Hugo param</span> <span class="folio-tag-why" data-reason="hugo-no-param" data-params="{&quot;key&quot;:&quot;nothing&quot;}">Hugo would stop: param &quot;nothing&quot; is set neither in this page nor in the site\'s params.</span></span>.</p>\n',
    )
    // The page's own value wins over the site's.
    expect(renderMarkdown('{{< param author >}}\n', { generator: 'hugo', site: { refs, page: { author: '作者' } } })).toBe('<p>作者</p>\n')
  })
})
