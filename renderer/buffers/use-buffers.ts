import { useSyncExternalStore } from 'react'
import type { BufferSnapshot, BufferStore } from './buffer-store'

/** What the store shows now; re-renders only when the snapshot changes. */
export function useBuffers(store: BufferStore): BufferSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
