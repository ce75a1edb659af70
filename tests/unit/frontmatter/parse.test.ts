import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fieldRecord, parse, parseDateText } from '../../../shared/frontmatter'
import type { ParsedFrontMatter } from '../../../shared/frontmatter/types'

const seed = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

const src = (text: string, p: ParsedFrontMatter, key: string) => {
  const f = p.fields.find((x) => x.key === key)
  if (!f) throw new Error(`no ${key}`)
  return {
    key: text.slice(f.keyRange.from, f.keyRange.to),
    value: text.slice(f.valueRange.from, f.valueRange.to),
    entry: text.slice(f.range.from, f.range.to),
    line: f.line,
  }
}

describe('parse: the seed article', () => {
  const p = parse(seed)
  it('reads every key with its type', () => {
    expect(p.ok).toBe(true)
    expect(p.fields.map((f) => f.key)).toEqual(['title', 'categories', 'headimg', 'author', 'comments', 'date', 'thumbnail'])
    const r = fieldRecord(p)
    expect(r.title).toEqual({ type: 'string', value: '史无前例，阿里云或将空降 M7 级高管' })
    expect(r.categories).toEqual({
      type: 'list',
      items: ['新媒体', 'ZAKER', 'channel'].map((value) => ({ type: 'string', value })),
    })
    expect(r.comments).toEqual({ type: 'boolean', value: false })
    expect(r.date).toEqual({
      type: 'date',
      text: 'Tue, 01 Mar 2022 04:51:00 GMT',
      instant: Date.UTC(2022, 2, 1, 4, 51),
      hasTime: true,
    })
  })

  it('gives source ranges of keys, values and whole entries', () => {
    expect(src(seed, p, 'title')).toEqual({
      key: 'title',
      value: "'史无前例，阿里云或将空降 M7 级高管'",
      entry: "title: '史无前例，阿里云或将空降 M7 级高管'\n",
      line: 3,
    })
    expect(src(seed, p, 'categories')).toEqual({
      key: 'categories',
      value: '- 新媒体\n - ZAKER\n - channel',
      entry: 'categories: \n - 新媒体\n - ZAKER\n - channel\n',
      line: 4,
    })
    expect(src(seed, p, 'author').entry).toBe('author: ZAKER\n')
  })
})

describe('parse: YAML values', () => {
  const text = [
    '---',
    'title: "引号 \\"内\\" 标题" # 注释',
    'count: 0x1F',
    'ratio: 1.50',
    'draft: true',
    'date: 2022-03-01 04:51:00',
    'day: 2022-03-01',
    'hexo: 2013/7/13 20:46:25',
    'nothing:',
    'tilde: ~',
    'tags: [a, "b c"]',
    'author:',
    '  name: 张三',
    '  links:',
    '    - x',
    'text: |',
    '  line one',
    '  line two',
    '---',
    'body',
  ].join('\n')
  const p = parse(text, { timeZone: 'Asia/Shanghai' })
  const r = fieldRecord(p)

  it('types scalars, keeping number text and date text', () => {
    expect(p.errors).toEqual([])
    expect(r.title).toEqual({ type: 'string', value: '引号 "内" 标题' })
    expect(r.count).toEqual({ type: 'number', value: 31, text: '0x1F' })
    expect(r.ratio).toEqual({ type: 'number', value: 1.5, text: '1.50' })
    expect(r.draft).toEqual({ type: 'boolean', value: true })
    expect(r.nothing).toEqual({ type: 'null' })
    expect(r.tilde).toEqual({ type: 'null' })
    expect(r.text).toEqual({ type: 'string', value: 'line one\nline two\n' })
  })

  it('reads zone-less timestamps in the given time zone', () => {
    expect(r.date).toEqual({
      type: 'date',
      text: '2022-03-01 04:51:00',
      instant: Date.UTC(2022, 1, 28, 20, 51),
      hasTime: true,
    })
    expect(r.day).toMatchObject({ type: 'date', hasTime: false, instant: Date.UTC(2022, 1, 28, 16) })
    expect(r.hexo).toMatchObject({ type: 'date', instant: Date.UTC(2013, 6, 13, 12, 46, 25) })
  })

  it('reads lists and nested maps', () => {
    expect(r.tags).toEqual({
      type: 'list',
      items: [
        { type: 'string', value: 'a' },
        { type: 'string', value: 'b c' },
      ],
    })
    expect(r.author).toEqual({
      type: 'map',
      entries: [
        { key: 'name', value: { type: 'string', value: '张三' } },
        { key: 'links', value: { type: 'list', items: [{ type: 'string', value: 'x' }] } },
      ],
    })
  })

  it('gives an empty value range right after the colon and keeps comments out of values', () => {
    const f = p.fields.find((x) => x.key === 'nothing')
    expect(f?.valueRange.from).toBe(f?.valueRange.to)
    expect(text.slice(0, f?.valueRange.from).endsWith('nothing:')).toBe(true)
    expect(src(text, p, 'title').value).toBe('"引号 \\"内\\" 标题"')
    expect(src(text, p, 'title').entry).toBe('title: "引号 \\"内\\" 标题" # 注释\n')
    expect(src(text, p, 'author').entry).toBe('author:\n  name: 张三\n  links:\n    - x\n')
  })
})

