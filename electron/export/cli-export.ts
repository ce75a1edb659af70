/**
 * `folio export PATH... --format html|md|site --out DIR [--inline-images] [--drafts]`
 * plus `--strip-header` and `--zip` for Markdown bundles and `--base-url URL` for sites.
 * Prints one line per failed article and a summary; the exit code is 0 when everything was
 * exported, 1 when some articles failed, 2 for a usage error.
 */
import { resolve } from 'node:path'
import { FolioError } from '../../shared/errors'
import { parseCommandArgs, UsageError, type CliIo } from '../cli-command'
import { type BatchFailure, exportArticles } from './batch'
import { exportSite } from './site'
import { loadArticle } from './article'
import { articlesUnder, openSource } from './source'

const EXPORT_USAGE = `Usage: folio export PATH... --format html|md|site --out DIR [options]

  --format html      one standalone page per article (images copied beside it)
  --format md        one Markdown bundle per article (the file and its images)
  --format site      a static site from a folder: index, pages, tags, categories, RSS, Atom
  --out DIR          where to write (created when missing)
  --inline-images    html/site: put local images into the page as data URIs
  --remote-content   html/site: keep remote images, media and CSS (they load from their
                     servers when the page is viewed); by default they are left out
  --drafts           include drafts (folders given to html/md, and sites)
  --strip-header     md: leave the front matter out
  --zip              md: write one .zip per article instead of a folder
  --base-url URL     site: the URL it will be served from (absolute links in feeds)
`

const consoleIO: CliIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n'), cwd: process.cwd() }

function leftOut(path: string, src: string): string {
  return `warning ${path}: "${src}" does not resolve to a file inside the folder; left out`
}

function remoteLeftOut(path: string, src: string): string {
  return `warning ${path}: remote "${src}" left out (pass --remote-content to keep remote images and media)`
}

/** One line per failed article, naming it once: by the message when its sentence names the file, else before it. */
function reportFailures(failures: readonly BatchFailure[], io: CliIo): void {
  for (const f of failures) {
    const named = [f.path, f.error.path].some((path) => path !== undefined && f.error.message.includes(path))
    io.err(named ? `skipped: ${f.error.message}` : `skipped ${f.path}: ${f.error.message}`)
  }
}

/** `1 article`, `3 articles`. */
function articles(count: number): string {
  return `${count} ${count === 1 ? 'article' : 'articles'}`
}

/** `; 2 skipped` when some failed, else nothing. */
function skipped(failures: readonly BatchFailure[]): string {
  return failures.length ? `; ${failures.length} skipped` : ''
}

/**
 * Article files for html/md: files as given, folders expanded to their articles (Markdown files,
 * and .html/.txt files that start with a header), the output folder left out.
 */
async function expand(paths: readonly string[], outDir: string): Promise<{ files: string[]; fromFolders: Set<string> }> {
  const files: string[] = []
  const fromFolders = new Set<string>()
  for (const path of paths) {
    const { source, rel, isFile } = await openSource(path)
    if (isFile) {
      files.push(path)
      continue
    }
    for (const found of await articlesUnder(source, rel, outDir)) {
      // An .html/.txt without a header is not an article; one whose header fails stays, to be reported.
      if (found.needsHeader && (await loadArticle(source.site, source.rules, found.rel, true).catch(() => true)) === null) continue
      const file = resolve(source.site.root, found.rel)
      files.push(file)
      fromFolders.add(file)
    }
  }
  return { files, fromFolders }
}

/** Runs `folio export` with the arguments after `export`. */
export async function runExport(argv: readonly string[], io: CliIo = consoleIO, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage: EXPORT_USAGE,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      'inline-images': { type: 'boolean', default: false },
      'remote-content': { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      'strip-header': { type: 'boolean', default: false },
      zip: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    positionals: { min: 0 },
  })
  if (values.help) {
    io.out(EXPORT_USAGE)
    return 0
  }
  const format = values.format
  if (format !== 'html' && format !== 'md' && format !== 'site') throw new UsageError(`--format must be html, md or site.\n${EXPORT_USAGE}`)
  if (!values.out || positionals.length === 0) throw new UsageError(`Give at least one PATH and --out DIR.\n${EXPORT_USAGE}`)
  const outDir = resolve(io.cwd, values.out)
  const paths = positionals.map((p) => resolve(io.cwd, p))
  if (format === 'site' && paths.length !== 1) throw new UsageError(`--format site takes exactly one folder.\n${EXPORT_USAGE}`)
  try {
    if (format === 'site') {
      const result = await exportSite(paths[0] as string, outDir, {
        drafts: values.drafts,
        inlineImages: values['inline-images'],
        remote: values['remote-content'],
        ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
        ...(signal ? { signal } : {}),
      })
      reportFailures(result.failures, io)
      for (const m of result.missing) io.err(leftOut(m.path, m.src))
      for (const m of result.remote) io.err(remoteLeftOut(m.path, m.src))
      if (result.cancelled) {
        io.err('Cancelled.')
        return 1
      }
      io.out(`Exported a site of ${articles(result.articles)} to ${outDir}${skipped(result.failures)}.`)
      return result.failures.length ? 1 : 0
    }
    const { files, fromFolders } = await expand(paths, outDir)
    const result = await exportArticles(files, {
      // A named file is exported whatever it is; from a folder, drafts only when asked for.
      ...(values.drafts ? {} : { leaveOutDrafts: fromFolders }),
      format,
      outDir,
      inlineImages: values['inline-images'],
      remote: values['remote-content'],
      stripHeader: values['strip-header'],
      zip: values.zip,
      ...(signal ? { signal } : {}),
    })
    reportFailures(result.failures, io)
    for (const r of result.results) {
      for (const src of r.value.missing) io.err(leftOut(r.path, src))
      for (const src of r.value.remote) io.err(remoteLeftOut(r.path, src))
    }
    if (result.cancelled) {
      io.err('Cancelled.')
      return 1
    }
    io.out(`Exported ${articles(result.results.length)} to ${outDir}${skipped(result.failures)}.`)
    return result.failures.length ? 1 : 0
  } catch (error) {
    io.err(error instanceof FolioError || error instanceof Error ? error.message : String(error))
    return 1
  }
}
