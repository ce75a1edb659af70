import { describe, expect, it } from 'vitest'
import { applyPatches, parse } from '../../../shared/frontmatter'
import type { ParsedFrontMatter, TextPatch } from '../../../shared/frontmatter/types'
import type { Generator } from '../../../shared/sites/types'
import { addToList, editCategoryPaths, editFlatValues, fieldFor, indexedKeys, pathMove, taxonomyRule, type PathMove } from '../../../electron/taxonomy/edits'

type Edit = (text: string, parsed: ParsedFrontMatter) => TextPatch[]

/** The text after the edit, and the 0-based lines it changed (same line count) or null. */
function run(text: string, generator: Generator, edit: Edit): { after: string; patches: number } {
  const patches = edit(text, parse(text, { site: generator }))
  return { after: applyPatches(text, patches), patches: patches.length }
}

const rename =
  (key: string, map: Record<string, string | null>, generator: Generator): Edit =>
  (text, parsed) =>
    editFlatValues(text, parsed, key, new Map(Object.entries(map)), generator, { site: generator })

const moveCategories =
  (move: PathMove, generator: Generator = 'hexo'): Edit =>
  (text, parsed) =>
    editCategoryPaths(text, parsed, move, generator, { site: generator })

describe('flat values (tags, and any list key)', () => {
  it('renames one list item, changing only its line: CRLF, quotes and comments of the others stay', () => {
    const text = '---\r\ntitle: "读书"  # mine\r\ntags:\r\n  - \'前端\'\r\n  - 旧名\r\n  - "CSS"\r\n---\r\n正文'
    const { after } = run(text, 'hexo', rename('tags', { 旧名: '新名' }, 'hexo'))
    const before = text.split('\r\n')
    const lines = after.split('\r\n')
    expect(lines).toHaveLength(before.length)
    expect(lines.flatMap((line, i) => (line === before[i] ? [] : [i]))).toEqual([4])
    expect(parse(after, { site: 'hexo' }).fields[1]?.value).toMatchObject({ items: [{ value: '前端' }, { value: '新名' }, { value: 'CSS' }] })
  })

  it('drops a renamed item whose new value the list already holds, instead of writing it twice', () => {
    const text = '---\ntags: [js, javascript, css]\n---\n'
    expect(run(text, 'hexo', rename('tags', { js: 'javascript' }, 'hexo')).after).toBe('---\ntags: [javascript, css]\n---\n')
  })

  it('removes a value, and removes the key when it was the only value', () => {
    expect(run('---\ntags:\n  - a\n  - b\n---\n', 'hexo', rename('tags', { a: null }, 'hexo')).after).toBe('---\ntags:\n  - b\n---\n')
    expect(run('---\ntitle: t\ntags: a\ndate: 2024-01-01\n---\n', 'hexo', rename('tags', { a: null }, 'hexo')).after).toBe(
      '---\ntitle: t\ndate: 2024-01-01\n---\n',
    )
  })

  it('returns no patch when the article does not hold the value, or has no such key', () => {
    expect(run('---\ntags: [a, b]\n---\n', 'hexo', rename('tags', { c: 'd' }, 'hexo')).patches).toBe(0)
    expect(run('---\ntitle: t\n---\n', 'hexo', rename('tags', { a: 'b' }, 'hexo')).patches).toBe(0)
    expect(run('---\ntags:\n---\n', 'hexo', rename('tags', { a: 'b' }, 'hexo')).patches).toBe(0)
  })

  it('edits the singular key where the generator reads it (Hexo `tag:`)', () => {
    const text = '---\ntag: 旧\n---\n'
    expect(run(text, 'hexo', rename('tags', { 旧: '新' }, 'hexo')).after).toBe('---\ntag: 新\n---\n')
  })

  it('Jekyll: a plural string is words; a renamed word stays a word, a value with a space becomes a list', () => {
    const text = '---\ncategories: blog notes\n---\n'
    expect(run(text, 'jekyll', rename('categories', { notes: 'diary' }, 'jekyll')).after).toBe('---\ncategories: blog diary\n---\n')
    const listed = run(text, 'jekyll', rename('categories', { notes: 'Blog Notes' }, 'jekyll')).after
    expect(parse(listed, { site: 'jekyll' }).fields.find((f) => f.key === 'categories')?.value).toMatchObject({ type: 'list' })
    expect(listed).toContain('Blog Notes')
    expect(listed).toContain('blog')
  })

  it('Hexo keeps a string with a space as one value', () => {
    const text = '---\ntags: Blog Notes\n---\n'
    expect(run(text, 'hexo', rename('tags', { notes: 'x' }, 'hexo')).patches).toBe(0)
    expect(run(text, 'hexo', rename('tags', { 'Blog Notes': 'Notes' }, 'hexo')).after).toBe('---\ntags: Notes\n---\n')
  })
})

