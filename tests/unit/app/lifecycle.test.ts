import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  forgetRecentFolders,
  launchTarget,
  rememberFolder,
  rememberWindowState,
  setupOpenFile,
  setupSingleInstance,
  startupTarget,
  userArgs,
  type OpenTarget,
} from '../../../electron/app/lifecycle'
import { MAX_RECENT, openSettings } from '../../../electron/app/settings'
import { app, BrowserWindow, FakeEvent } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))

const hexoFixture = resolve(import.meta.dirname, '../../fixtures/sites/hexo')
let base: string
let folder: string

const settle = () => new Promise((done) => setTimeout(done, 50))

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

describe('command line', () => {
  it('skips the executable, the app path in development, and switches', () => {
    expect(userArgs(['/opt/Folio/folio', '--no-sandbox', 'notes'], true)).toEqual(['notes'])
    expect(userArgs(['/usr/bin/electron', '.', '--inspect', 'notes', 'a.md'], false)).toEqual(['notes', 'a.md'])
  })

  it('opens a folder, or an article with its folder', async () => {
    expect(await launchTarget(['notes'], base)).toEqual({ folder, file: null })
    expect(await launchTarget([join(folder, 'a.md')], '/')).toEqual({ folder, file: 'a.md' })
    expect(await launchTarget(['notes/b.markdown'], base)).toEqual({ folder, file: 'b.markdown' })
  })

  it('opens an article inside a site at the site root, with a root-relative path', async () => {
    const post = join(hexoFixture, 'source/_posts/2024-03-01-hello-hexo.md')
    expect(await launchTarget([post], '/')).toEqual({
      folder: await realpath(hexoFixture),
      file: 'source/_posts/2024-03-01-hello-hexo.md',
    })
  })

  it('ignores what is missing or not an article and takes the first usable path', async () => {
    expect(await launchTarget(['missing', 'notes/c.txt'], base)).toBeNull()
    expect(await launchTarget(['missing', 'notes/c.txt', 'notes/a.md', 'notes'], base)).toEqual({ folder, file: 'a.md' })
  })
})

describe('single instance', () => {
  it('quits the second launch', () => {
    app.hasLock = false
    expect(setupSingleInstance(() => null, () => undefined)).toBe(false)
  })

  it('hands a second launch\'s path to the running window', async () => {
    const window = new BrowserWindow({})
    const focus = vi.spyOn(window, 'focus')
    const targets: OpenTarget[] = []
    expect(setupSingleInstance(() => window as never, (target) => targets.push(target))).toBe(true)
    app.emit('second-instance', new FakeEvent(), ['/usr/bin/electron', '.', 'notes/a.md'], base)
    expect(focus).toHaveBeenCalled()
    await vi.waitFor(() => expect(targets).toEqual([{ folder, file: 'a.md' }]))
  })

  it('only focuses when the second launch names nothing', async () => {
    const targets: OpenTarget[] = []
    setupSingleInstance(() => new BrowserWindow({}) as never, (target) => targets.push(target))
    app.emit('second-instance', new FakeEvent(), ['/usr/bin/electron', '.'], base)
    await settle()
    expect(targets).toEqual([])
  })

  it('opens files the OS hands over (macOS open-file, file associations)', async () => {
    const targets: OpenTarget[] = []
    setupOpenFile((target) => targets.push(target))
    const event = new FakeEvent()
    app.emit('open-file', event, join(folder, 'b.markdown'))
    expect(event.defaultPrevented).toBe(true)
    await vi.waitFor(() => expect(targets).toEqual([{ folder, file: 'b.markdown' }]))
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
    expect((await openSettings(file)).get()).toEqual({ recentFolders: [], lastFolder: null, window: null, sampleCreated: false })
    await writeFile(file, JSON.stringify({ recentFolders: [1, '/ok'], window: { bounds: { x: 'no' } }, sampleCreated: true }))
    expect((await openSettings(file)).get()).toEqual({ recentFolders: ['/ok'], lastFolder: null, window: null, sampleCreated: true })
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

  it('restores the last folder unless another is asked for, and not once it is gone', async () => {
    const settings = await openSettings(join(base, 'settings.json'))
    await settings.addRecent(folder)
    expect(await startupTarget([], base, settings)).toEqual({ folder, file: null })
    expect(await startupTarget([join(folder, 'a.md')], base, settings)).toEqual({ folder, file: 'a.md' })
    await rm(folder, { recursive: true })
    expect(await startupTarget([], base, settings)).toBeNull()
  })
})
