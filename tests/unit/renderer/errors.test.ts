import { describe, expect, it } from 'vitest'
import { errorText } from '../../../renderer/i18n/errors'
import { messageParts } from '../../../renderer/i18n/tool-output'

describe('errors in the UI language', () => {
  // Error data without a reason (a FolioError always has one): the code's sentence is the fallback.
  const conflict: unknown = { code: 'CONFLICT', path: 'posts/a.md', message: 'posts/a.md changed on disk since you opened it.' }

  it('keeps the main process’s English sentence in English', () => {
    expect(errorText(conflict, 'en')).toBe('posts/a.md changed on disk since you opened it.')
  })

  it('says it in Chinese, naming the same file, in Chinese', () => {
    expect(errorText(conflict, 'zh-CN')).toBe('posts/a.md 在你打开后已被其他程序更改。请选择保留哪个版本。')
    // The main process's English is not put inside the Chinese sentence: it follows, set apart.
    expect(messageParts(errorText({ code: 'IO', path: 'x.md', message: 'EACCES' }, 'zh-CN'))).toEqual({
      sentence: '读写 x.md 时出错。',
      output: { label: '错误的原文：', text: 'EACCES' },
    })
  })

  it('passes other errors through in English, and after a Chinese sentence in Chinese', () => {
    expect(errorText(new Error('boom'), 'en')).toBe('boom')
    expect(errorText('plain', 'en')).toBe('plain')
    expect(messageParts(errorText(new Error('boom'), 'zh-CN')).output).toEqual({ label: '错误的原文：', text: 'boom' })
  })
})
