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
import { header } from './yaml-headers'

const SEED = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

const SITES: ParseOptions[] = [{}, { site: 'hexo', timeZone: 'Asia/Shanghai' }, { site: 'jekyll' }, { site: 'hugo' }]

const full = (text: string, opts: ParseOptions) => parseWithInternals(text, opts).parsed

/** Whether the fast path read the header itself (rather than leaving it to the full parser). */
function flat(text: string, opts: ParseOptions = {}): boolean {
  const d = detect(text, opts)
  return d.content !== null && flatYamlFields(text, d.content, new LineIndex(text), opts.timeZone ?? 'UTC') !== null
}

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
