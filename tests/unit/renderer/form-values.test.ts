import { describe, expect, it } from 'vitest'
import { applyPatches, setValue } from '../../../shared/frontmatter'
import { suggest, matchScore } from '../../../renderer/properties/suggest'
import { writeTypedDate } from '../../../renderer/properties/typed-date'

describe('whole-value writes in the plainest valid style', () => {
  const text = "---\nauthor: The Folio team\nquoted: 'x'\n---\n"
  const typeKeyByKey = (start: string, key: string, typed: string, quote: 'plain' | 'single' | 'double') => {
    let doc = start
    let value = ''
    for (const c of typed) {
      value += c
      doc = applyPatches(doc, setValue(doc, key, value, { quote }))
    }
    return doc
  }

  it('a quote one keystroke needed does not stay', () => {
    const doc = typeKeyByKey(text, 'author', 'The Folio team and friends', 'plain')
    expect(doc).toBe("---\nauthor: The Folio team and friends\nquoted: 'x'\n---\n")
  })

  it('the original quote style stays; quotes come when needed', () => {
    expect(typeKeyByKey(text, 'quoted', 'x y', 'single')).toBe("---\nauthor: The Folio team\nquoted: 'x y'\n---\n")
    expect(applyPatches(text, setValue(text, 'author', 'a: b', { quote: 'plain' }))).toContain("author: 'a: b'\n")
    expect(applyPatches(text, setValue(text, 'author', 'yes', { quote: 'plain' }))).toContain("author: 'yes'\n")
  })

  it('a new list follows the folder when the block has none of its own', () => {
    const bare = '---\ntitle: a\ntags:\n---\n'
    expect(applyPatches(bare, setValue(bare, 'tags', ['js'], { listStyle: { flow: true } }))).toBe('---\ntitle: a\ntags: [js]\n---\n')
    expect(applyPatches(bare, setValue(bare, 'tags', ['js'], { listStyle: { flow: false, indent: '' } }))).toBe('---\ntitle: a\ntags:\n- js\n---\n')
    // The block's own lists win over the folder's habit.
    const own = '---\ncats:\n    - a\ntags:\n---\n'
    expect(applyPatches(own, setValue(own, 'tags', ['js'], { listStyle: { flow: true } }))).toBe('---\ncats:\n    - a\ntags:\n    - js\n---\n')
  })
})

describe('dates typed as text', () => {
  it('are written in the field’s own format, else the folder’s most used one', () => {
    expect(writeTypedDate('2024-05-06 07:08:09', '2024-03-01 09:30:00', [])).toBe('2024-05-06 07:08:09')
    expect(writeTypedDate('2024-05-06 07:08:09', '2013/7/13 20:46:25', [])).toBe('2024/5/6 7:08:09')
    expect(writeTypedDate('2024/5/6 7:08:09', 'Tue, 01 Mar 2022 04:51:00 GMT', [])).toBe('Mon, 06 May 2024 07:08:09 GMT')
    expect(writeTypedDate('6 May 2024', '2024-03-01', [])).toBe('2024-05-06')
    // A field that holds no date yet takes the folder's format for this key.
    expect(writeTypedDate('6 May 2024 10:00', '', ['YYYY/M/D H:mm:ss'])).toBe('2024/5/6 10:00:00')
    expect(writeTypedDate('2', '2024-03-01', [])).toBeNull()
    expect(writeTypedDate('2024-02-30', '2024-03-01', [])).toBeNull()
    // A weekday the day does not fall on is kept as typed (the field says so), not corrected.
    expect(writeTypedDate('Mon, 05 Mar 2024 10:00:00 GMT', 'Tue, 01 Mar 2022 04:51:00 GMT', [])).toBeNull()
  })
})

describe('suggestions', () => {
  const values = [
    { value: 'js', count: 9 },
    { value: 'java', count: 3 },
    { value: 'javascript', count: 5 },
    { value: 'json', count: 1 },
  ]
  it('ranks prefix, then inner, then scattered matches; more used first among equals', () => {
    expect(matchScore('javascript', 'scr')).toBe(3)
    expect(matchScore('javascript', 'jvs')).toBe(1)
    expect(matchScore('javascript', 'x')).toBe(0)
    expect(suggest(values, [], 'ja', [])).toEqual(['javascript', 'java'])
    expect(suggest(values, [], 'js', ['js'])).toEqual(['json', 'javascript'])
    expect(suggest(values, ['jq'], 'j', [])).toEqual(['jq', 'js', 'javascript', 'java', 'json'])
  })
})
