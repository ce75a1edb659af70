/** Git in the toolbar: the indicator, the History button, and the dialogs they open (a conflict's merge shows in the workbench's queue). */
import { memo, useState } from 'react'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { useI18n } from '../i18n/i18n'
import { ChangesDialog } from './ChangesDialog'
import { ConflictMergeDialog } from './ConflictMergeDialog'
import { GitButton } from './GitButton'
import { HistoryDialog } from './HistoryDialog'
import { replaceShownText } from './replace-text'
import type { GitModel } from './use-git'

interface Props {
  git: GitModel
  openPath: string | null
  /** The open article's text now (read when the history opens: the workbench does not re-render this for every edit). */
  currentText(): string
  unsaved: ReadonlySet<string>
  buffers: BufferStore
  onOpen(path: string): Promise<void>
  onShowInLibrary(label: string, paths: string[]): void
  /** Opens the merge of an article git left in conflict (the workbench's 'git-merge' dialog, GitMergeDialog). */
  onMerge(path: string): void
}

export const GitPanels = memo(function GitPanels({ git, openPath, currentText, unsaved, buffers, onOpen, onShowInLibrary, onMerge }: Props) {
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
            void onOpen(path)
          }}
          onMerge={(path) => {
            setShown(null)
            onMerge(path)
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
          current={currentText()}
          onRestore={(text) => {
            replaceShownText(buffers, text)
            setShown(null)
          }}
          onClose={() => setShown(null)}
        />
      )}
    </>
  )
})

interface MergeProps {
  path: string
  git: GitModel
  buffers: BufferStore
  onOpen(path: string): Promise<void>
  onClose(): void
}

/** The merge of an article git left in conflict: written as any save is, marked resolved, then opened. */
export function GitMergeDialog({ path, git, buffers, onOpen, onClose }: MergeProps) {
  const { t } = useI18n()
  return (
    <ConflictMergeDialog
      path={path}
      onResolve={async (text) => {
        const state = buffers.stateOf(path)
        if (state !== null && state !== 'clean') throw new Error(t('gitMergeUnsaved'))
        // Written as any save is (checked against the file as read); an open clean buffer follows it.
        const file = await folio.readArticle(path)
        await folio.saveArticle(path, text.replace(/\r\n?/g, '\n').replace(/\n/g, file.eol), file.hash)
        await buffers.diskChanged({ added: [], changed: [path], removed: [] })
        await folio.markResolved(path)
        await git.refresh()
        await onOpen(path)
      }}
      onClose={onClose}
    />
  )
}
