/**
 * The open folder's git state for the UI: asked again whenever the article list changes (a
 * save, a change on disk) and when the window regains focus (a commit made in a terminal).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { GitProgress, GitState } from '../../shared/contract'
import { folio } from '../bridge'
import { useMainEvents } from '../workbench/use-main-events'

export interface GitModel {
  state: GitState | null
  /** Why the last status call failed (said through errorText, in the UI's language), or null. */
  error: unknown
  refresh(): Promise<void>
  /** Progress output of the running pull or push, cleared when the next one starts. */
  progress: string
  clearProgress(): void
}

const REFRESH_DELAY_MS = 250

export function useGit(root: string | null, changed: unknown): GitModel {
  const [state, setState] = useState<GitState | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [progress, setProgress] = useState('')
  // Answers to an older folder (or an older call) must not overwrite a newer one.
  const asked = useRef(0)

  const refresh = useCallback(async () => {
    const ticket = ++asked.current
    if (root === null) {
      setState(null)
      return
    }
    try {
      const next = await folio.gitState()
      if (ticket !== asked.current) return
      setState(next)
      setError(null)
    } catch (failure) {
      if (ticket === asked.current) setError(failure ?? new Error('git status failed'))
    }
  }, [root])

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [refresh, changed])

  useEffect(() => {
    const onFocus = () => void refresh()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [refresh])
  useMainEvents({ gitProgress: (p: GitProgress) => setProgress((shown) => keepTail(shown + p.text)) })

  const clearProgress = useCallback(() => setProgress(''), [])
  // One object while nothing in it changes: the toolbar's git buttons are memoized on it.
  return useMemo(() => ({ state, error, refresh, progress, clearProgress }), [state, error, refresh, progress, clearProgress])
}

/**
 * Progress output redraws its lines with a carriage return: keep the last state of each line,
 * and only the last few lines.
 */
export function keepTail(text: string, lines = 12): string {
  const shown = text.split('\n').map((line) => {
    const parts = line.split('\r').filter((p) => p !== '')
    return parts[parts.length - 1] ?? ''
  })
  return shown.slice(-lines).join('\n')
}
