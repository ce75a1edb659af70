import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addKey, addListItem, applyPatches, fieldRecord, parse, removeKey, removeListItem, renameKey, setValue } from '../../../shared/frontmatter'
import { FolioError } from '../../../shared/errors'
import type { EditValue, TextPatch } from '../../../shared/frontmatter/types'

const seed = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

const apply = (text: string, patches: TextPatch[]) => applyPatches(text, patches)
const set = (text: string, key: string, value: EditValue) => apply(text, setValue(text, key, value))

/** Lines that differ between two texts of the same line count. */
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n')
  const y = b.split('\n')
  expect(y.length).toBe(x.length)
  return y.filter((line, i) => line !== x[i])
}

describe('the seed article', () => {
  it('editing author changes exactly that line', () => {
    const out = set(seed, 'author', '阿里云编辑部')
    expect(changedLines(seed, out)).toEqual(['author: 阿里云编辑部'])
    expect(out.slice(-200)).toBe(seed.slice(-200))
  })

  it('editing the date keeps the RFC 1123 form plain', () => {
    const out = set(seed, 'date', 'Wed, 02 Mar 2022 08:00:00 GMT')
    expect(changedLines(seed, out)).toEqual(['date: Wed, 02 Mar 2022 08:00:00 GMT'])
  })

  it('the title keeps its single quotes', () => {
    const out = set(seed, 'title', '新标题')
    expect(changedLines(seed, out)).toEqual(["title: '新标题'"])
  })

  it('adding a category adds one line in the list style of the file', () => {
    const out = apply(seed, addListItem(seed, 'categories', '科技'))
    expect(out).toContain('categories: \n - 新媒体\n - ZAKER\n - channel\n - 科技\nheadimg')
  })
})

describe('setValue: scalars', () => {
  const text = [
    '---',
    'title: Hello # 保留注释',
    "quoted: 'single'",
    'dq: "double"',
    'count: 3',
    'empty:',
    'spaced: ',
    'block: |',
    '  one',
    '  two',
    'after: x',
    '---',
    'body',
    '',
  ].join('\n')

  it('replaces only the value and keeps a comment on the line', () => {
    expect(changedLines(text, set(text, 'title', '你好，世界'))).toEqual(['title: 你好，世界 # 保留注释'])
  })

  it("keeps the author's quote style", () => {
    expect(changedLines(text, set(text, 'quoted', 'plain ok'))).toEqual(["quoted: 'plain ok'"])
    expect(changedLines(text, set(text, 'quoted', "it's"))).toEqual(["quoted: 'it''s'"])
    expect(changedLines(text, set(text, 'dq', 'x'))).toEqual(['dq: "x"'])
  })

  it('quotes only when needed', () => {
    const cases: [string, string][] = [
      ['a: b', "'a: b'"],
      ['a #b', "'a #b'"],
      ['[x]', "'[x]'"],
      ['{x}', "'{x}'"],
      ['*x', "'*x'"],
      ['&x', "'&x'"],
      ['!x', "'!x'"],
      ['@x', "'@x'"],
      ['`x', "'`x'"],
      ['yes', "'yes'"],
      ['No', "'No'"],
      ['on', "'on'"],
      ['off', "'off'"],
      ['true', "'true'"],
      ['null', "'null'"],
      ['123', "'123'"],
      ['1.5', "'1.5'"],
      ['0x1f', "'0x1f'"],
      ['1:20', "'1:20'"],
      ['', "''"],
      [' lead', "' lead'"],
      ['- x', "'- x'"],
      ['two\nlines', '"two\\nlines"'],
      ['plain words', 'plain words'],
      ['C#', 'C#'],
      ['a:b', 'a:b'],
      ['https://example.com/?a=1', 'https://example.com/?a=1'],
      ['中文标题：副标题', '中文标题：副标题'],
      // Every generator reads these as a date or a number: as a string they need quotes.
      ['2022-03-01 04:51:00', "'2022-03-01 04:51:00'"],
      ['2024-01-01', "'2024-01-01'"],
      ['12:30', "'12:30'"],
      ['~', "'~'"],
      ['.inf', "'.inf'"],
      ['017', "'017'"],
      ['1_000', "'1_000'"],
      ['y', "'y'"],
    ]
    for (const [value, written] of cases) {
      const out = set(text, 'after', value)
      expect(changedLines(text, out)).toEqual([`after: ${written}`])
      expect(fieldRecord(parse(out)).after).toMatchObject(/^\d{4}-/.test(value) ? { type: 'date', text: value } : { type: 'string', value })
    }
  })

  it('writes numbers, booleans and null plainly', () => {
    expect(changedLines(text, set(text, 'count', 4.5))).toEqual(['count: 4.5'])
    expect(changedLines(text, set(text, 'after', false))).toEqual(['after: false'])
    expect(changedLines(text, set(text, 'title', null))).toEqual(['title: # 保留注释'])
  })

  it('fills an empty value, dropping a trailing space', () => {
    expect(changedLines(text, set(text, 'empty', 'x'))).toEqual(['empty: x'])
    expect(changedLines(text, set(text, 'spaced', 'z'))).toEqual(['spaced: z'])
    // `y` is a boolean to YAML 1.1 readers.
    expect(changedLines(text, set(text, 'spaced', 'y'))).toEqual(["spaced: 'y'"])
  })

  it('never folds a long line', () => {
    const long = '这是一个非常长的中文标题，'.repeat(20)
    const out = set(text, 'title', long)
    expect(changedLines(text, out)).toEqual([`title: ${long} # 保留注释`])
  })

  it('replaces a block scalar with a one-line value', () => {
    const out = set(text, 'block', 'single')
    expect(out).toContain('block: single\nafter: x\n')
  })

  it('returns no patch when the value is already there', () => {
    expect(setValue(text, 'count', 3)).toEqual([])
    expect(setValue(text, 'quoted', 'single')).toEqual([])
  })

  it('keeps CRLF on edited lines', () => {
    const crlf = text.replace(/\n/g, '\r\n')
    const out = set(crlf, 'title', '新')
    expect(out).toBe(crlf.replace('title: Hello #', 'title: 新 #'))
    const list = set(crlf, 'empty', ['a', 'b'])
    expect(list).toContain('empty:\r\n  - a\r\n  - b\r\nspaced')
    expect(list.replace(/\r\n/g, '')).not.toContain('\n')
  })
})

