/**
 * "Copy as rich text": the rendered article with every style inline, plus a plain-text twin.
 * Web editors (WeChat Official Accounts, Zhihu, Medium) keep a pasted element's `style` but drop
 * classes and style sheets, so the look has to travel on each element.
 */
import { renderMarkdown } from '../../shared/markdown'
import type { Guard } from '../workspace/guard'
import type { SiteSettings } from '../workspace/site'
import { expandAssetTags, imageSources, resolveImages } from './assets'
import { escapeHtml } from '../../shared/html/escape'
import { href } from './html'
import { createSanitizer, exportDecider, type Sanitizer } from './sanitize'

export interface RichTextInput {
  /** The article's body (no front matter). */
  body: string
  /** Its path, for Hexo's `{% asset_img %}` (the images themselves stay relative). */
  path?: string
  /** Put the title on top as a heading; editors with their own title field do not want it. */
  title?: string
  /**
   * Keep remote images, media and CSS sources: the app the copy is pasted into would fetch them
   * (telling their servers). Default: left out.
   */
  remote?: boolean
  /**
   * Local sources (as written, decoded) that resolve inside the folder, and what to write for
   * each. Every other local source is left out, as in the HTML export.
   */
  images?: ReadonlyMap<string, string>
}

export interface RichText {
  /** For the clipboard's text/html. */
  html: string
  /** For text/plain: paragraphs separated by blank lines, list items marked. */
  text: string
}

export interface CopiedRichText extends RichText {
  /** Local sources left out: they do not resolve inside the folder. Sorted. */
  missing: string[]
  /** Remote sources left out because remote content was not allowed. Sorted. */
  remote: string[]
}

export type RichTextCopier = (input: RichTextInput) => CopiedRichText

const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'

const WRAPPER = `font-family: ${FONT}; font-size: 16px; line-height: 1.75; color: #1f2328; overflow-wrap: break-word;`

/** The export theme's light look, one declaration list per element. */
const STYLES: Record<string, string> = {
  h1: 'font-size: 1.6em; font-weight: bold; line-height: 1.35; margin: 1.2em 0 0.6em;',
  h2: 'font-size: 1.4em; font-weight: bold; line-height: 1.35; margin: 1.2em 0 0.6em;',
  h3: 'font-size: 1.2em; font-weight: bold; line-height: 1.4; margin: 1.1em 0 0.5em;',
  h4: 'font-size: 1.05em; font-weight: bold; margin: 1em 0 0.5em;',
  h5: 'font-size: 1em; font-weight: bold; margin: 1em 0 0.5em;',
  h6: 'font-size: 1em; font-weight: bold; color: #59636e; margin: 1em 0 0.5em;',
  p: 'margin: 0 0 1em;',
  a: 'color: #0b63c5; text-decoration: underline;',
  blockquote: 'margin: 0 0 1em; padding: 0 1em; border-left: 4px solid #d1d9e0; color: #59636e;',
  pre: `margin: 0 0 1em; padding: 12px; background: #f3f4f6; border-radius: 6px; overflow-x: auto; font-family: ${MONO}; font-size: 14px; line-height: 1.55; white-space: pre;`,
  code: `font-family: ${MONO}; font-size: 0.88em; background: #f3f4f6; padding: 0.1em 0.35em; border-radius: 4px;`,
  ul: 'margin: 0 0 1em; padding-left: 2em;',
  ol: 'margin: 0 0 1em; padding-left: 2em;',
  li: 'margin: 0.25em 0;',
  img: 'max-width: 100%; height: auto;',
  table: 'border-collapse: collapse; margin: 0 0 1em;',
  th: 'border: 1px solid #d1d9e0; padding: 0.35em 0.7em; font-weight: bold; background: #f6f8fa;',
  td: 'border: 1px solid #d1d9e0; padding: 0.35em 0.7em;',
  hr: 'border: 0; border-top: 1px solid #d1d9e0; margin: 2em 0;',
  strong: 'font-weight: bold;',
  em: 'font-style: italic;',
}
/** Code inside a block keeps the block's look, not the inline chip's. */
const CODE_IN_PRE = `font-family: ${MONO}; font-size: inherit; background: none; padding: 0;`

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'TABLE', 'FIGURE', 'FIGCAPTION'])
/** Containers whose whitespace-only text is source formatting, not content. */
const STRUCTURAL = new Set(['UL', 'OL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR'])

