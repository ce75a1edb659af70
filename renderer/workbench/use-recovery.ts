import { useCallback, useEffect, useRef, useState } from 'react'
import type { FolderInfo, RecoveredBuffers } from '../../shared/contract'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { useCrashJournalFeed } from '../buffers/crash-journal-feed'

export interface Recovery {
  /** Brings the work back unsaved (into its folder, opened first when another one is open). */
  restore(recovered: RecoveredBuffers): Promise<void>
  /** Drops the work and empties the journal. */
  discard(): void
}

interface Options {
  buffers: BufferStore
  unsaved: readonly string[]
  folderRoot: string | null
  openFolder(path: string): Promise<FolderInfo | null>
  /** Shows the recovery dialog (the workbench's 'recovery' kind), which calls restore or discard. */
  offer(recovered: RecoveredBuffers): void
}

/**
 * The crash journal both ways: what a crash left is offered once as the window starts, and from
 * the answer on the window's unsaved work feeds the journal (not before: its empty set would
 * erase the very work being offered).
 */
export function useRecovery({ buffers, unsaved, folderRoot, openFolder, offer }: Options): Recovery {
  const [answered, setAnswered] = useState(false)
  const offerNow = useRef(offer)
  offerNow.current = offer
  useEffect(() => {
    void folio.takeRecovered().then((found) => {
      if (found && found.buffers.length > 0) offerNow.current(found)
      else setAnswered(true)
    })
  }, [])
  useCrashJournalFeed(buffers, unsaved, answered)

  const restore = useCallback(
    async (recovered: RecoveredBuffers) => {
      if (recovered.root === folderRoot || (await openFolder(recovered.root))) {
        await buffers.restore(recovered.buffers)
        // From here the journal follows this window's buffers again. If the folder could not be
        // opened, the journal is left as it is for the next start.
        setAnswered(true)
      }
    },
    [folderRoot, openFolder, buffers],
  )

  const discard = useCallback(() => {
    setAnswered(true)
    void folio.journalUnsaved([])
  }, [])

  return { restore, discard }
}
