import DOMPurify from 'dompurify'
import { fileStem, PLAIN_RULES, resolveTarget, type AssetRules } from '../../shared/assets'
import { MESSAGE_REASONS, type MessageParams, type MessageReason, type Said } from '../../shared/errors'
import { ARTICLE_ADD_TAGS, ARTICLE_FORBID_ATTR, ARTICLE_FORBID_TAGS } from '../../shared/html/sanitize-rules'
import type { RenderOptions } from '../../shared/markdown'
import { BlockRenderer, renderKey, type BlockUpdate } from '../../shared/render/block-renderer'
import type { SiteData } from '../../shared/render/site-refs'
import type { Generator } from '../../shared/sites/types'
import { renderInWorker, workerClient } from './render-client'
import { decideCssSources, decideElementSources, sourceKind, type SourceDecider } from '../../shared/resources'

/**
 * The preview: the article body rendered by the shared markdown-it setup, sanitized block by
 * block, shown in an iframe sandboxed with allow-same-origin and without allow-scripts. No script
 * ever runs in that document (not even markup DOMPurify let through), so nothing in it can reach
 * window.folio; the parent may read and patch it, which is how it refreshes without reloading.
 */
function frameCsp(remote: boolean, assetBase: string | undefined): string {
  // Remote content off blocks every remote load: images, CSS backgrounds and @import, posters,
  // media and fonts. The sanitizer has already removed them; this is the lock behind it. Local
  // files come from the asset base (folio-asset: in the app, a local http origin in the e2e harness).
  const local = assetBase && /^https?:/i.test(assetBase) ? ` ${new URL(assetBase).origin}` : ''
  const from = remote ? ' https: http:' : local
  return `default-src 'none'; img-src data: blob: folio-asset:${from}; media-src data: folio-asset:${from}; style-src 'unsafe-inline'${remote ? from : ''}; font-src data:${remote ? from : ''}`
}

/** markdown-it has already percent-encoded a link: decode before encoding, or `猫.png` is encoded twice. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

export interface PreviewOptions {
  /** Base URL for local images, ending in '/': relative `src`s resolve against the article's folder there. */
  assetBase?: string
  /** The article's path relative to the content root. */
  articlePath?: string
  /** The site's asset rules (Hexo post asset folders, where `/x.png` lives); a plain folder's by default. */
  assetRules?: AssetRules
  /** The site's generator: its tags, shortcodes and Markdown extensions render as the site will. */
  generator?: Generator
  /** Load remote images, media and CSS (allowed for this folder); default: blocked. */
  remoteContent?: boolean
  dark?: boolean
}

