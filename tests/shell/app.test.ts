/**
 * The app a person launches: the BUILT main bundle under the electron stand-in, in the layouts of
 * `electron .`, of test:electron and of the packaged app. Each case drives the app the way
 * Electron and the renderer would (the page is simulated through the app's own preload) and
 * checks files on disk: the profile, the crash journal, the settings.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../shared/errors'
import type { InsertedImage, PendingOpen, RecoveredBuffers, SettingsState } from '../../shared/contract'
import { cleanUp, devLayout, freshHome, launch, packagedLayout, scriptLayout, type Layout, type StandIn } from './launch'
import type { StandInState, WindowState } from './protocol'

const POST = 'source/_posts/文章 one.md'
const POST_TEXT = '---\ntitle: 文章一\ndate: 2024-05-01 10:00:00\ntags: [intro]\n---\n\n第一段。\n\n![猫](猫.png)\n'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A small Hexo site, shaped like the real ones. */
async function makeSite(parent: string, name: string, posts = 3): Promise<string> {
  const root = join(parent, name)
  await mkdir(join(root, 'source', '_posts'), { recursive: true })
  await writeFile(join(root, '_config.yml'), 'title: Site\npermalink: :year/:month/:day/:title/\n')
  await writeFile(join(root, 'package.json'), '{ "name": "site", "dependencies": { "hexo": "^7.0.0" } }\n')
  await writeFile(join(root, POST), POST_TEXT)
  await writeFile(join(root, 'source', '_posts', '猫.png'), PNG)
  for (let i = 0; i < posts; i++) {
    await writeFile(
      join(root, 'source', '_posts', `post-${i}.md`),
      `---\ntitle: Post ${i}\ndate: 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n\nText ${i}.\n`,
    )
  }
  return realpath(root)
}

const live = (state: StandInState): WindowState[] => state.windows.filter((window) => !window.destroyed)
const loaded = (state: StandInState): boolean => live(state).some((window) => window.loads.length > 0 && !window.loading)

function value<T>(envelope: unknown): T {
  const answer = envelope as Envelope<T>
  if (!answer.ok) throw new Error(`The bridge answered an error: ${JSON.stringify(answer.error)}`)
  return answer.value
}

/** What the renderer does as it starts: listen, report nothing unsaved, ask for recovery, pull what to open. */
async function startPage(app: StandIn, window: number): Promise<{ recovered: RecoveredBuffers | null; pending: PendingOpen }> {
  await app.bridge(window, 'on', 'openRequest')
  await app.bridge(window, 'on', 'openProblem')
  value(await app.bridge(window, 'setUnsaved', []))
  value(await app.bridge(window, 'getFolder'))
  const recovered = value<RecoveredBuffers | null>(await app.bridge(window, 'takeRecovered'))
  const pending = value<PendingOpen>(await app.bridge(window, 'takeOpenRequest'))
  return { recovered, pending }
}

async function firstWindow(app: StandIn): Promise<WindowState> {
  const state = await app.waitFor(loaded, 'the window to load its page')
  return live(state)[0] as WindowState
}

function journalFile(layout: Layout, home: string): string {
  return join(layout.userData(home), 'recovery', 'unsaved.json')
}

afterAll(cleanUp)

const layouts: Array<[string, () => Promise<Layout>]> = [
  ['electron .', async () => devLayout()],
  ['test:electron (electron out/main/main.js)', async () => scriptLayout()],
  ['packaged (electron-builder --dir, stub Electron)', async () => packagedLayout(await mkdtemp(join(tmpdir(), 'folio-packaged-')))],
]