describe('parse: errors with line and column, never an empty object', () => {
  it('reports invalid syntax', () => {
    const p = parse('\n---\ntitle: x\ntags: [a, b\nother: 1\n---\n')
    expect(p.ok).toBe(false)
    expect(p.fields).toEqual([])
    expect(p.errors[0]).toMatchObject({ code: 'syntax' })
    expect(p.errors[0]?.line).toBeGreaterThanOrEqual(4)
  })

  it('reports an unclosed bracket or quote at the line that opened it', () => {
    expect(parse('---\ntitle: [unclosed\ndate: 2021-01-01\n---\n').errors[0]).toMatchObject({ code: 'syntax', line: 2 })
    expect(parse('\n---\na: 1\ntitle: "未闭合\ndate: x\n---\n').errors[0]).toMatchObject({ code: 'syntax', line: 4 })
  })

  it('reports duplicate keys at the second one', () => {
    const p = parse('---\ntitle: 一\ndate: 2020-01-01\ntitle: 二\n---\n')
    expect(p.errors).toEqual([{ code: 'duplicate-key', message: 'Duplicate key title', line: 4, column: 1, subject: 'title' }])
  })

  it('reports a root that is not a mapping', () => {
    const p = parse('---\n- a\n- b\n---\n')
    expect(p.errors).toEqual([expect.objectContaining({ code: 'not-a-mapping', line: 2, column: 1 })])
  })

  it('reports a header whose closing fence is missing', () => {
    const p = parse('---\ntitle: x\ndate: 2020-01-01\n\nbody')
    expect(p.errors).toEqual([expect.objectContaining({ code: 'unterminated', line: 1 })])
  })

  it('accepts an empty header and a file with none', () => {
    expect(parse('---\n---\nbody')).toMatchObject({ ok: true, fields: [] })
    expect(parse('# no header')).toMatchObject({ ok: true, fields: [], errors: [] })
  })
})

describe('parse: TOML', () => {
  const text = [
    '+++',
    'title = "你好，世界"',
    "slug = 'hello'",
    'date = 2024-01-02T03:04:05+08:00',
    'draft = false',
    'weight = 10 # order',
    'tags = [',
    '  "a", # first',
    '  "b",',
    ']',
    '[params]',
    'cover = "x.png"',
    '[params.author]',
    'name = "李四"',
    '+++',
    'body',
  ].join('\n')
  const p = parse(text)
  it('reads values and top-level key ranges', () => {
    expect(p.errors).toEqual([])
    const r = fieldRecord(p)
    expect(r.title).toEqual({ type: 'string', value: '你好，世界' })
    expect(r.date).toMatchObject({ type: 'date', text: '2024-01-02T03:04:05+08:00', instant: Date.UTC(2024, 0, 1, 19, 4, 5) })
    expect(r.weight).toEqual({ type: 'number', value: 10, text: '10' })
    expect(r.tags).toMatchObject({ type: 'list', items: [{ value: 'a' }, { value: 'b' }] })
    expect(r.params).toMatchObject({ type: 'map' })
    expect(src(text, p, 'weight').value).toBe('10')
    expect(src(text, p, 'tags').value).toBe('[\n  "a", # first\n  "b",\n]')
    expect(src(text, p, 'params').entry).toBe('[params]\ncover = "x.png"\n[params.author]\nname = "李四"\n')
  })

  it('reports syntax errors and duplicate keys with a line', () => {
    expect(parse('+++\ntitle = \n+++\n').errors[0]).toMatchObject({ code: 'syntax', line: 2 })
    expect(parse('+++\na = 1\na = 2\n+++\n').errors[0]).toMatchObject({ line: 3 })
  })
})

