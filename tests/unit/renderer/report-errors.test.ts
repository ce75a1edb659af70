/**
 * The page's side of the log: what an uncaught error or a rejected promise sends through the
 * contract's reportError, clipped to the limits the main process checks, and never a flood.
 */
import { describe, expect, it } from 'vitest'
import { ERROR_REPORT_LIMITS, type ErrorReport } from '../../../shared/contract'
import { installErrorReporting, toReport } from '../../../renderer/log/report-errors'

/** A window stand-in: the two events the reporter listens to, as plain Events with their fields. */
function fakeWindow(): { target: Window; fire(type: 'error' | 'unhandledrejection', fields: Record<string, unknown>): void } {
  const events = new EventTarget()
  return {
    target: events as unknown as Window,
    fire: (type, fields) => events.dispatchEvent(Object.assign(new Event(type), fields)),
  }
}

describe('reporting the page’s errors', () => {
  it('sends uncaught errors and unhandled rejections with their stacks, until disposed', async () => {
    const sent: ErrorReport[] = []
    const page = fakeWindow()
    const reporter = installErrorReporting({ reportError: async (r) => void sent.push(r) }, page.target)
    page.fire('error', { error: new TypeError('x is undefined'), message: 'Uncaught TypeError: x is undefined' })
    page.fire('unhandledrejection', { reason: new Error('save failed') })
    page.fire('unhandledrejection', { reason: 'a plain string' })
    expect(sent.map((r) => [r.source, r.message])).toEqual([
      ['window', 'TypeError: x is undefined'],
      ['promise', 'Error: save failed'],
      ['promise', 'a plain string'],
    ])
    expect(sent[0]?.stack).toMatch(/TypeError: x is undefined\n\s+at /)
    reporter.dispose()
    page.fire('error', { error: new Error('after dispose') })
    expect(sent).toHaveLength(3)
  })

  it('clips what it sends to the limits the main process accepts, and sends at most 30 a minute', () => {
    const long = new Error('m'.repeat(ERROR_REPORT_LIMITS.message * 2))
    long.stack = 's'.repeat(ERROR_REPORT_LIMITS.stack * 2)
    const report = toReport('r'.repeat(500), long)
    expect(report.source.length).toBeLessThanOrEqual(ERROR_REPORT_LIMITS.source)
    expect(report.message.length).toBeLessThanOrEqual(ERROR_REPORT_LIMITS.message)
    expect(report.stack?.length).toBeLessThanOrEqual(ERROR_REPORT_LIMITS.stack)

    let clock = 0
    const sent: ErrorReport[] = []
    const page = fakeWindow()
    installErrorReporting({ reportError: async (r) => void sent.push(r) }, page.target, () => clock)
    for (let i = 0; i < 100; i++) page.fire('error', { error: new Error(`loop ${i}`) })
    expect(sent).toHaveLength(30)
    clock = 60_000
    page.fire('error', { error: new Error('a minute later') })
    expect(sent.at(-1)?.message).toBe('Error: a minute later')
  })
})