/** The asset URL of a local source, resolved by the site's rules (shared/assets). */
export function resolveLocal(src: string, options: PreviewOptions): string | null {
  if (!options.assetBase || !options.articlePath) return null
  const cut = src.search(/[?#]/)
  const path = cut === -1 ? src : src.slice(0, cut)
  const target = path.split('/').map(decoded).join('/')
  const rel = resolveTarget({ kind: 'image', target }, options.articlePath, options.assetRules ?? PLAIN_RULES)
  return rel === null ? null : options.assetBase + rel.split('/').map(encodeURIComponent).join('/')
}

/** One top-level block of the preview, sanitized: what the frame shows of it. */
export interface PreviewBlock {
  html: string
  /** Its first line in the whole file, 1-based (null: no source line, as for a footnote list). */
  line: number | null
  /** Remote sources it asks for (blocked unless remote content is allowed). */
  remote: readonly string[]
}

/** How a render of a disposed renderer ends (PreviewRenderer.dispose): nobody waits for its blocks. */
export class PreviewRenderDisposed extends Error {
  constructor() {
    super('The preview moved on to another article before this render finished.')
  }
}

/** What a preview renderer holds: the blocks it showed last, their HTML before sanitizing, and the answer they came from. */
interface Held {
  answer: number
  blocks: PreviewBlock[]
  raw: string[]
}

const NOTHING: Held = { answer: 0, blocks: [], raw: [] }
/** The longest the window sanitizes at a stretch before it lets keys in: well under a frame. */
const SLICE_MS = 8
/** The answer number of a render made in the window (render()): the worker never builds on it. */
const LOCAL = -1

/**
 * Renders an article body to sanitized blocks under one set of options. After an edit only the
 * blocks around it are parsed and rendered again (shared/render/block-renderer.ts), and only those
 * are sanitized: a keystroke in a long article costs about one paragraph's work.
 */
export class PreviewRenderer {
  private readonly purify = DOMPurify()
  private remote = new Set<string>()
  private held: Held = NOTHING
  private readonly client = workerClient()
  private readonly local = new BlockRenderer()
  private diagramSources: string[] = []
  private disposed = false

  /**
   * `mermaid` draws a diagram fence (renderer/preview/diagrams.ts); without it diagrams show as
   * source. `say` gives a named sentence in the UI's language (a tag the generator would stop at),
   * null to keep its English.
   */
  constructor(
    readonly options: PreviewOptions,
    private readonly mermaid?: (source: string) => string | null,
    say?: (said: Said) => string | null,
  ) {
    const decide: SourceDecider = (src) => {
      const kind = sourceKind(src)
      if (kind === 'remote') {
        this.remote.add(src.trim())
        return options.remoteContent ? src : null
      }
      return kind === 'local' ? (resolveLocal(src, options) ?? src) : src
    }
    // Parsed once here, not on every block's sanitize: a refresh sanitizes a paragraph or two, and
    // reading the config again each time cost more than sanitizing them.
    this.purify.setConfig(SANITIZE)
    this.purify.addHook('uponSanitizeElement', (node) => {
      // An article's own style sheet stays in the preview, with its sources decided like the rest.
      if (node.nodeName === 'STYLE' && node.textContent) node.textContent = decideCssSources(node.textContent, decide)
    })
    this.purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeType !== 1) return
      const element = node as Element
      const src = element.nodeName === 'IMG' ? element.getAttribute('src') : null
      decideElementSources(element, decide)
      // An embed loads only on a click, and only while remote content is allowed: while it is not, the bar counts it.
      const embed = element.getAttribute('data-embed-src')
      if (embed !== null && !options.remoteContent && sourceKind(embed) === 'remote') this.remote.add(embed.trim())
      // A blocked image keeps a visible frame where it would be.
      if (src !== null && !element.hasAttribute('src')) element.setAttribute('data-blocked-src', src)
      if (say && element.classList.contains('folio-tag-why')) {
        const said = saidOf(element)
        const text = said && say(said)
        if (text) element.textContent = text
      }
    })
  }

  /**
   * This renderer is done with (another article, other options, the preview gone): a render of
   * its still under way stops at its next slice instead of sanitizing a whole article nobody will see.
   */
  dispose(): void {
    this.disposed = true
  }

  /** In the window's own thread. `site`: what the rest of the site says about tags naming its other files (shared/render/site-refs). */
  render(body: string, lineOffset: number, site?: SiteData): PreviewBlock[] {
    const options = this.renderOptions(site)
    if (this.held.answer !== LOCAL) this.local.reset()
    for (let round = 0; ; round++) {
      const drawn = this.drawn()
      const update = this.local.render(body, { ...options, mermaid: (source) => drawn[source] ?? null }, renderKey(options, drawn))
      const blocks = this.take(update, lineOffset, LOCAL)
      if (this.done(update.diagrams, drawn, round)) return blocks
    }
  }

  /**
   * The same render with markdown-it, highlight.js and KaTeX in the preview's worker
   * (render-worker.ts), so a large article does not hold up typing; only the blocks that changed
   * come back and are sanitized here. Diagrams are drawn here (mermaid needs the DOM) and sent
   * back to the worker to put in place.
   */
  async renderOffThread(body: string, lineOffset: number, site?: SiteData): Promise<PreviewBlock[]> {
    const options = this.renderOptions(site)
    for (let round = 0; ; round++) {
      const drawn = this.drawn()
      const answer = await renderInWorker({ client: this.client, base: this.held.answer, body, options, diagrams: drawn })
      if (this.disposed) throw new PreviewRenderDisposed()
      // Many new blocks (an article opened, another site answer) are sanitized a slice at a time, letting keys in between.
      const fresh = await this.sanitizedInSlices(answer.update)
      if (!answer.update.whole && answer.base !== this.held.answer) {
        // Another render of this renderer was taken meanwhile: this update builds on what is gone. Once more, whole.
        this.held = NOTHING
        continue
      }
      const blocks = this.take(answer.update, lineOffset, answer.id, fresh)
      if (this.done(answer.update.diagrams, drawn, round)) return blocks
    }
  }

  /** The diagrams drawn so far of those the last render had. */
  private drawn(): Record<string, string> {
    const drawn: Record<string, string> = {}
    for (const source of this.diagramSources) {
      const markup = this.mermaid?.(source)
      if (markup) drawn[source] = markup
    }
    return drawn
  }

  /** Whether a render is final: a diagram drawn before (another article's, the same source) but not sent calls for one more. */
  private done(diagrams: string[], drawn: Record<string, string>, round: number): boolean {
    this.diagramSources = diagrams
    return round > 0 || !diagrams.some((source) => drawn[source] === undefined && this.mermaid?.(source))
  }

  private renderOptions(site: SiteData | undefined): Omit<RenderOptions, 'mermaid'> {
    const { generator, articlePath } = this.options
    const assetFolder = articlePath === undefined ? undefined : fileStem(articlePath)
    const mdx = articlePath !== undefined && /\.mdx$/i.test(articlePath)
    return { assetFolder, generator, mdx, site }
  }

  /** Applies an update to the blocks held: only new blocks are sanitized (after a whole render, only those whose HTML is new). */
  private take(update: BlockUpdate, lineOffset: number, answer: number, sanitized?: PreviewBlock[]): PreviewBlock[] {
    const before = update.whole ? NOTHING : this.held
    const fresh = sanitized ?? this.sanitizedAll(update)
    const keep = before.blocks.length - update.tail
    const blocks = [...before.blocks.slice(0, update.head), ...fresh, ...before.blocks.slice(keep)]
    const raw = [...before.raw.slice(0, update.head), ...update.blocks.map((block) => block.html), ...before.raw.slice(keep)]
    update.lines.forEach((at, i) => {
      const line = at === null ? null : at + 1 + lineOffset
      if (blocks[i]!.line !== line) blocks[i] = { ...blocks[i]!, line }
    })
    this.held = { answer, blocks, raw }
    return blocks
  }

  /** The update's blocks sanitized; after a whole render, the blocks held whose HTML it still has are reused. */
  private known(update: BlockUpdate): Map<string, PreviewBlock> {
    const known = new Map<string, PreviewBlock>()
    if (update.whole) this.held.raw.forEach((raw, i) => known.set(raw, this.held.blocks[i]!))
    return known
  }

  private sanitizedAll(update: BlockUpdate): PreviewBlock[] {
    const known = this.known(update)
    return update.blocks.map((block) => known.get(block.html) ?? this.sanitize(block.html))
  }

  /** As sanitizedAll, giving the window back to the writer's keys every few milliseconds. */
  private async sanitizedInSlices(update: BlockUpdate): Promise<PreviewBlock[]> {
    const known = this.known(update)
    const fresh: PreviewBlock[] = []
    let slice = performance.now()
    for (const block of update.blocks) {
      fresh.push(known.get(block.html) ?? this.sanitize(block.html))
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve))
        if (this.disposed) throw new PreviewRenderDisposed()
        slice = performance.now()
      }
    }
    return fresh
  }

  private sanitize(html: string): PreviewBlock {
    this.remote = new Set()
    return { html: this.purify.sanitize(html), remote: [...this.remote], line: null }
  }
}

