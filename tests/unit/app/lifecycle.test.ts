import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  forgetRecentFolders,
  launchOutcomes,
  rememberFolder,
  rememberWindowState,
  resolveTarget,
  setupOpenFile,
  setupSingleInstance,
  startupOutcomes,
  userArgs,
  type LaunchRequest,
} from '../../../electron/app/lifecycle'
import type { OpenOutcome } from '../../../electron/app/open-requests'
import { MAX_RECENT, openSettings } from '../../../electron/settings/store'
import { app, BrowserWindow, FakeEvent } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

const hexoFixture = resolve(import.meta.dirname, '../../fixtures/sites/hexo')
let base: string
let folder: string

beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'folio-lifecycle-')))
  folder = join(base, 'notes')
  await mkdir(folder)
  await writeFile(join(folder, 'a.md'), '# A\n')
  await writeFile(join(folder, 'b.markdown'), '# B\n')
  await writeFile(join(folder, 'c.txt'), 'C\n')
  app.listeners.clear()
  app.hasLock = true
})

afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const problem = (outcome: OpenOutcome | undefined): string => (outcome && 'code' in outcome ? outcome.message : 'no problem')

describe('command line', () => {
  it('skips the executable, the app path in development, and switches wherever they are', () => {
    expect(userArgs(['/opt/Folio/folio', '--no-sandbox', 'notes'], true)).toEqual(['notes'])
    expect(userArgs(['/usr/bin/electron', '.', '--inspect', 'notes', 'a.md'], false)).toEqual(['notes', 'a.md'])
    // Chromium puts switches first when it relaunches: position says nothing.
    expect(userArgs(['/usr/bin/electron', '--allow-file-access-from-files', '--enable-logging', '.', 'notes'], false)).toEqual(['notes'])
    expect(userArgs(['/opt/Folio/folio', '--original-process-start-time=1', 'notes'], true)).toEqual(['notes'])
  })

  it('drops an empty argument, which would otherwise open the working folder (/ for an app the Finder starts)', async () => {
    expect(userArgs(['/opt/Folio/folio', '', 'notes'], true)).toEqual(['notes'])
    expect(userArgs(['/usr/bin/electron', '.', ''], false)).toEqual([])
    expect(await launchOutcomes({ args: userArgs(['/opt/Folio/folio', ''], true), cwd: base })).toEqual([])
  })

  it('opens a folder, or an article with its folder', async () => {
    expect(await resolveTarget('notes', base)).toEqual({ folder, file: null })
    expect(await resolveTarget(join(folder, 'a.md'), '/')).toEqual({ folder, file: 'a.md' })
    expect(await resolveTarget('notes/b.markdown', base)).toEqual({ folder, file: 'b.markdown' })
  })

  it('maps file:// URIs as Linux passes them for %U, percent-encoded', async () => {
    await writeFile(join(folder, '文章 one.md'), '# One\n')
    expect(await resolveTarget(pathToFileURL(join(folder, '文章 one.md')).href, '/')).toEqual({ folder, file: '文章 one.md' })
    expect(await resolveTarget(`file://${folder}/%E6%96%87%E7%AB%A0%20one.md`, '/')).toEqual({ folder, file: '文章 one.md' })
    expect(await resolveTarget(`file://localhost${folder}/%E6%96%87%E7%AB%A0%20one.md`, '/')).toEqual({ folder, file: '文章 one.md' })
  })

  it('says in a sentence why a URI, a missing path or a non-article cannot be opened', async () => {
    expect(problem(await resolveTarget('https://example.com/post.md', base))).toMatch(/only open folders and articles on this computer/)
    expect(problem(await resolveTarget('file://otherhost/share/a.md', base))).toMatch(/on this computer/)
    // A local file address that cannot be decoded is not "another computer's".
    expect(problem(await resolveTarget('file:///posts/50%ZZoff.md', base))).toMatch(/could not read “file:\/\/\/posts\/50%ZZoff.md” as a file address/)
    expect(problem(await resolveTarget('file:///posts/a%2Fb.md', base))).toMatch(/could not read “file:\/\/\/posts\/a%2Fb.md” as a file address/)
    expect(problem(await resolveTarget('missing', base))).toMatch(/“.*missing”: there is no such file or folder/)
    expect(problem(await resolveTarget('notes/c.txt', base))).toMatch(/neither a folder nor an article/)
    await writeFile(join(folder, 'headed.txt'), '---\ntitle: Headed\n---\nBody\n')
    expect(await resolveTarget('notes/headed.txt', base)).toEqual({ folder, file: 'headed.txt' })
  })

  it('opens an article inside a site at the site root, with a root-relative path', async () => {
    const post = join(hexoFixture, 'source/_posts/2024-03-01-hello-hexo.md')
    expect(await resolveTarget(post, '/')).toEqual({
      folder: await realpath(hexoFixture),
      file: 'source/_posts/2024-03-01-hello-hexo.md',
    })
  })

  it('keeps every problem and the first usable path', async () => {
    const outcomes = await launchOutcomes({ args: ['missing', 'notes/c.txt', 'notes/a.md', 'notes'], cwd: base })
    expect(outcomes.filter((o) => 'code' in o)).toHaveLength(2)
    expect(outcomes.filter((o) => !('code' in o))).toEqual([{ folder, file: 'a.md' }])
  })

  it('restores the last folder unless another is asked for, and says so once it is gone', async () => {
    expect(await startupOutcomes({ args: [], cwd: base }, folder)).toEqual([{ folder, file: null }])
    expect(await startupOutcomes({ args: [join(folder, 'a.md')], cwd: base }, folder)).toEqual([{ folder, file: 'a.md' }])
    expect(await startupOutcomes({ args: [], cwd: base }, null)).toEqual([])
    await rm(folder, { recursive: true })
    const gone = await startupOutcomes({ args: [], cwd: base }, folder)
    expect(gone).toHaveLength(1)
    expect(problem(gone[0])).toMatch(/open last, “.*notes”, is no longer there/)
  })
})

