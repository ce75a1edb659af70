import { useEffect, useLayoutEffect, useState, type RefObject } from 'react'

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  '[contenteditable=true]',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

/** The elements Tab reaches inside `root`, in document order (hidden ones left out). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0)
}

/**
 * Keeps keyboard focus inside a dialog while it is open: Tab and Shift+Tab wrap around its
 * controls, focus that lands outside (a click on the page behind, a script) is brought back, and
 * on close focus returns to where it was before the dialog opened, so a keyboard user goes on
 * from the same place.
 */
export function useFocusTrap(root: RefObject<HTMLElement | null>): void {
  useReturnFocus()
  // A focused control the dialog took away (Undo, replaced by "undoing…") leaves focus on the
  // page's body, where Escape and Tab reach no dialog: it comes back inside in the same commit.
  useLayoutEffect(() => {
    const element = root.current
    const active = document.activeElement
    if (element && (active === null || active === document.body)) (focusables(element)[0] ?? element).focus()
  })
  useEffect(() => {
    const element = root.current
    if (!element) return
    // Children focus themselves with autoFocus; a dialog without one starts on its first control.
    if (!element.contains(document.activeElement)) (focusables(element)[0] ?? element).focus()

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented) return
      const all = focusables(element)
      if (all.length === 0) {
        event.preventDefault()
        return
      }
      const index = all.indexOf(document.activeElement as HTMLElement)
      const next = event.shiftKey ? (index <= 0 ? all.length - 1 : index - 1) : index === -1 || index === all.length - 1 ? 0 : index + 1
      event.preventDefault()
      all[next]?.focus()
    }
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Node | null
      // Another dialog opened above this one keeps its own focus.
      if (target && !element.contains(target) && !(target instanceof Element && target.closest('[aria-modal=true]'))) {
        ;(focusables(element)[0] ?? element).focus()
      }
    }
    element.addEventListener('keydown', onKeyDown)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      element.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [root])
}

/**
 * On unmount, gives focus back to the element that had it when the component first rendered, if
 * focus was lost with the component (it was inside) and that element is still on the page.
 */
export function useReturnFocus(): void {
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(
    () => () => {
      const active = document.activeElement
      if (before?.isConnected && (active === null || active === document.body || !active.isConnected)) before.focus()
    },
    [before],
  )
}
