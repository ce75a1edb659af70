import { describe, expect, it } from 'vitest'
import { headerUnits } from '../../../../shared/merge/header-units'

const lines = (text: string, from: number, to: number): string[] => text.split('\n').slice(from, to)

describe('headerUnits', () => {
  it('makes one unit of a field written over several lines, and one per single-line field', () => {
    const text = [
      '---',
      'title: 阿里云发布新一代服务器',
      'tags:',
      '  - 云计算',
      '  - ARM',
      'description: >-',
      '  第一行',
      '  第二行',
      'date: 2024-01-02 10:00:00',
      '---',
      '正文',
      '',
    ].join('\n')
    const units = headerUnits(text)
    expect(units.map((u) => [u.key, u.from, u.to])).toEqual([
      ['title', 1, 2],
      ['tags', 2, 5],
      ['description', 5, 8],
      ['date', 8, 9],
    ])
    expect(lines(text, 2, 5)).toEqual(['tags:', '  - 云计算', '  - ARM'])
  })

  it('counts lines of the text as given: a BOM and CRLF line endings move nothing', () => {
    const text = '\uFEFF---\r\ntitle: A\r\ncategories:\r\n- [科技, 云]\r\n---\r\nbody\r\n'
    expect(headerUnits(text).map((u) => [u.key, u.from, u.to])).toEqual([
      ['title', 1, 2],
      ['categories', 2, 4],
    ])
  })

  it('reads TOML and JSON headers too', () => {
    expect(headerUnits('+++\ntitle = "标题"\ntags = [\n  "a",\n  "b",\n]\n+++\n').map((u) => [u.key, u.from, u.to])).toEqual([
      ['title', 1, 2],
      ['tags', 2, 6],
    ])
    expect(headerUnits('{\n  "title": "标题",\n  "draft": true\n}\nbody\n').map((u) => [u.key, u.from, u.to])).toEqual([
      ['title', 1, 2],
      ['draft', 2, 3],
    ])
  })

  it('has no units for a header that does not parse, or no header', () => {
    expect(headerUnits('---\ntitle: [broken\ntags: a\n---\nbody\n')).toEqual([])
    expect(headerUnits('just a body\n')).toEqual([])
  })
})
