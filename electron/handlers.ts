/**
 * createHandlers: the one table implementing InvokeApi over plain-Node workspace code.
 * Electron's app/ipc.ts and the e2e harness both call `dispatch`, so argument validation,
 * error shaping and the handlers themselves are the same in the app and in tests.
 */
import { join } from 'node:path'
import type {
  ContentChange,
  EventApi,
  UiLocale,
  EventName,
  FolderInfo,
  FolderRows,
  InvokeApi,
  OpenedFolder,
  InvokeMethod,
  InvokeResult,
  PendingOpen,
  Settings,
} from '../shared/contract'
import * as v from 'valibot'
import { INVOKE, INVOKE_ARGUMENTS } from '../shared/contract'
import { FolioError, said, systemProblem, type Envelope, type FolioErrorData } from '../shared/errors'
import { openWorkspace, type Workspace } from './workspace/workspace'
import { createCrashJournal } from './recovery/crash-journal'
import { journalEdits } from './recovery/journal-edits'
import { createTaxonomyService, type TaxonomyService } from './taxonomy/service'
import { createReplaceService, type ReplaceService } from './search/replace'
import { createExportService, type ExportServiceDeps } from './export/service'
import { createGitService, type GitService } from './git/service'
import { publishSuggestions } from './publish/suggest'
import { runPublish, type PublishRun } from './publish/run'
import { log } from './log/log'
import { mediaReport } from './media/report'
import { createMediaService } from './media/service'
import { endLeftover, pidFileIn } from './siteserver/lifetime'
import { referenceWatch } from './siteserver/reference-watch'
import { previewReferences } from './siteserver/references'
import { createSiteServerService, type SiteServerService } from './siteserver/service'
import { workspaceSite } from './siteserver/workspace-site'
import { endGroup } from './system/process-group'
import { settingsStore, type SettingsStore } from './settings/store'
import { articleLinks } from './links/check'
import { createMoveService, type MoveService } from './links/move'

export interface HandlerDeps {
  /** Asks the user for a folder (the native dialog in Electron); null when cancelled. */
  chooseFolder?: () => Promise<string | null>
  /** Moves a file to the OS trash. Injected by electron/app; never a hard delete. */
  trash: (absolutePath: string) => Promise<void>
  /** Where the index cache lives (the app's data folder); omitted means no persistent cache. */
  cacheDir?: string
  /** Sends an event to the renderer. */
  emit: <E extends EventName>(event: E, payload: EventApi[E]) => void
  /** Watch the folder for outside changes (default true). */
  watch?: boolean
  /** URL prefix under which the transport serves the open folder's files (FolderInfo.assetBase). */
  assetBase?: string
  /** Where unsaved buffers are journaled (the app's data folder); omitted means no crash journal. */
  journalDir?: string
  /** Told whenever the renderer reports a new set of unsaved paths (the close guard listens). */
  onUnsavedChange?: (paths: readonly string[]) => void
  /** Told after a folder opened (the app shell records it as recent). */
  onFolderOpened?: (info: FolderInfo) => void
  /** Recently opened folders, newest first (kept by the app shell); omitted means none. */
  recentFolders?: () => Promise<string[]>
  /** The writer switched the UI language (the shell rebuilds its menus in it). */
  onUiLocale?: (locale: UiLocale) => void
  /** Asks the user for image files to insert (the native open dialog in Electron); absolute paths, null when cancelled. */
  chooseImages?: () => Promise<string[] | null>
  /** Asks where an export goes (native save or folder dialog in Electron); null when cancelled. */
  chooseExportTarget?: ExportServiceDeps['chooseTarget']
  /** Prints a standalone HTML page to PDF (a hidden window in Electron, page.pdf in the harness). */
  printToPdf?: ExportServiceDeps['printToPdf']
  /** Writes text/html and text/plain to the system clipboard. */
  writeClipboard?: ExportServiceDeps['writeClipboard']
  /** What the app was asked to open before the page could hear it (kept by the app shell); omitted means nothing. */
  takeOpenRequest?: () => Promise<PendingOpen>
  /** The site's server's pid file and preload live here (the app's data folder); a server a crashed run left is ended at start. */
  siteServerDir?: string
  /** What inserted photos were made into (userData/made-images.json in the app), so a restart reuses them; omitted means kept in memory. */
  madeImagesFile?: string
  /** The one settings store (userData/settings.json in the app); omitted means one kept in memory. */
  settings?: SettingsStore
  /** The languages the session's spell checker offers (Electron's); omitted when the system chooses them. */
  spellCheckLanguages?: () => string[] | null
  /** The writer's settings changed (the shell applies the theme and the spell checker's languages). */
  onSettings?: (settings: Settings) => void
}

