/**
 * Errors name the key and point at its own line, on the line js-yaml (YAML) and smol-toml (TOML)
 * report: a duplicate right after an empty key, over-indented keys, TOML redefinitions.
 */
import matter from 'gray-matter'
import { parse as parseToml, TomlError } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { parse } from '../../../shared/frontmatter'

/** js-yaml's 1-based line in the whole file (gray-matter hands it the header from the opening fence's line break). */
function jsYamlLine(text: string): number {
  try {
    matter(text, {})
  } catch (e) {
    const mark = (e as { mark?: { line: number } }).mark
    if (mark) return mark.line + 1
  }
  throw new Error(`js-yaml read ${JSON.stringify(text)}`)
}

function smolTomlLine(text: string): number {
  const header = /^\+\+\+\n([\s\S]*?)^\+\+\+$/m.exec(text)?.[1] ?? ''
  try {
    parseToml(header)
  } catch (e) {
    if (e instanceof TomlError) return e.line + 1
  }
  throw new Error(`smol-toml read ${JSON.stringify(text)}`)
}

describe('YAML errors agree with js-yaml on the line and name the key', () => {
  const cases: [string, RegExp][] = [
    ['---\ntitle:\ntitle: x\n---\n', /^Duplicate key title$/],
    ['---\ntags:\ntags: [x]\ndate: 2024-01-01\n---\n', /^Duplicate key tags$/],
    ['---\na: 1\nb:\n\nb: 2\n---\n', /^Duplicate key b$/],
    ['---\ntitle: x\n  author: y\n---\n', /^Key "author" is indented more/],
    ['---\ntitle: x\ndate: 1\n    bad: 2\n---\n', /^Key "bad" is indented more/],
    ['---\na: b\n\n  c: d\n---\n', /^Key "c" is indented more/],
    ['---\n标题: 你好\n  作者: 张三\n---\n', /^Key "作者" is indented more/],
  ]
  for (const [text, message] of cases) {
    it(JSON.stringify(text), () => {
      const errors = parse(text).errors
      expect(errors).toHaveLength(1)
      expect(errors[0]?.message).toMatch(message)
      expect(errors[0]?.line).toBe(jsYamlLine(text))
    })
  }
})

describe('TOML errors agree with smol-toml on the line and name the key', () => {
  it('a key defined twice', () => {
    const text = '+++\ntitle = "a"\ndate = 2024-01-01\ntitle = "b"\n+++\n'
    expect(parse(text).errors).toEqual([{ code: 'duplicate-key', message: 'Duplicate key title', line: smolTomlLine(text), column: 1, subject: 'title' }])
  })
  it('a value missing', () => {
    const text = '+++\na = 1\n\nb = \n+++\n'
    expect(parse(text).errors[0]?.line).toBe(smolTomlLine(text))
  })
})
