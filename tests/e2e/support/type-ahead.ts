/**
 * Input sent as one burst, without waiting for the page to take each event: the events queue up
 * as a fast typist's keys do on a busy machine, and the page handles them all before its next
 * paint. `page.keyboard.type` waits for every key, so on a loaded test machine a frame always
 * passes between two keys and the race a fast typist meets (a key, then Ctrl+S or a click before
 * that key's frame is painted) never happens.
 */
import type { CDPSession, Page } from '@playwright/test'

/** Text typed key by key, a chord such as `Control+Shift+z`, or a left click at a point of the page. */
export type Step = string | { chord: string } | { click: { x: number; y: number } }

const MODIFIERS = { Alt: 1, Control: 2, Meta: 4, Shift: 8 } as const
type Modifier = keyof typeof MODIFIERS

/** The DOM code and Windows key code of a key the US layout types, or null (then it is inserted as text). */
function keyCodes(key: string): { code: string; keyCode: number } | null {
  if (/^[a-z]$/i.test(key)) return { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) }
  if (/^[0-9]$/.test(key)) return { code: `Digit${key}`, keyCode: key.charCodeAt(0) }
  const named: Record<string, { code: string; keyCode: number }> = {
    ' ': { code: 'Space', keyCode: 32 },
    ',': { code: 'Comma', keyCode: 188 },
    '.': { code: 'Period', keyCode: 190 },
    '-': { code: 'Minus', keyCode: 189 },
  }
  return named[key] ?? null
}

function keyEvents(cdp: CDPSession, key: string, modifiers: number): Promise<unknown>[] {
  const codes = keyCodes(key)
  // Characters no key of the layout types (Chinese) arrive as committed text, as Playwright's own type() sends them.
  if (!codes) return [cdp.send('Input.insertText', { text: key })]
  const text = modifiers & ~MODIFIERS.Shift ? undefined : key
  const common = { key, code: codes.code, windowsVirtualKeyCode: codes.keyCode, modifiers }
  return [
    cdp.send('Input.dispatchKeyEvent', { type: text === undefined ? 'rawKeyDown' : 'keyDown', text, ...common }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }),
  ]
}

function chordEvents(cdp: CDPSession, chord: string): Promise<unknown>[] {
  const parts = chord.split('+')
  const key = parts.pop() ?? ''
  const held = parts as Modifier[]
  const sent: Promise<unknown>[] = []
  let modifiers = 0
  for (const name of held) {
    modifiers |= MODIFIERS[name]
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: name, code: `${name}Left`, modifiers }))
  }
  sent.push(...keyEvents(cdp, held.includes('Shift') ? key.toUpperCase() : key, modifiers))
  for (const name of [...held].reverse()) {
    modifiers &= ~MODIFIERS[name]
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: name, code: `${name}Left`, modifiers }))
  }
  return sent
}

function clickEvents(cdp: CDPSession, x: number, y: number): Promise<unknown>[] {
  const common = { x, y, button: 'left' as const, clickCount: 1 }
  return [
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...common }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...common }),
  ]
}

/** Sends every step's events at once, in order, and waits until the page has taken them all. */
export async function typeAhead(page: Page, ...steps: Step[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const sent: Promise<unknown>[] = []
    for (const step of steps) {
      if (typeof step === 'string') for (const key of step) sent.push(...keyEvents(cdp, key, 0))
      else if ('chord' in step) sent.push(...chordEvents(cdp, step.chord))
      else sent.push(...clickEvents(cdp, step.click.x, step.click.y))
    }
    await Promise.all(sent)
  } finally {
    await cdp.detach()
  }
}

/** The middle of an element, for a click step. */
export async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}
