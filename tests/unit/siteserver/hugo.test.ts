/**
 * The site's own server for real: Debian's `hugo` (installed by .ci/run) serving a small Hugo
 * site made here, started and stopped through electron/siteserver as the app does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SiteServerPage, SiteServerState } from '../../../shared/contract'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import { createSiteServerService, type SiteServerService } from '../../../electron/siteserver/service'
import { workspaceSite } from '../../../electron/siteserver/workspace-site'
import { groupAlive } from '../../../electron/system/process-group'
import { findProgram } from '../../../electron/system/find-program'
import { openWorkspace, type Workspace } from '../../../electron/workspace/workspace'

const temps: string[] = []
const services: SiteServerService[] = []
const workspaces: Workspace[] = []
const handlers: Handlers[] = []
afterEach(async () => {
  for (const h of handlers.splice(0)) await h.dispose()
  for (const s of services.splice(0)) await s.stop()
  for (const w of workspaces.splice(0)) await w.close()
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true })
})

/** The app's own folder for the server's pid file and preload (userData/siteserver in the app), removed after the test; without one they go to a shared temp folder. */
function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-siteserver-state-'))
  temps.push(dir)
  return dir
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true })
  writeFileSync(join(root, rel), text)
}

/** A Hugo site shaped like a real blog: config, a theme-less layout set, posts in a section. */
function hugoSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'folio-hugo-'))
  temps.push(root)
  write(root, 'hugo.toml', 'baseURL = "https://example.org/blog/"\nlanguageCode = "zh-cn"\ntitle = "随笔"\n[permalinks]\n  notes = "/:year/:month/:slug/"\n')
  write(
    root,
    'layouts/_default/baseof.html',
    '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  )
  write(root, 'layouts/_default/single.html', '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n')
  write(
    root,
    'layouts/_default/list.html',
    '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  )
  write(root, 'layouts/index.html', '{{ define "main" }}<p>home</p>{{ end }}\n')
  write(root, 'archetypes/default.md', '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ndraft: true\n---\n')
  write(root, 'content/posts/first-post.md', '---\ntitle: "First post"\ndate: 2024-03-05T10:00:00+08:00\n---\n\nThe first words.\n')
  write(root, 'content/posts/你好世界.md', '---\ntitle: "你好，世界"\ndate: 2024-03-06\ndraft: true\n---\n\n中文正文。\n')
  write(root, 'content/notes/trip.md', '+++\ntitle = "Trip"\ndate = 2023-11-02T09:00:00Z\nslug = "kyoto"\n+++\n\nTemples.\n')
  return root
}

async function body(url: string): Promise<string> {
  const response = await fetch(url)
  return `${response.status} ${await response.text()}`
}

/** Polls until `check` holds (the server rebuilds on its own schedule), at most `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Timed out waiting until ${what}`)
}

describe("the site's own server: hugo server", () => {
  it("is on PATH (.ci/run installs Debian's hugo)", () => {
    expect(findProgram('hugo'), 'hugo is not on PATH: run `apt-get install -y hugo` (as .ci/run does)').not.toBeNull()
  })

  it("serves the article's page, follows its saves, and stops with everything it started", async () => {
    const root = hugoSite()
    const ws = await openWorkspace({ root, trash: async () => {} })
    workspaces.push(ws)
    expect(ws.info.kind).toBe('hugo')
    const states: SiteServerState[] = []
    const reloads: { path: string; page: SiteServerPage }[] = []
    let log = ''
    const service = createSiteServerService({
      ...workspaceSite(ws),
      timeZone: 'Asia/Shanghai',
      stateDir: stateDir(),
      onOutput: (text) => (log += text),
      onState: (state) => states.push(state),
      onReload: (path, page) => reloads.push({ path, page }),
    })
    services.push(service)
    expect(service.snapshot().state).toEqual({ status: 'stopped', tool: 'hugo', command: 'hugo server --buildDrafts --buildFuture' })

    const state = await service.start()
    expect(state, log).toMatchObject({ status: 'running', tool: 'hugo', origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })
    const origin = state.status === 'running' ? state.origin : ''
    expect(states.map((s) => s.status)).toEqual(['starting', 'running'])
    expect(service.snapshot().log).toContain('$ hugo server')
    const pid = service.pid()
    expect(pid).not.toBeNull()

    // Section/slug by default; the section's permalink rule; a Chinese name, percent-encoded.
    const first = await service.page('content/posts/first-post.md')
    expect(first).toEqual({ url: `${origin}/posts/first-post/`, exact: true })
    expect(await body(first?.url ?? '')).toMatch(/^200 [\s\S]*<h1>First post<\/h1>[\s\S]*The first words\./)
    expect(await service.page('content/notes/trip.md')).toEqual({ url: `${origin}/2023/11/kyoto/`, exact: true })
    const chinese = await service.page('content/posts/你好世界.md')
    expect(chinese).toEqual({ url: `${origin}/posts/${encodeURIComponent('你好世界')}/`, exact: true })
    expect(await body(chinese?.url ?? '')).toContain('中文正文。')

    // A save: Hugo rebuilds by itself and serves the new text.
    const before = await ws.read('content/posts/first-post.md')
    await ws.save('content/posts/first-post.md', before.text.replace('The first words.', 'Words after the save.'), before.hash)
    service.saved('content/posts/first-post.md')
    await until('the saved text is served', async () => (await body(`${origin}/posts/first-post/`)).includes('Words after the save.'))

    // A new slug moves the page: the panel is told where it went.
    const again = await ws.read('content/posts/first-post.md')
    await ws.save('content/posts/first-post.md', again.text.replace('title: "First post"', 'title: "First post"\nslug: moved-on'), again.hash)
    service.saved('content/posts/first-post.md')
    await until('the page moved', async () => reloads.some((r) => r.page.url === `${origin}/posts/moved-on/`))
    expect(reloads.at(-1)).toEqual({ path: 'content/posts/first-post.md', page: { url: `${origin}/posts/moved-on/`, exact: true } })

    // An article whose page the server does not have (expired: Hugo leaves it out of the site):
    // the home page, and why. (A `render: never` page is rendered all the same by Hugo's fast
    // render mode once visited, so it answered 200 whenever Hugo had seen the file in time.)
    write(root, 'content/posts/notes.txt.md', '---\ntitle: x\nurl: /nowhere/at/all/\nexpiryDate: 2000-01-01\n---\n')
    expect(await service.page('content/posts/notes.txt.md')).toEqual({ url: `${origin}/`, exact: false, tried: `${origin}/nowhere/at/all/` })

    await service.stop()
    expect(groupAlive(pid ?? 0)).toBe(false)
    expect(service.snapshot().state.status).toBe('stopped')
    await expect(fetch(origin)).rejects.toThrow()
    expect(await service.page('content/posts/first-post.md')).toBeNull()
  }, 120_000)

  it('stops when another folder opens, and when the app quits (the handlers table)', async () => {
    const h = createHandlers({ trash: async () => {}, watch: false, emit: () => undefined, siteServerDir: stateDir() })
    handlers.push(h)
    const site = await h.openFolder(hugoSite())
    // Nothing of the site runs before the writer agreed for this folder.
    await expect(h.startSiteServer()).rejects.toMatchObject({ code: 'NOT_TRUSTED' })
    expect((await h.siteServerState()).state.status).toBe('stopped')
    await h.updateSettings({ siteServerFolders: [site?.root ?? ''] })
    const first = await h.startSiteServer()
    expect(first.status).toBe('running')
    const origin = first.status === 'running' ? first.origin : ''
    expect((await h.siteServerState()).log).toContain('$ hugo server')
    const other = mkdtempSync(join(tmpdir(), 'folio-plain-'))
    temps.push(other)
    await h.openFolder(other)
    await expect(fetch(origin)).rejects.toThrow()
    expect((await h.siteServerState()).state).toEqual({ status: 'unsupported' })

    const next = await h.openFolder(hugoSite())
    await h.updateSettings({ siteServerFolders: [site?.root ?? '', next?.root ?? ''] })
    const second = await h.startSiteServer()
    expect(second.status).toBe('running')
    await h.dispose()
    await expect(fetch(second.status === 'running' ? second.origin : '')).rejects.toThrow()
  }, 120_000)
})
