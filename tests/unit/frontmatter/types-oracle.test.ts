/**
 * Values keep their type. Every value is set through shared/frontmatter and read back by
 * independent readers: gray-matter (js-yaml 3, YAML 1.1, what Hexo and most Node tools use), the
 * `yaml` package as YAML 1.2 and as YAML 1.1 (Psych's and go-yaml v2's reading: yes/no, 1:20,
 * 017), and smol-toml for TOML. A string must come back as that same string from all of them;
 * setting a value to what the header already reads as changes no byte.
 */
import fc from 'fast-check'
import matter from 'gray-matter'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { applyPatches, fieldRecord, parse, setValue } from '../../../shared/frontmatter'
import { plainDate } from '../../../shared/frontmatter/quote'
import type { EditOptions, EditValue } from '../../../shared/frontmatter/types'

/** Strings that some YAML reader takes for another type, as found in real headers. */
const TRICKY = [
  // YAML 1.1 timestamps, in every spelling the readers accept
  '2024-01-01',
  '2024-1-1',
  '2022-03-01 04:51:00',
  '2022-03-01T04:51:00Z',
  '2001-12-14t21:59:43.10-05:00',
  '2024-01-01 10:00:00 +08:00',
  '2024-01-01  1:02:03',
  // times and YAML 1.1 sexagesimal numbers
  '12:30',
  '1:20',
  '190:20:30.15',
  '-1:30',
  // numbers: decimal, float, exponent, YAML 1.1 octal/hex/binary, underscores, signs
  '1092',
  '1.10',
  '1.0',
  '.5',
  '5.',
  '1e3',
  '-2E-2',
  '+12',
  '017',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '1,000',
  // booleans of YAML 1.1 and 1.2
  'true',
  'True',
  'FALSE',
  'yes',
  'Yes',
  'NO',
  'no',
  'on',
  'On',
  'off',
  'OFF',
  'y',
  'Y',
  'n',
  'N',
  // null, infinities, not-a-number
  'null',
  'Null',
  'NULL',
  '~',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'NaN',
  'Infinity',
  // indicators and merge/value keys
  '<<',
  '=',
  '- x',
  '? x',
  ': x',
  '@x',
  '`x`',
  '!x',
  '&x',
  '*x',
  '%x',
  '|',
  '>',
  '#x',
  '"x',
  "'x",
  // plain text that must stay plain-safe
  'Tue, 01 Mar 2022 04:51:00 GMT',
  '2013/7/13 20:46:25',
  'C#',
  'a:b',
  '中文：标题',
  'v1.2.3',
  '1.2.3',
  '10:00 AM',
  '2024-13-45',
  '20240101',
  '',
  ' ',
  'a ',
  'x #y',
  'x: y',
]

const oracles = {
  'js-yaml (gray-matter)': (text: string): unknown => {
    // gray-matter caches by input; a fresh copy of the string cannot defeat it, the options can.
    return matter(text, { language: 'yaml' }).data
  },
  'yaml 1.2': (text: string): unknown => parseYaml(headerOf(text), { version: '1.2' }) as unknown,
  'yaml 1.1': (text: string): unknown => parseYaml(headerOf(text), { version: '1.1' }) as unknown,
}

function headerOf(text: string): string {
  const m = /^---\r?\n([\s\S]*?)^---\r?$/m.exec(text)
  if (!m) throw new Error(`no header in ${JSON.stringify(text)}`)
  return m[1] ?? ''
}

function readBack(text: string, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(oracles).map(([name, read]) => [name, (read(text) as Record<string, unknown>)[key]]))
}

/** Headers in the styles authors write: plain, quoting everything, double quotes, lists. */
const HEADERS = [
  '---\ntitle: Hello\ndate: 2024-01-01 10:00:00\ntags:\n  - a\n---\nbody\n',
  "---\ntitle: 'Hello'\nauthor: 'me'\n---\nbody\n",
  '---\ntitle: "Hello"\nauthor: "me"\n---\nbody\n',
  '---\ntags: [a, b]\n---\nbody\n',
  'no header yet\n',
]

