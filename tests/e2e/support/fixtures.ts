/**
 * Playwright fixtures for the e2e specs, on top of harness.ts `launchApp`: each test gets fresh
 * content folders, profiles and launched apps, and after it (passed, failed or timed out) every
 * app is closed and every folder it was given is removed.
 *
 * One folder for the whole file, set with test.use:
 *
 *   test.use({ files: { 'a.md': '---\ntitle: A\n---\n' }, uiLocale: 'zh-CN' })
 *   test('…', async ({ page, contentDir }) => { … })
 *
 * A folder that differs per test, a second launch (a restart on the same profile), or a folder
 * prepared before the app sees it:
 *
 *   test('…', async ({ launch, makeFolder }) => {
 *     const dir = await makeFolder({ site: 'sites/hexo' })
 *     const app = await launch({ contentDir: dir, settings: { vim: true } })
 *   })
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings, UiLocale } from '../../../shared/contract'
import { STRINGS } from '../../../renderer/i18n/strings'
import { sharedStateDir } from '../../../electron/siteserver/lifetime'
import { generateSite } from '../../bench/generate-site'
import { launchApp, type LaunchedApp, type LaunchOptions } from '../harness'
import { contentFolder, copyFixture, removeTree, writeFiles } from './folders'

/** What a content folder holds. */
export interface FolderOptions {
  /** A folder under tests/fixtures to copy, such as 'sites/hexo'. */
  site?: string
  /** This many posts generated as the benchmarks make them (tests/bench/generate-site), for a big folder. */
  generatedPosts?: number
  /** Files to write (POSIX paths relative to the folder → text or bytes), over the copy of `site` if both are given. */
  files?: Record<string, string | Buffer>
}

export interface WindowSize {
  width: number
  height: number
}

/** How to launch: launchApp's options, with the folder and profile made for the test unless given. */
export interface AppOptions extends FolderOptions, Omit<LaunchOptions, 'contentDir' | 'profileDir'> {
  /** An existing folder (one from makeFolder, or an earlier launch's); default: a new one from `site` and `files`. */
  contentDir?: string
  /** An earlier launch's profile, so this launch is a restart; default: a new profile. */
  profileDir?: string
  /** Writer's settings stored in a new profile before launch, as if the writer had chosen them. */
  settings?: Partial<Settings>
  /** The interface language, chosen in the app's language menu once it is up. */
  uiLocale?: UiLocale
  /** The window's inner size; default the harness's 1400×900. */
  windowSize?: WindowSize
}

export interface FolioApp extends LaunchedApp {
  /** The open content folder (absolute). */
  contentDir: string
  /** The app's profile folder (its settings file): pass it to launch() again to restart. */
  profileDir: string
}

/** The launch and makeFolder fixtures, for a spec's own helpers that open its folders. */
export type Launch = (options?: AppOptions) => Promise<FolioApp>
export type MakeFolder = (options?: FolderOptions) => Promise<string>

interface Fixtures {
  /** A new content folder under the run's scratch root, removed after the test. */
  makeFolder: MakeFolder
  /** A new profile folder (settings written into it if given), removed after the test. */
  makeProfile(settings?: Partial<Settings>): Promise<string>
  /** Launches the app; it is closed after the test if the test has not closed it. */
  launch: Launch
  /** The app launched with the file's test.use options. */
  app: FolioApp
  /** The app's window. */
  page: Page
  /** The app's content folder. */
  contentDir: string
}

interface Options {
  site: string | undefined
  files: Record<string, string | Buffer> | undefined
  settings: Partial<Settings> | undefined
  uiLocale: UiLocale | undefined
  windowSize: WindowSize | undefined
  startEmpty: boolean
}

async function folderFor(options: FolderOptions): Promise<string> {
  const dir = options.site ? await copyFixture(options.site) : await contentFolder({})
  if (options.generatedPosts) generateSite(dir, options.generatedPosts)
  await writeFiles(dir, options.files ?? {})
  return dir
}

/** The language menu, labelled in whichever language the window shows now. */
const languageMenu = (page: Page) =>
  page.getByRole('combobox', { name: STRINGS.en.language, exact: true }).or(page.getByRole('combobox', { name: STRINGS['zh-CN'].language, exact: true }))

export const test = base.extend<Fixtures & Options>({
  site: [undefined, { option: true }],
  files: [undefined, { option: true }],
  settings: [undefined, { option: true }],
  uiLocale: [undefined, { option: true }],
  windowSize: [undefined, { option: true }],
  startEmpty: [false, { option: true }],

  makeFolder: async ({}, use) => {
    const made: string[] = []
    await use(async (options = {}) => {
      const dir = await folderFor(options)
      made.push(dir)
      return dir
    })
    for (const dir of made) await removeTree(dir)
  },

  makeProfile: async ({}, use) => {
    const made: string[] = []
    await use(async (settings) => {
      const dir = await mkdtemp(join(tmpdir(), 'folio-e2e-profile-'))
      made.push(dir)
      if (settings) await writeFile(join(dir, 'settings.json'), JSON.stringify({ preferences: settings }))
      return dir
    })
    for (const dir of made) await removeTree(dir)
  },

  launch: async ({ makeFolder, makeProfile }, use) => {
    const open: LaunchedApp[] = []
    await use(async (options = {}) => {
      const { site, generatedPosts, files, settings, uiLocale, windowSize, contentDir: given, profileDir: earlier, ...launchOptions } = options
      if (earlier && settings) throw new Error('launch(): settings are written into a new profile; a restart keeps the earlier profile’s.')
      const contentDir = given ?? (await makeFolder({ site, generatedPosts, files }))
      const profileDir = earlier ?? (await makeProfile(settings))
      const launched = await launchApp({ ...launchOptions, contentDir, profileDir })
      let closed: Promise<void> | null = null
      const app: FolioApp = { ...launched, contentDir, profileDir, close: () => (closed ??= launched.close()) }
      open.push(app)
      if (windowSize) await app.page.setViewportSize(windowSize)
      if (uiLocale) {
        await languageMenu(app.page).selectOption(uiLocale)
        await expect(languageMenu(app.page)).toHaveValue(uiLocale)
      }
      return app
    })
    for (const app of open.reverse()) await app.close()
    // The harness gives the app no data folder, so a site server it started kept its preload in the temp folder.
    await removeTree(sharedStateDir())
  },

  app: async ({ launch, site, files, settings, uiLocale, windowSize, startEmpty }, use) => {
    await use(await launch({ site, files, settings, uiLocale, windowSize, startEmpty }))
  },

  page: async ({ app }, use) => {
    await use(app.page)
  },

  contentDir: async ({ app }, use) => {
    await use(app.contentDir)
  },
})

export { expect }
