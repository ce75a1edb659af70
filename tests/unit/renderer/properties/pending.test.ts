/** Drafts a field holds until commit: Save commits every one still registered, and only those. */
import { afterEach, describe, expect, it } from 'vitest'
import { commitPendingEdits, registerPending } from '../../../../renderer/properties/pending'

const unregister: (() => void)[] = []
afterEach(() => {
  while (unregister.length) unregister.pop()?.()
})

function draft(log: string[], name: string): () => void {
  const off = registerPending(() => log.push(name))
  unregister.push(off)
  return off
}

describe('pending edits', () => {
  it('commits every registered draft, once per save, in the order the fields registered', () => {
    const log: string[] = []
    draft(log, 'date')
    draft(log, 'updated')
    commitPendingEdits()
    expect(log).toEqual(['date', 'updated'])
    commitPendingEdits()
    expect(log).toEqual(['date', 'updated', 'date', 'updated'])
  })

  it('forgets a field once it unregisters (the field left the form)', () => {
    const log: string[] = []
    const off = draft(log, 'date')
    draft(log, 'title')
    off()
    commitPendingEdits()
    expect(log).toEqual(['title'])
  })

  it('a commit that makes its field register again (the form re-rendered) runs once per save, not again for the new registration', () => {
    const log: string[] = []
    let calls = 0
    const field = (): (() => void) => {
      const off = registerPending(() => {
        calls++
        log.push('date')
        off()
        // Bounded, so a commit loop shows as a failure rather than a hang.
        if (calls < 5) unregister.push(field())
      })
      return off
    }
    unregister.push(field())
    draft(log, 'title')
    commitPendingEdits()
    expect(log).toEqual(['date', 'title'])
    commitPendingEdits()
    expect(log).toEqual(['date', 'title', 'title', 'date'])
  })
})
