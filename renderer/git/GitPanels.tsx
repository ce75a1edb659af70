/** Git in the toolbar: the indicator, the History button, and the dialogs they open. */
import type { EditorView } from '@codemirror/view'
import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { ChangesDialog } from './ChangesDialog'
import { GitButton } from './GitButton'
import { HistoryDialog } from './HistoryDialog'
import type { GitModel } from './use-git'

interface Props {
  git: GitModel
  openPath: string | null
  currentText: string
  unsaved: ReadonlySet<string>
  view: EditorView | null
  onOpen(path: string): void
  onShowInLibrary(label: string, paths: string[]): void
}

export function GitPanels({ git, openPath, currentText, unsaved, view, onOpen, onShowInLibrary }: Props) {
  const { t } = useI18n()
  const [shown, setShown] = useState<'changes' | 'history' | null>(null)
  const state = git.state
  if (state === null || state.kind === 'not-a-repository') return null
  return (
    <>
      <GitButton git={git} onOpen={() => setShown('changes')} />
      {state.kind === 'repository' && (
        <button type="button" data-testid="git-history-open" disabled={openPath === null} onClick={() => setShown('history')}>
          {t('gitHistory')}
        </button>
      )}
      {shown === 'changes' && state.kind === 'repository' && (
        <ChangesDialog
          state={state}
          progress={git.progress}
          unsaved={unsaved}
          onRefresh={git.refresh}
          onClearProgress={git.clearProgress}
          onOpen={(path) => {
            setShown(null)
            onOpen(path)
          }}
          onShowInLibrary={(paths) => {
            setShown(null)
            onShowInLibrary(t('gitChangedFilter'), paths)
          }}
          onClose={() => setShown(null)}
        />
      )}
      {shown === 'history' && openPath !== null && (
        <HistoryDialog
          path={openPath}
          current={currentText}
          onRestore={(text) => {
            // One transaction in the editor: the restore is undone with one Ctrl+Z.
            view?.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.restore' })
            setShown(null)
          }}
          onClose={() => setShown(null)}
        />
      )}
    </>
  )
}
