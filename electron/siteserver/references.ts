/**
 * What an article's preview needs from the rest of its site to show its tags as the generator
 * does: the address of the page a Jekyll `{% link %}` or `{% post_url %}` names (by the same
 * permalink rules as the site's own server, ./permalink.ts) or a Hexo `{% post_link %}` names
 * (found by its slug as `folio check --links` finds it), the file a Hexo `{% include_code %}`
 * shows (from the site's code_dir, inside the open folder only), and Hugo's site parameters for
 * `{{< param >}}`. Exports ask the same (electron/export/site-data.ts), so a page shows what the
 * preview showed.
 */
import { stat } from 'node:fs/promises'
import { said } from '../../shared/errors'
import type { ArticleFile, ArticleSummary, PreviewCode, PreviewReferenceRequest, PreviewReferences, SiteKind } from '../../shared/contract'
import { fieldRecord, parse } from '../../shared/frontmatter'
import { NotRegularFile, readRegularFile } from '../workspace/open-inside'
import { hexoPost, postTitles, type PostTitles } from '../../shared/assets/site-links'
import { readSiteConfig } from './config'
import { pagePath } from './permalink'

export interface ReferenceDeps {
  root: string
  kind: SiteKind
  /** Hexo `source_dir`, … relative to the root ('' for the root). */
  sourceDir: string
  timeZone: string
  /** The site's articles (their paths relative to the root), with their titles when known (else read when a Hexo post_link asks). */
  list(): Promise<readonly (Pick<ArticleSummary, 'path'> & { title?: string | null })[]>
  /** Reads a file of the folder through its guard. */
  read(path: string): Promise<Pick<ArticleFile, 'text' | 'mtimeMs'>>
  /** The workspace's guard: the real absolute path of a file inside the folder, or an error. */
  resolve(path: string): Promise<string>
  /** Told each file (relative to the root) that is not an article whose change changes the answer: the window watches them (reference-watch.ts). */
  watch?(path: string): void
}

/** Larger code files are not shown in the preview (Hexo would inline them whole). */
export const CODE_LIMIT = 1024 * 1024
/** How many references of each kind one request may name. */
export const REFERENCE_LIMIT = 200

/** A site path without `./`, `//` or `..` steps; null when it would climb out of its folder. */
function cleanPath(path: string): string | null {
  const parts: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}

const join = (...parts: string[]): string => parts.filter((part) => part !== '').join('/')

