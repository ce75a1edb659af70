import { useLayoutEffect, useRef } from 'react'
import type { EventApi, EventName } from '../../shared/contract'
import { onMainEvent } from '../bridge'

/** What the window does on each event of the main process it listens to. */
export type MainEventHandlers = { [E in EventName]?: (payload: EventApi[E]) => void }

/**
 * Listens to the main process's events, each once for the life of the window: the events named
 * on the first render are subscribed then, and every event reaches the handlers of the latest
 * render, so a handler may close over state without subscribing again when it changes.
 *
 * Subscribed in the layout phase, before any effect runs: a hook that pulls what was sent before
 * the page listened (the folder, an open request) does so in an effect, when nothing can be missed.
 */
export function useMainEvents(handlers: MainEventHandlers): void {
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  useLayoutEffect(() => {
    const forward = <E extends EventName>(event: E) => onMainEvent(event, (payload) => latest.current[event]?.(payload))
    const offs = (Object.keys(latest.current) as EventName[]).map(forward)
    return () => {
      for (const off of offs) off()
    }
  }, [])
}
