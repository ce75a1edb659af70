import { useCallback, useMemo, useState } from 'react'
import { useErrorText } from '../i18n/errors'

export interface Problem {
  /** What went wrong, in the UI's language (said again when the language changes); null when nothing did. */
  message: string | null
  show(error: unknown): void
  clear(): void
}

/** The workbench's one line of "what just failed", shown above the library. */
export function useProblem(): Problem {
  const describe = useErrorText()
  // The error itself, not its sentence: a language switch says it again in the new language.
  const [shown, setShown] = useState<{ error: unknown } | null>(null)
  const show = useCallback((error: unknown) => setShown({ error }), [])
  const clear = useCallback(() => setShown(null), [])
  const message = shown ? describe(shown.error) : null
  return useMemo(() => ({ message, show, clear }), [message, show, clear])
}