export async function previewReferences(deps: ReferenceDeps, request: PreviewReferenceRequest): Promise<PreviewReferences> {
  const config = deps.kind === 'hexo' || deps.kind === 'jekyll' || deps.kind === 'hugo' ? await readSiteConfig(deps.root, deps.kind) : {}
  const answer: PreviewReferences = { links: {}, posts: {}, postTitles: {}, code: {}, params: {} }

  // Jekyll 4's link and post_url give the page's URL with the site's baseurl in front (relative_url).
  const baseurl = deps.kind === 'jekyll' && typeof config['baseurl'] === 'string' ? config['baseurl'].replace(/\/+$/, '') : ''
  const pageOf = async (path: string): Promise<{ address: string; title: string | null } | null> => {
    try {
      const file = await deps.read(path)
      const fields = fieldRecord(parse(file.text, { site: deps.kind, timeZone: deps.timeZone }))
      const page = pagePath({ kind: deps.kind, path, fields, config, sourceDir: deps.sourceDir, timeZone: deps.timeZone, mtimeMs: file.mtimeMs })
      const title = fields['title']
      return { address: baseurl + page.path, title: title?.type === 'string' ? title.value : null }
    } catch {
      // No such file in the site (or one outside the folder): the generator would stop there.
      return null
    }
  }
  const addressOf = async (path: string): Promise<string | null> => (await pageOf(path))?.address ?? null
  if (deps.kind === 'jekyll') {
    for (const link of request.links.slice(0, REFERENCE_LIMIT)) {
      const path = cleanPath(link)
      if (path !== null && path !== '') deps.watch?.(path)
      answer.links[link] = path === null || path === '' ? null : await addressOf(path)
    }
    if (request.posts.length > 0) {
      const articles = await deps.list()
      for (const name of request.posts.slice(0, REFERENCE_LIMIT)) {
        // `2024-01-02-title`, or `folder/2024-01-02-title` for a post in a folder of _posts.
        const wanted = `_posts/${name.replace(/^\/+/, '')}`
        const post = articles.find((article) => {
          const bare = article.path.replace(/\.[^./]+$/, '')
          return bare === wanted || bare.endsWith(`/${wanted}`)
        })
        answer.posts[name] = post ? await addressOf(post.path) : null
      }
    }
  }

  if (deps.kind === 'hexo') {
    if (request.posts.length > 0) {
      // post_link and post_path find a post by its slug, then by its title, by the rule `folio check --links` uses.
      const listed = await deps.list()
      const articles = listed.map((article) => article.path)
      let titles: PostTitles | undefined
      for (const slug of request.posts.slice(0, REFERENCE_LIMIT)) {
        if (!titles && hexoPost(slug, articles) === null) titles = await titlesOf(deps, listed)
        const path = hexoPost(slug, articles, titles)
        const page = path === null ? null : await pageOf(path)
        answer.posts[slug] = page?.address ?? null
        if (page) answer.postTitles[slug] = page.title ?? slug
      }
    }
    const codeDir = cleanPath(typeof config['code_dir'] === 'string' ? config['code_dir'] : 'downloads/code') ?? 'downloads/code'
    const root = typeof config['root'] === 'string' ? config['root'] : '/'
    for (const name of request.code.slice(0, REFERENCE_LIMIT)) answer.code[name] = await codeFile(deps, codeDir, root, name)
  }

  if (deps.kind === 'hugo') {
    const params = config['params']
    if (typeof params === 'object' && params !== null && !Array.isArray(params)) answer.params = params as Record<string, unknown>
  }
  return answer
}

/** The site's posts by title: from the listing, or read from each post's header where the listing has no titles (an export's). */
async function titlesOf(deps: ReferenceDeps, listed: readonly (Pick<ArticleSummary, 'path'> & { title?: string | null })[]): Promise<PostTitles> {
  const titled: { path: string; title: string | null }[] = []
  for (const article of listed) {
    if (article.title !== undefined) titled.push({ path: article.path, title: article.title })
    else if (/(^|\/)_posts\//.test(article.path)) {
      const title = await deps.read(article.path).then(
        (file) => fieldRecord(parse(file.text, { site: deps.kind, timeZone: deps.timeZone }))['title'],
        () => undefined,
      )
      titled.push({ path: article.path, title: title?.type === 'string' ? title.value : null })
    }
  }
  return postTitles(titled)
}

async function codeFile(deps: ReferenceDeps, codeDir: string, root: string, name: string): Promise<PreviewCode> {
  const rel = cleanPath(name)
  const shown = join(codeDir, name)
  if (rel === null || rel === '') return said('code-outside', { path: shown, folder: codeDir })
  const path = join(deps.sourceDir, codeDir, rel)
  deps.watch?.(path)
  let abs: string
  try {
    abs = await deps.resolve(path)
  } catch {
    return said('code-not-in-site', { path })
  }
  try {
    const info = await stat(abs)
    if (info.isDirectory()) return said('code-is-folder', { path })
    if (info.size > CODE_LIMIT) return said('code-too-large', { path, size: Math.round(info.size / 1024) })
    // Read through a non-blocking open that refuses anything but a regular file: the path could
    // have become a named pipe since the stat, and reading one would wait forever.
    const text = new TextDecoder('utf-8', { fatal: true }).decode((await readRegularFile(abs)).bytes)
    return { text, url: `${root.replace(/\/?$/, '/')}${codeDir}/${rel}` }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return said('code-missing', { path })
    if (error instanceof TypeError) return said('code-not-utf-8', { path })
    if (error instanceof NotRegularFile) return said('code-not-regular', { path, detail: error.kind })
    return said('code-unreadable', { path, detail: (error as Error).message })
  }
}
