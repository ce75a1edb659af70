// @vitest-environment jsdom
/**
 * patchBlocks on a real DOM: blocks equal at the start and end keep their very nodes (an image
 * does not reload, the scroll place holds), the changed middle is replaced, and line numbers
 * follow an added line without the block being rebuilt.
 */
import { describe, expect, it } from 'vitest'
import { patchBlocks, type MountedBlock } from '../../../../renderer/preview/patch'
import type { PreviewBlock } from '../../../../renderer/preview/render'

const block = (html: string, line: number | null): PreviewBlock => ({ html, line, remote: [] })

function mount(blocks: PreviewBlock[]): { root: HTMLElement; mounted: MountedBlock[] } {
  const root = document.createElement('article')
  return { root, mounted: patchBlocks(root, [], blocks) }
}

const FIRST = [
  block('<h1 data-source-line="1">春天</h1>', 1),
  block('<p data-source-line="3">第一段。</p>', 3),
  block('<p data-source-line="5"><img src="a.png"></p>', 5),
  block('<p data-source-line="7">最后。</p>', 7),
]

describe('patchBlocks', () => {
  it('mounts every block in order into an empty root', () => {
    const { root, mounted } = mount(FIRST)
    expect(root.innerHTML).toBe(FIRST.map((b) => b.html).join(''))
    expect(mounted.map((b) => b.line)).toEqual([1, 3, 5, 7])
    expect(mounted[2]?.nodes[0]).toBe(root.children[2])
  })

  it('replaces only the changed block: the ones before and after keep their nodes', () => {
    const { root, mounted } = mount(FIRST)
    const [h1, , img, last] = [...root.children]
    const next = [FIRST[0]!, block('<p data-source-line="3">第一段，改过。</p>', 3), FIRST[2]!, FIRST[3]!]
    const after = patchBlocks(root, mounted, next)
    expect(root.innerHTML).toBe(next.map((b) => b.html).join(''))
    expect(root.children[0]).toBe(h1)
    expect(root.children[2]).toBe(img)
    expect(root.children[3]).toBe(last)
    expect(after[1]?.nodes[0]).toBe(root.children[1])
  })

  it('a line added above: the blocks below stay the same nodes, and their source line follows', () => {
    const { root, mounted } = mount(FIRST)
    const img = root.children[2]
    const next = [FIRST[0]!, FIRST[1]!, block('<p data-source-line="5">新的一段。</p>', 5), block(FIRST[2]!.html, 7), block(FIRST[3]!.html, 9)]
    const after = patchBlocks(root, mounted, next)
    expect(root.children).toHaveLength(5)
    expect(root.children[3]).toBe(img)
    expect(img?.getAttribute('data-source-line')).toBe('7')
    expect(root.children[4]?.getAttribute('data-source-line')).toBe('9')
    expect(after.map((b) => b.line)).toEqual([1, 3, 5, 7, 9])
  })

  it('removes blocks that are gone, and drops the line of a block that no longer has one', () => {
    const { root, mounted } = mount(FIRST)
    const after = patchBlocks(root, mounted, [FIRST[0]!, block(FIRST[3]!.html, null)])
    expect(root.children).toHaveLength(2)
    expect(root.children[1]?.hasAttribute('data-source-line')).toBe(false)
    expect(root.children[1]?.textContent).toBe('最后。')
    expect(after.map((b) => b.line)).toEqual([1, null])
  })

  it('a block of several nodes (text between elements) is inserted and removed whole', () => {
    const { root, mounted } = mount([block('<p>a</p>', 1), block('<p>b</p>', 2)])
    const after = patchBlocks(root, mounted, [block('<p>a</p>', 1), block('x<hr>y', 2), block('<p>b</p>', 3)])
    // The source line goes on the block's first element (the renderer's HTML may not carry it).
    expect(root.innerHTML).toBe('<p data-source-line="1">a</p>x<hr data-source-line="2">y<p data-source-line="3">b</p>')
    patchBlocks(root, after, [block('<p>a</p>', 1), block('<p>b</p>', 2)])
    expect(root.innerHTML).toBe('<p data-source-line="1">a</p><p data-source-line="2">b</p>')
  })

  it('parses inertly: a script in a block is inserted as a node but never runs', () => {
    const ran = { value: false }
    ;(window as unknown as { __ran: typeof ran }).__ran = ran
    const { root } = mount([block('<p>x</p><script>window.__ran.value = true</script><img src="x" onerror="window.__ran.value = true">', 1)])
    document.body.append(root)
    expect(root.querySelector('script')).not.toBeNull()
    expect(ran.value).toBe(false)
    root.remove()
  })
})