describe('parse: JSON', () => {
  it('reads a Hugo JSON object with key ranges', () => {
    const text = '{\n  "title": "标题",\n  "tags": ["a", "b"],\n  "n": -1.5e2,\n  "draft": null\n}\nbody'
    const p = parse(text)
    expect(p.errors).toEqual([])
    expect(fieldRecord(p).n).toEqual({ type: 'number', value: -150, text: '-1.5e2' })
    expect(src(text, p, 'tags')).toMatchObject({ key: '"tags"', value: '["a", "b"]', line: 3 })
  })

  it("reads Hexo's braceless ;;; form", () => {
    const p = parse(';;;\n"title": "x",\n"date": "2013/7/13 20:46:25"\n;;;\nbody', { site: 'hexo' })
    expect(fieldRecord(p).date).toMatchObject({ type: 'date', text: '2013/7/13 20:46:25' })
  })

  it('reports duplicate keys and syntax errors with line and column', () => {
    expect(parse('{\n  "a": 1,\n  "a": 2\n}\n').errors).toEqual([{ code: 'duplicate-key', message: 'Duplicate key a', line: 3, column: 3, subject: 'a' }])
    expect(parse('{\n  "a": 1\n  "b": 2\n}\n').errors[0]).toMatchObject({ code: 'syntax', line: 3 })
  })
})

describe('dates', () => {
  it('reads the supported forms', () => {
    expect(parseDateText('Tue, 01 Mar 2022 04:51:00 GMT')).toEqual({ instant: Date.UTC(2022, 2, 1, 4, 51), hasTime: true })
    expect(parseDateText('01 Mar 2022 12:00 +0800')?.instant).toBe(Date.UTC(2022, 2, 1, 4))
    expect(parseDateText('2022-03-01T04:51:00Z')?.instant).toBe(Date.UTC(2022, 2, 1, 4, 51))
    expect(parseDateText('2022-03-01T04:51:00.250-05:00')?.instant).toBe(Date.UTC(2022, 2, 1, 9, 51, 0, 250))
    expect(parseDateText('2022-03-01 04:51:00 +08:00')?.instant).toBe(Date.UTC(2022, 1, 28, 20, 51))
    expect(parseDateText('2013/7/13 20:46:25')?.instant).toBe(Date.UTC(2013, 6, 13, 20, 46, 25))
    expect(parseDateText('2022-03-01')).toEqual({ instant: Date.UTC(2022, 2, 1), hasTime: false })
  })

  it('uses the time zone for wall times, across DST', () => {
    expect(parseDateText('2022-07-01 12:00:00', 'America/New_York')?.instant).toBe(Date.UTC(2022, 6, 1, 16))
    expect(parseDateText('2022-01-01 12:00:00', 'America/New_York')?.instant).toBe(Date.UTC(2022, 0, 1, 17))
    expect(parseDateText('2022-01-01 12:00:00', 'Not/AZone')?.instant).toBe(Date.UTC(2022, 0, 1, 12))
  })

  it('rejects what is not a date', () => {
    for (const s of ['2022-02-30', '2022-13-01', 'hello', '12:00', '2022-03-01 25:00', 'Tue, 01 Foo 2022']) {
      expect(parseDateText(s)).toBeNull()
    }
  })
})

describe('parse: reads are reused only for the same text and options', () => {
  // Nested maps: these headers take the full parser, whose reads are reused.
  it('a fenceless header is a header under Hexo only, however often the same text is read', () => {
    const text = 'title: Hello\nmeta:\n  a: 1\n---\nBody\n'
    for (let i = 0; i < 3; i++) {
      expect(parse(text, { site: 'hexo' }).fields.map((f) => f.key)).toEqual(['title', 'meta'])
      expect(parse(text).fields).toEqual([])
      expect(parse(text, { hexo: true }).fields.map((f) => f.key)).toEqual(['title', 'meta'])
    }
  })

  it('a date without a zone is read in the zone asked for each time', () => {
    const text = '---\ndate: 2024-05-06 07:08:09\nmeta:\n  a: 1\n---\n'
    const instant = (timeZone?: string) => {
      const date = parse(text, { timeZone }).fields[0]?.value
      return date?.type === 'date' ? date.instant : null
    }
    expect(instant('Asia/Shanghai')).not.toBe(instant('UTC'))
    expect(instant('UTC')).toBe(instant(undefined))
    expect(instant('Asia/Shanghai')).toBe(Date.UTC(2024, 4, 5, 23, 8, 9))
  })

  it('an edited text is read afresh', () => {
    const before = '---\ntitle: One\nmeta:\n  a: 1\n---\n'
    expect(fieldRecord(parse(before)).title).toEqual({ type: 'string', value: 'One' })
    expect(fieldRecord(parse(before.replace('One', 'Two'))).title).toEqual({ type: 'string', value: 'Two' })
    expect(fieldRecord(parse(before)).title).toEqual({ type: 'string', value: 'One' })
  })
})
