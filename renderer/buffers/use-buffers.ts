import { useSyncExternalStore } from 'react'
import type { BufferSnapshot, BufferStore, Cursor } from './buffer-store'

/** What the store shows now; re-renders only when the snapshot changes. */
export function useBuffers(store: BufferStore): BufferSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The cursor's line and column; re-renders only when they change (apart from the snapshot). */
export function useCursor(store: Pick<BufferStore, 'subscribeCursor' | 'getCursor'>): Cursor {
  return useSyncExternalStore(store.subscribeCursor, store.getCursor)
}
