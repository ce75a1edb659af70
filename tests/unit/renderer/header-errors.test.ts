import { describe, expect, it } from 'vitest'
import { parse } from '../../../shared/frontmatter'
import { headerErrorText } from '../../../renderer/i18n/header-errors'

describe('header errors in the UI language', () => {
  it('says each kind of header error in Chinese, and leaves English as the parser wrote it', () => {
    const duplicate = parse('---\ntitle: a\ntitle: b\n---\n').errors[0]
    const open = parse('---\ntitle: a\n').errors[0]
    if (!duplicate || !open) throw new Error('expected errors')
    expect(headerErrorText(duplicate, 'zh-CN')).toBe('头部有重复的键：Duplicate key title')
    expect(headerErrorText(open, 'zh-CN')).toBe('头部没有结束的分隔线')
    expect(headerErrorText(open, 'en')).toBe(open.message)
  })
})
