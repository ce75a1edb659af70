import type { HeaderError, HeaderErrorCode } from '../../shared/frontmatter/types'
import type { UiLocale } from '../../shared/contract'

/**
 * A header error in the UI's language, chosen by its code. The parser's own wording (a YAML,
 * TOML or JSON syntax message) has no translation; in Chinese it follows a Chinese sentence
 * that says what kind of problem it is.
 */
const ZH: Record<HeaderErrorCode, string> = {
  syntax: '头部语法错误',
  'duplicate-key': '头部有重复的键',
  'not-a-mapping': '头部不是“键: 值”的列表',
  unterminated: '头部没有结束的分隔线',
  'too-deep': '头部的值嵌套过深',
  'too-many-aliases': '头部的 YAML 别名展开过多',
  nul: '头部含有空字符（U+0000）',
  'cr-only': '头部的行只以 CR 结尾，Folio 只显示不修改',
  'not-read': '网站的生成器不会读取这个头部',
  unreadable: '无法读取这个文件的头部',
}

/** Codes whose English message says no more than the Chinese sentence does. */
const WHOLE: ReadonlySet<HeaderErrorCode> = new Set(['not-a-mapping', 'unterminated', 'too-deep', 'too-many-aliases', 'nul', 'cr-only'])

export function headerErrorText(error: Pick<HeaderError, 'code' | 'message'>, locale: UiLocale): string {
  if (locale !== 'zh-CN') return error.message
  const sentence = ZH[error.code]
  return WHOLE.has(error.code) ? sentence : `${sentence}：${error.message}`
}
