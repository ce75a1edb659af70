/**
 * One article as HTML: the body rendered by the preview's markdown-it setup, sanitized, local
 * images copied beside the page or inlined; and the standalone page around it.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { renderMarkdown } from '../../shared/markdown'
import { bodyOf, type ExportArticle } from './article'
import { assetNames, dataUri, expandAssetTags, imageSources, type LocalImage, resolveImages } from './assets'
import { CATEGORY_SEPARATOR } from '../../shared/contract'
import { escapeHtml } from '../../shared/html/escape'
import { documentShell, href, isoInstant } from './html'
import type { ExportSanitizer } from './sanitize'
import { exportSiteData } from './site-data'
import { guessLang } from './page-lang'
import type { ExportSource } from './source'

export interface ExportContext extends ExportSource {
  sanitizer: ExportSanitizer
  /** The theme's CSS. */
  theme: string
  /** Keep remote images, media and CSS sources (they load from their servers); default: left out. */
  remote?: boolean
}

export interface RenderedBody {
  html: string
  /** Files to copy: absolute source → name inside the page's asset folder. */
  copies: { from: string; name: string }[]
  /** Local sources that do not resolve inside the folder (missing, outside, `/abs/…`): left out. */
  missing: string[]
  /** Remote sources left out because remote content was not allowed. */
  remote: string[]
}

/**
 * @param assetHref relative href of the folder copied images go to, from the page ('' for the
 *   page's own folder); ignored for images that are inlined.
 */
export async function renderBody(article: ExportArticle, ctx: ExportContext, images: { inline: boolean; assetHref: string }): Promise<RenderedBody> {
  const body = expandAssetTags(bodyOf(article), article.rel)
  // As the preview renders it: the generator's own tags and shortcodes, MDX components labelled.
  const site = await exportSiteData(article, body, ctx)
  const html = renderMarkdown(body, { generator: ctx.site.kind, mdx: /\.mdx$/i.test(article.rel), site })
  const target = new Map<string, string>()
  const found = new Map<string, LocalImage>()
  const tried = new Set<string>()
  const place = async (sources: readonly string[]): Promise<boolean> => {
    const fresh = sources.filter((src) => !tried.has(src))
    for (const src of fresh) tried.add(src)
    const resolved = await resolveImages(fresh, article.rel, ctx.site, ctx.guard)
    for (const [src, image] of resolved.found) found.set(src, image)
    return resolved.found.size > 0
  }
  const publish = async (): Promise<{ from: string; name: string }[]> => {
    const names = assetNames(found.values())
    const copies = new Map<string, { from: string; name: string }>()
    for (const [src, image] of found) {
      const inline = images.inline ? await dataUri(image) : null
      if (inline !== null) {
        target.set(src, inline)
        continue
      }
      const name = names.get(image.rel) ?? image.rel
      copies.set(image.rel, { from: image.abs, name })
      target.set(src, images.assetHref ? `${images.assetHref}/${href(name)}` : href(name))
    }
    return [...copies.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  }
  const policy = { images: target, remote: ctx.remote === true }
  // The Markdown and <img> sources are known before sanitizing; the sanitizer names the rest
  // (CSS url(), posters, SVG images, media). Those that resolve inside the folder get a second pass.
  await place(imageSources(body))
  let copies = await publish()
  let sanitized = await ctx.sanitizer.sanitize(html, policy)
  if (sanitized.missing.length > 0 && (await place(sanitized.missing))) {
    copies = await publish()
    sanitized = await ctx.sanitizer.sanitize(html, policy)
  }
  return { html: sanitized.html, copies, missing: sanitized.missing, remote: sanitized.remote }
}

export interface TermLinks {
  tag(tag: string): string
  category(path: string[]): string
}

/** Title, date as written, author, categories and tags; linked to their pages inside a site. */
export function articleHeader(article: ExportArticle, links?: TermLinks): string {
  const term = (label: string, link: string | undefined): string =>
    link === undefined ? `<li>${escapeHtml(label)}</li>` : `<li><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></li>`
  const parts: string[] = []
  if (article.date) {
    const datetime = article.dateMs === null ? '' : ` datetime="${isoInstant(article.dateMs)}"`
    parts.push(`<time${datetime}>${escapeHtml(article.date)}</time>`)
  }
  if (article.author) parts.push(`<span class="author">${escapeHtml(article.author)}</span>`)
  if (article.categories.length) {
    const items = article.categories.map((path) => term(path.join(CATEGORY_SEPARATOR), links?.category(path)))
    parts.push(`<ul class="categories">${items.join('')}</ul>`)
  }
  if (article.tags.length) parts.push(`<ul class="tags">${article.tags.map((t) => term(`#${t}`, links?.tag(t))).join('')}</ul>`)
  const meta = parts.length ? `\n<div class="article-meta">${parts.join('\n')}</div>` : ''
  return `<header class="article-header">\n<h1>${escapeHtml(article.title)}</h1>${meta}\n</header>\n`
}

function pageDescription(article: ExportArticle): string {
  return article.excerpt || article.title
}

export function articleShellFacts(article: ExportArticle): Pick<Parameters<typeof documentShell>[0], 'lang' | 'title' | 'description' | 'author' | 'og'> {
  const og: NonNullable<Parameters<typeof documentShell>[0]['og']> = { type: 'article', tags: article.tags }
  if (article.dateMs !== null) og.publishedTime = isoInstant(article.dateMs)
  if (article.updatedMs !== null) og.modifiedTime = isoInstant(article.updatedMs)
  if (article.image !== null) og.image = article.image
  if (article.categories[0]) og.section = article.categories[0].join(CATEGORY_SEPARATOR)
  return { lang: guessLang(article.title + article.excerpt), title: article.title, description: pageDescription(article), author: article.author, og }
}

export async function copyAll(copies: readonly { from: string; name: string }[], folder: string): Promise<void> {
  if (copies.length === 0) return
  await mkdir(folder, { recursive: true })
  for (const c of copies) await copyFile(c.from, join(folder, c.name))
}

export async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

export interface PageResult {
  /** Absolute paths written: the page first, then copied images. */
  files: string[]
  missing: string[]
  remote: string[]
}

/**
 * The standalone page: `<outDir>/<name>.html`, its images in `<outDir>/<name>/` unless inlined.
 * The theme is inlined so the single file is all one needs to open or mail.
 */
export async function exportPage(
  article: ExportArticle,
  ctx: ExportContext,
  outDir: string,
  name: string,
  options: { inlineImages?: boolean } = {},
): Promise<PageResult> {
  const body = await renderBody(article, ctx, { inline: options.inlineImages === true, assetHref: href(name) })
  const html = documentShell({
    ...articleShellFacts(article),
    css: { inline: ctx.theme },
    body: `<main>\n<article>\n${articleHeader(article)}<div class="article-body">\n${body.html}\n</div>\n</article>\n</main>\n`,
  })
  const file = join(outDir, `${name}.html`)
  await writeText(file, html)
  const folder = join(outDir, name)
  await copyAll(body.copies, folder)
  return { files: [file, ...body.copies.map((c) => join(folder, c.name))], missing: body.missing, remote: body.remote }
}
