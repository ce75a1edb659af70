import { describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../electron/handlers'
import { uiLocaleFor, type UiLocale } from '../../../shared/contract'

describe('setUiLocale', () => {
  it('tells the shell the language the writer chose, and refuses any other value', async () => {
    const told: UiLocale[] = []
    const handlers = createHandlers({ trash: async () => undefined, emit: () => undefined, watch: false, onUiLocale: (l) => void told.push(l) })
    expect(await dispatch(handlers, 'setUiLocale', ['zh-CN'])).toEqual({ ok: true, value: undefined })
    expect(await dispatch(handlers, 'setUiLocale', ['fr'])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(told).toEqual(['zh-CN'])
    await handlers.dispose()
  })
})

describe('uiLocaleFor', () => {
  it('picks Chinese for any zh language tag, English otherwise', () => {
    expect(uiLocaleFor('zh-CN')).toBe('zh-CN')
    expect(uiLocaleFor('zh-Hant-TW')).toBe('zh-CN')
    expect(uiLocaleFor('ZH')).toBe('zh-CN')
    expect(uiLocaleFor('en-GB')).toBe('en')
    expect(uiLocaleFor(undefined)).toBe('en')
  })
})