/** The reason and values a tag's error names (shared/render/site-tags.ts), if they are one. */
function saidOf(element: Element): Said | null {
  const reason = element.getAttribute('data-reason')
  if (!(MESSAGE_REASONS as readonly (string | null)[]).includes(reason)) return null
  try {
    const params: unknown = JSON.parse(element.getAttribute('data-params') ?? '{}')
    if (typeof params !== 'object' || params === null) return null
    return { reason: reason as MessageReason, params: params as MessageParams }
  } catch {
    return null
  }
}

const SANITIZE = {
  // A block may start with <style>: without this, DOMPurify parses it into the head and drops it.
  FORCE_BODY: true,
  FORBID_TAGS: [...ARTICLE_FORBID_TAGS],
  FORBID_ATTR: [...ARTICLE_FORBID_ATTR],
  ADD_TAGS: [...ARTICLE_ADD_TAGS],
}

/** What the preview shows of an article: its body (from the header block's `bodyStart`), and how many header lines come before it. */
export function previewBody(text: string, bodyStart: number): { body: string; lineOffset: number } {
  let lineOffset = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < bodyStart; i = text.indexOf('\n', i + 1)) lineOffset++
  return { body: text.slice(bodyStart), lineOffset }
}

/**
 * The frame's own document before any article is in it: the CSP (fixed for the frame's life, so
 * a change of remote content or asset base loads a new frame) and the preview's style. Blocks go
 * into its <article>, patched from the parent.
 */
export function frameShell(options: PreviewOptions): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${frameCsp(options.remoteContent === true, options.assetBase)}"><style>${PREVIEW_CSS}</style></head><body><article></article></body></html>`
}

