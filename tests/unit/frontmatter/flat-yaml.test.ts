/**
 * The flat-header fast path (shared/frontmatter/flat-yaml.ts) against the full parser: for
 * generated headers made of the pieces real posts use and of near misses that are not flat
 * (comments, nesting, escapes, YAML 1.1 words, numbers in odd forms), parse() gives exactly what
 * the full parser gives: the same fields, values, ranges, lines and errors, under YAML 1.1 and 1.2.
 */
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse, parseWithInternals } from '../../../shared/frontmatter/parse'
import { flatYamlFields } from '../../../shared/frontmatter/flat-yaml'
import { detect } from '../../../shared/frontmatter/detect'
import { LineIndex } from '../../../shared/line-index'
import type { ParseOptions } from '../../../shared/frontmatter/types'

const SEED = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

const SITES: ParseOptions[] = [{}, { site: 'hexo', timeZone: 'Asia/Shanghai' }, { site: 'jekyll' }, { site: 'hugo' }]

const full = (text: string, opts: ParseOptions) => parseWithInternals(text, opts).parsed

/** Whether the fast path read the header itself (rather than leaving it to the full parser). */
function flat(text: string, opts: ParseOptions = {}): boolean {
  const d = detect(text, opts)
  return d.content !== null && flatYamlFields(text, d.content, new LineIndex(text), opts.timeZone ?? 'UTC') !== null
}

// Pieces of values: ordinary words, Chinese, and every kind of near miss.
const piece = fc.constantFrom(
  'hello',
  'World',
  '云计算',
  '阿里云或将空降 M7 级高管',
  'a b',
  'x-y',
  'https://example.com/a.jpg?x=1&y=2',
  'Tue, 01 Mar 2022 04:51:00 GMT',
  '2022-03-01',
  '2022-03-01 04:51:00',
  '2022-03-01T04:51:00Z',
  '2022-3-1',
  '12:30',
  '190:20:30',
  '0',
  '7',
  '42',
  '007',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '3.14',
  '-1',
  '+1',
  '.5',
  '.inf',
  '-.inf',
  '.nan',
  'true',
  'false',
  'True',
  'FALSE',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  'Null',
  '~',
  '',
  ' ',
  'a: b',
  'a:b',
  'a #c',
  'a#c',
  '#c',
  '- x',
  '-x',
  '? x',
  '&a x',
  '*a',
  '!!str x',
  '|',
  '>',
  '@x',
  '`x`',
  '%x',
  '{a: 1}',
  '[a]',
  'a, b',
  'a,b',
  "it's",
  'say "hi"',
  'back\\slash',
  'tab\there',
  'end:',
  '=',
  '<<',
  'M7/P12',
  '（中文括号）',
  '36氪',
  '2022年',
  '1 day',
  '12:30 am',
  '"',
  "'",
  'x\\',
  'q\\"',
  '\\\\"',
  '\\n',
  'say \\"hi\\"',
)
const text = fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join(' ').trim())
const key = fc.constantFrom(
  'title',
  'date',
  'tags',
  'categories',
  'author',
  'comments',
  'draft',
  'updated',
  'yes',
  'on',
  'a_b',
  'x-y',
  'Title',
  '标题',
  '2020',
  'title ',
)

const value = fc.oneof(
  text,
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  text.map((t) => `'${t}'`),
  text.map((t) => `"${t}"`),
  text.map((t) => JSON.stringify(t)),
  fc.array(text, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(text, { maxLength: 3 }).map((items) => `[${items.join(',')},]`),
  fc
    .tuple(fc.array(text, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '  ', '\t'))
    .map(([items, indent]) => '\n' + items.map((i) => `${indent}- ${i}`).join('\n')),
  fc
    .tuple(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '  '))
    .map(([items, indent]) => `\n${indent}- ${items[0]}\n${indent}${indent}- ${items.at(-1)}`),
  text.map((t) => `\n  sub: ${t}`),
  text.map((t) => `${t}\n  continued`),
  text.map((t) => `${t} # a comment`),
  fc.constant(''),
  fc.constant('|\n  block'),
)

const header = fc
  .tuple(
    fc.array(fc.tuple(key, value, fc.constantFrom('', ' ', '\t')), { minLength: 0, maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '\n', '# a comment\n', '\t'),
  )
  .map(([entries, eol, extra]) => {
    const lines = entries.map(([k, v, trail]) => `${k}:${v.startsWith('\n') || v === '' ? '' : ' '}${v}${trail}`)
    const body = extra === '\t' ? lines.join('\n\t') : extra + lines.join('\n')
    return `---\n${body}\n---\nThe body.\n`.replace(/\n/g, eol)
  })

describe('the flat-header fast path', () => {
  it('reads every generated header exactly as the full parser does, under each site reader', () => {
    let took = 0
    fc.assert(
      fc.property(header, (h) => {
        for (const opts of SITES) {
          if (flat(h, opts)) took++
          expect(parse(h, opts)).toEqual(full(h, opts))
        }
      }),
      { numRuns: 1000 },
    )
    // The generator must give the fast path real work, not only near misses.
    expect(took).toBeGreaterThan(200)
  }, 300_000)

  it('takes the seed article and the headers of a generated blog', () => {
    for (const opts of SITES) {
      expect(flat(SEED, opts)).toBe(true)
      expect(parse(SEED, opts)).toEqual(full(SEED, opts))
    }
    const post =
      '---\ntitle: \'第 1 篇：云计算巨头集体 " 自救 "\'\ncategories: [新媒体, ZAKER]\ntags:\n  - 云计算\n  - t1\nauthor: ZAKER\ncomments: false\ndate: 2013-02-02 01:01:00\n---\n<p>正文</p>\n'
    expect(flat(post)).toBe(true)
    expect(parse(post)).toEqual(full(post, {}))
  })

  it('leaves near misses to the full parser', () => {
    for (const h of [
      '---\ntitle: a # comment\n---\n',
      '---\n# comment\ntitle: a\n---\n',
      '---\ntitle: "a\\tb"\n---\n',
      '---\ntitle: a\ntitle: b\n---\n',
      '---\nok: yes\n---\n',
      '---\nn: 0x10\n---\n',
      '---\nmeta:\n  a: 1\n---\n',
      '---\ntitle: a\n  b\n---\n',
      '---\nempty:\n---\n',
      '---\nlist: [a, [b]]\n---\n',
    ]) {
      expect(flat(h)).toBe(false)
      expect(parse(h)).toEqual(full(h, {}))
    }
  })
})
