/**
 * Export as the app asks for it (contract exportArticles / cancelExport / copyRichText), over the
 * open workspace: every article path goes through the workspace guard, the destination is the
 * user's answer to a question the transport asks (a native dialog in Electron), and PDF printing
 * and the clipboard are injected (Electron in the app, Chromium and a recorder in the e2e harness).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path'
import type { ExportFailure, ExportFormat, ExportProgress, ExportRequest, ExportResult } from '../../shared/contract'
import { FolioError, said, type FolioErrorData } from '../../shared/errors'
import type { Workspace } from '../workspace/workspace'
import { bodyOf, type ExportArticle, loadArticle } from './article'
import { type BatchFailure, type BatchProgress, type ExportedArticle, exportArticles as exportFiles, exportErrorData, runBatch } from './batch'
import { exportBundle } from './bundle'
import { documentShell, printPolicy } from './html'
import { articleHeader, articleShellFacts, type ExportContext, exportPage, renderBody } from './page'
import type { PdfOptions } from './pdf'
import { copyArticleRichText, createRichTextCopier, type RichText, type RichTextCopier } from './rich-text'
import { inThread } from './sanitize'
import { exportSite } from './site'
import { slugFor, uniqueSlugs } from './slug'
import { type ExportSource, openSource } from './source'
import { loadTheme } from './theme'
import { log } from '../log/log'

/** What the user is asked: a file to save (one article as a page, PDF or zip) or a folder to write into. */
export interface ExportTargetQuestion {
  kind: 'file' | 'folder'
  format: ExportFormat
  /** A file name from the article's title (e.g. "你好，Hexo.pdf"); for 'folder', the open folder's name. */
  suggestedName: string
}

export interface ExportServiceDeps {
  /** The open workspace, or a NO_FOLDER error. */
  workspace: () => Workspace
  /** Asks the user where to; an absolute path, or null when cancelled. */
  chooseTarget?: (question: ExportTargetQuestion) => Promise<string | null>
  /**
   * Prints a standalone HTML page (images inline) to PDF bytes, with the network off unless
   * `remote` allows http(s) sources.
   */
  printToPdf?: (html: string, options: PdfOptions, access: { remote: boolean }) => Promise<Uint8Array>
  /** Puts both flavours on the clipboard. */
  writeClipboard?: (content: RichText) => void | Promise<void>
  onProgress: (progress: ExportProgress) => void
}

export interface ExportService {
  run(request: ExportRequest): Promise<ExportResult | null>
  cancel(id: string): void
  copyRichText(path: string, remote?: boolean): Promise<void>
  /** Cancels every export still running (the folder is closing). */
  cancelAll(): void
}

/** A source left out of one article's output. */
type Left = { path: string; src: string }

const EXTENSION: Record<'html' | 'pdf' | 'zip', string> = { html: '.html', pdf: '.pdf', zip: '.zip' }

function failureOf(path: string, error: FolioErrorData): ExportFailure {
  return {
    path,
    code: error.code,
    message: error.message,
    reason: error.reason,
    params: error.params,
    ...(error.line === undefined ? {} : { line: error.line }),
  }
}

/** The file name the user chose, without the extension the exporter adds itself. */
function stem(target: string, extension: string): string {
  const name = basename(target)
  return extname(name).toLowerCase() === extension ? name.slice(0, -extension.length) : name
}

/**
 * The page exportPage writes, kept in memory with its images inlined, so the printer needs no
 * files beside it. Images of a type browsers do not show inline cannot travel and are left out;
 * the page's policy lets nothing else load (remote sources only when allowed).
 */
async function printablePage(article: ExportArticle, ctx: ExportContext): Promise<{ html: string; missing: string[]; remote: string[] }> {
  const body = await renderBody(article, ctx, { inline: true, assetHref: '' })
  const html = documentShell({
    ...articleShellFacts(article),
    policy: printPolicy(ctx.remote === true),
    css: { inline: ctx.theme },
    body: `<main>\n<article>\n${articleHeader(article)}<div class="article-body">\n${body.html}\n</div>\n</article>\n</main>\n`,
  })
  // A type that cannot be inlined was mapped to a copy the printer will never see.
  const copied = new Set(body.copies.map((c) => c.name))
  return { html, missing: body.missing.concat(copied.size > 0 ? [...copied].sort() : []), remote: body.remote }
}

