import type { LinkProblem, UiLocale } from '../../shared/contract'

/**
 * The link checker's finding as the editor's lint shows it: the rule's name and the sentence, in
 * the UI's language. The main process words it in English for the command line, and sends the
 * facts (the file looked for, the site tag) for the other languages.
 */
export function linkProblemText(problem: LinkProblem, locale: UiLocale): { source: string; message: string } {
  if (locale !== 'zh-CN') return { source: problem.rule, message: problem.message }
  const image = problem.rule === 'broken-image'
  const source = image ? '图片失效' : '链接失效'
  if (problem.tag) return { source, message: `${problem.tag}“${problem.target}”找不到对应的文章` }
  const why = problem.missing ? `${problem.missing} 不存在` : '它指向打开的文件夹之外'
  return { source, message: `${image ? '图片' : '链接'}“${problem.target}”失效：${why}` }
}
