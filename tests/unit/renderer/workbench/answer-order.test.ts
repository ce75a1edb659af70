/**
 * AnswerOrder (renderer/workbench/answer-order.ts): which folder answers the library may still
 * show when they come back out of order.
 */
import { describe, expect, it } from 'vitest'
import { AnswerOrder } from '../../../../renderer/workbench/answer-order'

describe('AnswerOrder', () => {
  it('shows listings in the order asked, dropping one older than what is shown', () => {
    const order = new AnswerOrder()
    const older = order.listing()
    const newer = order.listing()
    expect(order.takeListing(newer)).toBe(true)
    expect(order.takeListing(older)).toBe(false)
  })

  it('drops a listing asked before an open, or while it is on its way, and shows the open', () => {
    const order = new AnswerOrder()
    const before = order.listing()
    const open = order.open()
    const during = order.listing()
    expect(order.takeListing(during)).toBe(false)
    expect(order.takeOpen(open, true)).toBe(true)
    expect(order.takeListing(before)).toBe(false)
    expect(order.takeListing(order.listing())).toBe(true)
  })

  it('owes one listing after an open that dropped a listing asked while it was on its way', () => {
    const order = new AnswerOrder()
    const open = order.open()
    // The index's last count came before the open's reply: its rows are newer than the reply's.
    expect(order.takeListing(order.listing())).toBe(false)
    expect(order.takeOpen(open, true)).toBe(true)
    expect(order.owedListing()).toBe(true)
    expect(order.owedListing()).toBe(false)
    // Nothing dropped meanwhile: nothing owed.
    const quiet = new AnswerOrder()
    const before = quiet.listing()
    const alone = quiet.open()
    expect(quiet.takeListing(before)).toBe(false)
    expect(quiet.takeOpen(alone, true)).toBe(true)
    expect(quiet.owedListing()).toBe(false)
  })

  it('drops an open the writer replaced by another, whichever answers first', () => {
    const order = new AnswerOrder()
    const first = order.open()
    const second = order.open()
    expect(order.takeOpen(second, true)).toBe(true)
    expect(order.takeOpen(first, true)).toBe(false)
    const again = new AnswerOrder()
    const slow = again.open()
    const fast = again.open()
    expect(again.takeOpen(slow, true)).toBe(false)
    expect(again.takeOpen(fast, true)).toBe(true)
  })

  it('lists again after an open that was cancelled or failed: the folder before stays', () => {
    const order = new AnswerOrder()
    const open = order.open()
    expect(order.takeOpen(open, false)).toBe(false)
    expect(order.takeListing(order.listing())).toBe(true)
  })
})
