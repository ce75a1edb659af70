import { describe, expect, it } from 'vitest'
import type { EventApi, EventName } from '../../../shared/contract'
import { createOpenRequests } from '../../../electron/app/open-requests'

const problem = {
  code: 'CANNOT_OPEN' as const,
  path: '/x',
  message: 'Folio could not open “/x”.',
  reason: 'cannot-open' as const,
  params: { path: '/x', why: 'missing' },
}

function setup() {
  const sent: Array<[EventName, unknown]> = []
  const opens = createOpenRequests(<E extends EventName>(event: E, payload: EventApi[E]) => void sent.push([event, payload]))
  return { sent, opens }
}

describe('open requests', () => {
  it('hold what comes before the page listens, latest target wins, and answer only once the launch is known', async () => {
    const { sent, opens } = setup()
    opens.deliver({ folder: '/a', file: null })
    opens.deliver(problem)
    opens.deliver({ folder: '/b', file: 'p.md' })
    let taken: unknown = null
    const take = opens.take().then((value) => (taken = value))
    await Promise.resolve()
    expect(taken).toBeNull()
    opens.deliver({ folder: '/launch', file: null }, { unlessWaiting: true })
    opens.settle()
    await take
    expect(taken).toEqual({ request: { folder: '/b', file: 'p.md' }, problems: [problem] })
    expect(sent).toEqual([])
  })

  it('push once the page took them, and hold again after the page is gone', async () => {
    const { sent, opens } = setup()
    opens.settle()
    expect(await opens.take()).toEqual({ request: null, problems: [] })
    opens.deliver({ folder: '/c', file: null })
    opens.deliver(problem)
    expect(sent).toEqual([
      ['openRequest', { folder: '/c', file: null }],
      ['openProblem', problem],
    ])
    opens.pageGone()
    opens.deliver({ folder: '/d', file: null })
    expect(sent).toHaveLength(2)
    expect(await opens.take()).toEqual({ request: { folder: '/d', file: null }, problems: [] })
  })

  it('let the page wait for an argument still being looked at', async () => {
    const { opens } = setup()
    opens.settle()
    let finish = (): void => undefined
    opens.track(new Promise<void>((done) => (finish = done)).then(() => opens.deliver({ folder: '/late', file: null })))
    const take = opens.take()
    finish()
    expect(await take).toEqual({ request: { folder: '/late', file: null }, problems: [] })
  })
})
