/**
 * Which headers a site's generator reads (shared/sites), and what edits do with the ones it would
 * not read: unterminated blocks are errors at their opening line, broken-looking first lines
 * never get a second header, and Hexo's quirks (blank lines, fenceless, tabs, empty fences).
 */
import matter from 'gray-matter'
import { parse as hexoParse } from 'hexo-front-matter'
import { describe, expect, it } from 'vitest'
import { addListItem, applyPatches, fieldRecord, parse, removeKey, removeListItem, setValue } from '../../../shared/frontmatter'
import type { EditOptions } from '../../../shared/frontmatter/types'

const set = (text: string, key: string, value: string, opts: EditOptions = {}) => applyPatches(text, setValue(text, key, value, opts))

describe('an opening fence that never closes', () => {
  const broken = [
    '---\n# NOTE: generated, do not edit\ntitle: Astro docs\ndescription: x\n\n# Heading\n\nbody\n',
    '---\n\n\ntitle: x\n\nbody\n',
    '---\n# only a comment\n',
    '---\n',
    '\n---\ntitle: x\n',
    '+++\n# c\ntitle = "x"\n',
    '+++\nSome text\n',
  ]

  it('is an error at the opening line, whatever follows it', () => {
    for (const text of broken) {
      const p = parse(text)
      const line = text.startsWith('\n') ? 2 : 1
      expect(p.errors, JSON.stringify(text)).toEqual([{ code: 'unterminated', message: 'The header has no closing fence', line, column: 1 }])
    }
  })

  it('is never given a second header by an edit', () => {
    for (const text of broken) {
      for (const site of ['plain', 'hexo', 'jekyll'] as const) {
        expect(() => setValue(text, 'title', 'y', { site }), `${site} ${JSON.stringify(text)}`).toThrow(
          expect.objectContaining({ code: 'HEADER_PARSE', line: text.startsWith('\n') ? 2 : 1 }),
        )
      }
    }
  })

  it('is a horizontal rule when prose follows it', () => {
    const text = '---\n\nSome prose after a rule.\n'
    expect(parse(text)).toMatchObject({ ok: true, fields: [] })
  })
})

describe('first lines that look like a header without fences', () => {
  it('get no block added in front of them', () => {
    for (const text of ['title: x\ndate: 2024-01-01\n\nbody\n', '# note\ntitle: x\nauthor: y\n', 'title: x\n---\n']) {
      expect(() => setValue(text, 'title', 'y'), JSON.stringify(text)).toThrow(expect.objectContaining({ code: 'HEADER_PARSE' }))
    }
  })

  it('prose that merely starts with a word and a colon still gets a header', () => {
    const text = 'Note: this post is old.\n\nMore prose.\n'
    expect(set(text, 'title', 'x')).toBe(`---\ntitle: x\n---\n${text}`)
  })
})

describe('blank lines before the opening fence', () => {
  const header = (blank: number) => `${'\n'.repeat(blank)}---\ntitle: x\n---\nbody\n`

  it('Hexo reads a header after one blank line but not after two', () => {
    expect(fieldRecord(parse(header(1), { site: 'hexo' })).title).toEqual({ type: 'string', value: 'x' })
    const two = parse(header(2), { site: 'hexo' })
    expect(two.errors).toEqual([
      { code: 'not-read', message: 'Hexo reads no header after two blank lines: remove the blank lines before the opening fence', line: 3, column: 1 },
    ])
    expect(() => setValue(header(2), 'title', 'y', { site: 'hexo' })).toThrow(/Hexo reads no header after two blank lines/)
  })

  it('Jekyll and Eleventy (gray-matter) read none after even one', () => {
    expect(parse(header(0), { site: 'jekyll' }).ok).toBe(true)
    for (const site of ['jekyll', 'eleventy'] as const) {
      const p = parse(header(1), { site })
      expect(p.errors[0]).toMatchObject({ code: 'not-read', line: 2 })
      expect(p.errors[0]?.message).toMatch(/reads no header after a blank line/)
      expect(() => setValue(header(1), 'title', 'y', { site })).toThrow(expect.objectContaining({ code: 'HEADER_PARSE' }))
    }
    // gray-matter, Eleventy's reader, agrees: no data after a blank line.
    expect(matter(header(1), {}).data).toEqual({})
    expect(matter(header(0), {}).data).toEqual({ title: 'x' })
  })

  it('a plain folder and Hugo read the header wherever it starts', () => {
    expect(set(header(3), 'title', 'z')).toBe(header(3).replace('title: x', 'title: z'))
    expect(parse(header(3), { site: 'hugo' }).ok).toBe(true)
  })
})