/**
 * How long a close waits for the page to say what is unsaved: a busy page answers within a few
 * frames, and a hung one must not keep the window from closing.
 */
export const UNSAVED_ANSWER_MS = 1000

export interface Handlers extends InvokeApi {
  /** The workspace currently open, for the app shell (asset protocol, recovery). */
  current(): Workspace | null
  /** The paths the renderer last reported unsaved. */
  unsaved(): readonly string[]
  /**
   * The paths unsaved as the page has them now: asks it (reportUnsaved) to make every edit still on
   * its way and answer. What a close decides on: a key typed just before is in it. Null when the
   * page does not answer within `timeoutMs` (hung, gone, still loading): then only unsaved() is known.
   */
  unsavedNow(timeoutMs?: number): Promise<readonly string[] | null>
  /**
   * What decides on unsaved work (a close, a replace across the folder): the page's answer to
   * unsavedNow, or what it last reported when it does not answer.
   */
  unsavedSettled(): Promise<readonly string[]>
  /** The origin of the site's own server while it runs (the only http page the window may frame). */
  siteServerOrigin(): string | null
  /**
   * The close guard let the window go: forget unsaved work and clear the journal. The journal is
   * only cleared once the page has answered recovery (it journals from then on): a page that has
   * not answered yet would erase buffers it never offered.
   */
  discardUnsaved(): Promise<void>
  /** The page crashed or reloads: its unsaved set is in the journal, which waits for the next page's answer. */
  pageGone(): void
  dispose(): Promise<void>
}

