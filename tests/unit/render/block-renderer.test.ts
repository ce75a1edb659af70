import { beforeAll, describe, expect, it, vi } from 'vitest'
import { renderBlocks, type RenderedBlock, type RenderOptions } from '../../../shared/markdown'
import { BlockRenderer, type BlockUpdate } from '../../../shared/render/block-renderer'
import type { Generator } from '../../../shared/sites/types'

/** Deterministic pseudo-random numbers, so a failure names its seed and repeats. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

const BLOCKS = [
  '# Heading',
  'Setext\n===',
  'A paragraph with *emphasis*, `code`, a [link](https://example.com) and [a reference][ref].',
  '段落：中文的文字，**加粗**，还有链接 https://example.org 。',
  '- one\n- two\n\n  continued\n- three',
  '1. first\n2. second',
  '> a quote\n> goes on\nlazily',
  '```js\nconst a = 1\n\nconst b = 2\n```',
  '    indented code',
  '<div class="note">\n\n**inside**\n\n</div>',
  '<!-- a comment\n\nover lines -->',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '[ref]: https://example.com/ref',
  '$$\nx^2\n$$',
  'Math $a+b$ inline.',
  '---',
  '<!-- more -->',
  'Term\n: definition',
  '```mermaid\ngraph TD\nA-->B\n```',
]

const TAGS: Partial<Record<Generator, string[]>> = {
  hexo: ['{% note info %}\nA **note**.\n{% endnote %}', '{% codeblock a.js %}\nx\n{% endcodeblock %}', 'See {% post_link hello %}.'],
  hugo: ['{{< figure src="/a.png" >}}', '{{% notice tip %}}\nWrapped *text*\n{{% /notice %}}', '## Styled {.fancy}'],
  jekyll: ['{% highlight ruby %}\nputs 1\n{% endhighlight %}', 'A lead.\n{: .lead}', '*[HTML]: Hyper Text'],
}

/** What a writer types: letters, line breaks and the marks that change what blocks are. */
const INSERTS = [
  'a',
  '字',
  ' ',
  '\n',
  '\n\n',
  '- ',
  '    ',
  '```',
  '> ',
  '# ',
  '<div>',
  '</div>',
  '[x]: /y',
  '$$',
  '{% note %}',
  '{{< x >}}',
  '{',
  '}',
  '[^1]',
  '===',
  '|',
  '<!--',
  '-->',
  ': ',
]

function body(next: () => number, generator: Generator): string {
  const pool = [...BLOCKS, ...(TAGS[generator] ?? [])]
  return Array.from({ length: 6 + Math.floor(next() * 14) }, () => pool[Math.floor(next() * pool.length)]!).join('\n\n') + '\n'
}

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1))
  if (next() < 0.3) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4))
  return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)]! + text.slice(at)
}

/** What a reader of the updates holds: the blocks before, with the update applied. */
function apply(held: RenderedBlock[], update: BlockUpdate): RenderedBlock[] {
  const blocks = [...held.slice(0, update.head), ...update.blocks, ...held.slice(held.length - update.tail)]
  return blocks.map((block, i) => ({ html: block.html, line: update.lines[i]! }))
}

const plain = (blocks: readonly RenderedBlock[]) => blocks.map(({ html, line }) => ({ html, line }))

describe('rendering only the blocks an edit touched', () => {
  // KaTeX warns about Chinese that random edits put between dollar signs.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined))

  for (const generator of ['plain', 'hexo', 'hugo', 'jekyll'] as Generator[]) {
    it(`gives what a whole render gives, for random edits of ${generator} bodies`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        const next = random(seed)
        const options: RenderOptions = { generator, mdx: generator === 'plain' && seed % 3 === 0 }
        const renderer = new BlockRenderer()
        let text = body(next, generator)
        let held = apply([], renderer.render(text, options, 'k'))
        for (let step = 0; step < 25; step++) {
          text = edit(text, next)
          held = apply(held, renderer.render(text, options, 'k'))
          expect(held, `seed ${seed}, step ${step}: ${JSON.stringify(text)}`).toEqual(plain(renderBlocks(text, options)))
        }
      }
    }, 120_000)
  }

  it('parses only around a keystroke in a paragraph, and sends only the block that changed', () => {
    const renderer = new BlockRenderer()
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} with [a reference][ref].`)
    const text = paragraphs.join('\n\n') + '\n\n[ref]: https://example.com\n'
    expect(renderer.render(text, {}, 'k').whole).toBe(true)
    const typed = text.replace('Paragraph 100 with', 'Paragraph 100 now with')
    const update = renderer.render(typed, {}, 'k')
    expect(update.whole).toBe(false)
    expect(update.head).toBe(100)
    // The definition at the end makes no block of its own.
    expect(update.tail).toBe(99)
    expect(update.blocks).toEqual([{ html: '<p>Paragraph 100 now with <a href="https://example.com">a reference</a>.</p>\n', line: 200 }])
  })

  it('renders the whole body under another key, and after an edit that opens a fence', () => {
    const renderer = new BlockRenderer()
    const text = 'a\n\nb\n\nc\n'
    renderer.render(text, {}, 'k')
    expect(renderer.render(text, {}, 'other').whole).toBe(true)
    const fenced = renderer.render('a\n\n```\nb\n\nc\n', {}, 'other')
    expect(fenced.whole).toBe(true)
    expect(fenced.blocks.map((block) => block.line)).toEqual([0, 2])
  })

  it('names the diagrams of blocks it kept', () => {
    const renderer = new BlockRenderer()
    const options: RenderOptions = { mermaid: () => null }
    const text = '```mermaid\ngraph TD\n```\n\ntext\n'
    expect(renderer.render(text, options, 'k').diagrams).toEqual(['graph TD\n'])
    const update = renderer.render(text.replace('text', 'texts'), options, 'k')
    expect(update.whole).toBe(false)
    expect(update.diagrams).toEqual(['graph TD\n'])
  })
})
