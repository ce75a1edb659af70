/** Hexo's nested categories typed into the form: a typed path is a category of its own. */
import { describe, expect, it } from 'vitest'
import { applyPatches, parse } from '../../../shared/frontmatter'
import { addCategoryPath, typedPath } from '../../../renderer/properties/category-path'
import { readTaxonomy } from '../../../shared/sites/taxonomy'
import { hexo as hexoRules } from '../../../shared/sites/hexo'

const hexo = { hexo: true }
const add = (doc: string, path: string[]) => applyPatches(doc, addCategoryPath(doc, 'categories', path, hexo))
/** The categories as Hexo reads them, each a path. */
const read = (doc: string) => readTaxonomy(hexoRules.categories, Object.fromEntries(parse(doc, hexo).fields.map((f) => [f.key, f.value])))

describe('a typed category path', () => {
  it('is a path when it has two or more levels, else the plain text', () => {
    expect(typedPath('技术 > 前端')).toEqual(['技术', '前端'])
    expect(typedPath(' A › B > C ')).toEqual(['A', 'B', 'C'])
    expect(typedPath('Notes')).toBe('Notes')
    // A stray separator is not a path: what was typed stays one value.
    expect(typedPath('A >')).toBe('A >')
  })

  it('beside one path written plain, turns the value into a list of paths', () => {
    const doc = '---\ntitle: T\ncategories:\n  - 技术\n  - 前端\n---\nbody\n'
    const after = add(doc, ['生活', '旅行'])
    expect(after).toBe('---\ntitle: T\ncategories:\n  - [技术, 前端]\n  - [生活, 旅行]\n---\nbody\n')
    expect(read(after)).toEqual([
      ['技术', '前端'],
      ['生活', '旅行'],
    ])
  })

  it('appends to a list of paths, a lone item or a string, and fills an empty key plainly', () => {
    expect(add('---\ncategories: [[A, B], C]\n---\n', ['D', 'E'])).toBe('---\ncategories: [[A, B], C, [D, E]]\n---\n')
    const lone = add('---\ncategories:\n- A\n---\n', ['D', 'E'])
    expect(lone).toBe('---\ncategories:\n- A\n- [D, E]\n---\n')
    expect(read(lone)).toEqual([['A'], ['D', 'E']])
    expect(read(add('---\ncategories: A\n---\n', ['D', 'E']))).toEqual([['A'], ['D', 'E']])
    const empty = add('---\ncategories:\n---\n', ['D', 'E'])
    expect(read(empty)).toEqual([['D', 'E']])
    expect(empty).toMatch(/^---\ncategories:\n\s*- D\n\s*- E\n---\n$/)
  })
})
