/**
 * A static site from a folder of articles: index (newest first), one page per article, tag and
 * category pages, RSS and Atom. Every link is relative (and names index.html explicitly), so the
 * result works opened from disk as well as behind any web server.
 *
 *   index.html  style.css  rss.xml  atom.xml
 *   posts/<slug>/index.html (+ its images)
 *   tags/index.html  tags/<slug>.html  categories/index.html  categories/<slug>.html
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { type ExportArticle, loadArticle } from './article'
import { type BatchFailure, type BatchOptions, runBatch } from './batch'
import { atom, type FeedInfo, type FeedItem, rss } from './feeds'
import { CATEGORY_SEPARATOR } from '../../shared/contract'
import { escapeHtml } from '../../shared/html/escape'
import { documentShell, href, isoInstant } from './html'
import { articleHeader, articleShellFacts, copyAll, type ExportContext, renderBody } from './page'
import type { ExportSanitizer } from './sanitize'
import { sanitizerFor } from './sanitize-pool'
import { articlesUnder, type ExportSource, openSource } from './source'
import { guessLang } from './page-lang'
import { slugFor, uniqueSlugs } from './slug'
import { loadTheme } from './theme'
import type { SiteSettings } from '../workspace/site'

export interface SiteOptions extends BatchOptions {
  /** Include drafts (drafts folders, `draft: true`, `published: false`). */
  drafts?: boolean
  inlineImages?: boolean
  /** Keep remote images, media and CSS sources in the pages; default: left out and reported. */
  remote?: boolean
  /** Sanitizer threads (0 or 1: this thread); default: worker threads for large sites. */
  threads?: number
  /** Absolute URL the site will live at; feeds then carry absolute links. Default: the site's config. */
  baseUrl?: string
  title?: string
}

export interface SiteResult {
  /** Files written, relative to the output folder, sorted. */
  files: string[]
  articles: number
  drafts: number
  failures: BatchFailure[]
  /** Local sources that do not resolve inside the folder, left out, per article. */
  missing: { path: string; src: string }[]
  /** Remote sources left out, per article. */
  remote: { path: string; src: string }[]
  cancelled: boolean
}

interface SiteMeta {
  title: string
  description: string
  author: string | null
  baseUrl: string
  language: string
}

const FEED_SIZE = 20

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** Title, URL, author and language from the generator's config, where there is one. */
async function siteMeta(site: SiteSettings): Promise<SiteMeta> {
  const read = (name: string): Promise<string | null> => readFile(join(site.root, name), 'utf8').catch(() => null)
  let config: Record<string, unknown> = {}
  try {
    const yaml = site.kind === 'hexo' || site.kind === 'jekyll' ? await read('_config.yml') : null
    const toml = site.kind === 'hugo' ? ((await read('hugo.toml')) ?? (await read('config.toml'))) : null
    const value: unknown = yaml !== null ? parseYaml(yaml) : toml !== null ? parseToml(toml) : {}
    if (typeof value === 'object' && value !== null) config = value as Record<string, unknown>
  } catch {
    // A config that does not parse only costs the defaults below.
  }
  const author = config.author
  const url = text(config.url) ?? text(config.baseURL) ?? text(config.baseurl) ?? ''
  return {
    title: text(config.title) ?? (site.root.split(/[\\/]/).pop() || 'Folio'),
    description: text(config.description) ?? text(config.subtitle) ?? '',
    author: text(author) ?? (typeof author === 'object' && author !== null ? text((author as { name?: unknown }).name) : null),
    baseUrl: url && /^https?:\/\//i.test(url) ? url.replace(/\/*$/, '/') : '',
    language: text(config.language) ?? text(config.languageCode) ?? '',
  }
}