describe('a string keeps its type for every reader', () => {
  it('each tricky string, set on an existing, a new and a created key, reads back as that string', () => {
    for (const header of HEADERS) {
      for (const key of ['title', 'date', 'subtitle']) {
        for (const value of TRICKY) {
          const out = applyPatches(header, setValue(header, key, value))
          const back = readBack(out, key)
          // A plain date replaced by another timestamp stays a date (the next describe).
          if (key === 'date' && header.includes('date: 2024') && plainDate(value)) {
            expect(back['yaml 1.1']).toBeInstanceOf(Date)
            continue
          }
          for (const [name, got] of Object.entries(back)) expect(got, `${name} on ${key}=${JSON.stringify(value)} in ${JSON.stringify(out)}`).toBe(value)
        }
      }
    }
  })

  it('list items keep their type, in block and flow lists', () => {
    for (const header of ['---\ntags:\n  - a\n---\n', '---\ntags: [a]\n---\n']) {
      for (const value of TRICKY) {
        const out = applyPatches(header, setValue(header, 'tags', ['a', value]))
        for (const [name, got] of Object.entries(readBack(out, 'tags'))) {
          expect(got, `${name}: ${JSON.stringify(out)}`).toEqual(['a', value])
        }
      }
    }
  })

  it('any generated string round-trips through all three readers', () => {
    const text = '---\ntitle: x\nlist: [a]\n---\n'
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...TRICKY), fc.stringMatching(/^[-+.:0-9eExobn_ ~yYNTtf]{1,10}$/)),
        (value) => {
          const out = applyPatches(text, setValue(text, 'title', value))
          for (const [name, got] of Object.entries(readBack(out, 'title'))) expect(got, name).toBe(value)
          const list = applyPatches(text, setValue(text, 'list', [value]))
          for (const [name, got] of Object.entries(readBack(list, 'list'))) expect(got, name).toEqual([value])
        },
      ),
      { numRuns: 300 },
    )
  })

  it('TOML strings stay strings for smol-toml', () => {
    const text = '+++\ntitle = "x"\ndate = 2024-01-01T10:00:00Z\n+++\nbody\n'
    for (const value of TRICKY) {
      const out = applyPatches(text, setValue(text, 'title', value))
      const header = /^\+\+\+\n([\s\S]*?)^\+\+\+$/m.exec(out)?.[1] ?? ''
      expect((parseToml(header) as Record<string, unknown>).title, out).toBe(value)
      const added = applyPatches(text, setValue(text, 'subtitle', value))
      expect((parseToml(/^\+\+\+\n([\s\S]*?)^\+\+\+$/m.exec(added)?.[1] ?? '') as Record<string, unknown>).subtitle).toBe(value)
    }
  })
})

describe('a date meant as a date stays a plain timestamp', () => {
  const dates = ['2024-01-01', '2024-01-01 10:00:00', '2022-03-01T04:51:00+08:00']

  it('replacing a plain date with another date keeps it plain, so every reader sees a date', () => {
    const text = '---\ntitle: x\ndate: 2020-05-05 08:00:00\n---\n'
    for (const d of dates) {
      const out = applyPatches(text, setValue(text, 'date', d))
      expect(out).toBe(`---\ntitle: x\ndate: ${d}\n---\n`)
      expect(readBack(out, 'date')['js-yaml (gray-matter)']).toBeInstanceOf(Date)
    }
  })

  it('the form says a value is a date with the `date` option, for a new or empty key too', () => {
    const opts: EditOptions = { date: true }
    const text = '---\ntitle: x\ndate:\n---\n'
    expect(applyPatches(text, setValue(text, 'date', '2024-01-01', opts))).toBe('---\ntitle: x\ndate: 2024-01-01\n---\n')
    expect(applyPatches(text, setValue(text, 'updated', '2024-01-02 10:00:00', opts))).toBe('---\ntitle: x\ndate:\nupdated: 2024-01-02 10:00:00\n---\n')
    // Text that is no YAML timestamp is still a string and is quoted as one.
    expect(applyPatches(text, setValue(text, 'updated', '12:30', opts))).toContain("updated: '12:30'")
  })

  it('a date-looking title is quoted even where the title was plain', () => {
    const text = '---\ntitle: Hello\n---\n'
    expect(applyPatches(text, setValue(text, 'title', '2024-01-01'))).toBe("---\ntitle: '2024-01-01'\n---\n")
  })
})

describe('setting what the header already reads as changes no byte', () => {
  it('for every scalar form, from the command line (strings) and the form (typed values)', () => {
    const values: [string, EditValue][] = [
      ['1092', '1092'],
      ['1092', 1092],
      ['1.10', '1.10'],
      ['1.10', 1.1],
      ['true', 'true'],
      ['true', true],
      ['0x1F', '0x1F'],
      ['.inf', '.inf'],
      ['2024-01-01', '2024-01-01'],
      ["'2024-01-01'", '2024-01-01'],
      ['"007"', '007'],
      ['Tue, 01 Mar 2022 04:51:00 GMT', 'Tue, 01 Mar 2022 04:51:00 GMT'],
      ['[1092, true]', ['1092', 'true']],
      ['[1092, true]', [1092, true]],
      ['\n  - 1.10\n  - x', ['1.10', 'x']],
    ]
    for (const [written, value] of values) {
      const text = `---\ntitle: ${written}\nother: y\n---\nbody\n`
      expect(setValue(text, 'title', value), `${written} ← ${JSON.stringify(value)}`).toEqual([])
    }
  })

  it('TOML and JSON too', () => {
    const toml = '+++\ntitle = 1092\nflag = true\n+++\n'
    expect(setValue(toml, 'title', '1092')).toEqual([])
    expect(setValue(toml, 'flag', 'true')).toEqual([])
    const json = '{\n  "title": 1092\n}\n'
    expect(setValue(json, 'title', '1092')).toEqual([])
  })

  it('a different value is still written, as a string that keeps its type', () => {
    const text = '---\ntitle: 1092\n---\n'
    const out = applyPatches(text, setValue(text, 'title', '1093'))
    expect(out).toBe("---\ntitle: '1093'\n---\n")
    expect(fieldRecord(parse(out)).title).toEqual({ type: 'string', value: '1093' })
  })
})
