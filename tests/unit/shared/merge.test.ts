import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare2, merge3, resolve, splitLines } from '../../../shared/merge'
import { readFileSync } from 'node:fs'

const article = (header: string, body: string, eol = '\n'): string => `---\n${header}---\n\n${body}`.replaceAll('\n', eol)

const HEADER = 'title: Spring notes\ndate: 2024-03-01 10:00:00\ntags:\n  - travel\n  - food\ncategories: [日记]\n'
const BODY = 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n'

describe('three-way merge', () => {
  it('tags changed on disk while I edit the body: both land, no question', () => {
    const base = article(HEADER, BODY)
    const mine = article(HEADER, BODY.replace('Second paragraph.', 'Second paragraph, rewritten.'))
    const theirs = article(HEADER.replace('  - food\n', '  - food\n  - spring\n'), BODY)
    const result = merge3(base, mine, theirs)
    expect(result.conflicts).toBe(0)
    expect(resolve(result)).toBe(
      article(HEADER.replace('  - food\n', '  - food\n  - spring\n'), BODY.replace('Second paragraph.', 'Second paragraph, rewritten.')),
    )
    const merged = result.chunks.filter((c) => c.kind === 'merged')
    expect(merged.map((c) => c.kind === 'merged' && [c.from, c.keys])).toEqual([
      ['theirs', ['tags']],
      ['mine', []],
    ])
  })

  it('two different fields on neighbouring lines merge; one field changed on both sides conflicts', () => {
    const base = article(HEADER, BODY)
    const title = article(HEADER.replace('Spring notes', 'Spring notes, revised'), BODY)
    const date = article(HEADER.replace('10:00:00', '11:30:00'), BODY)
    const clean = merge3(base, title, date)
    expect(clean.conflicts).toBe(0)
    expect(resolve(clean)).toBe(article(HEADER.replace('Spring notes', 'Spring notes, revised').replace('10:00:00', '11:30:00'), BODY))

    // Different lines of the same list: line by line they would merge, but it is one field.
    const first = article(HEADER.replace('  - travel\n', '  - trips\n'), BODY)
    const last = article(HEADER.replace('  - food\n', '  - cooking\n'), BODY)
    const conflict = merge3(base, first, last)
    expect(conflict.conflicts).toBe(1)
    const chunk = conflict.chunks.find((c) => c.kind === 'conflict')
    expect(chunk).toEqual({
      kind: 'conflict',
      keys: ['tags'],
      base: 'tags:\n  - travel\n  - food\n',
      mine: 'tags:\n  - trips\n  - food\n',
      theirs: 'tags:\n  - travel\n  - cooking\n',
    })
    expect(resolve(conflict, ['theirs'])).toBe(last)
  })

  it('new fields added at the same place on both sides both go in; the same new key twice conflicts', () => {
    const base = article(HEADER, BODY)
    const mine = article(HEADER + 'updated: 2024-03-02\n', BODY)
    const theirs = article(HEADER + 'description: 春天\nauthor:\n  name: Li\n', BODY)
    const result = merge3(base, mine, theirs)
    expect(result.conflicts).toBe(0)
    expect(resolve(result)).toBe(article(HEADER + 'updated: 2024-03-02\ndescription: 春天\nauthor:\n  name: Li\n', BODY))
    expect(result.chunks.find((c) => c.kind === 'merged')).toMatchObject({ from: 'both', keys: ['updated', 'description', 'author'] })
    const clash = merge3(base, mine, article(HEADER + 'updated: 2024-04-01\n', BODY))
    expect(clash.conflicts).toBe(1)
    // In the body, two paragraphs added at the same place are for a person to order.
    expect(merge3(base, base + 'mine: x\n', base + 'theirs: y\n').conflicts).toBe(1)
  })

  it('the same change on both sides is no conflict', () => {
    const base = article(HEADER, BODY)
    const both = article(HEADER.replace('Spring notes', 'Autumn notes'), BODY)
    const result = merge3(base, both, both)
    expect(result.conflicts).toBe(0)
    expect(resolve(result)).toBe(both)
  })

  it('overlapping body edits conflict, and each is settled by its own decision', () => {
    const base = article(HEADER, BODY)
    const mine = article(HEADER, 'First paragraph, mine.\n\nSecond paragraph.\n\nThird, mine.\n')
    const theirs = article(HEADER, 'First paragraph, theirs.\n\nSecond paragraph.\n\nThird, theirs.\n')
    const result = merge3(base, mine, theirs)
    expect(result.conflicts).toBe(2)
    expect(resolve(result, ['mine', 'theirs'])).toBe(article(HEADER, 'First paragraph, mine.\n\nSecond paragraph.\n\nThird, theirs.\n'))
    expect(resolve(result, ['both', 'mine'])).toBe(article(HEADER, 'First paragraph, mine.\nFirst paragraph, theirs.\n\nSecond paragraph.\n\nThird, mine.\n'))
  })

  it('keeps CRLF, a BOM and a missing final newline byte for byte', () => {
    const base = '\uFEFF' + article(HEADER, 'One.\n\nTwo.', '\r\n')
    const mine = base.replace('Two.', 'Two, edited.')
    const theirs = base.replace('Spring notes', 'Spring')
    const merged = resolve(merge3(base, mine, theirs))
    expect(merged).toBe('\uFEFF' + article(HEADER.replace('Spring notes', 'Spring'), 'One.\n\nTwo, edited.', '\r\n'))
    // Both sides adding a line at the very end of a file without a final newline is one conflict;
    // "both" still puts a line break between them.
    const a = merge3('x', 'x\r\ny', 'x\r\nz')
    expect(a.conflicts).toBe(1)
    expect(resolve(a, ['both'])).toBe('x\r\ny\r\nx\r\nz')
  })

  it('the real seed article merges a header edit on disk with a body edit', () => {
    const seed = readFileSync('/work/shared/fixtures/seed/000_96ee1b00782f1bda.txt', 'utf8')
    const lines = splitLines(seed)
    const last = lines.length - 1
    const mine = [...lines.slice(0, last), 'A line I added.\n', lines[last]].join('')
    const theirs = seed.replace(/^title:.*$/m, 'title: Changed on disk')
    expect(theirs).not.toBe(seed)
    const result = merge3(seed, mine, theirs)
    expect(result.conflicts).toBe(0)
    expect(resolve(result)).toBe(mine.replace(/^title:.*$/m, 'title: Changed on disk'))
  })
})

