import type { HeaderError, HeaderErrorCode, HeaderErrorReason } from '../../shared/frontmatter/types'
import type { UiLocale } from '../../shared/contract'
import { format } from './strings'
import { isolated } from './tool-output'

/**
 * A header error in the UI's language. English shows the parser's (or Folio's) own message. In
 * Chinese a sentence chosen by the error's code, and for a syntax error by what exactly is wrong
 * (its reason, named in shared/frontmatter/parse.ts), says what happened and how to fix it; the
 * parser's English is left for a "details" part, and only where the sentence cannot say all of it.
 */
const ZH: Record<HeaderErrorCode, string> = {
  syntax: '头部有语法错误，Folio 无法读取',
  'duplicate-key': '头部有重复的键：删掉或改名其中一个',
  'not-a-mapping': '头部不是“键: 值”的列表',
  unterminated: '头部没有结束的分隔线：在头部最后一行之后加上与开头相同的分隔线（如 ---）',
  'too-deep': '头部的值嵌套过深（可能是损坏或恶意的头部），Folio 不读取；请把这个值改写得扁平一些',
  'too-many-aliases': '头部的 YAML 别名展开过多（可能是“十亿笑声”式的头部），Folio 停止读取；请直接写出值，不要层层引用别名',
  nul: '头部含有空字符（U+0000）：删掉它再编辑',
  'cr-only': '头部的行只以 CR 结尾，Folio 只显示不修改',
  'not-read': '网站的生成器不会这样读取这个头部，Folio 因此不编辑它；请按下方原文说明修正',
  unreadable: '无法读取这个文件的头部',
}

const ZH_REASON: Record<HeaderErrorReason, string> = {
  'over-indented': '键“{subject}”比上面的键缩进得多：让它与上面的键对齐，或把它放到某个键下面',
  'unclosed-quote': '引号 {subject} 没有闭合：在值的末尾补上同样的引号',
  'unclosed-bracket': '方括号或花括号没有闭合：在值的末尾补上 ] 或 }',
  'tab-indent': '这一行用 Tab 缩进：YAML 只允许用空格缩进',
  'bad-indent': '缩进不一致：同一列表或同一组键的各行要从同一列开始',
  'no-colon': '这一行不是“键: 值”：可能缺少冒号，或上一行的值没有写完',
  'colon-in-value': '值里有“: ”：给整个值加上引号，例如 title: "甲: 乙"',
  'comment-space': '# 注释前缺少空格：在 # 前加一个空格，或给整个值加上引号',
  'reserved-start': '值不能以 {subject} 开头：给整个值加上引号',
  'bad-escape': '双引号里的转义 {subject} 无效：把反斜杠写成 \\\\，或改用单引号',
  'extra-text': '值后面有多余的内容：删掉它，或给整个值加上引号',
  'missing-separator': '[ ] 或 { } 里的各项之间缺少逗号、冒号或空格',
  'block-in-flow': '[ ] 或 { } 里不能换行写成“- 项”或“键: 值”：写在一行里并用逗号分隔',
  'anchor-or-tag': '锚点（&）、别名（*）或标签（!）写法有误：如果它们是值的一部分，给整个值加上引号',
  'key-too-long': '键太长（超过 1024 个字符）',
  'unquoted-key': 'JSON 头部的键要用双引号括起来',
  'missing-value': '这里缺少值：在“=”或“:”后面写上值',
  'bad-key': '键里有不允许的字符：给键加上双引号',
}

/** Codes and reasons whose Chinese sentence names everything the parser's message says. */
const WHOLE: ReadonlySet<HeaderErrorCode> = new Set(['not-a-mapping', 'unterminated', 'too-deep', 'too-many-aliases', 'nul', 'cr-only'])

type Shown = Pick<HeaderError, 'code' | 'message'> & Partial<Pick<HeaderError, 'reason' | 'subject'>>

/** The same reasons said without their subject, for an error that names none. */
const ZH_REASON_BARE: Partial<Record<HeaderErrorReason, string>> = {
  'over-indented': '有个键比上面的键缩进得多：让它与上面的键对齐，或把它放到某个键下面',
  'unclosed-quote': '引号没有闭合：在值的末尾补上同样的引号',
  'reserved-start': '值以 YAML 保留的字符开头：给整个值加上引号',
  'bad-escape': '双引号里有无效的转义：把反斜杠写成 \\\\，或改用单引号',
}

function zhSentence(error: Shown): string {
  // The subject is the author's key or text as written, isolated inside the Chinese sentence.
  const subject = error.subject === undefined ? undefined : isolated(error.subject)
  if (error.reason) {
    if (subject === undefined) return ZH_REASON_BARE[error.reason] ?? ZH_REASON[error.reason]
    return format(ZH_REASON[error.reason], { subject })
  }
  if (error.code === 'duplicate-key' && subject !== undefined) return `键“${subject}”出现了不止一次：删掉或改名其中一个`
  return ZH[error.code]
}

/** What is wrong with the header, in the UI's language (without its place). */
export function headerErrorText(error: Shown, locale: UiLocale): string {
  return locale === 'zh-CN' ? zhSentence(error) : error.message
}

/** The parser's own words, for a "details" part: only where the sentence in the UI's language does not say it all. */
export function headerErrorDetail(error: Shown, locale: UiLocale): string | null {
  if (locale === 'en' || WHOLE.has(error.code) || error.reason || (error.code === 'duplicate-key' && error.subject !== undefined)) return null
  return error.message
}

/** Where the error is: line and column in the UI's language. */
export function headerErrorPlace(error: Pick<HeaderError, 'line' | 'column'>, locale: UiLocale): string {
  return locale === 'zh-CN' ? `第 ${error.line} 行第 ${error.column} 列` : `line ${error.line}, column ${error.column}`
}

/** The error and its place in one line (the status bar's). */
export function headerErrorLine(error: Shown & Pick<HeaderError, 'line' | 'column'>, locale: UiLocale): string {
  const place = headerErrorPlace(error, locale)
  return locale === 'zh-CN' ? `${headerErrorText(error, locale)}（${place}）` : `${headerErrorText(error, locale)} (${place})`
}