describe.each(layouts)('the built app as %s', (_name, makeLayout) => {
  let layout: Layout
  let work: string
  let site: string
  const running: StandIn[] = []
  const start = async (options: Parameters<typeof launch>[1]): Promise<StandIn> => {
    const app = await launch(layout, options)
    running.push(app)
    return app
  }

  beforeAll(async () => {
    layout = await makeLayout()
    work = await realpath(await mkdtemp(join(tmpdir(), 'folio-shell-')))
    site = await makeSite(work, 'blog')
  })

  afterAll(async () => {
    for (const app of running) app.kill()
    if (work) await rm(work, { recursive: true, force: true })
    if (layout?.resourcesPath) await rm(dirname(dirname(dirname(layout.resourcesPath))), { recursive: true, force: true })
  })

  it('starts one window whose preload, page and assets load through the real protocol handler, and quits', async () => {
    const home = await freshHome()
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    const state = await app.state()

    // Schemes are privileged before ready; handlers, windows and sessions come after.
    expect(state.privileged.map((entry) => [entry.scheme, entry.ready])).toEqual([
      ['app', false],
      ['folio-asset', false],
    ])
    expect(state.calls.filter((call) => call.api === 'protocol.handle').every((call) => call.ready)).toBe(true)

    // The preload is a real file, ran, and exposed the bridge.
    const preload = (window.options.webPreferences as { preload: string }).preload
    expect(existsSync(preload), preload).toBe(true)
    expect(window.loads[0]).toMatchObject({ url: 'app://folio/index.html', status: 200, error: null, preloadError: null })
    expect(window.bridge).toEqual(['folio'])

    // The page and every asset it names, with the real CSP header.
    const page = (await app.request({ kind: 'fetch', url: 'app://folio/index.html' })) as { status: number; headers: Record<string, string>; body: string }
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const html = Buffer.from(page.body, 'base64').toString('utf8')
    expect(html).toContain("media-src 'self' folio-asset:")
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => match[1])
    expect(assets.length).toBeGreaterThanOrEqual(2)
    for (const asset of assets) {
      const answer = (await app.request({ kind: 'fetch', url: `app://folio/${asset}` })) as { status: number; headers: Record<string, string> }
      expect(answer.status, asset).toBe(200)
      expect(answer.headers['content-type']).toMatch(/^(text\/javascript|text\/css)/)
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'")
    }

    // The bridge answers: the page pulls the launch's folder and opens it; its images come through the asset protocol.
    const { pending } = await startPage(app, window.id)
    expect(pending).toEqual({ request: { folder: site, file: null }, problems: [] })
    const info = value<{ root: string; assetBase: string }>(await app.bridge(window.id, 'openFolder', site))
    expect(info.root).toBe(site)
    // listArticles answers with what the index has read so far: ask again until the small site is all in.
    const listed = async (): Promise<string[]> => value<Array<{ path: string }>>(await app.bridge(window.id, 'listArticles')).map((article) => article.path)
    let paths = await listed()
    for (const deadline = Date.now() + 30_000; !paths.includes(POST) && Date.now() < deadline; paths = await listed())
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(paths).toContain(POST)
    const image = (await app.request({
      kind: 'fetch',
      url: `${info.assetBase}source/_posts/${encodeURIComponent('猫.png')}`,
      headers: { range: 'bytes=0-9' },
    })) as { status: number; headers: Record<string, string> }
    expect(image.status).toBe(206)
    expect(image.headers['content-type']).toBe('image/png')

    // Its own profile: the development build does not share the installed app's lock or settings.
    expect(state.userData).toBe(layout.userData(home))
    expect(state.lock?.userData).toBe(layout.userData(home))

    await app.request({ kind: 'quit' })
    const exit = await app.exited
    expect(exit.code).toBe(0)
    expect(exit.state?.windows.every((w) => w.destroyed)).toBe(true)
  })

  it('on the first run opens a copy of the bundled sample site (resources/ or extraResources beside app.asar)', async () => {
    const home = await freshHome()
    const app = await start({ home })
    const window = await firstWindow(app)
    const { pending } = await startPage(app, window.id)
    const copy = join(home, 'Documents', 'Folio Sample')
    expect(pending).toEqual({ request: { folder: copy, file: null }, problems: [] })
    value(await app.bridge(window.id, 'openFolder', copy))
    expect(value<unknown[]>(await app.bridge(window.id, 'listArticles')).length).toBeGreaterThan(0)
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
  })

  it('still opens the sample and quits cleanly when the profile cannot be written', async () => {
    const home = await freshHome()
    // settings.json.tmp is a folder: every settings write fails, as on a full disk or a read-only profile.
    await mkdir(join(layout.userData(home), 'settings.json.tmp'), { recursive: true })
    const app = await start({ home })
    const window = await firstWindow(app)
    const pending = await Promise.race([
      startPage(app, window.id).then(({ pending }) => pending),
      app.exited.then((exit) => ({ exitedEarly: exit.code })),
      new Promise((wake) => setTimeout(wake, 20_000)).then(() => 'the page was never told what to open'),
    ])
    expect(pending).toEqual({ request: { folder: join(home, 'Documents', 'Folio Sample'), file: null }, problems: [] })
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
  })

  it('keeps one live window when launches arrive during startup and after, and opens what came last', async () => {
    const home = await freshHome()
    // A folder big enough that indexing it takes a while: launches arrive meanwhile.
    const big = await makeSite(work, 'big', 1500)
    const other = await makeSite(work, 'other')
    const app = await start({ home, args: [big] })
    await app.waitFor((state) => state.ipcChannels.length > 0, 'the IPC channels')
    const during = join(other, POST)
    await app.request({
      kind: 'emit-app',
      event: 'second-instance',
      args: [[layout.argv0[0], '--enable-logging', ...layout.argv0.slice(1), during], home, { args: [during], cwd: home }],
    })
    const window = await firstWindow(app)
    const { pending } = await startPage(app, window.id)
    expect(pending.request).toEqual({ folder: other, file: POST })
    let state = await app.state()
    expect(state.windows).toHaveLength(1)

    // A real second launch: it takes no lock, makes no window, hands over its arguments and quits.
    const second = await start({ home, args: [pathToFileURL(join(site, POST)).href], switches: ['--enable-logging'], lockHeld: true })
    const secondExit = await second.exited
    expect(secondExit.code).toBe(0)
    expect(secondExit.state?.windows).toEqual([])
    const handed = secondExit.state?.lock?.additionalData
    expect(handed).toEqual({ args: [pathToFileURL(join(site, POST)).href], cwd: home })
    await app.request({
      kind: 'emit-app',
      event: 'second-instance',
      args: [[layout.argv0[0], '--enable-logging', '--original-process-start-time=1', ...layout.argv0.slice(1), 'ignored'], home, handed],
    })
    state = await app.waitFor((s) => (live(s)[0]?.received ?? []).some((message) => message.channel === 'open:request'), 'the open request')
    expect(
      live(state)[0]
        ?.received.filter((message) => message.channel === 'open:request')
        .map((message) => message.payload),
    ).toEqual([{ folder: site, file: POST }])
    expect(state.windows).toHaveLength(1)
    // The one window's IPC is ours.
    expect(value(await app.bridge(window.id, 'listRecentFolders'))).toBeInstanceOf(Array)
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
  })

  it('opens the file a file:// URI names, percent-encoded and after switches, and a macOS open-file sent before ready', async () => {
    const home = await freshHome()
    const uri = pathToFileURL(join(site, POST)).href
    expect(uri).toContain('%E6%96%87%E7%AB%A0%20one.md')
    const app = await start({ home, args: [uri], switches: ['--no-sandbox', '--enable-logging'] })
    const window = await firstWindow(app)
    const { pending } = await startPage(app, window.id)
    expect(pending).toEqual({ request: { folder: site, file: POST }, problems: [] })
    value(await app.bridge(window.id, 'openFolder', site))
    expect(value<{ text: string }>(await app.bridge(window.id, 'readArticle', POST)).text).toBe(POST_TEXT)
    await app.request({ kind: 'quit' })
    await app.exited

    const early = await start({ home: await freshHome(), holdReady: true })
    await early.request({ kind: 'emit-app', event: 'open-file', args: [join(site, POST)] })
    await early.request({ kind: 'ready' })
    const earlyWindow = await firstWindow(early)
    expect((await startPage(early, earlyWindow.id)).pending.request).toEqual({ folder: site, file: POST })
    expect((await early.state()).windows).toHaveLength(1)
    await early.request({ kind: 'quit' })
    await early.exited
  })

  it('gives one window with a clear sentence for a URI it cannot map, a garbage argument and a removed last folder', async () => {
    const home = await freshHome()
    const app = await start({ home, args: ['https://example.com/post.md', 'no/such/post.md', 'file://fileserver/share/post.md'] })
    const window = await firstWindow(app)
    const { pending } = await startPage(app, window.id)
    expect(pending.request).toBeNull()
    expect(pending.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/only open folders and articles on this computer, not “https:\/\/example.com\/post.md”/),
      expect.stringMatching(/could not open “.*no\/such\/post.md”: there is no such file or folder/),
      expect.stringMatching(/on this computer, not “file:\/\/fileserver\/share\/post.md”/),
    ])
    expect((await app.state()).windows).toHaveLength(1)
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)

    // The last folder was removed since: the window says so instead of opening nothing silently.
    const gone = join(work, 'removed-site')
    const again = await freshHome()
    await mkdir(layout.userData(again), { recursive: true })
    await writeFile(join(layout.userData(again), 'settings.json'), JSON.stringify({ recentFolders: [gone], lastFolder: gone, sampleCreated: true }))
    const next = await start({ home: again })
    const nextWindow = await firstWindow(next)
    const answer = await startPage(next, nextWindow.id)
    expect(answer.pending.request).toBeNull()
    expect(answer.pending.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/open last, “.*removed-site”, is no longer there/)])
    expect((await next.state()).windows).toHaveLength(1)
    await next.request({ kind: 'quit' })
    expect((await next.exited).code).toBe(0)
  })

  it('applies the writer’s theme and spell-check languages from the settings file, and each change after', async () => {
    const home = await freshHome()
    await mkdir(layout.userData(home), { recursive: true })
    // 'nl' is not among the session's dictionaries: Electron would throw for it, so it is left out.
    const preferences = { theme: 'dark', spellCheckLanguages: ['fr', 'nl'], editorFontSize: 'big' }
    await writeFile(join(layout.userData(home), 'settings.json'), JSON.stringify({ sampleCreated: true, preferences }))
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    const calls = (await app.state()).calls
    expect(calls.filter((call) => call.api === 'nativeTheme.themeSource').map((call) => call.args)).toEqual([['dark']])
    expect(calls.filter((call) => call.api === 'session.setSpellCheckerLanguages').map((call) => call.args)).toEqual([[['fr']]])
    const state = value<SettingsState>(await app.bridge(window.id, 'getSettings'))
    expect(state.spellCheckLanguages).toEqual(['de', 'en-GB', 'en-US', 'fr', 'pt-BR'])
    expect(state.problems).toEqual([{ key: 'editorFontSize', value: '"big"' }])
    expect(state.settings).toMatchObject({ theme: 'dark', editorFontSize: 15 })

    value(await app.bridge(window.id, 'updateSettings', { theme: 'light', spellCheckLanguages: ['de', 'en-GB'] }))
    const after = (await app.state()).calls
    expect(after.filter((call) => call.api === 'nativeTheme.themeSource').map((call) => call.args)).toEqual([['dark'], ['light']])
    expect(after.filter((call) => call.api === 'session.setSpellCheckerLanguages').at(-1)?.args).toEqual([['de', 'en-GB']])
    const refused = (await app.bridge(window.id, 'updateSettings', { theme: 'purple' })) as Envelope<unknown>
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
    const saved = JSON.parse(await readFile(join(layout.userData(home), 'settings.json'), 'utf8')) as { preferences: Record<string, unknown> }
    expect(saved.preferences).toMatchObject({ theme: 'light', spellCheckLanguages: ['de', 'en-GB'], editorFontSize: 15 })
  })

  it('reads a dropped file by the path the preload gives for it, and refuses a named pipe or a relative path', async () => {
    const home = await freshHome()
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    await startPage(app, window.id)
    value(await app.bridge(window.id, 'openFolder', site))
    const outside = await mkdtemp(join(work, 'desktop-'))
    const photo = join(outside, '截图 1.png')
    await writeFile(photo, PNG)
    const path = await app.bridge<string>(window.id, 'pathForFile', { name: '截图 1.png', size: PNG.length, type: 'image/png', path: photo })
    expect(path).toBe(photo)
    expect(await app.bridge<string>(window.id, 'pathForFile', { name: 'image.png', size: 3, type: 'image/png' })).toBe('')
    const [inserted] = value<InsertedImage[]>(await app.bridge(window.id, 'insertImages', POST, [{ name: '截图 1.png', file: path }]))
    expect(inserted).toMatchObject({ path: 'source/images/截图 1.png', link: '![截图 1](/images/截图%201.png)', reused: false })
    expect(await readFile(join(site, 'source/images/截图 1.png'))).toEqual(PNG)
    const fifo = join(outside, 'pipe.png')
    execFileSync('mkfifo', [fifo])
    await app.bridge<string>(window.id, 'pathForFile', { name: 'pipe.png', size: 0, type: 'image/png', path: fifo })
    const refused = (await app.bridge(window.id, 'insertImages', POST, [{ name: 'pipe.png', file: fifo }])) as Envelope<unknown>
    expect(refused).toMatchObject({ ok: false, error: { code: 'IO', reason: 'not-regular', params: { kind: 'fifo', path: fifo } } })
    await app.bridge<string>(window.id, 'pathForFile', { name: 'a.png', size: 3, type: 'image/png', path: 'a.png' })
    const relative = (await app.bridge(window.id, 'insertImages', POST, [{ name: 'a.png', file: 'a.png' }])) as Envelope<unknown>
    expect(relative).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    // A path the page names itself, never handed over by a drop, is not read.
    const secret = join(outside, 'secret.png')
    await writeFile(secret, PNG)
    const named = (await app.bridge(window.id, 'insertImages', POST, [{ name: 'secret.png', file: secret }])) as Envelope<unknown>
    expect(named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(existsSync(join(site, 'source/images/secret.png'))).toBe(false)
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
  })

  it("stops the site's own server (and what it started) when the window closes", async () => {
    const home = await freshHome()
    const hugo = join(work, `hugo-${Date.now()}`)
    await mkdir(join(hugo, 'content', 'posts'), { recursive: true })
    await mkdir(join(hugo, 'layouts', '_default'), { recursive: true })
    await writeFile(join(hugo, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "站点"\n')
    await writeFile(join(hugo, 'layouts', '_default', 'single.html'), '<h1>{{ .Title }}</h1>{{ .Content }}\n')
    await writeFile(join(hugo, 'content', 'posts', 'a.md'), '---\ntitle: 文章\n---\n\n正文。\n')
    const app = await start({ home, args: [hugo] })
    const window = await firstWindow(app)
    await startPage(app, window.id)
    const info = value<{ root: string }>(await app.bridge(window.id, 'openFolder', hugo))
    value(await app.bridge(window.id, 'updateSettings', { siteServerFolders: [info.root] }))
    const state = value<{ status: string; origin?: string }>(await app.bridge(window.id, 'startSiteServer'))
    expect(state.status).toBe('running')
    const page = value<{ url: string }>(await app.bridge(window.id, 'siteServerPage', 'content/posts/a.md'))
    expect(await (await fetch(page.url)).text()).toContain('<h1>文章</h1>')
    await app.request({ kind: 'close-window', window: window.id })
    expect((await app.exited).code).toBe(0)
    await expect(fetch(state.origin ?? '')).rejects.toThrow()
  })

  it('keeps the crash journal when the window closes before recovery is answered, and through a renderer crash', async () => {
    const home = await freshHome()
    const buffer = { path: POST, text: `${POST_TEXT}未保存的一段。\n`, baseHash: 'unknown' }
    const journal = journalFile(layout, home)
    await mkdir(dirname(journal), { recursive: true })
    await writeFile(journal, JSON.stringify({ root: site, savedAt: Date.now(), buffers: [buffer] }))

    // The page starts (reporting nothing unsaved), is offered the buffer, and the window closes unanswered.
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    const { recovered } = await startPage(app, window.id)
    expect(recovered?.buffers).toEqual([buffer])
    await app.request({ kind: 'close-window', window: window.id })
    expect((await app.exited).code).toBe(0)
    expect(JSON.parse(await readFile(journal, 'utf8'))).toMatchObject({ root: site, buffers: [buffer] })

    // Next launch: the buffer is restored, the renderer crashes, and the window closes before the reloaded page answers.
    const second = await start({ home, args: [site] })
    const secondWindow = await firstWindow(second)
    expect((await startPage(second, secondWindow.id)).recovered?.buffers).toEqual([buffer])
    value(await second.bridge(secondWindow.id, 'openFolder', site))
    value(await second.bridge(secondWindow.id, 'journalUnsaved', [buffer]))
    value(await second.bridge(secondWindow.id, 'setUnsaved', [POST]))
    await second.request({ kind: 'crash', window: secondWindow.id })
    const reloaded = await second.waitFor((s) => (live(s)[0]?.loads.length ?? 0) >= 2 && !live(s)[0]?.loading, 'the reload after the crash')
    expect(live(reloaded)).toHaveLength(1)
    await second.request({ kind: 'close-window', window: secondWindow.id })
    const secondExit = await second.exited
    expect(secondExit.code).toBe(0)
    expect(secondExit.state?.dialogs).toEqual([])
    expect(JSON.parse(await readFile(journal, 'utf8'))).toMatchObject({ root: site, buffers: [buffer] })

    // And the third launch still offers it.
    const third = await start({ home, args: [site] })
    const thirdWindow = await firstWindow(third)
    expect((await startPage(third, thirdWindow.id)).recovered?.buffers).toEqual([buffer])
    await third.request({ kind: 'quit' })
    await third.exited
  })

  it('saves the window bounds before it quits and opens there next time', async () => {
    const home = await freshHome()
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    const bounds = { x: 33, y: 44, width: 1111, height: 777 }
    await app.request({ kind: 'set-bounds', window: window.id, bounds })
    await app.request({ kind: 'quit' })
    expect((await app.exited).code).toBe(0)
    const settings = JSON.parse(await readFile(join(layout.userData(home), 'settings.json'), 'utf8')) as { window: { bounds: unknown } }
    expect(settings.window.bounds).toEqual(bounds)

    const next = await start({ home, args: [site] })
    const nextWindow = await firstWindow(next)
    expect(nextWindow.options).toMatchObject(bounds)
    await next.request({ kind: 'quit' })
    await next.exited
  })

  it('starts the folder dialog beside the open folder', async () => {
    const home = await freshHome()
    const app = await start({ home, args: [site] })
    const window = await firstWindow(app)
    await startPage(app, window.id)
    value(await app.bridge(window.id, 'openFolder', site))
    const asked = app.bridge(window.id, 'openFolder')
    const state = await app.waitFor((s) => s.dialogs.length > 0, 'the folder dialog')
    expect(state.dialogs[0]).toMatchObject({
      kind: 'showOpenDialog',
      options: { defaultPath: dirname(site), properties: ['openDirectory', 'createDirectory'] },
    })
    await app.request({ kind: 'answer-dialog', index: 0, value: { canceled: true, filePaths: [] } })
    expect(value(await asked)).toBeNull()
    await app.request({ kind: 'quit' })
    await app.exited
  })
})
