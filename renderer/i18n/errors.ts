import { useCallback } from 'react'
import { isFolioErrorData, type ErrorCode } from '../../shared/errors'
import { useI18n } from './i18n'
import type { UiLocale } from '../../shared/contract'
import { format } from './strings'

/**
 * Errors from the main process carry an English message that names the file and what to do.
 * In another UI language the code picks a translated sentence instead, with the same file.
 */
const TRANSLATED: Partial<Record<UiLocale, Record<ErrorCode, string>>> = {
  'zh-CN': {
    NO_FOLDER: '尚未打开文件夹。请先打开一个内容文件夹。',
    NOT_FOUND: '找不到 {path}。它可能已被移动或删除，请刷新文章列表。',
    EXISTS: '{path} 已存在。请换一个名字。',
    OUTSIDE_ROOT: '{path} 不在打开的文件夹内，已拒绝访问。',
    INVALID_PATH: '路径 {path} 无效。',
    CONFLICT: '{path} 在你打开后已被其他程序更改。请选择保留哪个版本。',
    INVALID_UTF8: '{path} 不是有效的 UTF-8 文本，只能查看，不能保存。',
    READ_ONLY: '{path} 是只读的，无法保存。',
    HEADER_PARSE: '{path} 的头部无法解析，请先在正文中修正它。',
    BAD_ARGUMENT: '请求无效：{message}',
    FORBIDDEN: '已拒绝一个不是来自 Folio 窗口的请求。',
    CANCELLED: '已取消。',
    NOT_TRUSTED: '启动站点服务器会运行这个站点的代码，请先为此文件夹同意这样做。',
    IO: '读写 {path} 时出错：{message}',
    CANNOT_OPEN: 'Folio 无法打开 {path}：它不存在，或不是本机上的文件夹或 Markdown 文章。',
  },
}

export function errorText(error: unknown, locale: UiLocale): string {
  if (!isFolioErrorData(error)) return error instanceof Error ? error.message : String(error)
  const template = TRANSLATED[locale]?.[error.code]
  return template ? format(template, { path: error.path ?? '', message: error.message }, locale) : error.message
}

/** `(error) => text` in the UI's language. */
export function useErrorText(): (error: unknown) => string {
  const { locale } = useI18n()
  return useCallback((error: unknown) => errorText(error, locale), [locale])
}
