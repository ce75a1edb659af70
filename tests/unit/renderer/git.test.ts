import { describe, expect, it } from 'vitest'
import type { GitArticleChange } from '../../../shared/contract'
import { keepTail } from '../../../renderer/git/use-git'
import { suggestMessage } from '../../../renderer/git/suggest-message'
import { STRINGS, format } from '../../../renderer/i18n/strings'

const t = (key: 'gitAdd' | 'gitUpdate' | 'gitDelete' | 'gitAndMore', values: Record<string, string | number>) => format(STRINGS.en[key], values)
const zh = (key: 'gitAdd' | 'gitUpdate' | 'gitDelete' | 'gitAndMore', values: Record<string, string | number>) => format(STRINGS['zh-CN'][key], values)
const change = (path: string, status: GitArticleChange['status'], title: string | null): GitArticleChange => ({ path, status, staged: false, title })

describe('suggestMessage', () => {
  it('names the titles, with the verb of what happened', () => {
    expect(suggestMessage([change('a.md', 'modified', 'Alpha')], t)).toBe('Update “Alpha”')
    expect(suggestMessage([change('a.md', 'untracked', '新文章'), change('b.md', 'new', 'B')], t)).toBe('Add “新文章”, “B”')
    expect(suggestMessage([change('gone.md', 'deleted', null)], t)).toBe('Delete “gone.md”')
    expect(suggestMessage([change('a.md', 'modified', 'A'), change('b.md', 'untracked', 'B')], t)).toBe('Update “A”, “B”')
  })

  it('keeps long selections short', () => {
    const many = ['A', 'B', 'C', 'D', 'E'].map((x) => change(`${x}.md`, 'modified', x))
    expect(suggestMessage(many, t)).toBe('Update “A”, “B” and 3 more')
    expect(suggestMessage(many, zh)).toBe('更新 “A”, “B” 等另外 3 篇')
    expect(suggestMessage([], t)).toBe('')
  })
})

describe('keepTail', () => {
  it('keeps the last state of lines git redraws with a carriage return', () => {
    expect(keepTail('Counting objects:  50%\rCounting objects: 100%, done.\nWriting objects: 10%\rWriting objects: 100%\n')).toBe(
      'Counting objects: 100%, done.\nWriting objects: 100%\n',
    )
  })
})
