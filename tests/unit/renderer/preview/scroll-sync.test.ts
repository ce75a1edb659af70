// @vitest-environment jsdom
/**
 * Scroll sync's arithmetic between source lines and the frame's scroll position, over blocks
 * whose page positions are given (jsdom lays nothing out: each block element reports the box
 * its page top gives, the frame window scrolls as a browser's would, clamped to its height).
 */
import { describe, expect, it } from 'vitest'
import type { MountedBlock } from '../../../../renderer/preview/patch'
import { frameTopLine, scrollFrameTo, scrollFrameToLine, type FrameView } from '../../../../renderer/preview/scroll-sync'

/** Blocks at [source line, page top] in a frame `height` tall showing 400 px. */
function frame(blocks: [number | null, number][], height = 2000): FrameView & { scrolls: number[] } {
  const scrolls: number[] = []
  const win = {
    scrollY: 0,
    innerHeight: 400,
    document: { documentElement: { scrollHeight: height } },
    scrollTo: ({ top }: { top: number }) => {
      scrolls.push(top)
      win.scrollY = Math.max(0, Math.min(top, height - 400))
    },
  }
  const mounted: MountedBlock[] = blocks.map(([line, top]) => {
    const element = document.createElement('p')
    element.getBoundingClientRect = () => new DOMRect(0, top - win.scrollY, 100, 10)
    return { html: '<p></p>', line, nodes: [document.createTextNode(' '), element] }
  })
  return { root: document.createElement('article'), window: win as unknown as Window, mounted, article: 'a.md', placed: null, scrolls }
}

describe('scrollFrameToLine', () => {
  it('puts a block’s first line at the top, and a line inside a block as far into it as the line is into its lines', () => {
    const view = frame([
      [1, 0],
      [5, 100],
      [9, 300],
    ])
    scrollFrameToLine(view, 5)
    expect(view.window.scrollY).toBe(100)
    scrollFrameToLine(view, 7)
    expect(view.window.scrollY).toBe(200)
    expect(view.placed).toBe(200)
  })

  it('goes to the top above the first block, and to the last block’s top past it', () => {
    const view = frame([
      [3, 50],
      [9, 300],
    ])
    scrollFrameToLine(view, 1)
    expect(view.window.scrollY).toBe(0)
    scrollFrameToLine(view, 40)
    expect(view.window.scrollY).toBe(300)
  })

  it('skips blocks without a source line (a footnote list)', () => {
    const view = frame([
      [1, 0],
      [null, 100],
      [11, 200],
    ])
    scrollFrameToLine(view, 6)
    expect(view.window.scrollY).toBe(100)
  })
})

describe('scrollFrameTo', () => {
  it('clamps to what the frame can scroll, rounds, and does not scroll (or claim the next scroll event) for less than a pixel', () => {
    const view = frame([[1, 0]], 1000)
    scrollFrameTo(view, 5000)
    expect(view.window.scrollY).toBe(600)
    scrollFrameTo(view, 600.4)
    expect(view.scrolls).toEqual([600])
    scrollFrameTo(view, -20)
    expect(view.window.scrollY).toBe(0)
    expect(view.placed).toBe(0)
  })
})

describe('frameTopLine', () => {
  it('is the inverse of scrollFrameToLine inside the blocks, to the whole pixel the frame scrolls by', () => {
    const view = frame([
      [1, 0],
      [5, 100],
      [9, 300],
      [20, 700],
    ])
    for (const line of [5, 6, 7.5, 9, 14]) {
      scrollFrameToLine(view, line)
      expect(frameTopLine(view)).toBeCloseTo(line, 1)
    }
  })

  it('is line 1 at the top, the last block’s line past it, and null with no block to go by', () => {
    const view = frame([
      [3, 50],
      [9, 300],
    ])
    expect(frameTopLine(view)).toBe(1)
    view.window.scrollTo({ top: 900 })
    expect(frameTopLine(view)).toBe(9)
    expect(frameTopLine(frame([[null, 0]]))).toBeNull()
  })

  it('reads a few boxes of a long article on each scroll, not every block above the top', () => {
    const view = frame(
      Array.from({ length: 2000 }, (_, i): [number, number] => [1 + 3 * i, 50 * i]),
      100_000,
    )
    let reads = 0
    for (const block of view.mounted) {
      const element = block.nodes[1] as Element
      const box = element.getBoundingClientRect.bind(element)
      element.getBoundingClientRect = () => (reads++, box())
    }
    view.window.scrollTo({ top: 75_025 })
    expect(frameTopLine(view)).toBeCloseTo(1 + 3 * 1500 + 1.5, 5)
    expect(reads).toBeLessThan(30)
  })
})

describe('frameTopLine with blocks out of the flow', () => {
  /** Makes block `index` of `view` read an empty box at the viewport's top, as display:none does. */
  function hide(view: FrameView, index: number): void {
    const element = view.mounted[index]!.nodes[1] as Element
    element.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0)
  }

  it('passes over hidden blocks wherever the search lands on them', () => {
    const blocks = Array.from({ length: 200 }, (_, i): [number, number] => [1 + 3 * i, 50 * i])
    for (const hidden of [[100], [99, 100, 101], [50, 100, 150], Array.from({ length: 60 }, (_, i) => 70 + i)]) {
      const view = frame(blocks, 10_000)
      for (const index of hidden) hide(view, index)
      for (const top of [1_025, 3_525, 4_975, 5_025, 7_525]) {
        view.window.scrollTo({ top })
        const shown = blocks.filter((_, i) => !hidden.includes(i))
        const at = shown.findLast(([, blockTop]) => blockTop <= top)!
        const next = shown[shown.indexOf(at) + 1]!
        const expected = at[0] + ((top - at[1]) / (next[1] - at[1])) * (next[0] - at[0])
        expect(frameTopLine(view), `hidden ${hidden.length} from ${hidden[0]}, top ${top}`).toBeCloseTo(expected, 5)
      }
    }
  })

  it('does not jump ahead to a positioned block that reads above the top', () => {
    const blocks = Array.from({ length: 200 }, (_, i): [number, number] => [1 + 3 * i, 50 * i])
    blocks[100] = [301, 10]
    const view = frame(blocks, 10_000)
    view.window.scrollTo({ top: 1_025 })
    expect(frameTopLine(view)).toBeCloseTo(1 + 3 * 20 + 1.5, 5)
  })
})
