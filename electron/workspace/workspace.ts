/**
 * The open content folder: site detection, the index, the watcher and every file operation the
 * renderer may ask for, each path going through the guard first. Plain Node (no electron), so the
 * app, the e2e harness, the CLI and the tests all use this same object.
 */
import { cp, lstat, mkdir, readFile, rename as renameFile, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type {
  IndexProgress,
  ArticleFile,
  ArticleSummary,
  ContentChange,
  FolderInfo,
  LibraryRow,
  RowsCursor,
  NewArticleOptions,
  SaveResult,
  SearchHit,
  SearchRequest,
  SearchResults,
} from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import type { FrontMatterFormat } from '../../shared/frontmatter/types'
import type { FolderSchema } from '../../shared/schema'
import { companionFolder, postAssetFolder } from '../../shared/assets'
import { articleImages } from './assets'
import { log } from '../log/log'
import { prepareFolderIndex } from './folder-index'
import { planArticle, writeNew } from './create'
import { createArticleStore, type ArticleChange, type EditResult } from './article-store'
import { encode, hashBytes } from './encoding'
import { ioError, makeWritable, readArticle } from './files'
import { createGuard } from './guard'
import { createExclusive, ensureFolder } from './open-inside'
import { summarize } from './indexer'

import { sweepStaleTemps } from './scan'
import { search } from './search'
import { searchFolder, type SearchDoc } from './folder-search'
import { watchSite, type WatchOptions, type Watcher } from './watch'

/**
 * An early open returns after reading this long or this many files, whichever comes first, so a
 * big folder's first rows show at once: twice a tall window's rows (about 20 at 56 px), the rest
 * streams in. The files are read in folder order, not newest first, so more rows in the reply
 * would not make its first screen the right one sooner; reading 100 took the whole 150 ms the
 * reply then waited on a loaded machine, most of what stood between the open and the first row.
 */
const FIRST_ROWS_MS = 80
const FIRST_ROWS = 40

/**
 * Rows in one rowsSince answer at most (about 6 MB of JSON): a window slow to ask again while
 * 100,000 posts are read would otherwise get them in one message, more than the e2e harness's
 * DevTools pipe holds (100 MB); the rest follows in the next answers.
 */
export const ROWS_PER_ANSWER = 5000

/** Numbers each open, so a cursor of an open before (of this folder or another) is told apart. */
let opens = 0

/** How long a watcher batch waits for Folio's own writes in flight before reading the disk anyway. */
const OWN_WRITE_WAIT_MS = 10_000

export interface OpenWorkspaceOptions {
  /** The folder to open; a content folder inside a site (Hexo `source/_posts`) opens the site. */
  root: string
  /** Moves a file or folder to the OS trash (injected by electron/app). Never a hard delete. */
  trash: (absolutePath: string) => Promise<void>
  /** Where the index cache lives; omitted means no persistent cache. */
  cacheDir?: string
  /** Watch for outside changes (default false). */
  watch?: boolean
  /** Outside changes, batched. Folio's own writes are not reported. */
  onChange?: (change: ContentChange) => void
  /** Batching of watcher events (tests shorten it). */
  watchTiming?: WatchOptions
  /**
   * The folder itself was moved, renamed or deleted while open (told once, with its absolute path).
   * Noticed from the watcher, from a failed operation, and while watching from a stat every few seconds.
   */
  onGone?: (root: string) => void
  /** How often a watched folder checks that it is still there (tests shorten it). */
  goneCheckMs?: number
  /** Threads a cold index of a big folder may use, this one included (default 1: this thread alone). */
  threads?: number
  /** Read every article's text in the background after the open, for search (default true; the command line searches nothing). */
  readTexts?: boolean
  /** Remove the temp files of saves a crash interrupted, once the index is read (default true; the command line leaves them to the app). */
  sweepTemps?: boolean
  /**
   * Open early: resolve once the first rows are read (about FIRST_ROWS_MS), the index reading the
   * rest in the background and telling its progress here a few times a second (the last call has
   * done === total). Without it the open resolves when every file is read (the command line).
   */
  onIndexProgress?: (progress: IndexProgress) => void
}

export interface Workspace {
  info: FolderInfo
  /**
   * Every article; after an early open, once every file is read. `soFar`: what is read by now
   * (the window's list while a big folder opens; info.indexing says how far it has come).
   */
  list(options?: { soFar?: boolean }): Promise<ArticleSummary[]>
  /** The articles read so far (as list soFar) and the cursor from which rowsSince tells what changes after them. */
  rows(): { articles: LibraryRow[]; cursor: RowsCursor }
  /**
   * What changed since a cursor of this open: the rows read or changed since (their summaries
   * now), the paths no longer articles, and how many articles there are; null for another open's cursor.
   */
  rowsSince(cursor: RowsCursor): { rows: LibraryRow[]; removed: string[]; cursor: RowsCursor; count: number; more?: true } | null
  /** The folder schema: every key of every header, per collection, with the schema file's pins (`soFar` as for list). */
  schema(options?: { soFar?: boolean }): Promise<FolderSchema>
  /** Images the article keeps beside it, as its header would name them. */
  images(path: string): Promise<string[]>
  read(path: string): Promise<ArticleFile>
  /** Adds the owner's write permission to a read-only article and reads it again. */
  makeWritable(path: string): Promise<ArticleFile>
  save(path: string, text: string, baseHash: string): Promise<SaveResult>
  /** The one write path (article-store.ts), for bulk edits: a change, checked against baseHash or the bytes it read. */
  edit(path: string, change: ArticleChange, baseHash?: string): Promise<EditResult>
  /** Writes an article where no file is (recreate, save as); EXISTS when the path is taken. */
  saveAs(path: string, text: string, bom: boolean): Promise<SaveResult>
  search(query: string, limit?: number): Promise<SearchHit[]>
  searchFolder(request: SearchRequest): Promise<SearchResults>
  /** The articles search and replace look at (in the order given, all when absent), their texts as indexed. */
  searchDocs(paths?: readonly string[]): SearchDoc[]
  create(options: NewArticleOptions): Promise<ArticleSummary>
  rename(from: string, to: string): Promise<ArticleSummary>
  /** Moves any file, never over another: an article as rename does (its asset folder follows), an image alone. */
  move(from: string, to: string): Promise<void>
  duplicate(path: string): Promise<ArticleSummary>
  trash(path: string): Promise<void>
  createFolder(path: string): Promise<void>
  /** The guard, for the asset protocol: an absolute real path inside the folder, or a typed error. */
  resolve(path: string): Promise<string>
  close(): Promise<void>
}

/** A rename or move onto a name another file has: the writer chooses another. */
function nameTaken(verb: 'rename' | 'move', from: string, to: string): FolioError {
  return new FolioError({
    code: 'EXISTS',
    path: to,
    message: `Could not ${verb} ${from} to ${to}: a file with that name exists. Choose another name.`,
    reason: 'rename-taken',
    params: { from, to },
  })
}
/** The error for any write or read asked of a folder that is no longer where it was opened. */
export function folderGoneError(root: string, rel: string, doing: string): FolioError {
  return new FolioError({
    code: 'NOT_FOUND',
    path: rel,
    message: `Could not ${doing} ${rel}: the open folder ${root} no longer exists (moved, renamed or deleted?). Nothing was written. Locate the folder, or close it.`,
    reason: 'folder-gone',
    params: { doing, path: rel, root },
  })
}

/**
 * A summary as the library holds it: the excerpt stays here, since no row shows it. Written out
 * field by field (a rest copy costs several times as much per row, and a re-open makes one per
 * article); its type makes a field added to the summary, optional or not, an error here until it is copied.
 */
export function libraryRow(s: ArticleSummary): LibraryRow {
  const row: LibraryRow & Omit<Required<LibraryRow>, 'encoding'> = {
    path: s.path,
    format: s.format,
    title: s.title,
    date: s.date,
    dateMs: s.dateMs,
    updated: s.updated,
    updatedMs: s.updatedMs,
    tags: s.tags,
    categories: s.categories,
    draft: s.draft,
    words: s.words,
    readingMinutes: s.readingMinutes,
    size: s.size,
    mtimeMs: s.mtimeMs,
    error: s.error,
    keys: s.keys,
    checks: s.checks,
  }
  // Absent, not undefined, when the bytes are fine: the row crosses the bridge as the summary did.
  if (s.encoding) row.encoding = s.encoding
  return row
}

function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  )
}

