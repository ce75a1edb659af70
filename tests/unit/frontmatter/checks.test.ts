import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from '../../../shared/frontmatter'
import { checkFields, headerDate, requiredKeys, subjectOfParsed, textLength } from '../../../shared/frontmatter/checks'

const seed = readFileSync(new URL('../../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url), 'utf8')

function check(text: string, options: Parameters<typeof checkFields>[1] = {}) {
  return checkFields(subjectOfParsed(text, parse(text), 'UTC'), options)
}

describe('field checks', () => {
  it('the seed article passes, and is not scheduled in 2026', () => {
    expect(check(seed, { required: ['title', 'date'], now: Date.UTC(2026, 0, 1) })).toEqual([])
  })

  it('counts CJK titles in characters and others in words', () => {
    expect(textLength('史无前例，阿里云或将空降 M7 级高管')).toEqual({ count: 17, unit: 'characters' })
    expect(textLength('A short English title')).toEqual({ count: 4, unit: 'words' })
    const longCjk = '这是一个非常非常长的中文标题，它远远超过了搜索结果能够显示的三十个字符的长度限制'
    expect(check(`---\ntitle: ${longCjk}\n---\n`)).toEqual([
      expect.objectContaining({ code: 'title-length', key: 'title', line: 2, length: { count: 40, limit: 30, unit: 'characters' } }),
    ])
    // Forty characters of English are a fine title: words, not characters, are what count there.
    expect(check('---\ntitle: Notes on the weather in early spring\n---\n')).toEqual([])
    const longEnglish = 'One two three four five six seven eight nine ten eleven twelve thirteen'
    expect(check(`---\ntitle: ${longEnglish}\n---\n`)[0]).toMatchObject({ code: 'title-length', length: { count: 13, limit: 12, unit: 'words' } })
  })

  it('names a weekday written beside a day that falls on another, in any field, with its line', () => {
    // 5 March 2024 was a Tuesday; 1 March 2022 (the seed's) a Tuesday too.
    const text =
      "---\ntitle: 三月\ndate: Mon, 05 Mar 2024 10:00:00 +0800\nupdated: 'Tue, 01 Mar 2022 04:51:00 GMT'\npublished: Sun, 5 Mar 2024\nnote: Mon, not a date\n---\n"
    expect(check(text)).toEqual([
      expect.objectContaining({ code: 'weekday-mismatch', key: 'date', severity: 'warning', line: 3, weekday: { written: 1, actual: 2 } }),
      expect.objectContaining({ code: 'weekday-mismatch', key: 'published', line: 5, weekday: { written: 0, actual: 2 } }),
    ])
    expect(check(text)[0]?.message).toBe('date says Monday, but that day is a Tuesday; it is kept as written. Correct the day or the weekday.')
  })

  it('checks the description (or summary) length', () => {
    const words = Array.from({ length: 31 }, (_, i) => `word${i}`).join(' ')
    expect(check(`---\ntitle: T\nsummary: ${words}\n---\n`)).toEqual([
      expect.objectContaining({ code: 'description-length', key: 'summary', line: 3, length: { count: 31, limit: 30, unit: 'words' } }),
    ])
    expect(check(`---\ntitle: T\ndescription: ${'描'.repeat(80)}\n---\n`)).toEqual([])
    expect(check(`---\ntitle: T\ndescription: ${'描'.repeat(81)}\n---\n`)[0]).toMatchObject({ code: 'description-length', key: 'description' })
  })

  it('lists required keys that are missing', () => {
    expect(check('---\ntitle: T\n---\n', { required: ['title', 'date', 'tags'] }).map((c) => [c.code, c.key])).toEqual([
      ['missing-required', 'date'],
      ['missing-required', 'tags'],
    ])
  })

  it('names every duplicate key with its line, in YAML, TOML and JSON', () => {
    expect(check('---\ntitle: A\ndate: 2024-01-01\ntitle: B\n---\n').map((c) => [c.code, c.key, c.line])).toEqual([['duplicate-key', 'title', 4]])
    expect(check('+++\ntitle = "A"\ntitle = "B"\n+++\n').map((c) => [c.code, c.key, c.line])).toEqual([['duplicate-key', 'title', 3]])
    expect(check('{\n  "title": "A",\n  "title": "B"\n}\n').map((c) => [c.code, c.key, c.line])).toEqual([['duplicate-key', 'title', 3]])
  })

  it('marks a date in the future as scheduled, in any date format', () => {
    const now = Date.UTC(2026, 10, 29)
    expect(check('---\ndate: Tue, 01 Dec 2026 04:51:00 GMT\n---\n', { now })).toEqual([
      expect.objectContaining({ code: 'scheduled', key: 'date', severity: 'info', line: 2, at: Date.UTC(2026, 11, 1, 4, 51) }),
    ])
    expect(check('---\ndate: 2026/12/1 8:00:00\n---\n', { now })[0]?.code).toBe('scheduled')
    expect(check('---\ndate: 2026/11/1 8:00:00\n---\n', { now })).toEqual([])
    // Without a clock the check is skipped (an index cached for days must not say "scheduled").
    expect(check('---\ndate: 2999-01-01\n---\n')).toEqual([])
  })

  it("reads a date without a zone on the site's clock, even from a header parsed without one", () => {
    // 10:00 in Shanghai is 02:00 UTC: at 03:00 UTC it has passed there, though not yet in UTC.
    const now = Date.UTC(2026, 10, 29, 3)
    const text = '---\ndate: 2026-11-29 10:00:00\n---\n'
    const parsed = parse(text) // as the editor parses it: no zone given
    expect(headerDate(parsed, 'Asia/Shanghai')).toEqual({ key: 'date', instant: Date.UTC(2026, 10, 29, 2), line: 2 })
    expect(checkFields(subjectOfParsed(text, parsed, 'Asia/Shanghai'), { now })).toEqual([])
    expect(checkFields(subjectOfParsed(text, parsed, 'UTC'), { now })[0]?.code).toBe('scheduled')
    // A written zone wins over the site's.
    expect(headerDate(parse('---\ndate: 2026-11-29T10:00:00Z\n---\n'), 'Asia/Shanghai')?.instant).toBe(Date.UTC(2026, 10, 29, 10))
    // An empty date key is passed over for the next one, as the index does.
    expect(headerDate(parse('---\ndate:\npubDate: 2026-01-02\n---\n'), 'UTC')).toMatchObject({ key: 'pubDate', line: 3 })
  })
})

describe('required keys of a collection', () => {
  it('are the pinned ones and those on 90% of at least 10 articles', () => {
    const keys = [
      { key: 'title', presence: 1, required: false },
      { key: 'author', presence: 0.9, required: false },
      { key: 'tags', presence: 0.5, required: false },
      { key: 'cover', presence: 0.1, required: true },
    ]
    expect(requiredKeys({ articles: 10, keys })).toEqual(['title', 'author', 'cover'])
    // Nine articles are too few to infer from.
    expect(requiredKeys({ articles: 9, keys })).toEqual(['cover'])
    expect(requiredKeys(undefined)).toEqual([])
  })
})
