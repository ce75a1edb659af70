import { describe, expect, it } from 'vitest'
import { guessLang } from '../../../electron/export/page-lang'

describe('guessLang', () => {
  it('tells Japanese, Korean and Chinese apart, else the fallback', () => {
    expect(guessLang('東京でラーメンを食べた')).toBe('ja')
    expect(guessLang('서울 여행기')).toBe('ko')
    expect(guessLang('Intel 发布新处理器')).toBe('zh')
    expect(guessLang('Hello, world', 'de')).toBe('de')
    expect(guessLang('，。！')).toBe('en')
  })
})