describe('Hexo category paths', () => {
  const rename = pathMove([{ from: ['技术'], to: ['编程'] }])

  it('a flat list is one path: renaming its first step rewrites that line only', () => {
    const text = '---\ncategories:\n  - 技术\n  - 前端\ntags: [a]\n---\n'
    expect(run(text, 'hexo', moveCategories(rename)).after).toBe('---\ncategories:\n  - 编程\n  - 前端\ntags: [a]\n---\n')
  })

  it('a list of lists is several paths, and a lone string among them stays a string', () => {
    const text = '---\ncategories:\n  - [技术, 前端]\n  - 随笔\n---\n'
    const after = run(text, 'hexo', moveCategories(rename)).after
    expect(after).toContain('随笔')
    expect(after).not.toContain('技术')
    const value = parse(after, { site: 'hexo' }).fields[0]?.value
    expect(value).toMatchObject({ type: 'list', items: [{ type: 'list' }, { type: 'string', value: '随笔' }] })
  })

  it('a merge that makes two paths the same keeps one', () => {
    const text = '---\ncategories:\n  - [a, x]\n  - [b, x]\n---\n'
    const merged = run(text, 'hexo', moveCategories(pathMove([{ from: ['b'], to: ['a'] }]))).after
    expect(parse(merged, { site: 'hexo' }).fields[0]?.value).toMatchObject({ type: 'list', items: [{ type: 'list' }] })
  })

  it('deleting a top-level category removes a lone string key; deleting A › B keeps the article in A', () => {
    const drop = moveCategories(pathMove([{ from: ['随笔'], to: null }]))
    expect(run('---\ntitle: t\ncategories: 随笔\n---\n正文\n', 'hexo', drop).after).toBe('---\ntitle: t\n---\n正文\n')
    // Hexo prints a header left without keys as body: the last key takes the fences with it.
    expect(run('---\ncategories: 随笔\n---\n正文\n', 'hexo', drop).after).toBe('正文\n')
    const text = '---\ncategories: [技术, 前端]\n---\n'
    expect(run(text, 'hexo', moveCategories(pathMove([{ from: ['技术', '前端'], to: null }]))).after).toBe('---\ncategories: [技术]\n---\n')
  })

  it('returns no patch when no path moves', () => {
    expect(run('---\ncategories: [a, b]\n---\n', 'hexo', moveCategories(rename)).patches).toBe(0)
  })
})

describe('pathMove', () => {
  it('moves a prefix and what is under it, leaves other paths and a partial name alone', () => {
    const move = pathMove([{ from: ['a', 'b'], to: ['c'] }])
    expect(move(['a', 'b'])).toEqual(['c'])
    expect(move(['a', 'b', 'd'])).toEqual(['c', 'd'])
    expect(move(['a'])).toEqual(['a'])
    expect(move(['a', 'bb'])).toEqual(['a', 'bb'])
    expect(pathMove([{ from: [], to: ['x'] }])(['a'])).toEqual(['a'])
  })
})

describe('addToList', () => {
  it('appends a value once: a second add is no patch', () => {
    const text = '---\ntags:\n  - a\n---\nbody\n'
    const once = run(text, 'hexo', (t, p) => addToList(t, p, 'tags', '新', 'hexo', { site: 'hexo' })).after
    expect(once).toBe('---\ntags:\n  - a\n  - 新\n---\nbody\n')
    expect(run(once, 'hexo', (t, p) => addToList(t, p, 'tags', '新', 'hexo', { site: 'hexo' })).patches).toBe(0)
    expect(run('---\ntags: 新\n---\n', 'hexo', (t, p) => addToList(t, p, 'tags', '新', 'hexo', { site: 'hexo' })).patches).toBe(0)
  })

  it('creates the key when the article has none', () => {
    const after = run('---\ntitle: t\n---\n', 'hexo', (t, p) => addToList(t, p, 'series', 'x', 'hexo', { site: 'hexo' })).after
    expect(parse(after).fields.map((f) => f.key)).toEqual(['title', 'series'])
  })
})

describe('the rules the edits follow', () => {
  it('names the index keys of each generator and a rule only for tags and categories', () => {
    expect([...indexedKeys('hexo')].sort()).toEqual(['categories', 'category', 'tag', 'tags'])
    expect([...indexedKeys('hugo')].sort()).toEqual(['categories', 'tags'])
    expect(taxonomyRule('hexo', 'series')).toBeNull()
    expect(taxonomyRule('jekyll', 'tags')?.splitPluralString).toBe(true)
  })

  it('fieldFor skips a key with no value', () => {
    const parsed = parse('---\ntags:\nkeywords: [a]\n---\n', { site: 'hexo' })
    expect(fieldFor(parsed, 'tags', 'hexo')).toBeNull()
    expect(fieldFor(parsed, 'keywords', 'hexo')?.key).toBe('keywords')
  })
})
