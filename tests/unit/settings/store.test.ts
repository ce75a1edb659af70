import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../electron/handlers'
import { log, useLogger } from '../../../electron/log/log'
import { createFileLogger, LOG_FILE, type Logger } from '../../../electron/log/logger'
import { openSettings } from '../../../electron/settings/store'
import type { Settings } from '../../../shared/contract'
import { isSettingsPatch, readSettings, SETTINGS_DEFAULTS } from '../../../shared/settings'

let base: string
let previous: Logger | null = null
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'folio-settings-'))
})
afterEach(async () => {
  if (previous) useLogger(previous)
  previous = null
  await rm(base, { recursive: true, force: true })
})

describe('reading the writer’s settings', () => {
  it('takes valid values, defaults for missing ones, and names each bad one', () => {
    const { settings, problems } = readSettings({
      theme: 'dark',
      editorFontSize: 'huge',
      editorLineHeight: 9,
      editorFont: 'x; } body { display: none',
      lineWrap: false,
      spellCheckLanguages: ['en-US', 'not a code'],
      publishCommands: { '/site': 'npm run deploy' },
      somethingNew: 1,
    })
    expect(settings).toEqual({
      ...SETTINGS_DEFAULTS,
      theme: 'dark',
      lineWrap: false,
      publishCommands: { '/site': 'npm run deploy' },
    })
    expect(problems.map((p) => p.key)).toEqual(['editorFont', 'editorFontSize', 'editorLineHeight', 'spellCheckLanguages'])
    expect(problems.find((p) => p.key === 'editorFontSize')?.value).toBe('"huge"')
  })

  it('image settings are checked field by field, and taken whole only when all are valid', () => {
    const media = { ...SETTINGS_DEFAULTS.media, maxWidth: 1600, confirmed: true }
    expect(readSettings({ media }).settings.media).toEqual(media)
    expect(readSettings({ media: { ...media, jpegQuality: 0 } })).toMatchObject({ settings: { media: SETTINGS_DEFAULTS.media }, problems: [{ key: 'media' }] })
    expect(isSettingsPatch({ media: { ...media, uploadCommand: 'x'.repeat(3000) } })).toBe(false)
  })

  it('a section that is not an object is one problem and all defaults', () => {
    expect(readSettings([1, 2])).toEqual({ settings: SETTINGS_DEFAULTS, problems: [{ key: '', value: '[1,2]' }] })
    expect(readSettings(undefined)).toEqual({ settings: SETTINGS_DEFAULTS, problems: [] })
  })

  it('a patch is accepted only with known keys and valid values', () => {
    expect(isSettingsPatch({ theme: 'light', editorFontSize: 18, editorFont: '"Noto Serif SC", serif' })).toBe(true)
    expect(isSettingsPatch({})).toBe(true)
    expect(isSettingsPatch({ theme: 'blue' })).toBe(false)
    expect(isSettingsPatch({ editorFontSize: Number.NaN })).toBe(false)
    expect(isSettingsPatch({ recentFolders: [] })).toBe(false)
    expect(isSettingsPatch({ editorFont: 'a{b}' })).toBe(false)
    expect(isSettingsPatch(null)).toBe(false)
    expect(isSettingsPatch([])).toBe(false)
  })
})

