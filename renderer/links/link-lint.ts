/**
 * The link checker's findings for the open article as lint diagnostics: each broken image or
 * internal link underlined where its target is written, with the checker's message. Asked of the
 * main process (which looks at the disk through the one asset module) when typing pauses and
 * after a save or reload, from the text as it is in the editor, so a fix shows at once.
 */
import { linter, type Diagnostic } from '@codemirror/lint'
import type { Extension } from '@codemirror/state'
import type { UiLocale } from '../../shared/contract'
import { folio } from '../bridge'
import { linkProblemText } from '../i18n/link-problems'

/** Typing pauses this long before the folder is asked again. */
const PAUSE_MS = 800

/** `path` says which article the buffer is now (it follows renames); `locale`, the UI's language now. */
export function linkLint(path: () => string, locale: () => UiLocale): Extension {
  return linter(
    async (view) => {
      const text = view.state.doc.toString()
      let found
      try {
        found = await folio.articleLinks(path(), text)
      } catch {
        // No folder, or the article is gone: there is nothing to check against, and nothing to say.
        return []
      }
      const end = view.state.doc.length
      return found.map((problem): Diagnostic => ({
        from: Math.min(problem.from, end),
        to: Math.min(Math.max(problem.to, problem.from), end),
        severity: 'warning',
        ...linkProblemText(problem, locale()),
      }))
    },
    { delay: PAUSE_MS },
  )
}
