import type { EditorView } from '@codemirror/view'
import { memo } from 'react'
import type { EditorTextSource } from '../preview/live-text'
import { useTopLine } from '../editor/top-line'
import { useI18n } from '../i18n/i18n'
import { Preview } from '../preview/Preview'
import { PreviewBoundary } from '../preview/PreviewBoundary'
import type { PreviewOptions } from '../preview/render'
import { PreviewSwitch } from '../siteserver/PreviewSwitch'

interface Props {
  hidden: boolean
  /** The open folder (absolute), for the site server's switch. */
  root: string | null
  /** The open article, null when none is. */
  path: string | null
  source: EditorTextSource
  text: string
  bodyStart: number
  options: PreviewOptions
  /** The editor, which the preview follows as it scrolls. */
  editor: EditorView | null
  onRemoteContent(allowed: boolean): void
}

/** The right pane: the open article's live preview, or the site as its own server shows it. Memoized: the workbench re-renders for what the preview does not show (the cursor, the save state). */
export const PreviewPane = memo(function PreviewPane({ hidden, root, path, source, text, bodyStart, options, editor, onRemoteContent }: Props) {
  const { t } = useI18n()
  const topLine = useTopLine(editor)
  return (
    <section className="preview-pane" aria-label={t('preview')} hidden={hidden}>
      <PreviewSwitch root={root} path={path}>
        {path && (
          // One preview for every article (not keyed on the path): switching articles keeps its frame.
          <PreviewBoundary path={path}>
            <Preview
              path={path}
              source={source}
              text={text}
              bodyStart={bodyStart}
              options={options}
              title={t('preview')}
              topLine={topLine}
              editor={editor}
              onRemoteContent={onRemoteContent}
            />
          </PreviewBoundary>
        )}
      </PreviewSwitch>
    </section>
  )
})
