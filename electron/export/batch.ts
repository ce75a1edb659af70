/**
 * Exporting many articles: progress after each one, cancel through an AbortSignal, and one
 * article's failure (a header that does not parse, an unreadable file) listed while the rest go on.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { FolioError, said, type FolioErrorData } from '../../shared/errors'
import { type ExportArticle, loadArticle } from './article'
import { type BundleOptions, exportBundle } from './bundle'
import { type ExportContext, exportPage } from './page'
import { sanitizerFor } from './sanitize-pool'
import { type ExportSource, openSource } from './source'
import { slugFor, uniqueSlugs } from './slug'
import { loadTheme } from './theme'

export interface BatchProgress {
  done: number
  total: number
  /** The item just finished. */
  path: string
  ok: boolean
}

export interface BatchFailure {
  path: string
  error: FolioErrorData
}

export interface BatchOptions {
  signal?: AbortSignal
  onProgress?: (progress: BatchProgress) => void
  /** Items in flight at once; file copies overlap, rendering stays on one thread. */
  concurrency?: number
}

export interface BatchResult<R> {
  /** In input order. */
  results: { path: string; value: R }[]
  failures: BatchFailure[]
  /** The signal fired: items not started were left alone (and are in neither list). */
  cancelled: boolean
}

/** Why exporting `path` failed, as the failure list and the UI show it. */
export function exportErrorData(error: unknown, path: string): FolioErrorData {
  if (error instanceof FolioError) return { ...error.toData(), path: error.path ?? path }
  const detail = error instanceof Error ? error.message : String(error)
  return { code: 'IO', path, ...said('export-failed', { path, detail, errno: (error as NodeJS.ErrnoException | null)?.code ?? '' }) }
}

/** Runs `work` over items; never rejects because of an item, only lists it. */
export async function runBatch<R>(paths: readonly string[], work: (path: string) => Promise<R>, options: BatchOptions = {}): Promise<BatchResult<R>> {
  const values = new Map<number, R>()
  const failed = new Map<number, FolioErrorData>()
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < paths.length && !options.signal?.aborted) {
      const i = next++
      const path = paths[i] as string
      try {
        values.set(i, await work(path))
      } catch (error) {
        failed.set(i, exportErrorData(error, path))
      }
      done++
      options.onProgress?.({ done, total: paths.length, path, ok: !failed.has(i) })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, paths.length)) }, worker))
  const results: BatchResult<R>['results'] = []
  const failures: BatchFailure[] = []
  paths.forEach((path, i) => {
    if (values.has(i)) results.push({ path, value: values.get(i) as R })
    const error = failed.get(i)
    if (error) failures.push({ path, error })
  })
  return { results, failures, cancelled: options.signal?.aborted === true }
}

export type ArticleFormat = 'html' | 'md'

export interface ArticlesOptions extends BatchOptions, BundleOptions {
  format: ArticleFormat
  outDir: string
  inlineImages?: boolean
  /** Keep remote images (html: media and CSS sources too); default: left out and reported. */
  remote?: boolean
  /** Sanitizer threads (0 or 1: this thread); default: worker threads for large batches. */
  threads?: number
  /**
   * Files to leave out if they turn out to be drafts (draft: true, published: false, a drafts
   * folder): those found by expanding a folder, when drafts were not asked for. Neither exported
   * nor failed.
   */
  leaveOutDrafts?: ReadonlySet<string>
}

export interface ExportedArticle {
  files: string[]
  /** Local sources that do not resolve inside the folder: left out of pages and bundles alike. */
  missing: string[]
  /** Remote sources left out. */
  remote: string[]
}

/**
 * Exports article files (paths on disk), each as a page or a bundle named from its title, unique
 * within the batch. Articles of different sites each follow their own site's conventions.
 */
export async function exportArticles(files: readonly string[], options: ArticlesOptions): Promise<BatchResult<ExportedArticle>> {
  // One site detection per folder: a batch usually holds many posts of one site.
  const sources = new Map<string, Promise<{ source: ExportSource }>>()
  const sourceFor = (dir: string): Promise<{ source: ExportSource }> => {
    let source = sources.get(dir)
    if (!source) sources.set(dir, (source = openSource(dir)))
    return source
  }
  const theme = options.format === 'html' ? await loadTheme() : ''
  const sanitizer = sanitizerFor(files.length, options.threads)
  const loaded = new Map<string, { article: ExportArticle; ctx: ExportContext }>()
  const drafts = new Set<string>()
  // Titles first: names must be unique across the batch and must not depend on timing.
  const loading = await runBatch(
    files,
    async (file) => {
      const real = await realpath(file).catch(() => null)
      if (real === null || !(await stat(real)).isFile()) {
        throw new FolioError({ code: 'NOT_FOUND', path: file, ...said('export-not-article', { path: file }) })
      }
      const { source } = await sourceFor(dirname(real))
      const rel = source.guard.toRel(real) ?? basename(real)
      // A file named on its own is exported as an article whatever its extension.
      const article = (await loadArticle(source.site, source.rules, rel)) as ExportArticle
      if (article.draft && options.leaveOutDrafts?.has(file)) drafts.add(file)
      else loaded.set(file, { article, ctx: { ...source, sanitizer, theme, remote: options.remote === true } })
    },
    { concurrency: 16, ...(options.signal ? { signal: options.signal } : {}) },
  )
  const loadFailures = new Map(loading.failures.map((f) => [f.path, f.error]))
  const names = uniqueSlugs(
    [...loaded].map(([file, l]) => ({ rel: file, title: l.article.title, articleRel: l.article.rel })),
    (i) => slugFor(i.title, i.articleRel),
  )
  return runBatch(
    files.filter((file) => !drafts.has(file)),
    async (file) => {
      const failure = loadFailures.get(file)
      if (failure) throw new FolioError(failure)
      const entry = loaded.get(file)
      const name = names.get(file)
      if (!entry || name === undefined) throw new FolioError({ code: 'CANCELLED', path: file, ...said('export-cancelled', { path: file }) })
      return options.format === 'html'
        ? exportPage(entry.article, entry.ctx, options.outDir, name, { inlineImages: options.inlineImages === true })
        : exportBundle(entry.article, entry.ctx, options.outDir, name, options)
    },
    options,
  ).finally(() => sanitizer.close())
}
