import { useEffect } from 'react'
import type { Conflict } from '../buffers/buffer-store'
import type { DialogState } from './dialog-state'

/**
 * The conflict dialog follows the buffer store: shown (or queued behind the dialog shown) while
 * the store holds a conflict, brought up to date when a newer one comes, closed when it ends.
 */
export function useConflictDialog(conflict: Conflict | null, { open, close }: Pick<DialogState, 'open' | 'close'>): void {
  useEffect(() => {
    if (conflict) open({ kind: 'conflict', conflict })
    else close('conflict')
  }, [conflict, open, close])
}