describe('the eol option (CodeMirror text of a CRLF file is LF-only)', () => {
  it('writes new lines with the given line ending while indexing the LF text', () => {
    const lf = '---\ntitle: x\n---\nbody\n'
    expect(set(lf, 'title', '新')).toBe('---\ntitle: 新\n---\nbody\n')
    expect(apply(lf, setValue(lf, 'tags', ['a', 'b'], { eol: '\r\n' }))).toBe('---\ntitle: x\ntags:\r\n  - a\r\n  - b\r\n---\nbody\n')
    expect(apply('body', setValue('body', 'title', 'x', { eol: '\r\n' }))).toBe('---\r\ntitle: x\r\n---\r\nbody')
  })
})

describe('setValue: lists and maps', () => {
  const text = '---\ntitle: x\ntags:\n- 旧\n- keep # c\n- last\nflow: [a, b]\n---\n'

  it('rewrites only the changed items of a block list', () => {
    const out = set(text, 'tags', ['新', 'keep', 'last'])
    expect(changedLines(text, out)).toEqual(['- 新'])
    expect(out).toContain('- keep # c\n')
  })

  it('keeps the comment and quote style of an item renamed in place', () => {
    expect(set(text, 'tags', ['旧', 'kept', 'last'])).toContain('- 旧\n- kept # c\n- last\n')
    const quoted = '---\ntags:\n  - "a"   # why a\n  - b\n---\n'
    expect(set(quoted, 'tags', ['x: y', 'b'])).toBe('---\ntags:\n  - "x: y"   # why a\n  - b\n---\n')
  })

  it('adds and removes items through a whole-list set', () => {
    expect(set(text, 'tags', ['旧', 'keep', 'mid', 'last'])).toContain('- keep # c\n- mid\n- last\n')
    expect(set(text, 'tags', ['旧', 'last'])).toContain('tags:\n- 旧\n- last\nflow')
  })

  it('keeps a flow list flow', () => {
    expect(changedLines(text, set(text, 'flow', ['a', 'b: c', 'd']))).toEqual(["flow: [a, 'b: c', d]"])
    expect(changedLines(text, set(text, 'flow', ['x,y']))).toEqual(["flow: ['x,y']"])
  })

  it('turns a scalar into a block list in the block style (dashes at column 0 here), and back', () => {
    const out = set(text, 'title', ['a', 'b'])
    expect(out).toContain('title:\n- a\n- b\ntags:')
    const back = set(text, 'tags', 'one')
    expect(back).toContain('tags: one\nflow')
    expect(set(text, 'tags', [])).toContain('tags: []\nflow')
  })

  it('writes nested maps in block style', () => {
    const out = set(text, 'title', { name: '张三', links: ['x', 'z'], count: 1 })
    expect(out).toContain('title:\n  name: 张三\n  links:\n  - x\n  - z\n  count: 1\ntags:')
    const indented = '---\ntags:\n  - a\n---\n'
    expect(set(indented, 'author', { links: ['x'] })).toContain('author:\n  links:\n    - x\n---')
    expect(fieldRecord(parse(out)).title).toMatchObject({ type: 'map' })
  })

  it('replaces a block scalar with a list or a map (the patches once overlapped and garbled the key line)', () => {
    const folded = '---\nauthor: >-\n  one\n  two\ntitle: x\n---\nbody\n'
    expect(set(folded, 'author', { a: 'b', c: [1, 2] })).toBe('---\nauthor:\n  a: b\n  c:\n    - 1\n    - 2\ntitle: x\n---\nbody\n')
    expect(set(folded, 'author', ['p', 'q'])).toBe('---\nauthor:\n  - p\n  - q\ntitle: x\n---\nbody\n')
    const literal = '---\nnote: |  # kept\n  line\n---\n'
    expect(fieldRecord(parse(set(literal, 'note', ['x']))).note).toEqual({ type: 'list', items: [{ type: 'string', value: 'x' }] })
  })
})