export function createHandlers(deps: HandlerDeps): Handlers {
  let workspace: Workspace | null = null
  let unsaved: readonly string[] = []
  // True once the page journals (it has answered recovery); false while a page has yet to answer.
  let journalAnswered = false
  const journal = deps.journalDir === undefined ? null : createCrashJournal({ dir: deps.journalDir })
  const journalChanges = journal && journalEdits(journal)

  const setUnsaved = (paths: readonly string[]): void => {
    unsaved = [...paths]
    deps.onUnsavedChange?.(unsaved)
  }
  // Asks waiting for the page's answer, by number: a report sent before an ask is not its answer.
  let asks = 0
  const waiting = new Map<number, (paths: readonly string[] | null) => void>()
  const unsavedNow = (timeoutMs = UNSAVED_ANSWER_MS): Promise<readonly string[] | null> => {
    const ask = ++asks
    return new Promise((done) => {
      const timer = setTimeout(() => finish(null), timeoutMs)
      const finish = (paths: readonly string[] | null) => {
        clearTimeout(timer)
        waiting.delete(ask)
        done(paths)
      }
      waiting.set(ask, finish)
      deps.emit('reportUnsaved', { ask })
    })
  }

  const unsavedSettled = async (): Promise<readonly string[]> => (await unsavedNow()) ?? unsaved

  const open = (): Workspace => {
    if (!workspace) throw new FolioError({ code: 'NO_FOLDER', ...said('no-folder') })
    return workspace
  }

  // Opens by number: an open that ends after a later one began is not the writer's last word.
  let opens = 0
  const openFolder = async (path?: string): Promise<OpenedFolder | null> => {
    const chosen = path ?? (deps.chooseFolder ? await deps.chooseFolder() : null)
    if (chosen === null) return null
    const asked = ++opens
    const next = await openWorkspace({
      root: chosen,
      trash: deps.trash,
      cacheDir: deps.cacheDir,
      watch: deps.watch ?? true,
      onChange: (change: ContentChange) => deps.emit('contentChanged', change),
      onGone: (root) => deps.emit('folderGone', { root }),
      // The window lists the first rows at once; the rest follow with a count.
      onIndexProgress: (progress) => deps.emit('indexProgress', progress),
    })
    if (asked !== opens) {
      // A slow folder (a network drive, a huge first slice) opened after the writer chose another: it stays closed.
      await next.close()
      return null
    }
    const previous = workspace
    workspace = next
    // The site's server belongs to the folder it serves, and the preview's watch of its files too.
    await Promise.all([stopSiteServer(), referenceFiles.close()])
    await previous?.close()
    deps.onFolderOpened?.(next.info)
    // The first rows ride on the open's reply: the library paints them without asking again.
    return { ...describe(next), rows: await rowsOf(next) }
  }

  const rowsOf = async (ws: Workspace): Promise<FolderRows> => {
    const schema = await ws.schema({ soFar: true })
    // The rows and their cursor in one go: a change between them would be neither listed nor told.
    return { ...ws.rows(), schema }
  }

  // One service per open folder: its header cache and previews belong to that folder.
  const services = new WeakMap<Workspace, TaxonomyService>()
  const bulk = (): TaxonomyService => {
    const ws = open()
    let service = services.get(ws)
    if (!service) {
      service = createTaxonomyService(ws, { journalDir: deps.journalDir === undefined ? null : join(deps.journalDir, 'bulk-edits') })
      services.set(ws, service)
    }
    return service
  }

  const replaces = new WeakMap<Workspace, ReplaceService>()
  const replaceOf = (): ReplaceService => {
    const ws = open()
    let service = replaces.get(ws)
    if (!service) {
      service = createReplaceService({ workspace: ws, bulk: bulk(), unsaved: unsavedSettled })
      replaces.set(ws, service)
    }
    return service
  }

  const movers = new WeakMap<Workspace, MoveService>()
  const moverOf = (): MoveService => {
    const ws = open()
    let service = movers.get(ws)
    if (!service) {
      service = createMoveService(ws, bulk())
      movers.set(ws, service)
    }
    return service
  }

  const gits = new WeakMap<Workspace, GitService>()
  const gitOf = (): GitService => {
    const ws = open()
    let service = gits.get(ws)
    if (!service) {
      service = createGitService({
        root: ws.info.root,
        articles: () => ws.list(),
        onProgress: (progress) => deps.emit('gitProgress', progress),
      })
      gits.set(ws, service)
    }
    return service
  }

  let publishing: PublishRun | null = null

  // The files the preview's site answer read that the folder's watcher does not report.
  const referenceFiles = referenceWatch((paths) => deps.emit('previewFilesChanged', { paths }))
  let siteServer: { ws: Workspace; service: SiteServerService } | null = null
  // A server a crashed run left behind (its watchdog killed too) ends now.
  if (deps.siteServerDir !== undefined) void endLeftover(pidFileIn(deps.siteServerDir), endGroup).catch(() => undefined)
  const siteServerOf = (): SiteServerService => {
    const ws = open()
    if (siteServer?.ws !== ws) {
      const service = createSiteServerService({
        ...workspaceSite(ws),
        onOutput: (text) => deps.emit('siteServerOutput', { text }),
        onState: (state) => deps.emit('siteServerChanged', state),
        onReload: (path, page) => deps.emit('siteServerReload', { path, page }),
        stateDir: deps.siteServerDir,
      })
      siteServer = { ws, service }
    }
    return siteServer.service
  }
  const stopSiteServer = async (): Promise<void> => {
    const running = siteServer
    siteServer = null
    await running?.service.stop()
  }
  /** A save the site's server should follow (it rebuilds on its own; Folio shows the page again). */
  const followSave = <T>(path: string, result: T): T => {
    if (siteServer?.ws === workspace) siteServer?.service.saved(path)
    return result
  }

  const exports = createExportService({
    workspace: open,
    chooseTarget: deps.chooseExportTarget,
    printToPdf: deps.printToPdf,
    writeClipboard: deps.writeClipboard,
    onProgress: (progress) => deps.emit('exportProgress', progress),
  })

  const media = createMediaService({ madeImagesFile: deps.madeImagesFile })
  const settings = deps.settings ?? settingsStore(null)

  const describe = (open: Workspace): FolderInfo => (deps.assetBase === undefined ? open.info : { ...open.info, assetBase: deps.assetBase })

  return {
    openFolder,
    getFolder: async () => (workspace ? describe(workspace) : null),
    folderListing: async () => {
      const ws = workspace
      return ws ? { folder: describe(ws), rows: await rowsOf(ws) } : null
    },
    closeFolder: async () => {
      const closing = workspace
      workspace = null
      await Promise.all([stopSiteServer(), referenceFiles.close()])
      await closing?.close()
    },
    // The window lists what is read so far while a big folder opens (FolderInfo.indexing, indexProgress events).
    listArticles: () => open().list({ soFar: true }),
    rowsSince: async (cursor) => {
      const ws = workspace
      const update = ws?.rowsSince(cursor)
      if (!ws || !update) return null
      // The schema tallies every header: sent once the index has read them all, not with every count.
      return { folder: describe(ws), ...update, ...(ws.info.indexing ? {} : { schema: await ws.schema({ soFar: true }) }) }
    },
    folderSchema: () => open().schema({ soFar: true }),
    articleImages: (path) => open().images(path),
    insertImages: async (path, images, settings, options) => media.insert(open(), path, await media.readUploads(images), settings, options?.background),
    imagesLanded: (landing) => media.landed(landing),
    mediaReport: () => mediaReport(open()),
    pickImages: async () => {
      open()
      return deps.chooseImages ? deps.chooseImages() : null
    },
    readArticle: (path) => open().read(path),
    makeArticleWritable: (path) => open().makeWritable(path),
    saveArticle: async (path, text, baseHash) => followSave(path, await open().save(path, text, baseHash)),
    saveArticleAs: async (path, text, bom) => followSave(path, await open().saveAs(path, text, bom)),
    searchArticles: (query, limit) => open().search(query, limit),
    searchFolder: (request) => open().searchFolder(request),
    createArticle: (options) => open().create(options),
    renameArticle: async (from, to) => {
      const ws = open()
      const renamed = await ws.rename(from, to)
      // The goal belongs to the article, wherever it moves.
      await settings.moveGoal(ws.info.root, from, renamed.path)
      return renamed
    },
    duplicateArticle: (path) => open().duplicate(path),
    trashArticle: (path) => open().trash(path),
    createFolder: (path) => open().createFolder(path),
    setUnsaved: async (paths) => setUnsaved(paths),
    answerUnsaved: async (ask, paths) => {
      setUnsaved(paths)
      waiting.get(ask)?.(unsaved)
    },
    journalUnsaved: async (buffers) => {
      // Clearing needs no folder; buffers are always stamped with the folder they belong to.
      journal?.record(buffers.length === 0 ? '' : open().info.root, buffers)
      journalChanges?.forget()
      journalAnswered = true
    },
    journalEdits: async (edits) => {
      const refused = journalChanges?.apply(edits.length === 0 ? '' : open().info.root, edits) ?? []
      journalAnswered = true
      return refused
    },
    takeRecovered: async () => {
      journalAnswered = false
      return journal ? journal.read() : null
    },
    takeOpenRequest: async () => (deps.takeOpenRequest ? deps.takeOpenRequest() : { request: null, problems: [] }),
    listRecentFolders: async () => (deps.recentFolders ? deps.recentFolders() : []),
    setUiLocale: async (locale) => deps.onUiLocale?.(locale),
    taxonomy: () => bulk().taxonomy(),
    planBulkEdit: (operation) => bulk().plan(operation),
    applyBulkEdit: (planId) => bulk().apply(planId),
    undoBulkEdit: (resultId) => bulk().undo(resultId),
    bulkPlanTotals: (planId) => bulk().totals(planId),
    planReplace: (request) => replaceOf().plan(request),
    replacePreviewPage: (planId, offset) => replaceOf().page(planId, offset),
    applyReplace: (planId, excluded) => replaceOf().apply(planId, excluded),
    planMove: (from, to, buffers) => moverOf().plan(from, to, buffers),
    applyMove: (planId, exclude) => moverOf().apply(planId, exclude),
    undoLeafBundle: (resultId, images) => moverOf().undoBundle(resultId, images, (abs) => media.wroteHash(abs)),
    articleLinkRefs: (path, links) => articleLinks(open(), path, links),
    exportArticles: (request) => exports.run(request),
    cancelExport: async (id) => exports.cancel(id),
    copyRichText: (path, options) => exports.copyRichText(path, options?.remoteContent === true),
    gitState: () => gitOf().state(),
    articleHistory: (path) => gitOf().history(path),
    articleAtCommit: (path, commit) => gitOf().textAt(path, commit),
    commitArticles: (paths, message) => gitOf().commit(paths, message),
    pullChanges: () => gitOf().pull(),
    pushChanges: () => gitOf().push(),
    cancelGit: async () => (workspace ? gits.get(workspace)?.cancel() : undefined),
    conflictVersions: (path) => gitOf().conflictVersions(path),
    markResolved: (path) => gitOf().markResolved(path),
    publishSuggestions: async () => {
      const ws = open()
      return publishSuggestions(ws.info.root, ws.info.kind)
    },
    runPublish: async (command) => {
      const ws = open()
      if (publishing) throw new FolioError({ code: 'CANCELLED', ...said('publish-busy') })
      const run = runPublish(command, ws.info.root, (text) => deps.emit('publishOutput', { text }))
      publishing = run
      try {
        return await run.done
      } finally {
        publishing = null
      }
    },
    cancelPublish: async () => {
      await publishing?.stop()
    },
    siteServerState: async () => siteServerOf().snapshot(),
    startSiteServer: async () => {
      const service = siteServerOf()
      // The writer agreed for this folder (asked in the page); nothing else starts the site's code.
      if (!settings.get().preferences.siteServerFolders.includes(open().info.root)) {
        throw new FolioError({ code: 'NOT_TRUSTED', ...said('site-not-trusted') })
      }
      return service.start()
    },
    stopSiteServer,
    siteServerPage: async (path) => (siteServer?.ws === workspace ? (siteServer?.service.page(path) ?? null) : null),
    previewReferences: async (path, request) => {
      const ws = open()
      await ws.resolve(path)
      const read: string[] = []
      const answer = await previewReferences({ ...workspaceSite(ws), watch: (rel) => read.push(rel) }, request)
      if (workspace === ws)
        void referenceFiles.follow(
          ws.info.root,
          read.map((rel) => join(ws.info.root, rel)),
        )
      return answer
    },
    reportError: async (report) => log.error(`page:${report.source}`, report.message, report.stack),
    getSettings: async () => ({
      settings: settings.get().preferences,
      file: settings.file,
      problems: [...settings.problems()],
      spellCheckLanguages: deps.spellCheckLanguages?.() ?? null,
    }),
    updateSettings: async (patch) => {
      const next = await settings.updatePreferences(patch)
      deps.onSettings?.(next)
      return next
    },
    articleGoal: async (path) => settings.goal(open().info.root, path),
    setArticleGoal: (path, goal) => settings.setGoal(open().info.root, path, goal),
    current: () => workspace,
    unsaved: () => unsaved,
    unsavedNow,
    unsavedSettled,
    siteServerOrigin: () => siteServer?.service.origin() ?? null,
    discardUnsaved: async () => {
      setUnsaved([])
      journalChanges?.forget()
      if (journalAnswered) await journal?.clear()
    },
    pageGone: () => {
      unsaved = []
      journalChanges?.forget()
      journalAnswered = false
    },
    dispose: async () => {
      exports.cancelAll()
      await Promise.all([publishing?.stop(), stopSiteServer(), referenceFiles.close()])
      await journal?.flush()
      await workspace?.close()
      workspace = null
    },
  }
}

