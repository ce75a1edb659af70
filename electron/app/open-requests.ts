/**
 * What the app was asked to open, on its way to the page. Requests come from the command line, a
 * second launch, macOS open-file or a menu, possibly before the window exists or while its page
 * loads. They wait here until the page PULLS them (takeOpenRequest, once it listens), and only
 * from then on are they pushed as events: nothing sent to a loading page is lost, and no second
 * window is made to carry them.
 */
import type { EventApi, EventName, OpenRequest, PendingOpen } from '../../shared/contract'
import type { FolioErrorData } from '../../shared/errors'
import { log } from '../log/log'

export type OpenOutcome = OpenRequest | FolioErrorData

export interface OpenRequests {
  /**
   * A resolved target or a problem; the latest target wins while the page has not taken them.
   * `unlessWaiting`: a target that gives way to one already waiting (the launch's own, which was
   * asked before any second launch).
   */
  deliver(outcome: OpenOutcome, options?: { unlessWaiting?: boolean }): void
  /** The page starts: what waited for it. Resolves once the launch's own request is known. */
  take(): Promise<PendingOpen>
  /** The page is gone (crash, reload): hold what comes until the next page takes it. */
  pageGone(): void
  /** Work that will deliver (an argument being looked at): take() waits for it, so its result is not pushed to a page that just started. */
  track(work: Promise<unknown>): void
  /** The launch arguments have been looked at: take() may answer. */
  settle(): void
}

type Emit = <E extends EventName>(event: E, payload: EventApi[E]) => void

const isProblem = (outcome: OpenOutcome): outcome is FolioErrorData => 'code' in outcome

export function createOpenRequests(emit: Emit): OpenRequests {
  let request: OpenRequest | null = null
  let problems: FolioErrorData[] = []
  let listening = false
  const working = new Set<Promise<unknown>>()
  let settle = (): void => undefined
  const settled = new Promise<void>((done) => {
    settle = done
  })

  return {
    deliver(outcome, options) {
      if (options?.unlessWaiting && !isProblem(outcome) && (request !== null || listening)) return
      if (listening) {
        if (isProblem(outcome)) emit('openProblem', outcome)
        else emit('openRequest', outcome)
      } else if (isProblem(outcome)) problems.push(outcome)
      else request = outcome
    },
    async take() {
      await settled
      while (working.size > 0) await Promise.allSettled([...working])
      const pending = { request, problems }
      request = null
      problems = []
      listening = true
      return pending
    },
    pageGone() {
      listening = false
    },
    track(work) {
      const tracked = work
        .catch((error: unknown) => log.error('open', 'Could not open what was asked (a launch argument, a file from the OS, a recent folder).', error))
        .finally(() => working.delete(tracked))
      working.add(tracked)
    },
    settle: () => settle(),
  }
}