describe('two-text comparison', () => {
  it('every difference is a decision; mine everywhere gives mine, theirs everywhere gives theirs', () => {
    const a = 'one\ntwo\nthree\nfour\n'
    const b = 'one\n2\nthree\nfour\nfive\n'
    const result = compare2(a, b)
    expect(result.conflicts).toBe(2)
    expect(resolve(result)).toBe(a)
    expect(resolve(result, ['theirs', 'theirs'])).toBe(b)
    expect(resolve(result, ['theirs', 'mine'])).toBe('one\n2\nthree\nfour\n')
  })
})

// Lines of a small alphabet repeat, so the diff meets ambiguous alignments; eols and the end vary.
const line = fc.constantFrom('a', 'b', 'tags:', '  - x', '---', '', '题', 'title: t')
const text = fc
  .record({
    lines: fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }),
    final: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ lines, final, bom }) => {
    const body = lines.map(([l, eol]) => l + eol).join('')
    return (bom ? '\uFEFF' : '') + (final || lines.length === 0 ? body : body.replace(/\r?\n$/, ''))
  })

describe('merge properties', () => {
  it('a change on one side only comes through exactly', () => {
    fc.assert(
      fc.property(text, text, (base, x) => {
        expect(resolve(merge3(base, x, base))).toBe(x)
        expect(resolve(merge3(base, base, x))).toBe(x)
        expect(merge3(base, x, base).conflicts).toBe(0)
        expect(resolve(merge3(base, x, x))).toBe(x)
      }),
      { numRuns: 500 },
    )
  })

  it('favours neither side: swapping mine and theirs swaps the decisions', () => {
    fc.assert(
      fc.property(text, text, text, (base, mine, theirs) => {
        const ab = merge3(base, mine, theirs)
        const ba = merge3(base, theirs, mine)
        expect(ba.conflicts).toBe(ab.conflicts)
        const all = (d: 'mine' | 'theirs') => Array<'mine' | 'theirs'>(ab.conflicts).fill(d)
        // New header fields both sides added at one place go in mine first: the same lines, in another order.
        const same = ab.chunks.some((c) => c.kind === 'merged' && c.from === 'both' && c.base === '')
          ? (x: string, y: string) => expect(splitLines(x).sort()).toEqual(splitLines(y).sort())
          : (x: string, y: string) => expect(x).toBe(y)
        same(resolve(ba, all('theirs')), resolve(ab, all('mine')))
        same(resolve(ba, all('mine')), resolve(ab, all('theirs')))
      }),
      { numRuns: 500 },
    )
  })

  it('edits on lines apart from each other both land', () => {
    // Distinct base lines, so each edit is seen where it was made.
    const edits = fc.array(fc.constantFrom('keep', 'mine-edit', 'theirs-edit', 'mine-insert', 'theirs-delete'), { minLength: 1, maxLength: 30 })
    fc.assert(
      fc.property(edits, fc.constantFrom('\n', '\r\n'), fc.boolean(), (plan, eol, final) => {
        // A kept line between any two edits from different sides.
        const spaced = plan.flatMap((p, i) => (i > 0 && p !== 'keep' ? ['keep', p] : [p]))
        const base: string[] = []
        const mine: string[] = []
        const theirs: string[] = []
        const want: string[] = []
        spaced.forEach((p, i) => {
          const l = `line ${i}${eol}`
          base.push(l)
          mine.push(p === 'mine-edit' ? `mine ${i}${eol}` : l)
          if (p === 'mine-insert') mine.push(`new ${i}${eol}`)
          if (p !== 'theirs-delete') theirs.push(p === 'theirs-edit' ? `theirs ${i}${eol}` : l)
          if (p === 'mine-edit') want.push(`mine ${i}${eol}`)
          else if (p === 'theirs-edit') want.push(`theirs ${i}${eol}`)
          else if (p !== 'theirs-delete') want.push(l)
          if (p === 'mine-insert') want.push(`new ${i}${eol}`)
        })
        const end = (lines: string[]) => (final ? lines.join('') : lines.join('') + 'end')
        const result = merge3(end(base), end(mine), end(theirs))
        expect(result.conflicts).toBe(0)
        expect(resolve(result)).toBe(end(want))
      }),
      { numRuns: 500 },
    )
  })
})