export function createExportService(deps: ExportServiceDeps): ExportService {
  const running = new Map<string, AbortController>()
  let copier: RichTextCopier | null = null

  /** The article with its site's conventions (the workspace root is that site's root). */
  const load = async (abs: string): Promise<{ article: ExportArticle; source: ExportSource }> => {
    const { source, rel } = await openSource(abs, deps.workspace().info.root)
    // A file named by the user is an article whatever its extension, so never null here.
    return { article: (await loadArticle(source.site, source.rules, rel)) as ExportArticle, source }
  }

  const pdfOptions = (request: ExportRequest, article: ExportArticle): PdfOptions => {
    const o = request.options?.pdf ?? {}
    return {
      ...(o.pageSize ? { pageSize: o.pageSize } : {}),
      ...(o.landscape ? { landscape: true } : {}),
      ...(o.margins ? { margins: o.margins } : {}),
      ...(o.headerTitle ? { headerTitle: article.title } : {}),
      ...(o.pageNumbers ? { pageNumbers: true } : {}),
    }
  }

  const printer = (): NonNullable<ExportServiceDeps['printToPdf']> => {
    if (!deps.printToPdf) {
      throw new FolioError({
        code: 'IO',
        message: 'PDF printing is not available here. Export as HTML and print the page from a browser.',
        reason: 'pdf-unavailable',
        params: {},
      })
    }
    return deps.printToPdf
  }

  const printTo = async (
    request: ExportRequest,
    article: ExportArticle,
    ctx: ExportContext,
    file: string,
  ): Promise<{ missing: string[]; remote: string[] }> => {
    const page = await printablePage(article, ctx)
    const pdf = await printer()(page.html, pdfOptions(request, article), { remote: ctx.remote === true })
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, pdf)
    return { missing: page.missing, remote: page.remote }
  }

  /** One article to one file the user named: a page, a PDF or a zipped bundle. */
  const toFile = async (
    request: ExportRequest & { format: 'html' | 'pdf' | 'zip' },
    rel: string,
    abs: string,
    signal: AbortSignal,
  ): Promise<ExportResult | null> => {
    const { article, source } = await load(abs)
    const extension = EXTENSION[request.format]
    const target = await deps.chooseTarget?.({ kind: 'file', format: request.format, suggestedName: slugFor(article.title, article.rel) + extension })
    if (!target) return null
    const base = { id: request.id, target, failures: [], missingImages: [], remoteLeftOut: [] }
    if (signal.aborted) return { ...base, exported: 0, cancelled: true }
    const remote = request.options?.remoteContent === true
    const ctx: ExportContext = { ...source, sanitizer: inThread(), theme: request.format === 'zip' ? '' : await loadTheme(), remote }
    const name = stem(target, extension)
    // The exporters add the extension themselves: a name typed without one still gets it.
    const written: { files: string[]; missing: string[]; remote: string[] } =
      request.format === 'pdf'
        ? await printTo(request, article, ctx, target).then((printed) => ({ files: [target], ...printed }))
        : request.format === 'html'
          ? await exportPage(article, ctx, dirname(target), name, { inlineImages: request.options?.inlineImages === true })
          : await exportBundle(article, ctx, dirname(target), name, { zip: true, stripHeader: request.options?.stripHeader === true })
    deps.onProgress({ id: request.id, done: 1, total: 1, current: rel })
    const per = (list: string[]) => list.map((src) => ({ path: rel, src }))
    return {
      ...base,
      target: written.files[0] ?? target,
      exported: 1,
      missingImages: per(written.missing),
      remoteLeftOut: per(written.remote),
      cancelled: false,
    }
  }

  /** PDFs of several articles into a folder, named from their titles, unique within the export. */
  const pdfsTo = async (
    request: ExportRequest,
    files: readonly string[],
    outDir: string,
    signal: AbortSignal,
    onProgress: (p: BatchProgress) => void,
  ): Promise<{ exported: number; failures: BatchFailure[]; cancelled: boolean; missing: Left[]; remote: Left[] }> => {
    const loaded = new Map<string, { article: ExportArticle; ctx: ExportContext }>()
    const theme = await loadTheme()
    const sanitizer = inThread()
    const remote = request.options?.remoteContent === true
    const loading = await runBatch(
      files,
      async (abs) => {
        const { article, source } = await load(abs)
        loaded.set(abs, { article, ctx: { ...source, sanitizer, theme, remote } })
      },
      { signal },
    )
    const names = uniqueSlugs(
      [...loaded].map(([abs, l]) => ({ rel: abs, title: l.article.title, articleRel: l.article.rel })),
      (i) => slugFor(i.title, i.articleRel),
    )
    const printing = await runBatch(
      [...loaded.keys()],
      async (abs) => {
        const entry = loaded.get(abs) as { article: ExportArticle; ctx: ExportContext }
        return printTo(request, entry.article, entry.ctx, join(outDir, `${names.get(abs) ?? 'article'}.pdf`))
      },
      // One page printing at a time: each print holds a whole rendered document.
      { signal, concurrency: 1, onProgress: (p) => onProgress({ ...p, done: p.done + loading.failures.length, total: files.length }) },
    )
    return {
      exported: printing.results.length,
      failures: [...loading.failures, ...printing.failures],
      cancelled: loading.cancelled || printing.cancelled,
      missing: printing.results.flatMap((r) => r.value.missing.map((src) => ({ path: r.path, src }))),
      remote: printing.results.flatMap((r) => r.value.remote.map((src) => ({ path: r.path, src }))),
    }
  }

  /** Several articles, a Markdown bundle, or the whole site, into a folder the user chose. */
  const toFolder = async (
    request: ExportRequest,
    articles: { rel: string; abs: string }[],
    failed: ExportFailure[],
    signal: AbortSignal,
  ): Promise<ExportResult | null> => {
    const workspace = deps.workspace()
    const outDir = await deps.chooseTarget?.({ kind: 'folder', format: request.format, suggestedName: workspace.info.name })
    if (!outDir) return null
    const root = workspace.info.root
    // Writing into the folder itself or one holding it would mix the export with the articles.
    const up = relative(outDir, root)
    if (!(up === '..' || up.startsWith('..' + sep) || isAbsolute(up))) {
      throw new FolioError({
        code: 'BAD_ARGUMENT',
        message: `Cannot export into "${outDir}": it holds the open folder. Choose an empty folder elsewhere, or a new folder inside.`,
        reason: 'export-into-folder',
        params: { dir: outDir },
      })
    }
    const relOf = new Map(articles.map((a) => [a.abs, a.rel]))
    const toRel = (path: string): string => relOf.get(path) ?? path
    const onProgress = (p: BatchProgress): void => deps.onProgress({ id: request.id, done: p.done, total: p.total, current: toRel(p.path) })
    const options = request.options ?? {}
    const toRels = (list: Left[]): Left[] => list.map((l) => ({ path: toRel(l.path), src: l.src }))
    const finish = (exported: number, failures: readonly BatchFailure[], left: { missing: Left[]; remote: Left[] }, cancelled: boolean): ExportResult => ({
      id: request.id,
      target: outDir,
      exported,
      failures: [...failed, ...failures.map((f) => failureOf(toRel(f.path), f.error))],
      missingImages: toRels(left.missing),
      remoteLeftOut: toRels(left.remote),
      cancelled,
    })
    const remote = options.remoteContent === true
    if (request.format === 'site') {
      const site = await exportSite(root, outDir, { drafts: options.drafts === true, inlineImages: options.inlineImages === true, remote, signal, onProgress })
      return finish(site.articles, site.failures, site, site.cancelled)
    }
    const files = articles.map((a) => a.abs)
    if (request.format === 'pdf') {
      const printed = await pdfsTo(request, files, outDir, signal, onProgress)
      return finish(printed.exported, printed.failures, printed, printed.cancelled)
    }
    const result = await exportFiles(files, {
      format: request.format === 'html' ? 'html' : 'md',
      outDir,
      zip: request.format === 'zip',
      inlineImages: options.inlineImages === true,
      stripHeader: options.stripHeader === true,
      remote,
      signal,
      onProgress,
    })
    const per = (pick: (r: ExportedArticle) => string[]): Left[] => result.results.flatMap((r) => pick(r.value).map((src) => ({ path: r.path, src })))
    return finish(result.results.length, result.failures, { missing: per((r) => r.missing), remote: per((r) => r.remote) }, result.cancelled)
  }

  /** Every export's failures reach the log too: the dialog that showed them is gone once closed. */
  const run = async (request: ExportRequest): Promise<ExportResult | null> => {
    try {
      const result = await runExport(request)
      for (const failure of result?.failures ?? []) log.warn('export', `${request.format} export left out ${failure.path}: ${failure.message}`)
      return result
    } catch (error) {
      // A refusal already worded for the writer is a warning; anything else is ours to fix.
      const level = error instanceof FolioError ? 'warn' : 'error'
      log[level]('export', `The ${request.format} export ${request.id} failed.`, error)
      throw error
    }
  }

  const runExport = async (request: ExportRequest): Promise<ExportResult | null> => {
    const workspace = deps.workspace()
    if (running.has(request.id)) throw new FolioError({ code: 'BAD_ARGUMENT', ...said('export-running', { id: request.id }) })
    if (request.format === 'site' && request.articles !== 'all') {
      throw new FolioError({ code: 'BAD_ARGUMENT', ...said('export-site-all') })
    }
    const controller = new AbortController()
    running.set(request.id, controller)
    try {
      const drafts = request.options?.drafts === true
      // A header that does not parse says nothing about drafts: kept, so its failure is reported.
      const rels =
        request.format === 'site'
          ? []
          : request.articles === 'all'
            ? (await workspace.list()).filter((a) => drafts || a.error !== null || !a.draft).map((a) => a.path)
            : [...new Set(request.articles)]
      if (rels.length === 0 && request.format !== 'site') {
        throw new FolioError({
          code: 'NOT_FOUND',
          message: `There is nothing to export in "${workspace.info.name}". Add an article, or include drafts.`,
          reason: 'nothing-to-export',
          params: { folder: workspace.info.name },
        })
      }
      const articles: { rel: string; abs: string }[] = []
      const refused: FolioErrorData[] = []
      for (const rel of rels) {
        try {
          articles.push({ rel, abs: await workspace.resolve(rel) })
        } catch (error) {
          refused.push(exportErrorData(error, rel))
        }
      }
      const only = request.articles !== 'all' && rels.length === 1 ? articles[0] : undefined
      if (only && (request.format === 'html' || request.format === 'pdf' || request.format === 'zip')) {
        return await toFile({ ...request, format: request.format }, only.rel, only.abs, controller.signal)
      }
      const [first] = refused
      if (first && articles.length === 0) throw new FolioError(first)
      return await toFolder(
        request,
        articles,
        refused.map((e) => failureOf(e.path ?? '', e)),
        controller.signal,
      )
    } finally {
      running.delete(request.id)
    }
  }

  return {
    run,
    cancel: (id) => running.get(id)?.abort(),
    cancelAll: () => {
      for (const controller of running.values()) controller.abort()
    },
    async copyRichText(path, remote = false) {
      if (!deps.writeClipboard) throw new FolioError({ code: 'IO', ...said('no-clipboard') })
      const { article, source } = await load(await deps.workspace().resolve(path))
      // One DOM for every copy of this session: building it costs ~100 ms.
      copier ??= createRichTextCopier()
      const { html, text } = await copyArticleRichText(copier, { body: bodyOf(article), rel: article.rel, remote }, source)
      await deps.writeClipboard({ html, text })
    },
  }
}
