import type { LibraryRow, FolderInfo, Settings } from '../../shared/contract'
import type { Generator } from '../../shared/sites/types'
import type { BufferStore } from '../buffers/buffer-store'
import { UnsavedDialog } from '../buffers/UnsavedQuestion'
import { DialogHoldContext } from '../dialogs/dialog-hold'
import { NewArticleDialog } from '../dialogs/NewArticleDialog'
import { RecoveryDialog } from '../dialogs/RecoveryDialog'
import { ShortcutsPanel } from '../dialogs/ShortcutsPanel'
import { ExportDialog } from '../export/ExportDialog'
import { ArticleMenu } from '../library/ArticleMenu'
import { CommandPalette, type PaletteCommand } from '../library/CommandPalette'
import { QuickOpen } from '../library/QuickOpen'
import { GitMergeDialog } from '../git/GitPanels'
import type { GitModel } from '../git/use-git'
import { MoveDialog } from '../links/MoveDialog'
import { ImageSettingsDialog } from '../media/ImageSettingsDialog'
import { LeafBundleDialog } from '../media/LeafBundleDialog'
import { rememberLeaf } from '../media/leaf-bundle'
import { ConflictDialog } from '../merge/ConflictDialog'
import { PublishDialog } from '../publish/PublishDialog'
import { SettingsDialog } from '../settings/SettingsDialog'
import type { SettingsInfo } from '../settings/use-settings'
import { BulkFieldDialog } from '../taxonomy/BulkFieldDialog'
import type { CommandHandlers } from './command-shortcuts'
import type { DialogState } from './dialog-state'
import type { FileActions } from './use-file-actions'
import type { Recovery } from './use-recovery'

interface Props {
  dialogs: DialogState
  folder: FolderInfo | null
  articles: LibraryRow[]
  /** Paths opened before, most recent first (quick open lists them first). */
  recent: readonly string[]
  /** The open article, and whether it has unsaved edits (export reads the file on disk). */
  openPath: string | null
  openUnsaved: boolean
  remoteAllowed: boolean
  settings: Settings
  settingsInfo: SettingsInfo
  updateSettings(patch: Partial<Settings>): void
  commands: CommandHandlers
  /** The palette's commands without a shortcut. */
  moreCommands: readonly PaletteCommand[]
  buffers: BufferStore
  files: FileActions
  recovery: Recovery
  git: GitModel
  /** The folder's generator: a conflict's merge reads headers the way the site does. */
  site: Generator
  /** Opens an article and goes on writing in it. */
  onOpenArticle(path: string): void
  /** Goes on writing in the open article (after a conflict's merge). */
  focusEditor(): void
  /** Something changed many files (a bulk edit): list the folder again. */
  onChanged(): void
}

/** The one open dialog of the workbench (see dialog-state.ts), which can hold its place (dialog-hold.ts). */
export function WorkbenchDialogs(props: Props) {
  return (
    <DialogHoldContext.Provider value={props.dialogs.holder}>
      <ShownDialog {...props} />
    </DialogHoldContext.Provider>
  )
}

function ShownDialog(props: Props) {
  const { dialogs, folder } = props
  const { dialog, open, close } = dialogs
  if (!dialog) return null
  switch (dialog.kind) {
    case 'quick-open':
      return <QuickOpen articles={props.articles} recent={props.recent} onOpen={props.onOpenArticle} onClose={() => close('quick-open')} />
    case 'command-palette':
      return <CommandPalette commands={props.commands} more={props.moreCommands} onClose={() => close('command-palette')} />
    case 'new-article':
      return (
        <NewArticleDialog
          onCreate={(title, draft) => {
            close('new-article')
            void props.files.create(title, draft)
          }}
          onCancel={() => close('new-article')}
        />
      )
    case 'export':
      return (
        folder && <ExportDialog articlePath={props.openPath} unsaved={props.openUnsaved} remoteAllowed={props.remoteAllowed} onClose={() => close('export')} />
      )
    case 'publish':
      return (
        folder && (
          <PublishDialog
            saved={props.settings.publishCommands[folder.root]}
            onSave={(command) => props.updateSettings({ publishCommands: { ...props.settings.publishCommands, [folder.root]: command } })}
            onClose={() => close('publish')}
          />
        )
      )
    case 'shortcuts':
      return <ShortcutsPanel onClose={() => close('shortcuts')} />
    case 'settings':
      return (
        <SettingsDialog
          settings={props.settings}
          info={props.settingsInfo}
          folder={folder?.root ?? null}
          onChange={props.updateSettings}
          onClose={() => close('settings')}
        />
      )
    case 'bulk-edit':
      return <BulkFieldDialog paths={dialog.paths} onClose={() => close('bulk-edit')} onChanged={props.onChanged} />
    case 'article-menu':
      return (
        <ArticleMenu
          target={dialog.target}
          onClose={() => close('article-menu')}
          // Opened once the menu has closed and given focus back to the list, so the dialog returns it there too.
          onRename={(from, to) => setTimeout(() => open({ kind: 'move', from, to }))}
          onDuplicate={(path) => void props.files.duplicate(path)}
          onTrash={(path) => void props.files.trash(path)}
        />
      )
    case 'move':
      return (
        <MoveDialog
          from={dialog.from}
          to={dialog.to}
          buffers={props.buffers}
          onMoved={(from, to, changed) => void props.files.moved(from, to, changed)}
          onClose={() => close('move')}
        />
      )
    case 'recovery':
      return (
        <RecoveryDialog
          recovered={dialog.recovered}
          onRestore={() => {
            close('recovery')
            void props.recovery.restore(dialog.recovered)
          }}
          onDiscard={() => {
            close('recovery')
            props.recovery.discard()
          }}
        />
      )
    // Shown while the buffer store holds the conflict: each choice ends it there, and the workbench closes this.
    case 'conflict':
      return (
        <ConflictDialog
          conflict={dialog.conflict}
          site={props.site}
          onReload={props.buffers.reloadFromDisk}
          onKeepMine={() => void props.buffers.keepMine()}
          onMerge={(text) => {
            props.buffers.acceptMerge(text)
            void props.buffers.save()
            props.focusEditor()
          }}
          onCancel={props.buffers.dismissConflict}
        />
      )
    case 'git-merge':
      return <GitMergeDialog path={dialog.path} git={props.git} buffers={props.buffers} onOpen={props.buffers.open} onClose={() => close('git-merge')} />
    case 'unsaved':
      return (
        <UnsavedDialog
          paths={dialog.paths}
          onChoose={(choice) => {
            close('unsaved')
            dialog.answer(choice)
          }}
        />
      )
    case 'image-settings':
      return (
        <ImageSettingsDialog
          settings={props.settings.media}
          purpose={dialog.purpose}
          leaf={
            folder?.assets?.kind === 'hugo'
              ? {
                  choice: props.settings.hugoLeafImages[folder.root],
                  save: (choice) => props.updateSettings({ hugoLeafImages: rememberLeaf(props.settings.hugoLeafImages, folder.root, choice) }),
                }
              : null
          }
          onSave={(saved) => {
            close('image-settings')
            dialog.answer(saved)
          }}
          onCancel={() => {
            close('image-settings')
            dialog.answer(null)
          }}
        />
      )
    case 'leaf-bundle':
      return (
        <LeafBundleDialog
          from={dialog.from}
          to={dialog.to}
          buffers={props.buffers}
          planned={dialog.planned}
          onAnswer={(answer) => {
            close('leaf-bundle')
            dialog.answer(answer)
          }}
        />
      )
  }
}
