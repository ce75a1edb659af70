/**
 * Headers written to hurt: every one is read to an outcome (fields, or errors with a line),
 * never a hang, a crash or a silently wrong value. Inputs are generated here; the sizes are
 * reduced for CI, and tests/bench/parse.bench.ts runs them at full size and prints how the time
 * scales. The timeouts below only stop a hang; they are not speed claims.
 */
import { describe, expect, it } from 'vitest'
import { fieldRecord, parse, setValue } from '../../../shared/frontmatter'
import { hostile } from '../../bench/hostile-headers'

const HANG_GUARD_MS = 60_000

describe('hostile headers: aliases', () => {
  it('a 1.6 KB "billion laughs" header is an error naming the rule and the line, not a hang', () => {
    const text = hostile.aliasBomb()
    expect(text.length).toBeLessThan(1700)
    const p = parse(text)
    expect(p.ok).toBe(false)
    expect(p.fields).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toMatchObject({ code: 'too-many-aliases' })
    expect(p.errors[0]?.message).toMatch(/10 times/)
    // The first line whose aliases expand past the budget.
    expect(p.errors[0]?.line).toBeGreaterThan(2)
  })

  it('an alias that contains itself is an error, not a loop', () => {
    expect(parse('---\na: &a [1, *a]\n---\n').errors).toEqual([expect.objectContaining({ code: 'too-many-aliases', line: 2 })])
  })

  it('ordinary alias use (shared defaults, repeated lists) still reads, with values expanded', () => {
    const text = [
      '---',
      'base: &base {layout: post, comments: true}',
      'tags: &tags [旅行, 日本, 京都]',
      ...Array.from({ length: 8 }, (_, i) => `v${i}: {defaults: *base, tags: *tags}`),
      '---',
      '',
    ].join('\n')
    const p = parse(text)
    expect(p.errors).toEqual([])
    expect(fieldRecord(p).v7).toEqual({
      type: 'map',
      entries: [
        {
          key: 'defaults',
          value: {
            type: 'map',
            entries: [
              { key: 'layout', value: { type: 'string', value: 'post' } },
              { key: 'comments', value: { type: 'boolean', value: true } },
            ],
          },
        },
        { key: 'tags', value: { type: 'list', items: ['旅行', '日本', '京都'].map((value) => ({ type: 'string', value })) } },
      ],
    })
  })

  it('an edit of an alias-bomb header is refused with the rule, and writes nothing', () => {
    expect(() => setValue(hostile.aliasBomb(), 'title', 'x')).toThrow(/10 times/)
  })
})

describe('hostile headers: nesting', () => {
  it('a 20,000-deep JSON header is one error with its line, not a stack overflow', () => {
    const p = parse(hostile.deepJson(20_000))
    expect(p.errors).toEqual([expect.objectContaining({ code: 'too-deep', line: 2 })])
  })

  it('JSON nests 100 levels and no more', () => {
    expect(parse(hostile.deepJson(100)).errors).toEqual([])
    expect(parse(hostile.deepJson(101)).errors).toEqual([expect.objectContaining({ code: 'too-deep' })])
  })

  it("a 20,000-deep YAML flow list is a too-deep error, not the parser's stack message", () => {
    const p = parse(hostile.deepYamlFlow(20_000))
    expect(p.errors).toEqual([expect.objectContaining({ code: 'too-deep', line: 2 })])
    expect(p.errors[0]?.message).not.toMatch(/call stack/)
  })

  it('YAML block nesting past 100 levels is an error, never a value silently cut to null', () => {
    expect(parse(hostile.deepYamlBlock(101)).errors).toEqual([expect.objectContaining({ code: 'too-deep' })])
    const fine = parse(hostile.deepYamlBlock(100))
    expect(fine.errors).toEqual([])
    let value = fieldRecord(fine).k0
    for (let i = 1; i < 100; i++) value = value?.type === 'map' ? value.entries[0]?.value : undefined
    expect(value).toEqual({ type: 'number', value: 1, text: '1' })
  })

  it('a deep TOML array is the same too-deep error', () => {
    expect(parse(hostile.deepToml(20_000)).errors).toEqual([expect.objectContaining({ code: 'too-deep', line: 2 })])
  })
})

