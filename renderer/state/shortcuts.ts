import { useEffect, useRef } from 'react'

/**
 * Ctrl/Cmd+S saves from anywhere in the window — the editor, a form field, the list — handled
 * here in the capture phase because the harness has no native menu (and the menu item does not
 * register the accelerator, so it never fires twice).
 */
export function useSaveShortcut(save: () => Promise<void>): void {
  const latest = useRef(save)
  latest.current = save
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        event.stopPropagation()
        void latest.current()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
