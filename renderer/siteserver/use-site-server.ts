/** The site server's state and log for the open folder, as the main process reports them. */
import { useEffect, useState } from 'react'
import type { SiteServerSnapshot } from '../../shared/contract'
import { folio, onMainEvent } from '../bridge'

/** What the log panel keeps: the newest lines, as a terminal would scroll. */
const LOG_LINES = 1_000
const LOG_CHARS = 200_000

export function logTail(text: string): string {
  const cut = text.length > LOG_CHARS ? text.slice(-LOG_CHARS) : text
  const lines = cut.split('\n')
  return lines.length > LOG_LINES ? lines.slice(-LOG_LINES).join('\n') : cut
}

export function useSiteServer(root: string | null): SiteServerSnapshot | null {
  const [snapshot, setSnapshot] = useState<SiteServerSnapshot | null>(null)
  useEffect(() => {
    setSnapshot(null)
    if (root === null) return
    let live = true
    const sync = () =>
      void folio.siteServerState().then(
        (found) => live && setSnapshot(found),
        // No folder any more (it closed meanwhile): nothing to show.
        () => live && setSnapshot(null),
      )
    const offState = onMainEvent('siteServerChanged', (state) => {
      // A new start began a new log in the main process: take it whole.
      if (state.status === 'starting') sync()
      setSnapshot((shown) => ({ state, log: shown?.log ?? '' }))
    })
    const offOutput = onMainEvent('siteServerOutput', ({ text }) => setSnapshot((shown) => shown && { ...shown, log: logTail(shown.log + text) }))
    sync()
    return () => {
      live = false
      offState()
      offOutput()
    }
  }, [root])
  return snapshot
}