describe("Hexo's header forms", () => {
  const hexo: EditOptions = { site: 'hexo' }

  it('reads a fenceless header that starts with a comment, and edits it in place', () => {
    const text = '# imported from WordPress\ntitle: 旧文章\ndate: 2013/7/13 20:46:25\n---\n正文\n'
    const p = parse(text, hexo)
    expect(fieldRecord(p).title).toEqual({ type: 'string', value: '旧文章' })
    expect(set(text, 'title', '新标题', hexo)).toBe(text.replace('旧文章', '新标题'))
  })

  it('reads tab-indented lines as Hexo does (two spaces a tab)', () => {
    const text = '---\ntitle: x\ntags:\n\t- a\n\t- b\nmeta:\n\tk: v\n---\nbody\n'
    const p = parse(text, hexo)
    expect(p.ok).toBe(true)
    expect(fieldRecord(p).tags).toEqual({
      type: 'list',
      items: [
        { type: 'string', value: 'a' },
        { type: 'string', value: 'b' },
      ],
    })
    expect(p.fields.map((f) => [f.key, f.line, text.slice(f.valueRange.from, f.valueRange.to)])).toEqual([
      ['title', 2, 'x'],
      ['tags', 3, '- a\n\t- b'],
      ['meta', 6, 'k: v'],
    ])
    // Elsewhere a tab is not indentation YAML allows.
    expect(parse(text).ok).toBe(false)
  })

  describe('edits a tab-indented header where only the edited lines change, writing tabs as its lines do', () => {
    const text = '---\ntitle: x\ntags:\n\t- a\n\t- b\nmeta:\n\tk: v\n\tlist:\n\t\t- 1\ndescription: |\n\tline one\n\tline two\n---\nbody\n'
    const edited = (patches: ReturnType<typeof setValue>) => {
      const out = applyPatches(text, patches)
      // Hexo reads what Folio meant, and every line the edit did not write is as it was.
      expect(hexoParse(out)._content).toBe('body\n')
      return out
    }
    const cases: [string, () => ReturnType<typeof setValue>, string][] = [
      ['a scalar', () => setValue(text, 'title', 'Hello', hexo), text.replace('title: x', 'title: Hello')],
      ['a list item added', () => addListItem(text, 'tags', 'c', hexo), text.replace('\t- b\n', '\t- b\n\t- c\n')],
      ['a list item removed', () => removeListItem(text, 'tags', 0, hexo), text.replace('\t- a\n', '')],
      ['a list set', () => setValue(text, 'tags', ['x', 'y z'], hexo), text.replace('\t- a\n\t- b', '\t- x\n\t- y z')],
      [
        'a nested map set',
        () => setValue(text, 'meta', { k: 'w', list: [1, 2] }, hexo),
        text.replace('\tk: v\n\tlist:\n\t\t- 1', '\tk: w\n\tlist:\n\t\t- 1\n\t\t- 2'),
      ],
      ['a block scalar replaced', () => setValue(text, 'description', 'one', hexo), text.replace('|\n\tline one\n\tline two', 'one')],
      ['a key removed', () => removeKey(text, 'meta', hexo), text.replace('meta:\n\tk: v\n\tlist:\n\t\t- 1\n', '')],
      ['a list key added', () => setValue(text, 'categories', ['笔记'], hexo), text.replace('---\nbody', 'categories:\n\t- 笔记\n---\nbody')],
    ]
    for (const [what, edit, expected] of cases) {
      it(what, () => {
        const out = edited(edit())
        expect(out).toBe(expected)
        expect(parse(out, hexo).ok).toBe(true)
      })
    }

    it('the oracle reads each result as the edit meant', () => {
      expect(hexoParse(applyPatches(text, setValue(text, 'meta', { k: 'w', list: [1, 2] }, hexo))).meta).toEqual({ k: 'w', list: [1, 2] })
      expect(hexoParse(applyPatches(text, addListItem(text, 'tags', 'c', hexo))).tags).toEqual(['a', 'b', 'c'])
    })
  })

  it('removing the last key removes the whole block, which Hexo would print as body', () => {
    for (const text of ['---\ntitle: x\n---\nbody\n', 'title: x\n---\nbody\n', '\n---\n# c\ntitle: x\n---\nbody\n']) {
      expect(applyPatches(text, removeKey(text, 'title', hexo))).toBe('body\n')
    }
    // Jekyll: an empty header still makes the file a page, so the fences stay.
    const text = '---\ntitle: x\n---\nbody\n'
    expect(applyPatches(text, removeKey(text, 'title', { site: 'jekyll' }))).toBe('---\n---\nbody\n')
    const two = '---\ntitle: x\nb: y\n---\n'
    expect(applyPatches(two, removeKey(two, 'title', hexo))).toBe('---\nb: y\n---\n')
  })

  it('a +++ TOML header is listed with the rule Hexo breaks, and left alone', () => {
    const text = '+++\ntitle = "x"\n+++\nbody\n'
    expect(parse(text, hexo).errors[0]).toMatchObject({ code: 'not-read', line: 1 })
    expect(() => setValue(text, 'title', 'y', hexo)).toThrow(expect.objectContaining({ code: 'HEADER_PARSE' }))
  })
})

