import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../renderer/i18n/message'

describe('formatMessage', () => {
  const template = '{matches, plural, one {# match} other {# matches}} in {articles, plural, one {# article} other {# articles}}'
  it('picks the plural form by the language rules', () => {
    expect(formatMessage(template, { matches: 1, articles: 1 })).toBe('1 match in 1 article')
    expect(formatMessage(template, { matches: 224, articles: 3 })).toBe('224 matches in 3 articles')
    expect(formatMessage(template, { matches: 1234, articles: 2 })).toBe('1,234 matches in 2 articles')
  })
  it('fills plain values and leaves unknown names as written', () => {
    expect(formatMessage('{a} and {b}', { a: 'x' })).toBe('x and {b}')
    expect(formatMessage('{n, plural, =0 {none} other {# left}}', { n: 0 })).toBe('none')
  })
  it('uses Chinese number formatting and its single form', () => {
    expect(formatMessage('{n, plural, other {# 篇}}', { n: 10000 }, 'zh-CN')).toBe('10,000 篇')
  })
})
