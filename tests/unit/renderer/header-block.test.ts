/**
 * The one header block, on a plain EditorState (no DOM): what folding, styling, the lint marker,
 * the session, the form and the preview all read.
 */
import { foldEffect, foldState } from '@codemirror/language'
import { Compartment, EditorState, type Extension } from '@codemirror/state'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { headerFolding, headerFoldRange, isHeaderFolded } from '../../../renderer/editor/frontmatter-fold'
import { headerBlock, headerRules } from '../../../renderer/editor/header-block'
import { headerDiagnostics } from '../../../renderer/editor/header-lint'
import { editorLocale, phraseKey } from '../../../renderer/editor/phrases'
import { STRINGS } from '../../../renderer/i18n/strings'
import { headerTokens, type HeaderToken } from '../../../renderer/editor/header-tokens'

const SEED = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

function stateOf(doc: string, ...extensions: Extension[]): EditorState {
  return EditorState.create({ doc, extensions: [headerBlock, ...extensions] })
}

function tokens(state: EditorState): [string, string][] {
  const h = state.field(headerBlock)
  if (!h.block || !h.content) return []
  return headerTokens(state.doc, h.format, h.block, h.content).map((t: HeaderToken) => [state.sliceDoc(t.from, t.to), t.kind])
}

describe('the header block field', () => {
  it('finds the seed article’s header after its leading blank line, with its fields', () => {
    const state = stateOf(SEED)
    const h = state.field(headerBlock)
    expect(h.format).toBe('yaml')
    expect(h.block?.from).toBe(1)
    expect(state.sliceDoc(h.bodyStart, h.bodyStart + 6)).toBe('\n<div>')
    expect(h.error).toBeNull()
    expect(h.parsed.fields.map((f) => f.key)).toEqual(['title', 'categories', 'headimg', 'author', 'comments', 'date', 'thumbnail'])
  })

  it('reads Hexo’s fenceless header only under Hexo rules, and again when the rules change', () => {
    const doc = 'title: Hello\ndate: 2013/7/13 20:46:25\n---\nBody\n'
    const rules = new Compartment()
    let state = stateOf(doc, rules.of(headerRules.of({ site: 'plain' })))
    expect(state.field(headerBlock).block).toBeNull()
    state = state.update({ effects: rules.reconfigure(headerRules.of({ site: 'hexo' })) }).state
    const h = state.field(headerBlock)
    expect(h.block).toEqual({ from: 0, to: doc.indexOf('Body') })
    expect(h.parsed.fields.map((f) => f.key)).toEqual(['title', 'date'])
    expect(headerFoldRange(state)).toEqual({ from: 'title: Hello'.length, to: doc.indexOf('\nBody') })
  })

  it('keeps the same value while typing in the body, and reads the header again when it changes', () => {
    const doc = '---\ntitle: A\n---\nBody\n'
    let state = stateOf(doc)
    const before = state.field(headerBlock)
    state = state.update({ changes: { from: doc.length, insert: 'more text\n---\nkey: v\n' } }).state
    expect(state.field(headerBlock)).toBe(before)
    state = state.update({ changes: { from: doc.indexOf('A'), to: doc.indexOf('A') + 1, insert: 'B' } }).state
    expect(state.field(headerBlock)).not.toBe(before)
    expect(state.field(headerBlock).parsed.fields[0]?.value).toEqual({ type: 'string', value: 'B' })
  })

  it('watches every change while the first line could still open a header', () => {
    let state = stateOf('---\ntitle: A\n\nBody\n')
    expect(state.field(headerBlock).block).toBeNull()
    expect(state.field(headerBlock).reach).toBe(Infinity)
    state = state.update({ changes: { from: 'title: A\n'.length + 4, insert: '---\n' } }).state
    expect(state.field(headerBlock).block).toEqual({ from: 0, to: '---\ntitle: A\n---\n'.length })
    // Prose on the first line: only that line can ever start a header.
    expect(stateOf('Just prose.\n---\ntitle: A\n---\n').field(headerBlock).reach).toBe('Just prose.\n'.length)
  })

  it('reports a header that does not parse on its line, as a lint diagnostic', () => {
    const doc = '---\ntitle: A\ntitle: B\n---\nBody\n'
    const state = stateOf(doc)
    expect(state.field(headerBlock).error).toMatchObject({ code: 'duplicate-key', line: 3 })
    expect(headerDiagnostics(state)).toEqual([expect.objectContaining({ from: doc.indexOf('title: B'), to: doc.indexOf('\n---\nBody'), severity: 'error' })])
    expect(headerDiagnostics(stateOf('---\ntitle: A\n---\n'))).toEqual([])
  })

  it('says the lint message in the UI language through the editor phrases', () => {
    const doc = '---\ntitle: A\ntitle: B\n---\nBody\n'
    expect(headerDiagnostics(stateOf(doc))[0]?.message).toBe('Duplicate key title (line 3, column 1). The form is locked until the header parses.')
    const chinese = [EditorState.phrases.of({ [phraseKey('headerLint')]: STRINGS['zh-CN'].headerLint }), editorLocale.of('zh-CN')]
    expect(headerDiagnostics(stateOf(doc, chinese))[0]?.message).toBe(
      '键“\u2068title\u2069”出现了不止一次：删掉或改名其中一个（第 3 行第 1 列）。头部能够解析之前，表单保持锁定。',
    )
  })

  it('unfolds a folded header that stops parsing', () => {
    const doc = '---\ntitle: A\ndate: 2024-01-01\n---\nBody\n'
    let state = stateOf(doc, foldState, headerFolding())
    const range = headerFoldRange(state)
    expect(range).toEqual({ from: 3, to: doc.indexOf('\nBody') })
    state = state.update({ effects: foldEffect.of(range!) }).state
    expect(isHeaderFolded(state)).toBe(true)
    // A valid change keeps the fold; one that breaks the header opens it.
    state = state.update({ changes: { from: doc.indexOf('A'), insert: 'B' } }).state
    expect(isHeaderFolded(state)).toBe(true)
    state = state.update({ changes: { from: state.doc.toString().indexOf('date'), insert: 'title: again\n' } }).state
    expect(state.field(headerBlock).error?.line).toBe(3)
    let folded = 0
    state.field(foldState).between(0, state.doc.length, () => void folded++)
    expect(folded).toBe(0)
  })
})

