import { describe, expect, it } from 'vitest'
import { searchFolder, MATCHES_SHOWN } from '../../../electron/workspace/folder-search'
import { compileQuery, type SearchQuery } from '../../../shared/search/query'
import { snippetAt } from '../../../shared/search/snippet'

const q = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  caseSensitive: false,
  wholeWord: false,
  regex: false,
  scope: 'all',
  ...more,
})
const doc = (path: string, text: string, title: string | null = null) => ({ path, title, text: () => text })

const DOCS = [
  doc('a.md', '---\ntitle: Cats and cat food\ntags: [cat]\n---\n\nA cat sat. Cats nap. concatenate\n', 'Cats and cat food'),
  doc('b.md', '\uFEFF---\r\ntitle: 中文写作\r\n---\r\n\r\n写作的时候，猫在旁边。猫\r\n', '中文写作'),
  doc('c.md', '---\ntitle: Dogs\n---\n\nNo felines here.\n', 'Dogs'),
]

describe('searchFolder', () => {
  it('groups by article and counts every match', () => {
    const found = searchFolder(DOCS, { query: q('cat') }, 'plain')
    expect(found.totalArticles).toBe(1)
    // Cats, cat (title), cat (tags), cat, Cats, concatenate
    expect(found.totalMatches).toBe(6)
    expect(found.articles[0]).toMatchObject({ path: 'a.md', count: 6 })
    expect(found.nextOffset).toBeNull()
  })

  it('honours case, whole word and regular expressions', () => {
    expect(searchFolder(DOCS, { query: q('Cat', { caseSensitive: true }) }, 'plain').totalMatches).toBe(2)
    expect(searchFolder(DOCS, { query: q('cat', { wholeWord: true }) }, 'plain').totalMatches).toBe(3)
    expect(searchFolder(DOCS, { query: q('cats?\\b', { regex: true }) }, 'plain').totalMatches).toBe(5)
    expect(() => searchFolder(DOCS, { query: q('(', { regex: true }) }, 'plain')).toThrow(/regular expression is not valid/)
  })

  it('limits the search to the body, the header or one field', () => {
    expect(searchFolder(DOCS, { query: q('cat', { scope: 'body' }) }, 'plain').totalMatches).toBe(3)
    expect(searchFolder(DOCS, { query: q('cat', { scope: 'header' }) }, 'plain').totalMatches).toBe(3)
    expect(searchFolder(DOCS, { query: q('cat', { scope: 'field', field: 'tags' }) }, 'plain').totalMatches).toBe(1)
    expect(searchFolder(DOCS, { query: q('猫', { scope: 'field', field: 'title' }) }, 'plain').totalMatches).toBe(0)
  })

  it('places matches by line and column in the editor text (no BOM, LF)', () => {
    const found = searchFolder(DOCS, { query: q('猫') }, 'plain')
    const line5 = '写作的时候，猫在旁边。猫'
    expect(found.articles[0]?.matches.map((m) => [m.line, m.column, m.length, m.text])).toEqual([
      [5, line5.indexOf('猫'), 1, '猫'],
      [5, line5.lastIndexOf('猫'), 1, '猫'],
    ])
  })

  it('pages through articles and counts them all', () => {
    const many = Array.from({ length: 7 }, (_, i) => doc(`p${i}.md`, 'x '.repeat(30)))
    const first = searchFolder(many, { query: q('x'), limit: 3 }, 'plain')
    expect(first.articles.map((a) => a.path)).toEqual(['p0.md', 'p1.md', 'p2.md'])
    expect(first).toMatchObject({ totalArticles: 7, totalMatches: 210, nextOffset: 3 })
    expect(first.articles[0]?.matches).toHaveLength(Math.min(30, MATCHES_SHOWN))
    const last = searchFolder(many, { query: q('x'), offset: 6, limit: 3 }, 'plain')
    expect(last.articles.map((a) => a.path)).toEqual(['p6.md'])
    expect(last.nextOffset).toBeNull()
  })

  it('answers with the page alone when asked, reading no article past the one after it', () => {
    const read: string[] = []
    const many = Array.from({ length: 9 }, (_, i) => ({ path: `p${i}.md`, title: null, text: () => (read.push(`p${i}.md`), i % 3 === 1 ? 'none' : 'x x') }))
    const page = searchFolder(many, { query: q('x'), limit: 2, countAll: false }, 'plain')
    expect(page.articles.map((a) => a.path)).toEqual(['p0.md', 'p2.md'])
    expect(page).toMatchObject({ nextOffset: 2, counted: false, totalArticles: 3, totalMatches: 6 })
    expect(read).toEqual(['p0.md', 'p1.md', 'p2.md', 'p3.md'])
    // The totals alone, then the next page: the same articles a counted search lists.
    expect(searchFolder(many, { query: q('x'), limit: 0 }, 'plain')).toMatchObject({ articles: [], totalArticles: 6, totalMatches: 12, counted: true })
    const next = searchFolder(many, { query: q('x'), offset: 2, limit: 2, countAll: false }, 'plain')
    expect(next.articles.map((a) => a.path)).toEqual(searchFolder(many, { query: q('x'), offset: 2, limit: 2 }, 'plain').articles.map((a) => a.path))
    // A page that is not full has searched everything: its totals are the folder's.
    expect(searchFolder(many, { query: q('x'), offset: 4, limit: 5, countAll: false }, 'plain')).toMatchObject({
      counted: true,
      totalArticles: 6,
      nextOffset: null,
    })
  })

  it('skips empty regular-expression matches', () => {
    expect(searchFolder(DOCS, { query: q('x*', { regex: true }) }, 'plain').totalMatches).toBe(0)
    expect(compileQuery(q('  ')).ok).toBe(false)
  })
})

describe('snippetAt', () => {
  it('keeps a match deep in a long Chinese line in view, with a short lead', () => {
    const line = '这是一个很长的句子'.repeat(10) + '关键词' + '后面还有很多文字'.repeat(10)
    const start = line.indexOf('关键词')
    const s = snippetAt(line, 0, line.length, start, start + 3)
    expect(s.text.slice(s.matchStart, s.matchEnd)).toBe('关键词')
    // At most 8 wide characters before the match, plus the ellipsis.
    expect(s.matchStart).toBeLessThanOrEqual(9)
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
  })

  it('never splits a surrogate pair', () => {
    const line = '😀'.repeat(40) + 'hit'
    const start = line.indexOf('hit')
    const s = snippetAt(line, 0, line.length, start, start + 3)
    expect(s.text.slice(s.matchStart, s.matchEnd)).toBe('hit')
    expect(s.text.slice(1, s.matchStart)).toMatch(/^(?:😀)+$/u)
  })
})