export function isInvokeMethod(name: string): name is InvokeMethod {
  return Object.hasOwn(INVOKE, name)
}

export function toErrorData(error: unknown): FolioErrorData {
  if (error instanceof FolioError) return error.toData()
  const system = systemProblem(error)
  // The system's path is absolute, not one of the folder's: it stays in the sentence's params.
  if (system) return { code: 'IO', ...system }
  return { code: 'IO', ...said('unexpected', { detail: error instanceof Error ? error.message : String(error) }) }
}

/** Which argument was refused and why, e.g. `argument 1 (options.format): Invalid type: …`. */
function refusal(method: InvokeMethod, issue: v.BaseIssue<unknown>): string {
  const [index, ...rest] = issue.path ?? []
  if (index === undefined || typeof index.key !== 'number') return `Invalid arguments for ${method}: ${issue.message}.`
  const inside = rest.map((item) => String(item.key)).join('.')
  return `Invalid argument ${index.key + 1} for ${method}${inside ? ` (${inside})` : ''}: ${issue.message}.`
}

/** Validates the arguments against the contract's schema, calls the handler and wraps the outcome so typed errors cross intact. */
export async function dispatch<M extends InvokeMethod>(handlers: InvokeApi, method: M, args: readonly unknown[]): Promise<Envelope<InvokeResult<M>>> {
  const parsed = v.safeParse(INVOKE_ARGUMENTS[method], args)
  if (!parsed.success) return { ok: false, error: { code: 'BAD_ARGUMENT', ...said('bad-argument', { detail: refusal(method, parsed.issues[0]) }) } }
  try {
    const fn = handlers[method] as (...a: readonly unknown[]) => Promise<InvokeResult<M>>
    // The checked values, as many as were sent: a left-out optional argument stays left out.
    const value = await fn.apply(handlers, parsed.output.slice(0, args.length))
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}