describe('header tokens', () => {
  it('colours YAML as YAML: keys, strings, numbers, booleans, dates, lists, comments, fences', () => {
    const state = stateOf(
      "---\ntitle: '史无前例' # quoted\ncount: 12\ndraft: false\ndate: 2013/7/13 20:46:25\ntags: [a, b]\ncategories:\n - 新媒体\nsummary: |\n  line: one\n---\nBody\n",
    )
    expect(tokens(state)).toEqual([
      ['---', 'fence'],
      ['title', 'key'],
      [':', 'punctuation'],
      ["'史无前例'", 'string'],
      ['# quoted', 'comment'],
      ['count', 'key'],
      [':', 'punctuation'],
      ['12', 'number'],
      ['draft', 'key'],
      [':', 'punctuation'],
      ['false', 'atom'],
      ['date', 'key'],
      [':', 'punctuation'],
      ['2013/7/13 20:46:25', 'number'],
      ['tags', 'key'],
      [':', 'punctuation'],
      ['[', 'punctuation'],
      ['a', 'string'],
      [',', 'punctuation'],
      ['b', 'string'],
      [']', 'punctuation'],
      ['categories', 'key'],
      [':', 'punctuation'],
      ['-', 'punctuation'],
      ['新媒体', 'string'],
      ['summary', 'key'],
      [':', 'punctuation'],
      ['|', 'punctuation'],
      ['line: one', 'string'],
      ['---', 'fence'],
    ])
  })

  it('colours TOML and JSON headers as TOML and JSON', () => {
    expect(tokens(stateOf('+++\n[params]\ntitle = "Hi"\ndraft = true\n+++\n'))).toEqual([
      ['+++', 'fence'],
      ['[params]', 'table'],
      ['title', 'key'],
      ['=', 'punctuation'],
      ['"Hi"', 'string'],
      ['draft', 'key'],
      ['=', 'punctuation'],
      ['true', 'atom'],
      ['+++', 'fence'],
    ])
    expect(tokens(stateOf('{\n  "title": "Hi",\n  "n": 3\n}\nBody\n'))).toEqual([
      ['{', 'punctuation'],
      ['"title"', 'key'],
      [':', 'punctuation'],
      ['"Hi"', 'string'],
      [',', 'punctuation'],
      ['"n"', 'key'],
      [':', 'punctuation'],
      ['3', 'number'],
      ['}', 'punctuation'],
    ])
  })
})
