/**
 * Mermaid diagrams for the preview, drawn by the mermaid package in the parent renderer (loaded
 * on the first diagram) and turned into inert SVG before they reach the frame: DOMPurify's SVG
 * profile keeps shapes, text and the diagram's own style and drops scripts, handlers, links,
 * foreignObject and external references. Mermaid runs with securityLevel 'strict' and SVG text
 * labels (HTML labels would need foreignObject); an article's %%{init}%% cannot change either.
 * The frame itself still runs no script.
 */
import DOMPurify from 'dompurify'

type Mermaid = (typeof import('mermaid'))['default']

let loading: Promise<Mermaid> | null = null

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default)
  return loading
}

const purify = DOMPurify()

const SVG_ONLY = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: ['a', 'foreignObject', 'image', 'use', 'animate', 'set', 'animateMotion', 'animateTransform'],
  FORBID_ATTR: ['href', 'xlink:href'],
}

/** The diagram as inert SVG markup (what the frame may show), or '' when nothing is left of it. */
export function inertSvg(svg: string): string {
  return purify.sanitize(svg, SVG_ONLY)
}

/** Config keys an article's %%{init: …}%% directive may not change. */
const LOCKED = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'htmlLabels',
  'flowchart',
  'dompurifyConfig',
  'theme',
  'themeCSS',
  'fontFamily',
]

let sequence = 0

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The diagrams of one preview (one theme): `markup` answers at once from what is drawn, and
 * starts drawing what is not, calling `onDrawn` when it is ready so the preview renders again.
 */
export class Diagrams {
  readonly #drawn = new Map<string, string>()
  readonly #drawing = new Set<string>()

  constructor(
    private readonly dark: boolean,
    private readonly onDrawn: () => void,
    /**
     * What to say of a diagram Mermaid could not draw, and of one whose drawing had nothing safe
     * to show, in the UI's language, and the label Mermaid's own words go under.
     */
    private readonly words: { failed: string; empty: string; output: string },
  ) {}

  /** The diagram's markup, or null while it is being drawn (the preview shows its source meanwhile). */
  readonly markup = (source: string): string | null => {
    const known = this.#drawn.get(source)
    if (known !== undefined) return known
    if (!this.#drawing.has(source)) {
      this.#drawing.add(source)
      void this.#draw(source).then((markup) => {
        this.#drawing.delete(source)
        // Bounded: an article typed into changes its diagrams many times.
        if (this.#drawn.size > 200) this.#drawn.clear()
        this.#drawn.set(source, markup)
        this.onDrawn()
      })
    }
    return null
  }

  async #draw(source: string): Promise<string> {
    try {
      const mermaid = await loadMermaid()
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        htmlLabels: false,
        flowchart: { htmlLabels: false },
        suppressErrorRendering: true,
        theme: this.dark ? 'dark' : 'default',
        secure: LOCKED,
      })
      const { svg } = await mermaid.render(`folio-mermaid-${++sequence}`, source)
      const inert = inertSvg(svg)
      if (inert) return `<div class="folio-diagram" data-diagram="mermaid">${inert}</div>`
      // Mermaid drew, but nothing of it was left once made inert: the source may well be right.
      return this.#failed(source, this.words.empty, '')
    } catch (error) {
      return this.#failed(source, this.words.failed, error instanceof Error ? error.message : String(error))
    }
  }

  /**
   * The sentence in the UI's language, then Mermaid's own words (English) set apart under a label,
   * marked as not the UI's, then the source. Markup only: the frame still runs no script.
   */
  #failed(source: string, why: string, message: string): string {
    const said = message.trim()
    const output = said
      ? `<p class="folio-tool-output"><span class="folio-tool-output-label">${escapeHtml(this.words.output)}</span><code translate="no">${escapeHtml(said)}</code></p>`
      : ''
    return `<div class="folio-diagram folio-diagram-error" data-diagram="mermaid" role="note"><p class="folio-diagram-why">${escapeHtml(why)}</p>${output}<pre><code>${escapeHtml(source)}</code></pre></div>`
  }
}
