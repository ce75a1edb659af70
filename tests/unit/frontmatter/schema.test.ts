import { describe, expect, it } from 'vitest'
import { inferSchema, parse } from '../../../shared/frontmatter'

describe('inferSchema', () => {
  it('gives each key its count, dominant type and values by frequency', () => {
    const headers = [
      '---\ntitle: 第一篇\ndate: 2022-03-01 04:51:00\ntags: [前端, js]\ndraft: false\n---\n',
      '---\ntitle: 第二篇\ndate: 2013/7/13 20:46:25\ntags:\n  - 前端\n---\n',
      '---\ntitle: 3\ntags: 前端\nweight: 1\n---\n',
      '---\nbroken: [\n---\n',
    ].map((t) => parse(t))
    const schema = inferSchema(headers)
    expect(schema.headers).toBe(4)
    const byKey = Object.fromEntries(schema.keys.map((k) => [k.key, k]))
    expect(schema.keys[0]?.key).toBe('tags')
    expect(byKey.title).toMatchObject({ count: 3, type: 'string' })
    expect(byKey.date).toMatchObject({ count: 2, type: 'date', values: [{ value: '2013/7/13 20:46:25', count: 1 }, { value: '2022-03-01 04:51:00', count: 1 }] })
    expect(byKey.tags).toMatchObject({ count: 3, type: 'list', values: [{ value: '前端', count: 3 }, { value: 'js', count: 1 }] })
    expect(byKey.draft).toMatchObject({ count: 1, type: 'boolean', values: [{ value: 'false', count: 1 }] })
    expect(byKey.weight).toMatchObject({ type: 'number', values: [{ value: '1', count: 1 }] })
    expect(byKey.broken).toBeUndefined()
  })

  it('is empty for no headers', () => {
    expect(inferSchema([])).toEqual({ headers: 0, keys: [] })
  })
})