function newestFirst(a: ExportArticle, b: ExportArticle): number {
  return (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN') || (a < b ? -1 : a > b ? 1 : 0)
}

interface Term {
  label: string
  slug: string
  articles: ExportArticle[]
}

/** Terms with unique slugs, decided in name order; `index` is the page listing them all. */
function terms(groups: Map<string, { label: string; articles: ExportArticle[] }>): Map<string, Term> {
  const keys = [...groups.keys()].sort(byName)
  const slugs = uniqueSlugs(
    keys.map((k) => ({ rel: k })),
    (k) => slugFor(k.rel.replaceAll(CATEGORY_SEPARATOR, '/'), 'term'),
    ['index'],
  )
  const out = new Map<string, Term>()
  for (const key of keys) {
    const group = groups.get(key)
    if (group) out.set(key, { label: group.label, slug: slugs.get(key) ?? 'term', articles: group.articles.sort(newestFirst) })
  }
  return out
}

export async function exportSite(folder: string, outDir: string, options: SiteOptions = {}): Promise<SiteResult> {
  const { source, rel } = await openSource(folder)
  const [meta, theme, found] = await Promise.all([siteMeta(source.site), loadTheme(), articlesUnder(source, rel, outDir)])
  // Worker threads start (a DOM each) while this thread reads the articles.
  const sanitizer = sanitizerFor(found.length, options.threads)
  try {
    return await build(outDir, options, { source, meta, theme, found, sanitizer })
  } finally {
    await sanitizer.close()
  }
}

async function build(
  outDir: string,
  options: SiteOptions,
  {
    source,
    meta,
    theme,
    found,
    sanitizer,
  }: { source: ExportSource; meta: SiteMeta; theme: string; found: { rel: string; needsHeader: boolean }[]; sanitizer: ExportSanitizer },
): Promise<SiteResult> {
  const title = options.title ?? meta.title
  const baseUrl = options.baseUrl ? options.baseUrl.replace(/\/*$/, '/') : meta.baseUrl
  const needsHeader = new Set(found.filter((f) => f.needsHeader).map((f) => f.rel))
  const loading = await runBatch(
    found.map((f) => f.rel),
    (r) => loadArticle(source.site, source.rules, r, needsHeader.has(r)),
    {
      concurrency: 16,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  )
  const all = loading.results.map((r) => r.value).filter((a): a is ExportArticle => a !== null)
  const articles = all.filter((a) => options.drafts || !a.draft).sort(newestFirst)
  const slugs = uniqueSlugs(articles, (a) => slugFor(a.title, a.rel))
  const slugOf = (a: ExportArticle): string => slugs.get(a.rel) ?? 'article'
  const lang = meta.language || guessLang(title + articles.map((a) => a.title).join(''), 'en')

  const tagGroups = new Map<string, { label: string; articles: ExportArticle[] }>()
  const categoryGroups = new Map<string, { label: string; articles: ExportArticle[] }>()
  for (const a of articles) {
    for (const tag of new Set(a.tags)) {
      const g = tagGroups.get(tag) ?? { label: tag, articles: [] }
      g.articles.push(a)
      tagGroups.set(tag, g)
    }
    // Each level of a hierarchy is a page: 技术 lists what is in 技术 › 博客 too.
    const prefixes = new Set<string>()
    for (const path of a.categories) for (let i = 1; i <= path.length; i++) prefixes.add(path.slice(0, i).join(CATEGORY_SEPARATOR))
    for (const key of prefixes) {
      const g = categoryGroups.get(key) ?? { label: key, articles: [] }
      g.articles.push(a)
      categoryGroups.set(key, g)
    }
  }
  const tags = terms(tagGroups)
  const categories = terms(categoryGroups)

  const written: string[] = []
  // A thousand pages share a handful of folders: create each once, not once per file.
  const made = new Map<string, Promise<unknown>>()
  const write = async (path: string, content: string): Promise<void> => {
    const file = join(outDir, path)
    const dir = dirname(file)
    if (!made.has(dir)) made.set(dir, mkdir(dir, { recursive: true }))
    await made.get(dir)
    await writeFile(file, content)
    written.push(path)
  }
  const header = (up: string): string =>
    `<header class="site-header">\n<a class="site-title" href="${up}index.html">${escapeHtml(title)}</a>\n<nav>` +
    `<a href="${up}tags/index.html">Tags</a><a href="${up}categories/index.html">Categories</a><a href="${up}atom.xml">Atom</a><a href="${up}rss.xml">RSS</a></nav>\n</header>\n`
  const shell = (up: string, page: { title: string; description: string; body: string; article?: ExportArticle }): string =>
    documentShell({
      ...(page.article ? articleShellFacts(page.article) : { lang, title: page.title, description: page.description, og: { type: 'website' as const } }),
      css: { href: `${up}style.css` },
      feeds: { rss: `${up}rss.xml`, atom: `${up}atom.xml`, title },
      body: `${header(up)}<main>\n${page.body}</main>\n`,
    })
  const list = (items: readonly ExportArticle[], up: string): string =>
    `<ul class="post-list">\n` +
    items
      .map((a) => {
        const time = a.date ? `<time${a.dateMs === null ? '' : ` datetime="${isoInstant(a.dateMs)}"`}>${escapeHtml(a.date)}</time>` : ''
        return `<li>${time}<a class="post-title" href="${up}posts/${href(slugOf(a))}/index.html">${escapeHtml(a.title)}</a>${a.excerpt ? `<p>${escapeHtml(a.excerpt)}</p>` : ''}</li>\n`
      })
      .join('') +
    `</ul>\n`

  const byRel = new Map(articles.map((a) => [a.rel, a]))
  const ctx: ExportContext = { ...source, sanitizer, theme, remote: options.remote === true }
  const posts = await runBatch(
    articles.map((a) => a.rel),
    async (r) => {
      const article = byRel.get(r) as ExportArticle
      const slug = slugOf(article)
      const body = await renderBody(article, ctx, { inline: options.inlineImages === true, assetHref: '' })
      const links = {
        tag: (t: string) => `../../tags/${href(tags.get(t)?.slug ?? '')}.html`,
        category: (p: string[]) => `../../categories/${href(categories.get(p.join(CATEGORY_SEPARATOR))?.slug ?? '')}.html`,
      }
      await write(
        `posts/${slug}/index.html`,
        shell('../../', {
          title: article.title,
          description: article.excerpt,
          article,
          body: `<article>\n${articleHeader(article, links)}<div class="article-body">\n${body.html}\n</div>\n</article>\n`,
        }),
      )
      await copyAll(body.copies, join(outDir, 'posts', slug))
      for (const c of body.copies) written.push(`posts/${slug}/${c.name}`)
      return { missing: body.missing, remote: body.remote }
    },
    options,
  )
  const missing = posts.results.flatMap((r) => r.value.missing.map((src) => ({ path: r.path, src })))
  const remote = posts.results.flatMap((r) => r.value.remote.map((src) => ({ path: r.path, src })))
  const failures: BatchFailure[] = [...loading.failures, ...posts.failures]
  const result = (cancelled: boolean): SiteResult => ({
    files: written.sort(),
    articles: posts.results.length,
    drafts: all.filter((a) => a.draft).length,
    failures,
    missing,
    remote,
    cancelled,
  })
  // A cancelled site is left without index and feeds rather than with ones listing missing pages.
  if (loading.cancelled || posts.cancelled) return result(true)

  await write('style.css', theme)
  await write('index.html', shell('', { title, description: meta.description || title, body: `<h1>${escapeHtml(title)}</h1>\n${list(articles, '')}` }))
  const termPages = async (kind: 'tags' | 'categories', heading: string, map: Map<string, Term>): Promise<void> => {
    const items = [...map.values()].map((t) => `<li><a href="${href(t.slug)}.html">${escapeHtml(t.label)}</a> (${t.articles.length})</li>\n`)
    await write(
      `${kind}/index.html`,
      shell('../', {
        title: `${heading} · ${title}`,
        description: `${heading} · ${title}`,
        body: `<h1>${heading}</h1>\n<ul class="term-list">\n${items.join('')}</ul>\n`,
      }),
    )
    for (const t of map.values()) {
      await write(
        `${kind}/${t.slug}.html`,
        shell('../', {
          title: `${t.label} · ${title}`,
          description: `${heading}: ${t.label}`,
          body: `<h1>${escapeHtml(t.label)}</h1>\n${list(t.articles, '../')}`,
        }),
      )
    }
  }
  await termPages('tags', 'Tags', tags)
  await termPages('categories', 'Categories', categories)

  const feedInfo: FeedInfo = { title, description: meta.description, link: baseUrl || 'index.html', baseUrl, author: meta.author, language: lang }
  const items: FeedItem[] = articles
    .filter((a): a is ExportArticle & { dateMs: number } => a.dateMs !== null)
    .slice(0, FEED_SIZE)
    .map((a) => ({
      title: a.title,
      link: baseUrl ? `${baseUrl}posts/${href(slugOf(a))}/` : `posts/${href(slugOf(a))}/index.html`,
      key: a.rel,
      dateMs: a.dateMs,
      updatedMs: a.updatedMs,
      summary: a.excerpt,
      author: a.author ?? meta.author,
      categories: [...a.categories.map((p) => p.join(CATEGORY_SEPARATOR)), ...a.tags],
    }))
  await write('rss.xml', rss(items, feedInfo, baseUrl ? `${baseUrl}rss.xml` : 'rss.xml'))
  await write('atom.xml', atom(items, feedInfo, baseUrl ? `${baseUrl}atom.xml` : 'atom.xml'))
  return result(false)
}
