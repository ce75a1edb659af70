import type { PreviewBlock } from './render'

/** A heading of the article, as the outline lists it. */
export interface Heading {
  level: number
  text: string
  /** Its line in the whole file, 1-based. */
  line: number
}

const HEADING = /^<h([1-6])[\s>]/

/** The text a reader sees: KaTeX's MathML keeps its TeX source in an annotation, which is not shown. */
function shownText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? ''
  if (node.nodeType === 1 && (node as Element).localName === 'annotation') return ''
  let text = ''
  for (const child of node.childNodes) text += shownText(child)
  return text
}

/**
 * The article's headings, from the preview's blocks (so a heading made by the generator's syntax
 * counts and one inside code does not). Their text is read by the parent's inert <template>, which
 * decodes entities and drops markup without loading or running anything.
 */
export function headingsOf(blocks: readonly PreviewBlock[]): Heading[] {
  const headings: Heading[] = []
  const seen = new Map<string, string>()
  for (const block of blocks) {
    const level = HEADING.exec(block.html)?.[1]
    if (!level || block.line === null) continue
    const text = seen.get(block.html) ?? read.get(block.html) ?? textOf(block.html)
    seen.set(block.html, text)
    if (text) headings.push({ level: Number(level), text, line: block.line })
  }
  // Read once: a refresh after a keystroke reads only a heading it changed.
  read = seen
  return headings
}

/** The headings' texts read by the last call, by their block's HTML. */
let read = new Map<string, string>()
let template: HTMLTemplateElement | null = null

function textOf(html: string): string {
  template ??= document.createElement('template')
  template.innerHTML = html
  const element = template.content.firstElementChild
  return element ? shownText(element).replace(/\s+/g, ' ').trim() : ''
}

/** The heading whose section holds `line`: the last one starting at or before it (the first one above it, where the article starts). */
export function currentHeading(headings: readonly Heading[], line: number): Heading | null {
  let found: Heading | null = headings[0] ?? null
  for (const heading of headings) {
    if (heading.line > line) break
    found = heading
  }
  return found
}
