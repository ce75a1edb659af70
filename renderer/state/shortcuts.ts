import { useEffect, useRef } from 'react'

/** Handlers for Ctrl/Cmd + a letter, keyed by the lower-case letter. */
export type Shortcuts = Partial<Record<string, () => void>>

/**
 * Window-wide Ctrl/Cmd shortcuts (S save, P quick open) that work from anywhere — the editor, a
 * form field, the list — handled in the capture phase because the harness has no native menu,
 * and the app's menu items do not register these accelerators, so nothing fires twice.
 */
export function useWindowShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts)
  latest.current = shortcuts
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      const run = latest.current[event.key.toLowerCase()]
      if (!run) return
      event.preventDefault()
      event.stopPropagation()
      run()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