describe('hostile headers: size', () => {
  const KEYS = 50_000
  for (const format of ['yaml', 'toml', 'json'] as const) {
    it(
      `${KEYS} ${format} keys: every key with its own line`,
      () => {
        const p = parse(hostile.manyKeys(format, KEYS))
        expect(p.errors).toEqual([])
        expect(p.fields).toHaveLength(KEYS)
        const last = p.fields[KEYS - 1]
        expect(last).toMatchObject({ key: `k${KEYS - 1}`, line: KEYS + 1 })
        expect(p.fields[12_345]).toMatchObject({ key: 'k12345', line: 12_347 })
      },
      HANG_GUARD_MS,
    )
  }

  it(
    '20,000 aliases of one anchor each read as its value',
    () => {
      const p = parse(hostile.manyAliases(20_000))
      expect(p.errors).toEqual([])
      expect(p.fields).toHaveLength(20_001)
      expect(fieldRecord(p).k19999).toEqual({ type: 'map', entries: [{ key: 'layout', value: { type: 'string', value: 'post' } }] })
    },
    HANG_GUARD_MS,
  )

  it('an alias stands for the last node anchored with its name before it', () => {
    const p = parse('---\na: &x 1\nb: *x\nc: &x 2\nd: *x\n---\n')
    expect(fieldRecord(p)).toMatchObject({ b: { value: 1 }, d: { value: 2 } })
  })

  it('duplicate keys are still found, at every level, in source order', () => {
    const p = parse('---\na: 1\nb: {x: 1, y: 2, x: 3}\nc:\n  - {k: 1, k: 2}\na: 2\n---\n')
    expect(p.errors).toEqual([
      { code: 'duplicate-key', message: 'Duplicate key x', line: 3, column: 17, subject: 'x' },
      { code: 'duplicate-key', message: 'Duplicate key k', line: 5, column: 12, subject: 'k' },
      { code: 'duplicate-key', message: 'Duplicate key a', line: 6, column: 1, subject: 'a' },
    ])
  })

  it('a 1 MB single-line value and a 20,000-entry flow map on one line read whole', () => {
    const long = parse(hostile.longLine(1_000_000))
    expect(long.errors).toEqual([])
    expect(fieldRecord(long).description).toMatchObject({ type: 'string' })
    const flow = parse(hostile.wideFlowMap(20_000))
    expect(flow.errors).toEqual([])
    const map = fieldRecord(flow).params
    expect(map?.type === 'map' && map.entries.length).toBe(20_000)
  })
})

describe('hostile headers: characters and line endings', () => {
  it('a NUL inside a header value is an error at its line; a NUL in the body is not', () => {
    expect(parse('---\ntitle: 标题\nsummary: a\u0000b\n---\nbody\n').errors).toEqual([expect.objectContaining({ code: 'nul', line: 3, column: 11 })])
    expect(parse('{"title": "a\u0000b"}\nbody').errors).toEqual([expect.objectContaining({ code: 'nul' })])
    expect(parse('---\ntitle: x\n---\nbo\u0000dy\n').errors).toEqual([])
  })

  it('a header with CR-only line endings is recognised, and an edit is refused instead of adding a second header', () => {
    const text = '---\rtitle: 旧的 Mac 文件\rdate: 2001-01-01\r---\rbody\r'
    expect(parse(text).errors).toEqual([expect.objectContaining({ code: 'cr-only', line: 1, column: 1 })])
    expect(() => setValue(text, 'title', 'new')).toThrow(/CR only/)
    expect(parse('+++\rtitle = "x"\r+++\rbody').errors).toEqual([expect.objectContaining({ code: 'cr-only' })])
  })

  it('CR-only text without a header, and CRLF headers, are left alone', () => {
    expect(parse('just\rprose\rhere\r').errors).toEqual([])
    expect(parse('---\r\ntitle: x\r\n---\r\nbody\r\n')).toMatchObject({ ok: true, fields: [{ key: 'title' }] })
  })
})
