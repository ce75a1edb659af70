import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useI18n } from '../i18n/i18n'
import type { Heading } from './outline'

interface Props {
  headings: readonly Heading[]
  /** The heading of the section shown at the top of the editor and preview (null when there is none). */
  current: Heading | null
  onJump(line: number): void
}

/**
 * The article's headings as a list: a click or Enter jumps the editor (and with it the preview)
 * to the heading; the arrow keys, Home and End move between headings; the section in view is
 * marked as the current location and kept visible in the list as the writer scrolls.
 */
export function Outline({ headings, current, onJump }: Props) {
  const { t } = useI18n()
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const item = list.current?.querySelector('[aria-current="location"]')
    // Only the list scrolls: scrollIntoView would move the app around it too.
    if (item instanceof HTMLElement && list.current) {
      const box = list.current
      if (item.offsetTop < box.scrollTop) box.scrollTop = item.offsetTop
      else if (item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = item.offsetTop + item.offsetHeight - box.clientHeight
    }
  }, [current])

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const buttons = Array.from(list.current?.querySelectorAll('button') ?? [])
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key]
    if (to === undefined || buttons.length === 0) return
    event.preventDefault()
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]!.focus()
  }

  if (headings.length === 0)
    return (
      <p className="outline-empty" data-testid="outline-empty">
        {t('outlineEmpty')}
      </p>
    )
  const currentIndex = current ? headings.indexOf(current) : -1
  return (
    <ol className="outline-list" ref={list} onKeyDown={onKeyDown} data-testid="outline-list">
      {headings.map((heading, i) => (
        <li key={`${heading.line}:${i}`} style={{ paddingInlineStart: `${(heading.level - 1) * 12}px` }}>
          <button
            type="button"
            data-testid="outline-item"
            data-line={heading.line}
            aria-current={i === currentIndex ? 'location' : undefined}
            // One stop in the tab order: the current heading (or the first); the arrows move within.
            tabIndex={i === Math.max(0, currentIndex) ? 0 : -1}
            onClick={() => onJump(heading.line)}
          >
            {heading.text}
          </button>
        </li>
      ))}
    </ol>
  )
}