describe("each generator's fences, as its own reader finds them", () => {
  const read = (text: string, site: EditOptions['site']) => parse(text, { site })
  const notRead = (text: string, site: EditOptions['site'], pattern: RegExp) => {
    const p = read(text, site)
    expect(p.errors[0]?.code, `${site} ${JSON.stringify(text)}`).toBe('not-read')
    expect(p.errors[0]?.message).toMatch(pattern)
    expect(() => setValue(text, 'title', 'y', { site })).toThrow(expect.objectContaining({ code: 'HEADER_PARSE' }))
  }

  it("Hexo: no language or trailing space after the first line's fence, no `...` close, `;;;` only on the first line", () => {
    notRead('--- \ntitle: x\n---\nbody\n', 'hexo', /^Hexo reads no header when spaces follow the opening fence/)
    expect(hexoParse('--- \ntitle: x\n---\nbody\n')).toEqual({ _content: '--- \ntitle: x\n---\nbody\n' })
    // After a blank line the fence is YAML's own `---`, which may carry spaces: both read it.
    expect(fieldRecord(read('\n--- \ntitle: x\n---\nbody\n', 'hexo')).title).toEqual({ type: 'string', value: 'x' })
    expect(hexoParse('\n--- \ntitle: x\n---\nbody\n').title).toBe('x')
    notRead('---json\n{"title": "x"}\n---\nbody\n', 'hexo', /^Hexo reads no header that opens with "---json"/)
    expect(read('---\ntitle: x\n...\nbody\n', 'hexo').errors[0]?.code).toBe('unterminated')
    expect(read('---\ntitle: x\n...\nbody\n', 'jekyll').ok).toBe(true)
    notRead('\n;;;\n"title": "x"\n;;;\nbody\n', 'hexo', /^Hexo reads no header after a blank line/)
    expect(hexoParse('\n;;;\n"title": "x"\n;;;\nbody\n').title).toBeUndefined()
  })

  it('a closing line that only starts with the fence ends the header for Hexo, Hugo, Astro and Eleventy, not for Jekyll', () => {
    const text = '---\ntitle: x\n----\nbody\n'
    expect(hexoParse(text)).toMatchObject({ title: 'x', _content: '-\nbody\n' })
    expect(matter(text, {}).content).toBe('-\nbody\n')
    for (const site of ['hexo', 'hugo', 'astro', 'eleventy'] as const) {
      notRead(text, site, /ends this header at line 3, where "----" starts with "---", and reads the rest of that line as body; make line 3 "---" alone$/)
    }
    expect(read(text, 'jekyll').errors[0]?.code).toBe('unterminated')
  })

  it('Hugo: no language after the fence, no `...` close, Org-mode `#+` and HTML-commented headers named and left alone', () => {
    notRead('---yaml\ntitle: x\n---\nbody\n', 'hugo', /^Hugo reads no header that opens with "---yaml"/)
    expect(read('---\ntitle: x\n...\nbody\n', 'hugo').errors[0]?.code).toBe('unterminated')
    const org = '#+TITLE: 标题\n#+TAGS[]: a b\n\nbody\n'
    notRead(org, 'hugo', /^Hugo reads these #\+ lines as an Org-mode header, which Folio does not read or edit/)
    // Hugo reads a header commented out in HTML: no header is added above it.
    notRead('<!--\n---\ntitle: x\n---\n-->\nbody\n', 'hugo', /^Hugo reads the header inside this HTML comment, which Folio does not edit/)
    // Elsewhere `#+` is body, and a header is added above it.
    expect(set(org, 'title', 'x', { site: 'jekyll' })).toBe(`---\ntitle: x\n---\n${org}`)
  })

  it('Astro: `---` YAML or `+++` TOML after any blank lines; a leading JSON object is body', () => {
    const astro: EditOptions = { site: 'astro' }
    expect(fieldRecord(read('\n\n---\ntitle: x\n---\n', 'astro')).title).toEqual({ type: 'string', value: 'x' })
    expect(fieldRecord(read('+++\ntitle = "x"\n+++\n', 'astro')).title).toEqual({ type: 'string', value: 'x' })
    const json = '{ "title": "x" }\n\nbody\n'
    expect(read(json, 'astro')).toMatchObject({ ok: true, fields: [], detection: { format: 'none' } })
    expect(set(json, 'title', 'Hello', astro)).toBe(`---\ntitle: Hello\n---\n${json}`)
    expect(read(json, 'hugo').detection.format).toBe('json')
  })

  it('Eleventy: `---json` read, `---js` is code and never read, `---toml` needs a plugin', () => {
    const json = '---json\n{ "title": "x", "tags": ["a"] }\n---\nbody\n'
    expect(fieldRecord(read(json, 'eleventy')).title).toEqual({ type: 'string', value: 'x' })
    expect(matter(json, {}).data).toEqual({ title: 'x', tags: ['a'] })
    notRead('---js\n{ title: "x".toUpperCase() }\n---\nbody\n', 'eleventy', /runs this "---js" header as JavaScript; .*not read \(computed by code\)/)
    notRead('---toml\ntitle = "x"\n---\nbody\n', 'eleventy', /^Eleventy reads no header that opens with "---toml"/)
    expect(() => matter('---toml\ntitle = "x"\n---\nbody\n', {})).toThrow(/engine "toml" is not registered/)
    // Jekyll: the fence takes no language at all.
    notRead(json, 'jekyll', /^Jekyll reads no header that opens with "---json"/)
  })
})

describe('values as each reader types them', () => {
  const text = '---\npublished: no\ncomments: on\nweight: 017\ntime: 1:20\ncount: 1_000\ndate: 2024-01-01 10:00:00\ntitle: Hello\n---\nbody\n'

  it('Jekyll reads YAML 1.1 as Psych does: no/on are booleans, 017 octal, 1:20 sexagesimal, 1_000 a number', () => {
    const f = fieldRecord(parse(text, { site: 'jekyll' }))
    expect([f.published, f.comments]).toEqual([
      { type: 'boolean', value: false },
      { type: 'boolean', value: true },
    ])
    expect([f.weight, f.time, f.count].map((v) => (v?.type === 'number' ? v.value : v))).toEqual([15, 80, 1000])
    expect(f.date).toMatchObject({ type: 'date', text: '2024-01-01 10:00:00' })
    // Psych reads `e0` as text; the `yaml` package's 1.1 float pattern would make it NaN.
    expect(fieldRecord(parse('---\ntitle: e0\nn: .nan\n---\n', { site: 'jekyll' }))).toMatchObject({
      title: { type: 'string', value: 'e0' },
      n: { type: 'number' },
    })
    // The edits keep it: a date set on a date stays plain, text that Psych would retype is quoted.
    expect(set(text, 'date', '2024-02-02 08:00:00', { site: 'jekyll', date: true })).toContain('\ndate: 2024-02-02 08:00:00\n')
    expect(set(text, 'title', 'no', { site: 'jekyll' })).toContain("\ntitle: 'no'\n")
  })

  it('Hexo reads YAML 1.2 as js-yaml 4 does (hexo-front-matter), where those stay text and decimal', () => {
    const f = fieldRecord(parse(text, { site: 'hexo' }))
    const hexoRead = hexoParse(text)
    expect([f.published, f.comments, f.time, f.count]).toEqual([
      { type: 'string', value: 'no' },
      { type: 'string', value: 'on' },
      { type: 'string', value: '1:20' },
      { type: 'string', value: '1_000' },
    ])
    expect([hexoRead.published, hexoRead.comments, hexoRead.time, hexoRead.count]).toEqual(['no', 'on', '1:20', '1_000'])
    expect(f.weight).toMatchObject({ type: 'number', value: 17 })
    expect(hexoRead.weight).toBe(17)
  })
})
