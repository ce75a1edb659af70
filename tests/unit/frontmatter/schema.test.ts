import { describe, expect, it } from 'vitest'
import { parse, scalarText } from '../../../shared/frontmatter'

describe('scalarText', () => {
  it('gives scalars as written and nothing for collections', () => {
    const [title, n, ok, when, tags, empty] = parse('---\ntitle: 第一篇\nn: 1.10\nok: true\nwhen: 2013/7/13 20:46:25\ntags: [a]\nempty:\n---\n').fields
    expect([title, n, ok, when, tags, empty].map((f) => (f ? scalarText(f.value) : undefined))).toEqual([
      '第一篇',
      '1.10',
      'true',
      '2013/7/13 20:46:25',
      null,
      null,
    ])
  })
})
