/**
 * The open article's goal, kept by the main process by folder and path (never in the article):
 * read when the article is shown, changed from the status bar.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ArticleGoal } from '../../shared/contract'
import { folio } from '../bridge'

export interface GoalControl {
  goal: ArticleGoal | null
  /** Sets (or with null removes) the goal of the article shown. */
  setGoal(goal: ArticleGoal | null): void
}

export function useArticleGoal(path: string | null, onError: (error: unknown) => void): GoalControl {
  const [goal, setGoalState] = useState<{ path: string; goal: ArticleGoal | null } | null>(null)
  const reportError = useRef(onError)
  reportError.current = onError
  useEffect(() => {
    if (path === null) return
    let live = true
    folio.articleGoal(path).then(
      (found) => live && setGoalState({ path, goal: found }),
      (error: unknown) => live && reportError.current(error),
    )
    return () => {
      live = false
    }
  }, [path])
  const setGoal = useCallback(
    (next: ArticleGoal | null) => {
      if (path === null) return
      setGoalState({ path, goal: next })
      folio.setArticleGoal(path, next).catch((error: unknown) => reportError.current(error))
    },
    [path],
  )
  const shown = goal !== null && goal.path === path ? goal.goal : null
  // One object while nothing in it changes: the status bar is memoized on it.
  return useMemo(() => ({ goal: shown, setGoal }), [shown, setGoal])
}
