import { describe, expect, it } from 'vitest'
import type { FieldCheck } from '../../../../shared/frontmatter/checks'
import { checkText, LOCAL_ZONE, shownDate } from '../../../../renderer/checks/check-text'
import { format, STRINGS } from '../../../../renderer/i18n/strings'
import type { UiLocale } from '../../../../shared/contract'

const t =
  (locale: UiLocale) =>
  (key: keyof (typeof STRINGS)['en'], values: Record<string, string | number> = {}): string =>
    format(STRINGS[locale][key], values, locale)

const check = (over: Partial<FieldCheck> & Pick<FieldCheck, 'code'>): FieldCheck => ({ key: 'title', severity: 'warning', line: 2, message: '', ...over })

// 09:00 in Shanghai is 01:00 UTC.
const NINE_IN_SHANGHAI = Date.UTC(2030, 4, 1, 1, 0)
const AWAY = LOCAL_ZONE === 'Asia/Shanghai' ? 'Europe/Berlin' : 'Asia/Shanghai'

describe('checkText', () => {
  it('says each check in the UI language, with its numbers', () => {
    expect(checkText(check({ code: 'missing-required', key: 'description' }), t('en'), 'en')).toBe(
      '\u2068description\u2069 is missing; articles in this collection have one. Add it.',
    )
    expect(checkText(check({ code: 'title-length', length: { count: 80, limit: 60, unit: 'characters' } }), t('zh-CN'), 'zh-CN')).toBe(
      '\u2068title\u2069 有 80 个字；搜索结果大约在 60 个字后截断。请缩短。',
    )
    expect(checkText(check({ code: 'description-length', key: 'description', length: { count: 200, limit: 160, unit: 'words' } }), t('en'), 'en')).toBe(
      '\u2068description\u2069 is 200 words long; search results cut it after about 160. Shorten it.',
    )
    expect(checkText(check({ code: 'duplicate-key', line: 7 }), t('zh-CN'), 'zh-CN')).toBe(
      '\u2068title\u2069 出现了不止一次（第 7 行）；生成器只会保留一个。请删掉多余的一行。',
    )
    expect(checkText(check({ code: 'duplicate-key', line: null }), t('en'), 'en')).toContain('(line ?)')
    const weekday = check({ code: 'weekday-mismatch', key: 'date', line: 3, weekday: { written: 1, actual: 2 } })
    expect(checkText(weekday, t('en'), 'en')).toBe('\u2068date\u2069 says Monday, but that day is a Tuesday: kept as written. Correct the day or the weekday.')
    expect(checkText(weekday, t('zh-CN'), 'zh-CN')).toBe('\u2068date\u2069 写的是星期一，但这一天是星期二：按原样保留。请改正日期或星期。')
  })

  it("shows a scheduled date on the site's clock, naming the site's zone when it is not the computer's", () => {
    const text = checkText(check({ code: 'scheduled', key: 'date', severity: 'info', at: NINE_IN_SHANGHAI }), t('en'), 'en', 'Asia/Shanghai')
    expect(text).toMatch(/^\u2068date\u2069 is in the future \(.*9:00.*\): the article is scheduled/)
    if (AWAY === 'Asia/Shanghai') expect(text).toContain('(Asia/Shanghai)')
  })
})

describe('shownDate', () => {
  it("names the zone only when it is not the computer's", () => {
    expect(shownDate(NINE_IN_SHANGHAI, 'zh-CN', LOCAL_ZONE)).not.toMatch(/\(/)
    expect(shownDate(NINE_IN_SHANGHAI, 'zh-CN', AWAY)).toMatch(new RegExp(`\\(${AWAY}\\)$`))
    expect(shownDate(NINE_IN_SHANGHAI, 'en', 'Asia/Shanghai')).toMatch(/9:00/)
    expect(shownDate(NINE_IN_SHANGHAI, 'en', 'UTC')).toMatch(/1:00/)
  })
})
