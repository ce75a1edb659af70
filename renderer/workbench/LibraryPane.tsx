import type { EditorView } from '@codemirror/view'
import { memo, useMemo, type Ref } from 'react'
import type { LibraryRow, FolderInfo, GitChangeKind } from '../../shared/contract'
import type { BufferStore } from '../buffers/buffer-store'
import { useI18n } from '../i18n/i18n'
import { FolderWarnings } from '../library/FolderWarnings'
import { IndexingCount } from '../library/IndexingCount'
import { Library, type LibraryHandle } from '../library/Library'
import { revealMatch } from '../library/search/reveal-match'
import { MediaPanel } from '../media/MediaPanel'
import { TaxonomyView } from '../taxonomy/TaxonomyView'
import type { Dialog } from './dialog-state'
import { MessageText } from '../i18n/tool-output'

/** Only these articles, picked elsewhere (a taxonomy value, git's changed files), with what they are. */
export interface OnlyArticles {
  label: string
  paths: ReadonlySet<string>
}

interface Props {
  hidden: boolean
  /** The folder is still being listed or indexed. */
  busy: boolean
  /** What went wrong last, in the UI's language. */
  problem: string | null
  folder: FolderInfo | null
  articles: LibraryRow[]
  indexing: { done: number; total: number; listing?: boolean } | null
  /**
   * The open article and its text (the media panel shows its images). The text is read only while
   * the media panel is open: pass '' otherwise, so a keystroke leaves the pane alone.
   */
  openPath: string | null
  openText: string
  buffers: BufferStore
  view: EditorView | null
  libraryRef: Ref<LibraryHandle>
  taxonomyOpen: boolean
  mediaOpen: boolean
  /** Changes when images or articles changed: the media panel reads its report again. */
  mediaVersion: unknown
  only: OnlyArticles | null
  onOnly(only: OnlyArticles | null): void
  unsaved: ReadonlySet<string>
  gitChanges: ReadonlyMap<string, GitChangeKind>
  requiredFor(path: string): readonly string[]
  openDialog(dialog: Dialog): void
  goToLine(line: number): void
  /** Something changed files of the folder: list it again. */
  onChanged(): Promise<void>
}

/**
 * The left pane: the folder's warnings and indexing, the taxonomy and media panels, and the article list.
 * Memoized: a form or editor keystroke re-renders the workbench, which changes none of these props.
 */
export const LibraryPane = memo(function LibraryPane(props: Props) {
  const { t } = useI18n()
  const { folder, articles, indexing, openPath, buffers, view, libraryRef, only, onOnly, unsaved, gitChanges, requiredFor, openDialog, onChanged } = props
  const filter = (label: string, paths: string[]) => onOnly({ label, paths: new Set(paths) })
  // Typing re-renders the workbench; the list of thousands of articles renders only when it changes.
  const library = useMemo(
    () => (
      <Library
        ref={libraryRef}
        articles={articles}
        selected={openPath}
        onOpen={(p) => void buffers.open(p)}
        onActivate={(p) => void buffers.open(p).then(() => view?.focus())}
        onOpenMatch={(p, match) => void buffers.open(p).then(() => view && revealMatch(view, match))}
        onMenu={(path, x, y) => openDialog({ kind: 'article-menu', target: { path, x, y } })}
        only={only}
        onClearOnly={() => onOnly(null)}
        onBulkEdit={(paths) => openDialog({ kind: 'bulk-edit', paths })}
        unsaved={unsaved}
        changes={gitChanges}
        requiredFor={requiredFor}
        reading={indexing !== null}
        onReplaced={(changed) => {
          void onChanged()
          // Clean open articles follow what was written; edited ones were left out of the replace.
          void buffers.diskChanged({ added: [], changed, removed: [] })
        }}
      />
    ),
    [libraryRef, articles, openPath, buffers, view, only, onOnly, unsaved, gitChanges, requiredFor, indexing, onChanged, openDialog],
  )
  return (
    <nav className="library" data-testid="library" aria-busy={props.busy} aria-label={t('library')} hidden={props.hidden}>
      {props.problem && (
        <p className="error">
          <MessageText text={props.problem} />
        </p>
      )}
      <FolderWarnings warnings={folder?.warnings} />
      {indexing && <IndexingCount done={indexing.done} total={indexing.total} listing={indexing.listing === true} />}
      {props.taxonomyOpen && <TaxonomyView articles={articles} onFilter={filter} onChanged={() => void onChanged()} />}
      {props.mediaOpen && folder && (
        <MediaPanel
          assetBase={folder.assetBase}
          rules={folder.assets}
          articlePath={openPath}
          text={props.openText}
          version={props.mediaVersion}
          onOpen={(path, line) => void buffers.open(path).then(() => props.goToLine(line))}
          onMove={(from, to) => openDialog({ kind: 'move', from, to })}
        />
      )}
      {library}
    </nav>
  )
})