const PREVIEW_CSS = `
html{color-scheme:light dark}
body{margin:0;padding:24px 28px;font:16px/1.75 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f2328;background:#fff;word-wrap:break-word}
html.dark body{color:#d8dee4;background:#16191d}
article{max-width:46em;margin:0 auto}
img,video{max-width:100%;height:auto}
pre{overflow:auto;padding:12px;background:rgba(127,127,127,.12);border-radius:6px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
blockquote{margin:0;padding:0 1em;border-left:4px solid rgba(127,127,127,.35);color:#656d76}
table{border-collapse:collapse}td,th{border:1px solid rgba(127,127,127,.35);padding:4px 8px}
a{color:#0969da}html.dark a{color:#58a6ff}
hr.folio-more{border:0;border-top:2px dashed #d4a72c;margin:2em 0;position:relative;overflow:visible}
hr.folio-more::after{content:"more";position:absolute;left:50%;top:-0.8em;transform:translateX(-50%);background:inherit;padding:0 .5em;font-size:12px;color:#9a6700;background:#fff}
html.dark hr.folio-more::after{background:#16191d}
img[data-blocked-src]{display:inline-block;min-width:80px;min-height:40px;outline:1px dashed #999}
figure{margin:1em 0}figcaption{font-size:.9em;color:#656d76}
.folio-tag{display:inline-block;border:1px dashed #8c959f;border-radius:4px;padding:0 6px;background:rgba(127,127,127,.08)}
div.folio-tag{display:block;padding:4px 10px;margin:1em 0}
.folio-tag-label{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#656d76}
.folio-embed{display:block;border:1px solid rgba(127,127,127,.35);border-radius:6px;padding:12px 14px;margin:1em 0;background:rgba(127,127,127,.06);cursor:pointer}
.folio-embed::before{content:"▶";margin-right:.6em;color:#656d76}
.folio-embed[data-embed-state=playing]{aspect-ratio:16/9;max-height:80vh;padding:0;overflow:hidden}.folio-embed[data-embed-state=playing]>*,.folio-embed[data-embed-state=playing]::before{visibility:hidden}
.folio-embed[data-embed-note]::after{content:attr(data-embed-note);display:block;margin-top:4px;font-size:12px;color:#9a6700}
.folio-embed-site{font-weight:600;margin-right:.5em}.folio-embed-url{font:12px ui-monospace,Menlo,Consolas,monospace;color:#656d76;word-break:break-all}
a.folio-post-link{text-decoration:underline dotted}
.note{border-left:4px solid #8c959f;padding:4px 14px;margin:1em 0;background:rgba(127,127,127,.08);border-radius:4px}
.note.info{border-color:#0969da}.note.warning{border-color:#d4a72c}.note.danger{border-color:#cf222e}.note.success{border-color:#1a7f37}
blockquote footer{font-size:.9em}blockquote footer cite::before{content:" — "}
.task-list-item{list-style:none}.task-list-item input{margin:0 .4em 0 -1.3em}
.footnotes{font-size:.9em}
.folio-diagram{margin:1em 0;overflow:auto}.folio-diagram svg{max-width:100%;height:auto}
.folio-diagram-error{border-left:4px solid #cf222e;padding:4px 12px;background:rgba(207,34,46,.06)}
.folio-tool-output-label{display:block;font-size:12px;color:#656d76}.folio-tool-output code{display:block;white-space:pre-wrap;font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
figure.folio-diagram-source figcaption{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#656d76}
.hljs-keyword,.hljs-selector-tag,.hljs-literal,.hljs-built_in{color:#cf222e}.hljs-string,.hljs-regexp,.hljs-attr{color:#0a3069}
.hljs-number,.hljs-symbol{color:#0550ae}.hljs-comment,.hljs-quote{color:#6e7781;font-style:italic}.hljs-title,.hljs-section{color:#8250df}
.hljs-type,.hljs-params,.hljs-variable{color:#953800}
html.dark .hljs-keyword,html.dark .hljs-selector-tag,html.dark .hljs-literal,html.dark .hljs-built_in{color:#ff7b72}html.dark .hljs-string,html.dark .hljs-regexp,html.dark .hljs-attr{color:#a5d6ff}
html.dark .hljs-number,html.dark .hljs-symbol{color:#79c0ff}html.dark .hljs-comment{color:#8b949e}html.dark .hljs-title,html.dark .hljs-section{color:#d2a8ff}html.dark .hljs-type,html.dark .hljs-params,html.dark .hljs-variable{color:#ffa657}
`
