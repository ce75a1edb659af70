import { describe, expect, it } from 'vitest'
import { parse } from '../../../shared/frontmatter'
import { headerErrorDetail, headerErrorLine, headerErrorText } from '../../../renderer/i18n/header-errors'

const errorOf = (text: string) => {
  const error = parse(text).errors[0]
  if (!error) throw new Error(`expected an error in ${JSON.stringify(text)}`)
  return error
}

/** English words left once the author's own keys (in “…”), code shown as an example and product names are taken out. */
const noEnglishWords = (text: string) => text.replace(/“[^”]*”|title: "甲: 乙"|YAML|JSON|Tab|CR|U\+0000|---/g, '').match(/[A-Za-z]{2,}/g)

describe('header errors in the UI language', () => {
  it('says each kind of header error in Chinese, and leaves English as the parser wrote it', () => {
    const duplicate = errorOf('---\ntitle: a\ntitle: b\n---\n')
    const open = errorOf('---\ntitle: a\n')
    expect(headerErrorText(duplicate, 'zh-CN')).toBe('键“\u2068title\u2069”出现了不止一次：删掉或改名其中一个')
    expect(headerErrorDetail(duplicate, 'zh-CN')).toBeNull()
    expect(headerErrorText(open, 'zh-CN')).toMatch(/^头部没有结束的分隔线/)
    expect(headerErrorText(open, 'en')).toBe(open.message)
    expect(headerErrorDetail(open, 'en')).toBeNull()
  })

  it('explains the YAML, TOML and JSON parsers’ errors in Chinese by what is wrong, with line and column, and no English', () => {
    const cases: [string, RegExp, string][] = [
      ['---\ntitle: a\n  date: 2020\n---\n', /^键“\u2068date\u2069”比上面的键缩进得多/, '第 3 行第 3 列'],
      ['---\ntitle: "abc\ndate: 2020\n---\n', /^引号 \u2068"\u2069 没有闭合/, '第 2 行第 1 列'],
      ['---\ntags: [a, b\ndate: 2020\n---\n', /^方括号或花括号没有闭合/, '第 2 行第 1 列'],
      ['---\ntags:\n\t- a\n---\n', /Tab 缩进/, '第 3 行第 1 列'],
      ['---\ntitle\ndate: 2020\n---\n', /缺少冒号/, '第 2 行第 1 列'],
      ['---\ntitle: a: b\n---\n', /值里有“: ”/, '第 2 行第 8 列'],
      ['---\ntitle: "a"# c\n---\n', /# 注释前缺少空格/, '第 2 行第 11 列'],
      ['---\ntitle: @foo\n---\n', /^值不能以 \u2068@\u2069 开头/, '第 2 行第 8 列'],
      ['---\ntitle: "a\\q"\n---\n', /转义 \u2068\\q\u2069 无效/, '第 2 行第 10 列'],
      ['---\ntitle: "a" b\n---\n', /值后面有多余的内容/, '第 2 行第 12 列'],
      ['---\na: &x &y 1\n---\n', /锚点/, '第 2 行第 7 列'],
      ['+++\ntitle = \n+++\n', /缺少值/, '第 2 行第 9 列'],
      ['+++\ntitle "a"\n+++\n', /键里有不允许的字符/, '第 2 行第 7 列'],
      ['{\n"title": "a" "b": 1\n}\n', /缺少逗号/, '第 2 行第 14 列'],
      ['{\ntitle: 1\n}\n', /键要用双引号/, '第 2 行第 1 列'],
    ]
    for (const [text, sentence, place] of cases) {
      const error = errorOf(text)
      const line = headerErrorLine(error, 'zh-CN')
      expect(line, text).toMatch(sentence)
      expect(line, text).toContain(`（${place}）`)
      expect(noEnglishWords(line), text).toBeNull()
      // Explained whole: the parser's English is not needed, not even in the details.
      expect(headerErrorDetail(error, 'zh-CN'), text).toBeNull()
      expect(headerErrorLine(error, 'en'), text).toBe(`${error.message} (line ${error.line}, column ${error.column})`)
    }
  })

  it('keeps the parser’s words for the details only where the Chinese sentence cannot name the mistake', () => {
    const error = { code: 'syntax' as const, message: 'Some new parser complaint', line: 2, column: 4 }
    expect(headerErrorText(error, 'zh-CN')).toBe('头部有语法错误，Folio 无法读取')
    expect(headerErrorDetail(error, 'zh-CN')).toBe('Some new parser complaint')
  })
})