describe('list items', () => {
  const text = '---\ntags:\n  - a\n  - b\nflow: [a, b]\none: solo\nempty:\n---\n'

  it('adds an item in the list own indentation', () => {
    expect(apply(text, addListItem(text, 'tags', '中文'))).toContain('  - a\n  - b\n  - 中文\nflow')
    expect(apply(text, addListItem(text, 'flow', 'c'))).toContain('flow: [a, b, c]\n')
    expect(apply(text, addListItem(text, 'flow', 'x: y'))).toContain("flow: [a, b, 'x: y']\n")
  })

  it('makes a one-item list of an empty or missing key and extends a single string', () => {
    expect(apply(text, addListItem(text, 'empty', 'x'))).toContain('empty:\n  - x\n---')
    expect(apply(text, addListItem(text, 'missing', 'x'))).toContain('missing:\n  - x\n---')
    expect(apply(text, addListItem(text, 'one', 'two'))).toContain('one:\n  - solo\n  - two\nempty')
  })

  it('removes an item', () => {
    expect(apply(text, removeListItem(text, 'tags', 0))).toContain('tags:\n  - b\nflow')
    expect(apply(text, removeListItem(text, 'flow', 0))).toContain('flow: [b]\n')
    expect(apply(text, removeListItem(text, 'flow', 1))).toContain('flow: [a]\n')
    const once = apply(text, removeListItem(text, 'tags', 1))
    expect(apply(once, removeListItem(once, 'tags', 0))).toContain('tags: []\nflow')
    expect(() => removeListItem(text, 'tags', 5)).toThrow(FolioError)
  })
})

describe('keys', () => {
  const text = '---\ntitle: x # t\ntags:\n  - a\ndate: 2020-01-01\n---\nbody'

  it('removes a key with all its lines', () => {
    expect(apply(text, removeKey(text, 'tags'))).toBe('---\ntitle: x # t\ndate: 2020-01-01\n---\nbody')
    expect(removeKey(text, 'absent')).toEqual([])
  })

  it('renames a key in place and refuses to overwrite', () => {
    expect(apply(text, renameKey(text, 'title', '标题'))).toBe(text.replace('title:', '标题:'))
    expect(apply(text, renameKey(text, 'title', 'a: b'))).toContain("'a: b': x # t")
    expect(() => renameKey(text, 'title', 'date')).toThrow(expect.objectContaining({ code: 'EXISTS' }))
  })

  it('adds a key after the last one, in the block style', () => {
    expect(apply(text, addKey(text, 'draft', true))).toBe('---\ntitle: x # t\ntags:\n  - a\ndate: 2020-01-01\ndraft: true\n---\nbody')
    const quoting = "---\ntitle: 'x'\nauthor: 'y'\nlist:\n - a\n---\n"
    expect(apply(quoting, addKey(quoting, 'subtitle', 'z'))).toContain("list:\n - a\nsubtitle: 'z'\n---")
    expect(apply(quoting, addKey(quoting, 'tags', ['p', 'q']))).toContain("tags:\n - 'p'\n - 'q'\n---")
    const flow = '---\ncategories: [a]\n---\n'
    expect(apply(flow, addKey(flow, 'tags', ['p', 'q']))).toContain('tags: [p, q]\n---')
    expect(apply('---\n---\n', addKey('---\n---\n', 'title', '空'))).toBe('---\ntitle: 空\n---\n')
  })

  it('adds a key through setValue when absent, in a CRLF file', () => {
    const crlf = '---\r\ntitle: x\r\n---\r\nbody'
    expect(set(crlf, 'draft', false)).toBe('---\r\ntitle: x\r\ndraft: false\r\n---\r\nbody')
  })
})

