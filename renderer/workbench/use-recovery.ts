import { useCallback, useEffect, useState } from 'react'
import type { FolderInfo, RecoveredBuffers } from '../../shared/contract'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { useCrashJournalFeed } from '../buffers/crash-journal-feed'

export interface Recovery {
  /** Unsaved work a crash left in the journal, offered back before anything else; null once answered. */
  recovered: RecoveredBuffers | null
  restore(): Promise<void>
  discard(): void
}

interface Options {
  buffers: BufferStore
  unsaved: readonly string[]
  folderRoot: string | null
  openFolder(path: string): Promise<FolderInfo | null>
}

/**
 * The crash journal both ways: what a crash left is offered once as the window starts, and from
 * the answer on the window's unsaved work feeds the journal (not before: its empty set would
 * erase the very work being offered).
 */
export function useRecovery({ buffers, unsaved, folderRoot, openFolder }: Options): Recovery {
  const [recovered, setRecovered] = useState<RecoveredBuffers | null>(null)
  const [answered, setAnswered] = useState(false)
  useEffect(() => {
    void folio.takeRecovered().then((found) => {
      if (found && found.buffers.length > 0) setRecovered(found)
      else setAnswered(true)
    })
  }, [])
  useCrashJournalFeed(buffers, unsaved, answered)

  const restore = useCallback(async () => {
    if (!recovered) return
    setRecovered(null)
    if (recovered.root === folderRoot || (await openFolder(recovered.root))) {
      await buffers.restore(recovered.buffers)
      // From here the journal follows this window's buffers again. If the folder could not be
      // opened, the journal is left as it is for the next start.
      setAnswered(true)
    }
  }, [recovered, folderRoot, openFolder, buffers])

  const discard = useCallback(() => {
    setRecovered(null)
    setAnswered(true)
    void folio.journalUnsaved([])
  }, [])

  return { recovered, restore, discard }
}
