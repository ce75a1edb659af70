import { useEffect } from 'react'
import type { BufferState } from './transitions'

const PAUSE_MS = 2000

/**
 * When enabled, saves a dirty article once typing pauses (`text` changes with each pause);
 * conflicts, deleted files and failures wait for the writer.
 */
export function useAutosave(save: () => Promise<unknown>, state: BufferState, text: string, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || state !== 'dirty') return
    const timer = setTimeout(() => void save(), PAUSE_MS)
    return () => clearTimeout(timer)
  }, [enabled, state, text, save])
}
