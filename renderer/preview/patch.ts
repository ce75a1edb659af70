import type { PreviewBlock } from './render'

/** A block as it stands in the frame: its sanitized HTML, source line and the nodes made from it. */
export interface MountedBlock {
  html: string
  line: number | null
  nodes: ChildNode[]
}

function firstElement(nodes: readonly ChildNode[]): Element | null {
  return (nodes.find((node) => node.nodeType === 1) as Element | undefined) ?? null
}

/**
 * Brings `root` from the `mounted` blocks to `next`, touching only what changed: blocks equal at
 * the start and at the end keep their nodes (so images do not reload and the scroll place holds),
 * the ones between are replaced. Nodes are parsed by an inert <template> and enter the frame's
 * document, whose scripting is off, already sanitized.
 */
export function patchBlocks(root: Element, mounted: readonly MountedBlock[], next: readonly PreviewBlock[]): MountedBlock[] {
  let head = 0
  while (head < mounted.length && head < next.length && mounted[head]!.html === next[head]!.html) head++
  let tail = 0
  while (tail < mounted.length - head && tail < next.length - head && mounted[mounted.length - 1 - tail]!.html === next[next.length - 1 - tail]!.html) tail++
  for (const block of mounted.slice(head, mounted.length - tail)) for (const node of block.nodes) node.remove()
  const before = mounted.slice(mounted.length - tail).find((block) => block.nodes.length > 0)?.nodes[0] ?? null
  // The parent's own <template>: its content is inert (no loads, no script); inserting adopts it.
  const template = document.createElement('template')
  const added = next.slice(head, next.length - tail).map((block) => {
    template.innerHTML = block.html
    const nodes = Array.from(template.content.childNodes)
    root.insertBefore(template.content, before)
    return { html: block.html, line: null, nodes }
  })
  const result = [...mounted.slice(0, head), ...added, ...mounted.slice(mounted.length - tail)]
  return result.map((block, i) => {
    const line = next[i]!.line
    if (block.line === line) return block
    // Lines shift below an added line: the block stays, its number follows.
    const element = firstElement(block.nodes)
    if (line === null) element?.removeAttribute('data-source-line')
    else element?.setAttribute('data-source-line', String(line))
    return { ...block, line }
  })
}