describe('the one settings store', () => {
  it('keeps the writer’s settings, goals and the shell’s memory in one file across launches', async () => {
    const file = join(base, 'profile', 'settings.json')
    const store = await openSettings(file)
    await store.addRecent('/site')
    await store.updatePreferences({ theme: 'dark', editorFontSize: 19 })
    await store.setGoal('/site', 'source/_posts/文章.md', { target: 500, unit: 'characters' })
    const again = await openSettings(file)
    expect(again.get()).toMatchObject({ recentFolders: ['/site'], lastFolder: '/site' })
    expect(again.get().preferences).toEqual({ ...SETTINGS_DEFAULTS, theme: 'dark', editorFontSize: 19 })
    expect(again.goal('/site', 'source/_posts/文章.md')).toEqual({ target: 500, unit: 'characters' })
    expect(again.goal('/other', 'source/_posts/文章.md')).toBeNull()
    expect(again.problems()).toEqual([])
    const written = JSON.parse(await readFile(file, 'utf8')) as { preferences: Settings }
    expect(written.preferences.theme).toBe('dark')
  })

  it('a goal follows its article when renamed and goes when removed; names like __proto__ are plain keys', async () => {
    const store = await openSettings(join(base, 'settings.json'))
    await store.setGoal('/site', 'a.md', { target: 10, unit: 'words' })
    await store.moveGoal('/site', 'a.md', 'b.md')
    expect(store.goal('/site', 'a.md')).toBeNull()
    expect(store.goal('/site', 'b.md')).toEqual({ target: 10, unit: 'words' })
    await store.setGoal('/site', 'b.md', null)
    expect(store.get().goals).toEqual({})
    await store.setGoal('__proto__', '__proto__', { target: 3, unit: 'words' })
    expect(({} as Record<string, unknown>).target).toBeUndefined()
    expect((await openSettings(join(base, 'settings.json'))).goal('__proto__', '__proto__')).toEqual({ target: 3, unit: 'words' })
  })

  it('a corrupt value is logged and replaced by its default, and the rest of the file is kept', async () => {
    const logs = join(base, 'logs')
    previous = useLogger(createFileLogger(logs))
    const file = join(base, 'settings.json')
    await writeFile(
      file,
      JSON.stringify({
        recentFolders: ['/site'],
        preferences: { theme: 'sepia', editorFontSize: 18, vim: 'yes' },
        goals: { '/site': { 'a.md': { target: -4, unit: 'words' }, 'b.md': { target: 800, unit: 'words' } } },
      }),
    )
    const store = await openSettings(file)
    expect(store.get().recentFolders).toEqual(['/site'])
    expect(store.get().preferences).toMatchObject({ theme: 'system', editorFontSize: 18, vim: false })
    expect(store.goal('/site', 'b.md')).toEqual({ target: 800, unit: 'words' })
    expect(store.goal('/site', 'a.md')).toBeNull()
    expect(store.problems().map((p) => p.key)).toEqual(['theme', 'vim', 'goals › a.md'])
    await log.flush()
    const text = await readFile(join(logs, LOG_FILE), 'utf8')
    expect(text).toContain('WARN [settings] Some values in')
    expect(text).toContain('theme = "sepia"')
  })

  it('a file that is not JSON starts from the defaults and says so', async () => {
    const file = join(base, 'settings.json')
    await writeFile(file, '{"preferences": {"theme": "dark"')
    const store = await openSettings(file)
    expect(store.get().preferences).toEqual(SETTINGS_DEFAULTS)
    expect(store.problems()).toHaveLength(1)
  })

  it('keeps the damaged file aside before any change rewrites it', async () => {
    const file = join(base, 'settings.json')
    const damaged = '{"preferences": {"theme": "dark"}, "siteServerFolders": ["/site"],}'
    await writeFile(file, damaged)
    const store = await openSettings(file)
    await store.updatePreferences({ theme: 'light' })
    const copies = (await readdir(base)).filter((name) => name.startsWith('settings.json.damaged-'))
    expect(copies).toHaveLength(1)
    expect(await readFile(join(base, copies[0]!), 'utf8')).toBe(damaged)
    expect(JSON.parse(await readFile(file, 'utf8')).preferences.theme).toBe('light')
  })

  it('keeps no copy of a file read whole', async () => {
    const file = join(base, 'settings.json')
    await writeFile(file, JSON.stringify({ preferences: { theme: 'dark' } }))
    await openSettings(file)
    expect(await readdir(base)).toEqual(['settings.json'])
  })
})

describe('settings through the contract', () => {
  it('reports the file’s problems, refuses a bad patch and tells the shell of a good one', async () => {
    const file = join(base, 'settings.json')
    await writeFile(file, JSON.stringify({ preferences: { editorLineHeight: 'tall' } }))
    const applied: Settings[] = []
    const site = join(base, 'site')
    await mkdir(site)
    await writeFile(join(site, 'a.md'), '---\ntitle: A\n---\n\nText.\n')
    const handlers = createHandlers({
      trash: async () => undefined,
      emit: () => undefined,
      watch: false,
      settings: await openSettings(file),
      spellCheckLanguages: () => ['en-US', 'de'],
      onSettings: (settings) => applied.push(settings),
    })
    const state = await dispatch(handlers, 'getSettings', [])
    expect(state).toMatchObject({
      ok: true,
      value: { file, problems: [{ key: 'editorLineHeight', value: '"tall"' }], spellCheckLanguages: ['en-US', 'de'], settings: SETTINGS_DEFAULTS },
    })
    expect(await dispatch(handlers, 'updateSettings', [{ theme: 'noir' }])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await dispatch(handlers, 'updateSettings', [{ theme: 'dark', spellCheckLanguages: ['de'] }])).toMatchObject({ ok: true })
    expect(applied.map((s) => [s.theme, s.spellCheckLanguages])).toEqual([['dark', ['de']]])

    await handlers.openFolder(site)
    expect(await dispatch(handlers, 'setArticleGoal', ['a.md', { target: 0, unit: 'words' }])).toMatchObject({ ok: false })
    expect(await dispatch(handlers, 'setArticleGoal', ['a.md', { target: 300, unit: 'words' }])).toEqual({ ok: true })
    await handlers.renameArticle('a.md', 'b.md')
    expect(await dispatch(handlers, 'articleGoal', ['b.md'])).toEqual({ ok: true, value: { target: 300, unit: 'words' } })
    expect(await dispatch(handlers, 'articleGoal', ['a.md'])).toEqual({ ok: true, value: null })
    await handlers.dispose()
    const written = JSON.parse(await readFile(file, 'utf8')) as { preferences: Settings; goals: Record<string, unknown> }
    expect(written.preferences.theme).toBe('dark')
    expect(Object.values(written.goals)).toEqual([{ 'b.md': { target: 300, unit: 'words' } }])
  })
})
