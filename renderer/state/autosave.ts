import { useEffect } from 'react'
import type { Session } from './session'

const PAUSE_MS = 2000

/** When enabled, saves a dirty article once typing pauses; conflicts still stop and ask. */
export function useAutosave(session: Session, enabled: boolean): void {
  const { save, saveState, text } = session
  useEffect(() => {
    if (!enabled || saveState !== 'dirty') return
    const timer = setTimeout(() => void save(), PAUSE_MS)
    return () => clearTimeout(timer)
  }, [enabled, saveState, text, save])
}
