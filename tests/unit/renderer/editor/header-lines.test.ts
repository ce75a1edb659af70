/** The header's line and token styling, read from a plain EditorState (no DOM). */
import { EditorState } from '@codemirror/state'
import { EditorView, type DecorationSet } from '@codemirror/view'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { headerLines } from '../../../../renderer/editor/header-lines'
import { flatHeader, header, text } from '../../frontmatter/yaml-headers'

function styled(state: EditorState): { lines: number[]; marks: [string, string][] } {
  const lines: number[] = []
  const marks: [string, string][] = []
  for (const source of state.facet(EditorView.decorations)) {
    const set = (typeof source === 'function' ? null : source) as DecorationSet | null
    set?.between(0, state.doc.length, (from, to, deco) => {
      const cls = (deco.spec as { class?: string; attributes?: { class?: string } }).class ?? ''
      if (cls === 'cm-folio-header') lines.push(state.doc.lineAt(from).number)
      else marks.push([state.sliceDoc(from, to), cls.replace('cm-folio-h-', '')])
    })
  }
  return { lines, marks }
}

const ARTICLE = '\n---\ntitle: 阿里云\ntags: [云, ARM] # 注释\n---\n正文 key: value\n---\n'

describe('headerLines', () => {
  it("styles every line of the header, fences included, and none of the body's", () => {
    const { lines, marks } = styled(EditorState.create({ doc: ARTICLE, extensions: headerLines() }))
    expect(lines).toEqual([2, 3, 4, 5])
    expect(marks).toEqual(
      expect.arrayContaining([
        ['title', 'key'],
        ['tags', 'key'],
        ['# 注释', 'comment'],
      ]),
    )
    expect(marks.some(([text]) => text.includes('正文'))).toBe(false)
  })

  it('follows edits: a body edit moves the styling, a header edit restyles it', () => {
    let state = EditorState.create({ doc: ARTICLE, extensions: headerLines() })
    state = state.update({ changes: { from: 0, insert: '\n\n' } }).state
    expect(styled(state).lines).toEqual([4, 5, 6, 7])
    const at = state.doc.toString().indexOf('title')
    state = state.update({ changes: { from: at, to: at + 'title'.length, insert: 'draft: true\nname' } }).state
    expect(styled(state).lines).toEqual([4, 5, 6, 7, 8])
    expect(styled(state).marks).toEqual(
      expect.arrayContaining([
        ['draft', 'key'],
        ['name', 'key'],
      ]),
    )
  })

  it('styles TOML headers, and nothing when the file has no header', () => {
    const toml = styled(EditorState.create({ doc: '+++\ntitle = "标题"\n+++\nbody\n', extensions: headerLines() }))
    expect(toml.lines).toEqual([1, 2, 3])
    expect(toml.marks).toEqual(expect.arrayContaining([['title', 'key']]))
    expect(styled(EditorState.create({ doc: 'title: not a header\n---\n', extensions: headerLines() }))).toEqual({ lines: [], marks: [] })
  })

  it('restyles after any edit inside one line exactly as styling the new text afresh does', () => {
    // Headers in YAML (flat and not), TOML and JSON, each edited once inside one of its lines.
    const others = fc.constantFrom(
      '+++\ntitle = "标题"\ntags = ["a", "b"] # c\ndate = 2024-01-01\n+++\nbody\n',
      '{\n  "title": "标题",\n  "draft": true\n}\nbody\n',
      '---\ntitle: a\nnote: |\n  kept\n  text\nauthor: b\n---\nbody\n',
    )
    const doc = fc.oneof(flatHeader, header, others)
    const typed = fc.oneof(text, fc.constantFrom('', ' ', '|', '>-', ': ', '#', "'", '"', '[', ']', '- ', 'key: |', '---'))
    const edit = fc.tuple(doc, fc.nat(), fc.nat(4), typed)
    let inHeader = 0
    fc.assert(
      fc.property(edit, ([d, at, length, insert]) => {
        const state = EditorState.create({ doc: d, extensions: headerLines() })
        const line = state.doc.lineAt(at % (state.doc.length + 1))
        const from = line.from + (at % (line.length + 1))
        const to = Math.min(line.to, from + length)
        const after = state.update({ changes: { from, to, insert } }).state
        if (styled(state).lines.includes(line.number)) inHeader++
        expect(styled(after)).toEqual(styled(EditorState.create({ doc: after.doc, extensions: headerLines() })))
      }),
      { numRuns: 1500 },
    )
    expect(inHeader).toBeGreaterThan(500)
  }, 300_000)
})