describe('single instance', () => {
  it('quits the second launch, handing over its parsed arguments', () => {
    app.hasLock = false
    expect(
      setupSingleInstance(
        { args: ['notes'], cwd: base },
        () => undefined,
        () => undefined,
      ),
    ).toBe(false)
    expect(app.lockData).toEqual({ args: ['notes'], cwd: base })
  })

  it("hands a second launch's arguments (its additionalData) to the running instance", () => {
    let focused = 0
    const launches: LaunchRequest[] = []
    expect(
      setupSingleInstance(
        { args: [], cwd: '/' },
        () => focused++,
        (launch) => launches.push(launch),
      ),
    ).toBe(true)
    // Chromium's argv with switches first: the additionalData is what counts.
    app.emit('second-instance', new FakeEvent(), ['/usr/bin/electron', '--enable-logging', '.', 'notes/a.md'], '/elsewhere', {
      args: ['notes/a.md'],
      cwd: base,
    })
    expect(focused).toBe(1)
    expect(launches).toEqual([{ args: ['notes/a.md'], cwd: base }])
  })

  it('reads the argv without position when the other instance sent no additionalData', () => {
    const launches: LaunchRequest[] = []
    setupSingleInstance(
      { args: [], cwd: '/' },
      () => undefined,
      (launch) => launches.push(launch),
    )
    app.emit('second-instance', new FakeEvent(), ['/usr/bin/electron', '--enable-logging', '.', 'notes/a.md'], base, null)
    expect(launches).toEqual([{ args: ['notes/a.md'], cwd: base }])
  })

  it('hands over the paths the OS gives (macOS open-file, file associations)', () => {
    const paths: string[] = []
    setupOpenFile((path) => paths.push(path))
    const event = new FakeEvent()
    app.emit('open-file', event, join(folder, 'b.markdown'))
    expect(event.defaultPrevented).toBe(true)
    expect(paths).toEqual([join(folder, 'b.markdown')])
  })
})

describe('settings between launches', () => {
  it('keeps recent folders newest first, without duplicates, capped', async () => {
    const file = join(base, 'userData', 'settings.json')
    const settings = await openSettings(file)
    for (let i = 0; i < MAX_RECENT + 2; i++) await rememberFolder(settings, `/site/${i}`)
    await rememberFolder(settings, '/site/5')
    const recent = settings.get().recentFolders
    expect(recent[0]).toBe('/site/5')
    expect(recent).toHaveLength(MAX_RECENT)
    expect(new Set(recent).size).toBe(MAX_RECENT)
    expect(app.recentDocuments.at(-1)).toBe('/site/5')
    expect((await openSettings(file)).get()).toMatchObject({ recentFolders: recent, lastFolder: '/site/5' })
    await forgetRecentFolders(settings)
    expect((await openSettings(file)).get().recentFolders).toEqual([])
  })

  it('starts fresh from a damaged settings file', async () => {
    const file = join(base, 'settings.json')
    await writeFile(file, '{"recentFolders": [1, "/ok"], "window": {"bounds": {"x": "no"}}')
    expect((await openSettings(file)).get()).toMatchObject({ recentFolders: [], lastFolder: null, window: null, sampleCreated: false })
    await writeFile(file, JSON.stringify({ recentFolders: [1, '/ok'], window: { bounds: { x: 'no' } }, sampleCreated: true }))
    expect((await openSettings(file)).get()).toMatchObject({ recentFolders: ['/ok'], lastFolder: null, window: null, sampleCreated: true })
  })

  it('remembers the window bounds as it closes', async () => {
    const file = join(base, 'settings.json')
    const settings = await openSettings(file)
    const window = new BrowserWindow({})
    window.maximized = true
    rememberWindowState(window as never, settings)
    window.close()
    await vi.waitFor(async () => {
      const saved = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { window?: unknown }
      expect(saved.window).toEqual({ bounds: window.bounds, maximized: true })
    })
  })

  it('remembers the bounds a moment after a move, so a crash keeps them', async () => {
    const file = join(base, 'settings.json')
    const settings = await openSettings(file)
    const window = new BrowserWindow({})
    rememberWindowState(window as never, settings)
    window.bounds = { x: 5, y: 6, width: 700, height: 500 }
    window.emit('move')
    window.emit('resize')
    await vi.waitFor(
      async () => {
        const saved = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { window?: unknown }
        expect(saved.window).toEqual({ bounds: { x: 5, y: 6, width: 700, height: 500 }, maximized: false })
      },
      { timeout: 5000 },
    )
  })
})
