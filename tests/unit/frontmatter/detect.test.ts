import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import matter from 'gray-matter'
import { detect } from '../../../shared/frontmatter'

const seed = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

const slice = (text: string, r: { from: number; to: number } | null) => (r ? text.slice(r.from, r.to) : null)

describe('detect', () => {
  it('finds the seed header after its blank first line, where gray-matter finds nothing', () => {
    const d = detect(seed)
    expect(d.format).toBe('yaml')
    expect(d.leading).toEqual({ from: 0, to: 1 })
    expect(slice(seed, d.content)).toMatch(/^title: '史无前例/)
    expect(slice(seed, d.block)?.startsWith('---\ntitle')).toBe(true)
    expect(seed.slice(d.bodyStart).startsWith('\n<div>')).toBe(true)
    expect(d.finalNewline).toBe(false)
    expect(matter(seed).data).toEqual({})
  })

  it('keeps a BOM and blank lines before the fence in the leading part', () => {
    const text = '\ufeff\n  \n---\ntitle: 你好\n---\n正文'
    const d = detect(text)
    expect(d.bom).toBe(true)
    expect(d.format).toBe('yaml')
    expect(slice(text, d.leading)).toBe('\ufeff\n  \n')
    expect(slice(text, d.content)).toBe('title: 你好\n')
    expect(text.slice(d.bodyStart)).toBe('正文')
  })

  it('reads --- with a language and +++ as TOML', () => {
    expect(detect('---toml\ntitle = "x"\n---\n').format).toBe('toml')
    expect(detect('--- yaml\ntitle: x\n---\n').format).toBe('yaml')
    expect(detect('---json\n{"title": "x"}\n---\n').format).toBe('json')
    const toml = '+++\ntitle = "标题"\n+++\nbody'
    const d = detect(toml)
    expect(d.format).toBe('toml')
    expect(d.openFence).toBe('+++')
    expect(slice(toml, d.content)).toBe('title = "标题"\n')
  })

  it('reads a leading JSON object (Hugo) up to its matching brace', () => {
    const text = '{\n  "title": "a } in a string",\n  "tags": ["x", {"y": 1}]\n}\n\nbody {not json}\n'
    const d = detect(text)
    expect(d.format).toBe('json')
    expect(slice(text, d.content)).toBe('{\n  "title": "a } in a string",\n  "tags": ["x", {"y": 1}]\n}')
    expect(text.slice(d.bodyStart)).toBe('\nbody {not json}\n')
  })

  it('does not take a Liquid tag for JSON', () => {
    expect(detect('{% raw %}\n{{ x }}\n{% endraw %}\n').format).toBe('none')
  })

  it("reads Hexo's ;;; JSON header in a Hexo site only (no other reader knows it)", () => {
    const text = ';;;\n"title": "x",\n"tags": ["a"]\n;;;\nbody'
    expect(detect(text).format).toBe('none')
    const d = detect(text, { site: 'hexo' })
    expect(d.format).toBe('json')
    expect(slice(text, d.content)).toBe('"title": "x",\n"tags": ["a"]\n')
  })

  it("applies Hexo's optional opening fence only in a Hexo site", () => {
    const text = 'title: 无开头\ndate: 2013/7/13 20:46:25\n---\n正文'
    expect(detect(text).format).toBe('none')
    const d = detect(text, { hexo: true })
    expect(d.format).toBe('yaml')
    expect(d.openFence).toBe('')
    expect(slice(text, d.content)).toBe('title: 无开头\ndate: 2013/7/13 20:46:25\n')
    expect(text.slice(d.bodyStart)).toBe('正文')
    const json = '"title": "x"\n;;;\nbody'
    expect(detect(json, { hexo: true }).format).toBe('json')
  })

  it('does not read prose followed by a rule as a fenceless Hexo header', () => {
    expect(detect('Some prose here.\n\n---\n\nMore.\n', { hexo: true }).format).toBe('none')
  })

  it('treats --- in the body as a rule, and --- followed by prose as no header', () => {
    const text = '---\ntitle: x\n---\nA\n\n---\n\nB\n'
    const d = detect(text)
    expect(text.slice(d.bodyStart)).toBe('A\n\n---\n\nB\n')
    expect(detect('Intro\n\n---\n\ntitle: x\n---\n').format).toBe('none')
    expect(detect('---\nJust a paragraph of prose.\n---\nMore\n').format).toBe('none')
  })

  it('handles a file of only a header, with and without a final newline', () => {
    const a = detect('---\ntitle: x\n---')
    expect(a.format).toBe('yaml')
    expect(a.bodyStart).toBe('---\ntitle: x\n---'.length)
    expect(a.finalNewline).toBe(false)
    const b = detect('---\ntitle: x\n---\n')
    expect(b.bodyStart).toBe(17)
    expect(b.finalNewline).toBe(true)
    const empty = detect('---\n---\n')
    expect(empty.format).toBe('yaml')
    expect(empty.content).toEqual({ from: 4, to: 4 })
  })

  it("accepts Jekyll's ... as the closing fence of a YAML header", () => {
    const text = '---\ntitle: x\n...\nbody'
    const d = detect(text)
    expect(d).toMatchObject({ format: 'yaml', closeFence: '...' })
    expect(text.slice(d.bodyStart)).toBe('body')
  })

  it('reports CRLF files and keeps the fences exact', () => {
    const text = '---\r\ntitle: x\r\n---\r\nbody\r\n'
    const d = detect(text)
    expect(d.eol).toBe('\r\n')
    expect(d.closeFence).toBe('---')
    expect(slice(text, d.content)).toBe('title: x\r\n')
    expect(text.slice(d.bodyStart)).toBe('body\r\n')
  })

  it('finds no header in plain text and an empty file', () => {
    for (const text of ['', '\n\n', '# Title\n\nbody', '\ufeff']) {
      const d = detect(text)
      expect(d.format).toBe('none')
      expect(d.block).toBeNull()
      expect(d.bodyStart).toBe(text.startsWith('\ufeff') ? 1 : 0)
    }
  })

  it('leaves an unclosed fence as no header', () => {
    expect(detect('---\ntitle: x\n').format).toBe('none')
  })
})
