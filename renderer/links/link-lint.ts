/**
 * The link checker's findings for the open article as lint diagnostics: each broken image or
 * internal link underlined where its target is written, with the checker's message. Asked of the
 * main process (which looks at the disk through the one asset module) when typing pauses, from
 * the text as it is in the editor, so a fix shows at once.
 *
 * The references are read from the text in a worker (link-worker.ts) and only they cross to the
 * main process: a 1 MB text over the bridge costs the window far more than the few hundred
 * references it holds. They are read again only when an edit since the last answer could change
 * them: typing prose (most of a long article's pauses) keeps the last answer, moved along with the
 * text. The folder is asked again now and then all the same, so a file that appeared meanwhile
 * clears its warning.
 */
import { linter, type Diagnostic } from '@codemirror/lint'
import type { Extension, Text } from '@codemirror/state'
import type { LinkDiagnostic, UiLocale } from '../../shared/contract'
import { folio } from '../bridge'
import { docSpan, type DocSpan } from '../editor/doc-span'
import { headerOf } from '../editor/header-block'
import { linkProblemText } from '../i18n/link-problems'
import { linksInWorker } from './link-client'

/** Typing pauses this long before the folder is asked again. */
const PAUSE_MS = 800
/** How long an answer is kept while only prose is typed: files may come and go on disk meanwhile. */
const KEEP_MS = 30_000

/**
 * Characters that make, unmake or hide a reference: Markdown links, images and definitions,
 * HTML, generator tags and shortcodes, code spans and fences.
 */
const MARKUP = /[[\]()<>{}%`~\\]/

/**
 * Whether an edit could change the references the checker finds, or where: one that touches a
 * line with markup, adds or removes a line (a blank line ends a paragraph; an indented line after
 * it is code), starts a line (a list, a heading, an indented block), or reaches into the header.
 */
function mayChangeLinks(before: Text, after: Text, span: DocSpan, bodyStart: number): boolean {
  if (span.fromA <= bodyStart) return true
  const removed = before.sliceString(span.fromA, span.toA)
  const insert = after.sliceString(span.fromB, span.toB)
  if (/[\r\n]/.test(removed) || /[\r\n]/.test(insert)) return true
  const line = before.lineAt(span.fromA)
  if (/^\s*$/.test(line.text.slice(0, span.fromA - line.from))) return true
  return MARKUP.test(line.text) || MARKUP.test(insert)
}

/** `path` says which article the buffer is now (it follows renames); `locale`, the UI's language now. */
export function linkLint(path: () => string, locale: () => UiLocale): Extension {
  let last: { path: string; doc: Text; bodyStart: number; found: LinkDiagnostic[]; at: number } | null = null
  return linter(
    async (view) => {
      const doc = view.state.doc
      const bodyStart = headerOf(view.state).bodyStart
      const article = path()
      let found: LinkDiagnostic[]
      const kept = last && last.path === article && performance.now() - last.at < KEEP_MS ? last : null
      // Found on the two documents' shared trees: a pause costs the edit's lines, not two copies of the text.
      const span = kept && docSpan(kept.doc, doc)
      if (kept && (span === null || !mayChangeLinks(kept.doc, doc, span, Math.max(kept.bodyStart, bodyStart)))) {
        const shift = span ? span.toB - span.fromB - (span.toA - span.fromA) : 0
        found = span
          ? kept.found.map((problem) => (problem.from >= span.toA ? { ...problem, from: problem.from + shift, to: problem.to + shift } : problem))
          : kept.found
        last = { ...kept, doc, bodyStart, found }
      } else {
        try {
          found = await folio.articleLinkRefs(article, await linksInWorker(doc.toString()))
        } catch {
          // No folder, or the article is gone: there is nothing to check against, and nothing to say.
          last = null
          return []
        }
        last = { path: article, doc, bodyStart, found, at: performance.now() }
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
