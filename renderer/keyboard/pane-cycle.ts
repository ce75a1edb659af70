import { useEffect } from 'react'
import { focusables } from '../dialogs/focus-trap'

interface Pane {
  /** The pane's element on the page. */
  root: string
  /** What takes focus when the pane is entered for the first time (else its first control). */
  start?: string
}

/** The window's panes in reading order, as F6 visits them. */
const PANES: Pane[] = [
  { root: 'header.toolbar' },
  { root: 'nav.library', start: '[data-testid=search-results] [data-testid=search-hit], [data-testid=article-list]' },
  { root: '[data-testid=properties]' },
  { root: '.editor-pane .cm-editor', start: '.cm-content' },
  { root: '.preview-pane', start: 'iframe' },
]

function shown(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && !element.closest('[hidden]') && element.getClientRects().length > 0
}

/**
 * F6 and Shift+F6 move focus to the next or previous pane (toolbar, library, properties, editor,
 * preview), as in other desktop editors: back to where focus last was in that pane, else to its
 * main control. Closed panes are skipped; an open dialog keeps the keys to itself.
 */
export function usePaneCycle(): void {
  useEffect(() => {
    const last = new Map<string, HTMLElement>()
    const paneOf = (node: Node | null): Pane | undefined => PANES.find((pane) => node instanceof Element && node.closest(pane.root))
    const onFocusIn = (event: FocusEvent) => {
      const pane = paneOf(event.target as Node | null)
      if (pane && event.target instanceof HTMLElement) last.set(pane.root, event.target)
    }
    const enter = (pane: Pane): boolean => {
      const root = document.querySelector(pane.root)
      if (!shown(root)) return false
      const remembered = last.get(pane.root)
      const target =
        (remembered && root.contains(remembered) && shown(remembered) ? remembered : null) ??
        (pane.start ? [...root.querySelectorAll(pane.start)].find(shown) : undefined) ??
        focusables(root)[0]
      if (!(target instanceof HTMLElement)) return false
      target.focus()
      return document.activeElement === target || root.contains(document.activeElement)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return
      if (document.querySelector('[aria-modal=true]')) return
      event.preventDefault()
      const here = paneOf(document.activeElement)
      const from = here ? PANES.indexOf(here) : event.shiftKey ? 0 : -1
      const by = event.shiftKey ? -1 : 1
      for (let step = 1; step <= PANES.length; step++) {
        const pane = PANES[(from + by * step + PANES.length * 2) % PANES.length]
        if (pane && enter(pane)) return
      }
    }
    document.addEventListener('focusin', onFocusIn)
    window.addEventListener('keydown', onKeyDown, true)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      window.removeEventListener('keydown', onKeyDown, true)
    }
  }, [])
}