function isEmpty(change: ContentChange): boolean {
  return change.added.length + change.changed.length + change.removed.length === 0
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<Workspace> {
  const { site, rules, index, schemaFile, info } = await prepareFolderIndex(options.root, options)
  // Every path whose row was set or dropped, in order: the window asks for what changed after its
  // last answer (a few thousand rows while a big folder is read, one after a save), never the
  // whole folder again.
  const openNumber = ++opens
  const changes: string[] = []
  index.onRow = (rel) => void changes.push(rel)
  const guard = await createGuard(site.root)

  // The folder as opened: another folder made at the same path later is not it.
  const opened = await stat(site.root)
  let gone = false
  /** True when the open folder is gone; tells onGone the first time. Once gone, it stays gone. */
  const rootGone = async (): Promise<boolean> => {
    if (gone) return true
    const now = await lstat(site.root).catch(() => null)
    if (now?.isDirectory() && now.ino === opened.ino && now.dev === opened.dev) return false
    if (!gone) {
      gone = true
      options.onGone?.(site.root)
    }
    return true
  }
  /** Runs fn; when it fails because the folder vanished, says that instead of a bare ENOENT. */
  const unlessGone = async <T>(rel: string, doing: string, fn: () => Promise<T>): Promise<T> => {
    if (await rootGone()) throw folderGoneError(site.root, rel, doing)
    try {
      return await fn()
    } catch (error) {
      if (await rootGone()) throw folderGoneError(site.root, rel, doing)
      throw error
    }
  }

  // Our own writes in flight, from the first byte to the index knowing the result. A watcher batch
  // waits for them: on a busy machine the file event can arrive before the index is refreshed,
  // and Folio's own save, creation or rename would be reported as a change made outside.
  const inFlight = new Set<Promise<unknown>>()
  const ours = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work)
    const done = (): void => void inFlight.delete(work)
    work.then(done, done)
    return work
  }

  // The watcher starts with the index; its batches wait until the index is built.
  let indexed = (): void => undefined
  const built = new Promise<void>((resolve) => (indexed = resolve))
  let buildFailed = false
  const refreshAndReport = async (paths: string[], rescan: boolean, sameStampOnly = false): Promise<void> => {
    await built
    if (buildFailed) return
    // Bounded: a write stuck on a stalled disk must not stop outside changes from being reported.
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, OWN_WRITE_WAIT_MS).unref())])
    // A vanished folder keeps its last list (with the banner saying why) rather than emptying it.
    if (await rootGone()) return
    const change = await index.refresh(paths, sameStampOnly)
    if (rescan) {
      const missed = await index.refresh(await index.differences())
      change.added.push(...missed.added)
      change.changed.push(...missed.changed)
      change.removed.push(...missed.removed)
    }
    if (!isEmpty(change)) options.onChange?.(change)
  }
  index.onRecheck = (paths) =>
    void refreshAndReport(paths, false, true).catch((error: unknown) =>
      log.warn('index', `Could not check again the files just written in ${site.root}.`, error),
    )
  // The watcher starts once the index has read every file: setting it up walks the whole tree, and
  // beside an early index it delayed a big folder's first rows by seconds. Its first rescan catches
  // what changed before it watched.
  let watcher: Watcher | null = null
  let closing = false
  const startWatching = (): void => {
    if (!options.watch || closing || buildFailed) return
    watcher = watchSite(site, rules, (abs) => guard.toRel(abs), refreshAndReport, { ...options.watchTiming, onRoot: () => void rootGone() })
    // Once the watcher covers every folder, one rescan catches what changed while it was setting up.
    void watcher.ready
      .then(() => refreshAndReport([], true))
      .catch((error: unknown) => log.warn('watcher', `Could not catch up with changes made under ${site.root} while Folio started watching it.`, error))
  }
  // A folder renamed away raises no event inside it on every platform; a stat now and then is cheap.
  const goneTimer = options.watch ? setInterval(() => void rootGone(), options.goneCheckMs ?? 2000) : null
  goneTimer?.unref()
  const failed = async (error: unknown): Promise<never> => {
    if (goneTimer) clearInterval(goneTimer)
    // A batch may be waiting for the index: let it end, or closing the watcher would wait for it forever.
    buildFailed = true
    indexed()
    throw error
  }
  const onProgress = options.onIndexProgress
  try {
    await index.build(
      onProgress
        ? {
            firstMs: FIRST_ROWS_MS,
            firstRows: FIRST_ROWS,
            onProgress: (p) => {
              // Cleared before the last call, so a listing it prompts finds the folder indexed.
              if (p.listing || p.done < p.total) info.indexing = p
              else delete info.indexing
              onProgress({ root: site.root, ...p })
            },
          }
        : undefined,
    )
  } catch (error) {
    await failed(error)
  }
  const warned = info.warnings ?? []
  // The scan's problems are known now; what the read finds (files gone meanwhile) follows when it ends.
  info.warnings = [...warned, ...index.problems]
  if (index.reading) info.indexing = { ...index.progress }
  void index.complete.then(
    () => {
      info.warnings = [...warned, ...index.problems]
      delete info.indexing
      // An Eleventy template's tags are completed by its data files once every file is read.
      if (site.kind === 'eleventy') for (const { rel } of index.stamps()) changes.push(rel)
      indexed()
      startWatching()
      // Temp files of saves a crash interrupted (over a day ago: a save in progress is never touched).
      if (!closing && options.sweepTemps !== false)
        void sweepStaleTemps(site, rules, index.folderListings()).catch((error: unknown) =>
          log.warn('workspace', `Could not remove temp files old saves left in ${site.root}.`, error),
        )
    },
    (error: unknown) => {
      log.warn('index', `Could not finish indexing ${site.root}.`, error)
      delete info.indexing
      buildFailed = true
      indexed()
    },
  )
  // A cached open read no article text; search wants them all, so fetch them in the background.
  if (options.readTexts !== false) void index.loadTexts()

  const articles = createArticleStore(guard)
  // Renames, trashes and mode changes wait for a save of the same file, and the other way round.
  const locked = <T>(abs: string, fn: () => Promise<T>): Promise<T> => ours(articles.exclusive(abs, fn))
  const edit = (path: string, change: ArticleChange, baseHash?: string): Promise<EditResult> => ours(editNow(path, change, baseHash))
  const editNow = async (path: string, change: ArticleChange, baseHash?: string): Promise<EditResult> => {
    let result: EditResult
    try {
      result = await unlessGone(path, 'save', () => articles.edit(path, change, baseHash))
    } catch (error) {
      // Conflicts and refusals are answers the writer sees and acts on; a failure of the disk is worth the log.
      if (!(error instanceof FolioError) || error.code === 'IO') log.error('save', `Could not save ${path} in ${site.root}.`, error)
      throw error
    }
    await index.refresh([result.path])
    return result
  }

  /** The summary after our own write; refresh() makes the watcher see it as already known. */
  const summaryAfterWrite = async (rel: string, abs: string): Promise<ArticleSummary> => {
    await index.refresh([rel])
    const known = index.get(rel)
    if (known) return known
    // Outside the content roots (or not an article by the site's rules): summarise it anyway.
    const [bytes, s] = await Promise.all([readFile(abs), stat(abs)])
    const indexedFile = summarize({ rel, size: s.size, mtimeMs: s.mtimeMs, kind: 'article' }, bytes, site, rules)
    if (!indexedFile) throw new FolioError({ code: 'IO', path: rel, ...said('read-back-failed', { path: rel }) })
    return indexedFile.summary
  }

  const prevailingFormat = (folder: string): FrontMatterFormat => {
    const counts = new Map<FrontMatterFormat, number>()
    const all = index.list().filter((a) => a.format !== 'none')
    const near = all.filter((a) => folder === '' || a.path.startsWith(folder + '/'))
    for (const a of near.length ? near : all) counts.set(a.format, (counts.get(a.format) ?? 0) + 1)
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'yaml'
  }

  /** Hexo's post asset folder travels with its post: its absolute path when it is there. */
  const assetFolderOf = async (rel: string): Promise<string | null> => {
    const folder = companionFolder(rel, site)
    if (folder === null) return null
    const dir = (await guard.resolve(folder, { noFollow: true })).abs
    return (await stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
      ? dir
      : null
  }
  /** Where an article's post asset folder goes (absolute), for a new name of it. */
  const assetFolderFor = async (rel: string): Promise<string> => (await guard.resolve(postAssetFolder(rel), { noFollow: true })).abs

  const createArticle = async (newOptions: NewArticleOptions): Promise<ArticleSummary> => {
    const title = newOptions.title.trim()
    if (!title) throw new FolioError({ code: 'BAD_ARGUMENT', ...said('title-needed') })
    const prevailing = prevailingFormat(newOptions.folder ?? site.contentRoots[0] ?? '')
    const plan = planArticle(site, { ...newOptions, title }, new Date(), prevailing)
    try {
      const rel = await writeNew(guard, plan.folder, plan.name, encode(plan.text, false))
      const abs = (await guard.resolve(rel)).abs
      if (plan.assetFolder) await ensureFolder(guard, postAssetFolder(rel))
      return await summaryAfterWrite(rel, abs)
    } catch (error) {
      throw ioError(error, plan.folder ? `${plan.folder}/${plan.name}` : plan.name, 'create')
    }
  }

  const duplicateArticle = async (path: string): Promise<ArticleSummary> => {
    // The copy goes beside the path as named (a symlink's folder, not its target's).
    const source = await guard.resolve(path, { noFollow: true })
    try {
      const bytes = await readFile(source.abs)
      const name = basename(source.abs)
      const dot = name.lastIndexOf('.')
      const copyName = dot > 0 ? `${name.slice(0, dot)}-copy${name.slice(dot)}` : `${name}-copy`
      const parent = source.rel.includes('/') ? source.rel.slice(0, source.rel.lastIndexOf('/')) : ''
      const written = await writeNew(guard, parent, copyName, bytes)
      const copy = await guard.resolve(written)
      const assets = await assetFolderOf(source.rel)
      const assetCopy = await assetFolderFor(copy.rel)
      if (assets && !(await exists(assetCopy))) await cp(assets, assetCopy, { recursive: true, errorOnExist: true, force: false })
      return await summaryAfterWrite(written, copy.abs)
    } catch (error) {
      throw ioError(error, source.rel, 'duplicate')
    }
  }

  const searchDocs = (paths?: readonly string[]): SearchDoc[] => {
    // The paths come in the library's order: no need to sort the whole index by date first.
    const chosen = paths ? paths.flatMap((path) => index.get(path) ?? []) : index.list()
    return chosen.map((a) => ({ path: a.path, title: a.title, text: () => index.textOf(a.path), headerError: a.error }))
  }

  const rename = async (from: string, to: string): Promise<ArticleSummary> => {
    const source = await guard.resolve(from, { noFollow: true })
    const target = await guard.resolve(to, { noFollow: true })
    return locked(source.abs, async () => {
      const s = await lstat(source.abs).catch(() => null)
      if (!s) {
        throw new FolioError({
          code: 'NOT_FOUND',
          path: source.rel,
          message: `Could not rename ${source.rel}: it does not exist.`,
          reason: 'file-missing',
          params: { doing: 'rename', path: source.rel },
        })
      }
      if (s.isDirectory()) throw new FolioError({ code: 'BAD_ARGUMENT', path: source.rel, ...said('rename-folder', { path: source.rel }) })
      // On case-insensitive disks `a.md` → `A.md` finds the target "existing": it is the same file.
      const existing = source.abs === target.abs ? null : await lstat(target.abs).catch(() => null)
      if (existing && !(existing.ino === s.ino && existing.dev === s.dev)) {
        throw nameTaken('rename', source.rel, target.rel)
      }
      try {
        const assets = await assetFolderOf(source.rel)
        await mkdir(dirname(target.abs), { recursive: true })
        await renameFile(source.abs, target.abs)
        const assetTarget = await assetFolderFor(target.rel)
        if (assets && !(await exists(assetTarget))) await renameFile(assets, assetTarget)
        await index.refresh([source.rel])
        return await summaryAfterWrite(target.rel, target.abs)
      } catch (error) {
        throw ioError(error, source.rel, 'rename')
      }
    })
  }

  return {
    info,

    list: async (options) => {
      if (!options?.soFar) await index.complete
      return index.list()
    },

    rows: () => ({ articles: index.list().map(libraryRow), cursor: { open: openNumber, at: changes.length } }),

    rowsSince: (cursor) => {
      if (cursor.open !== openNumber || cursor.at > changes.length) return null
      const rows: LibraryRow[] = []
      const removed: string[] = []
      const seen = new Set<string>()
      let at = cursor.at
      for (; at < changes.length && rows.length + removed.length < ROWS_PER_ANSWER; at++) {
        const rel = changes[at] as string
        if (seen.has(rel)) continue
        seen.add(rel)
        const summary = index.get(rel)
        if (summary) rows.push(libraryRow(summary))
        else removed.push(rel)
      }
      return { rows, removed, cursor: { open: openNumber, at }, count: index.articleCount(), ...(at < changes.length ? { more: true as const } : {}) }
    },

    schema: async (options) => {
      if (!options?.soFar) await index.complete
      return index.schema(schemaFile())
    },

    async images(path) {
      return articleImages(guard, (await guard.resolve(path)).rel)
    },

    async read(path) {
      const r = await guard.resolve(path)
      return unlessGone(r.rel, 'read', () => readArticle(guard, r))
    },

    async makeWritable(path) {
      const r = await guard.resolve(path)
      // Behind the file's save lock, so a save in flight never sees the mode change halfway.
      return locked(r.abs, async () => {
        await makeWritable(guard, r)
        return readArticle(guard, r)
      })
    },

    async save(path, text, baseHash) {
      const { changed: _, ...saved } = await edit(path, text, baseHash)
      return saved
    },

    edit,
    async saveAs(path, text, bom) {
      const r = await guard.resolve(path)
      return locked(r.abs, async () => {
        const bytes = encode(text, bom)
        try {
          // Never makes a vanished folder again: that is for the writer to locate or close.
          await unlessGone(r.rel, 'save', () => createExclusive(guard, r.rel, bytes))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new FolioError({
              code: 'EXISTS',
              path: r.rel,
              message: `Could not save ${r.rel}: a file with that name exists. Choose another name.`,
              reason: 'name-taken',
              params: { path: r.rel },
            })
          }
          throw ioError(error, r.rel, 'save')
        }
        await index.refresh([r.rel])
        const written = await stat(r.abs)
        return { path: r.rel, hash: hashBytes(bytes), mtimeMs: written.mtimeMs, size: bytes.length }
      })
    },

    async search(query, limit) {
      await index.complete
      const docs = index.list().map((a) => ({ path: a.path, title: a.title, text: () => index.textOf(a.path) }))
      return search(docs, query, limit)
    },

    searchDocs,

    async searchFolder(request) {
      return searchFolder(searchDocs(request.paths), request, site.kind)
    },

    create(newOptions) {
      return ours(createArticle(newOptions))
    },

    rename,

    async move(from, to) {
      if (index.get(from)) {
        await rename(from, to)
        return
      }
      const source = await guard.resolve(from, { noFollow: true })
      const target = await guard.resolve(to, { noFollow: true })
      await locked(source.abs, async () => {
        const s = await lstat(source.abs).catch(() => null)
        if (!s?.isFile())
          throw new FolioError({
            code: 'NOT_FOUND',
            path: source.rel,
            ...said('not-a-file', { doing: 'move', path: source.rel }),
          })
        if (source.abs !== target.abs && (await exists(target.abs))) {
          throw nameTaken('move', source.rel, target.rel)
        }
        try {
          await mkdir(dirname(target.abs), { recursive: true })
          await renameFile(source.abs, target.abs)
        } catch (error) {
          throw ioError(error, source.rel, 'move')
        }
      })
    },

    duplicate(path) {
      return ours(duplicateArticle(path))
    },

    async trash(path) {
      const target = await guard.resolve(path, { noFollow: true })
      await locked(target.abs, async () => {
        if (!(await exists(target.abs)))
          throw new FolioError({
            code: 'NOT_FOUND',
            path: target.rel,
            message: `Could not move ${target.rel} to the trash: it does not exist.`,
            reason: 'file-missing',
            params: { doing: 'move to the trash', path: target.rel },
          })
        const assets = await assetFolderOf(target.rel)
        try {
          await options.trash(target.abs)
          if (assets) await options.trash(assets)
        } catch (error) {
          throw ioError(error, target.rel, 'move to the trash')
        }
        await index.refresh([target.rel])
      })
    },

    async createFolder(path) {
      const target = await guard.resolve(path)
      if (await exists(target.abs)) throw new FolioError({ code: 'EXISTS', path: target.rel, ...said('folder-exists', { path: target.rel }) })
      await mkdir(target.abs, { recursive: true }).catch((error: unknown) => {
        throw ioError(error, target.rel, 'create the folder')
      })
    },

    async resolve(path) {
      return (await guard.resolve(path)).abs
    },

    async close() {
      closing = true
      if (goneTimer) clearInterval(goneTimer)
      await watcher?.close()
      await index.close()
    },
  }
}
