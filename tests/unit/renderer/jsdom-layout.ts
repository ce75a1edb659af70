/**
 * jsdom lays nothing out, so every element has no client rects and would count as not shown.
 * For the tests of this file: an element has a box unless it or a parent has display: none,
 * which is what getClientRects says for it in a browser.
 */
import { afterAll, beforeAll } from 'vitest'

function displayed(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (at instanceof HTMLElement && at.style.display === 'none') return false
  return true
}

export function displayLayout(): void {
  const original = Element.prototype.getClientRects
  beforeAll(() => {
    Element.prototype.getClientRects = function (this: Element) {
      return (displayed(this) ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList
    }
  })
  afterAll(() => {
    Element.prototype.getClientRects = original
  })
}
