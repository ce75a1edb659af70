import { openSearchPanel } from '@codemirror/search'
import type { EditorView } from '@codemirror/view'
import type { RefObject } from 'react'
import type { BufferStore } from '../buffers/buffer-store'
import type { LibraryHandle } from '../library/Library'
import { useCommandShortcuts, type CommandHandlers } from './command-shortcuts'
import type { Dialog } from './dialog-state'
import type { Pane } from './use-panes'

interface Options {
  buffers: BufferStore
  folderOpen: boolean
  openFolder(): void
  openDialog(dialog: Dialog): void
  view: EditorView | null
  library: RefObject<LibraryHandle | null>
  togglePane(pane: Pane): void
  insertImage(): void
}

/**
 * What each of the window's commands does, as functions of the workbench's parts (never a DOM
 * query); their shortcuts work from anywhere in the window. The menu, the palette and Vim's
 * ex commands run the same table.
 */
export function useWorkbenchCommands({ buffers, folderOpen, openFolder, openDialog, view, library, togglePane, insertImage }: Options): CommandHandlers {
  const commands: CommandHandlers = {
    save: () => {
      buffers.settle()
      void buffers.save()
    },
    'save-all': () => {
      buffers.settle()
      void buffers.saveAll()
    },
    'quick-open': () => openDialog({ kind: 'quick-open' }),
    'command-palette': () => openDialog({ kind: 'command-palette' }),
    'open-folder': openFolder,
    'new-article': () => folderOpen && openDialog({ kind: 'new-article' }),
    export: () => folderOpen && openDialog({ kind: 'export' }),
    find: () => view && openSearchPanel(view),
    'search-folder': () => library.current?.focusSearch(),
    'replace-folder': () => library.current?.focusReplace(),
    'toggle-sidebar': () => togglePane('sidebar'),
    'toggle-properties': () => togglePane('properties'),
    'toggle-preview': () => togglePane('preview'),
    'insert-image': insertImage,
  }
  useCommandShortcuts(commands)
  return commands
}
