/**
 * Synchronous file-system work in short slices. Node's async fs pays a thread-pool round trip
 * per call, which for ten thousand small files costs several times the work itself; sync calls
 * in slices of a few milliseconds are that much faster and still let the main process answer
 * IPC and timers between slices.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'

const SLICE_MS = 8

/** Calls fn on every item, yielding to the event loop every few ms; stops early when stop() says so. */
export async function inSlices<T>(items: Iterable<T>, fn: (item: T) => void, stop: () => boolean = () => false): Promise<void> {
  let sliceStart = performance.now()
  for (const item of items) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn()
      if (stop()) return
      sliceStart = performance.now()
    }
    fn(item)
  }
}