function restyle(root: ParentNode): void {
  for (const el of [...root.querySelectorAll('*')]) {
    if (el.matches('hr.folio-more')) {
      el.remove()
      continue
    }
    const tag = el.tagName.toLowerCase()
    const own = tag === 'code' && el.parentElement?.tagName === 'PRE' ? CODE_IN_PRE : STYLES[tag]
    // The author's inline style is appended: where both set a property, the article wins.
    const author = el.getAttribute('style')
    if (own) el.setAttribute('style', author ? `${own} ${author}` : own)
    el.removeAttribute('class')
    el.removeAttribute('id')
  }
}

/** Code's own line breaks, kept out of the whitespace clean-up below (a private-use character). */
const PRE_NEWLINE = '\ue000'

/** Text as a reader would copy it: blocks apart, list items marked, pre kept verbatim. */
function plainText(node: Node): string {
  const out: string[] = []
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      const parent = n.parentElement
      const value = n.textContent ?? ''
      if (parent && STRUCTURAL.has(parent.tagName) && value.trim() === '') return
      out.push(value.replace(/\s+/g, ' '))
      return
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return
    const el = n as Element
    const tag = n.nodeType === 1 ? el.tagName : ''
    if (tag === 'BR') return void out.push('\n')
    if (tag === 'IMG') return void out.push(el.getAttribute('alt') ?? '')
    if (tag === 'HR') return void out.push('\n\n———\n\n')
    if (tag === 'PRE') return void out.push(`\n\n${(el.textContent ?? '').replace(/\n$/, '').replaceAll('\n', PRE_NEWLINE)}\n\n`)
    if (tag === 'TR') return void out.push('\n' + [...el.children].map((cell) => plainText(cell)).join('\t'))
    const block = BLOCKS.has(tag)
    if (block) out.push('\n\n')
    if (tag === 'LI') out.push(el.parentElement?.tagName === 'OL' ? `\n${[...el.parentElement.children].indexOf(el) + 1}. ` : '\n• ')
    for (const child of n.childNodes) walk(child)
    if (block) out.push('\n\n')
  }
  walk(node)
  return out
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replaceAll(PRE_NEWLINE, '\n')
}

/** One sanitizer (one DOM) serves every copy; build it once per window or process. */
export function createRichTextCopier(sanitizer: Sanitizer = createSanitizer()): RichTextCopier {
  return (input) => {
    const body = input.path ? expandAssetTags(input.body, input.path) : input.body
    const title = input.title ? `<h1>${escapeHtml(input.title)}</h1>\n` : ''
    const { decide, missing, remote } = exportDecider({ images: input.images ?? new Map(), remote: input.remote === true })
    const fragment = sanitizer.sanitizeToFragment(title + renderMarkdown(body), decide)
    restyle(fragment)
    const holder = fragment.ownerDocument.createElement('section')
    holder.setAttribute('style', WRAPPER)
    holder.append(fragment)
    return { html: holder.outerHTML, text: plainText(holder), missing: [...missing].sort(), remote: [...remote].sort() }
  }
}

/**
 * Copies an article of an open folder. Its local images stay relative, as written, when they
 * resolve inside the folder through the guard; the rest are left out and named. The sanitizer
 * names sources the Markdown scan cannot see (CSS url(), posters): those get a second pass.
 */
export async function copyArticleRichText(
  copy: RichTextCopier,
  article: { body: string; rel: string; remote: boolean },
  folder: { site: SiteSettings; guard: Guard },
): Promise<CopiedRichText> {
  const images = new Map<string, string>()
  const place = async (sources: readonly string[]): Promise<boolean> => {
    const { found } = await resolveImages(sources, article.rel, folder.site, folder.guard)
    for (const src of found.keys()) images.set(src, href(...src.split('/')))
    return found.size > 0
  }
  const input = { body: article.body, path: article.rel, remote: article.remote, images }
  await place(imageSources(expandAssetTags(article.body, article.rel)))
  const first = copy(input)
  return first.missing.length > 0 && (await place(first.missing)) ? copy(input) : first
}