describe('creating a block', () => {
  it('inserts a header where there was none, after a BOM', () => {
    expect(set('正文\n', 'title', '标题')).toBe('---\ntitle: 标题\n---\n正文\n')
    expect(set('\ufeffbody\r\nmore\r\n', 'title', 'x')).toBe('\ufeff---\r\ntitle: x\r\n---\r\nbody\r\nmore\r\n')
    expect(set('', 'tags', ['a'])).toBe('---\ntags:\n  - a\n---\n')
  })

  it('can create TOML and JSON blocks', () => {
    expect(apply('b', setValue('b', 'title', 'x', { createFormat: 'toml' }))).toBe('+++\ntitle = "x"\n+++\nb')
    expect(apply('b', setValue('b', 'title', 'x', { createFormat: 'json' }))).toBe('{\n  "title": "x"\n}\nb')
  })
})

describe('refusing headers that do not parse', () => {
  const broken = ['---\ntitle: [x\n---\n', '---\na: 1\na: 2\n---\n', '---\n- a\n---\n', '---\ntitle: x\nbody']
  for (const text of broken) {
    it(JSON.stringify(text), () => {
      for (const edit of [
        () => setValue(text, 'title', 'y'),
        () => addKey(text, 'z', 1),
        () => removeKey(text, 'a'),
        () => renameKey(text, 'a', 'b'),
        () => addListItem(text, 'a', 'x'),
      ]) {
        expect(edit).toThrow(expect.objectContaining({ code: 'HEADER_PARSE', line: expect.any(Number) }))
      }
    })
  }
})

describe('TOML edits', () => {
  const text = '+++\ntitle = \'x\' # c\ndate = 2024-01-01T10:00:00+08:00\ntags = ["a"]\n[params]\nk = 1\n+++\nbody'

  it('sets scalars in place, keeping literal strings and bare dates', () => {
    expect(changedLines(text, set(text, 'title', '新'))).toEqual(["title = '新' # c"])
    expect(changedLines(text, set(text, 'title', "it's"))).toEqual(['title = "it\'s" # c'])
    expect(changedLines(text, set(text, 'date', '2024-02-02T00:00:00Z'))).toEqual(['date = 2024-02-02T00:00:00Z'])
    expect(changedLines(text, set(text, 'tags', ['a', 'b']))).toEqual(['tags = ["a", "b"]'])
  })

  it('adds, removes and renames top-level keys', () => {
    expect(set(text, 'draft', true)).toContain('tags = ["a"]\ndraft = true\n[params]')
    expect(apply(text, removeKey(text, 'tags'))).not.toContain('tags')
    expect(apply(text, renameKey(text, 'title', 'name'))).toContain("name = 'x' # c")
    expect(apply(text, addListItem(text, 'tags', 'b'))).toContain('tags = ["a", "b"]')
  })

  it('refuses to set a table with a typed error', () => {
    expect(() => setValue(text, 'params', 1)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }))
  })
})

describe('JSON edits', () => {
  const text = '{\n  "title": "x",\n  "tags": ["a"]\n}\nbody'

  it('sets, adds and removes members', () => {
    expect(changedLines(text, set(text, 'title', '新'))).toEqual(['  "title": "新",'])
    expect(set(text, 'draft', true)).toBe('{\n  "title": "x",\n  "tags": ["a"],\n  "draft": true\n}\nbody')
    expect(apply(text, removeKey(text, 'tags'))).toBe('{\n  "title": "x"\n}\nbody')
    expect(apply(text, removeKey(text, 'title'))).toBe('{\n  "tags": ["a"]\n}\nbody')
    expect(apply(text, addListItem(text, 'tags', 'b'))).toContain('"tags": ["a","b"]')
  })

  it("edits Hexo's ;;; form", () => {
    const hexo = ';;;\n"title": "x"\n;;;\nbody'
    const opts = { site: 'hexo' } as const
    expect(apply(hexo, setValue(hexo, 'title', 'y', opts))).toBe(';;;\n"title": "y"\n;;;\nbody')
    expect(apply(hexo, setValue(hexo, 'n', 1, opts))).toBe(';;;\n"title": "x",\n"n": 1\n;;;\nbody')
  })
})

describe('applyPatches', () => {
  it('applies patches in original coordinates, inserts at one point in order', () => {
    expect(
      applyPatches('abcdef', [
        { from: 1, to: 2, insert: 'X' },
        { from: 4, to: 4, insert: '1' },
        { from: 4, to: 4, insert: '2' },
      ]),
    ).toBe('aXcd12ef')
  })
})
