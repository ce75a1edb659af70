import { describe, expect, it } from 'vitest'
import { compare2, merge3 } from '../../../shared/merge'
import { decisionHunks, mergedSummary } from '../../../renderer/merge/hunks'
import { cleanMerge, diskLineEndings, mergeConflict } from '../../../renderer/merge/conflict'

const BASE = '---\ntitle: A\ntags: [x]\n---\n\none\ntwo\nthree\nfour\nfive\nsix\n'

describe('the places a person decides', () => {
  it('each conflict with two lines of shared context and the line it starts on in mine', () => {
    const mine = BASE.replace('two\n', 'two, mine\n').replace('six\n', 'six, mine\n')
    const theirs = BASE.replace('two\n', 'two, theirs\n').replace('six\n', 'six, theirs\n').replace('tags: [x]', 'tags: [x, y]')
    const result = merge3(BASE, mine, theirs)
    const hunks = decisionHunks(result)
    expect(hunks.map((h) => [h.index, h.line, h.before, h.mine, h.theirs, h.after])).toEqual([
      [0, 7, '\none\n', 'two, mine\n', 'two, theirs\n', 'three\nfour\n'],
      [1, 11, 'four\nfive\n', 'six, mine\n', 'six, theirs\n', ''],
    ])
    expect(mergedSummary(result)).toEqual({ mine: 0, theirs: 1, keys: ['tags'] })
  })

  it('a two-text comparison makes every difference a place, with no base', () => {
    const hunks = decisionHunks(compare2('a\nb\nc\n', 'a\nB\nc\n'))
    expect(hunks).toEqual([{ index: 0, line: 2, before: 'a\n', after: 'c\n', base: null, mine: 'b\n', theirs: 'B\n', keys: [] }])
  })
})

describe('a conflict on save', () => {
  it("merges a CRLF file on disk with the editor's LF texts and gives the result back in CRLF", () => {
    const mine = BASE.replace('three', 'three, mine')
    const disk = BASE.replace('title: A', 'title: B').replaceAll('\n', '\r\n')
    const merged = cleanMerge({ base: BASE, mine, disk: { text: disk } })
    expect(merged?.text).toBe(mine.replace('title: A', 'title: B').replaceAll('\n', '\r\n'))
    expect(diskLineEndings('a\nb\n', 'x\n')).toBe('a\nb\n')
  })

  it('clashing changes are not merged by themselves', () => {
    const conflict = { base: BASE, mine: BASE.replace('title: A', 'title: Mine'), disk: { text: BASE.replace('title: A', 'title: Disk') } }
    expect(cleanMerge(conflict)).toBeNull()
    expect(mergeConflict(conflict).conflicts).toBe(1)
  })
})
