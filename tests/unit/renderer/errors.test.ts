import { describe, expect, it } from 'vitest'
import { errorText } from '../../../renderer/i18n/errors'

describe('errors in the UI language', () => {
  // Error data without a reason (a FolioError always has one): the code's sentence is the fallback.
  const conflict: unknown = { code: 'CONFLICT', path: 'posts/a.md', message: 'posts/a.md changed on disk since you opened it.' }

  it('keeps the main process’s English sentence in English', () => {
    expect(errorText(conflict, 'en')).toBe('posts/a.md changed on disk since you opened it.')
  })

  it('says it in Chinese, naming the same file, in Chinese', () => {
    expect(errorText(conflict, 'zh-CN')).toBe('posts/a.md 在你打开后已被其他程序更改。请选择保留哪个版本。')
    expect(errorText({ code: 'IO', path: 'x.md', message: 'EACCES' }, 'zh-CN')).toBe('读写 x.md 时出错：EACCES')
  })

  it('passes other errors through', () => {
    expect(errorText(new Error('boom'), 'zh-CN')).toBe('boom')
    expect(errorText('plain', 'en')).toBe('plain')
  })
})
