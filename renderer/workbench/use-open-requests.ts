import { useEffect, useRef, useState } from 'react'
import type { FolderInfo, OpenRequest } from '../../shared/contract'
import type { FolioErrorData } from '../../shared/errors'
import { folio } from '../bridge'
import { useErrorText } from '../i18n/errors'
import type { MainEventHandlers } from './use-main-events'

export interface OpenRequests {
  /** The folder (absolute) being opened on request, shown until it is. */
  opening: string | null
  /** What the app was asked to open and could not, in the UI's language. */
  problems: string[]
  dismissProblems(): void
  events: Pick<MainEventHandlers, 'openRequest' | 'openProblem'>
}

interface Options {
  openFolder(path: string): Promise<FolderInfo | null>
  openFile(path: string): Promise<unknown>
}

/**
 * What the app is asked to open (the OS, the command line, a second launch, Open Recent): pulled
 * once as the page starts, since it may have been asked before the page could listen, and pushed
 * from then on through the events (useMainEvents subscribes before this pull).
 */
export function useOpenRequests({ openFolder, openFile }: Options): OpenRequests {
  const describe = useErrorText()
  const [opening, setOpening] = useState<string | null>(null)
  const [problems, setProblems] = useState<FolioErrorData[]>([])

  const open = ({ folder, file }: OpenRequest) => {
    setOpening(folder)
    void openFolder(folder)
      .then(async (info) => {
        if (info && file) await openFile(file)
      })
      .finally(() => setOpening(null))
  }
  const latestOpen = useRef(open)
  useEffect(() => {
    latestOpen.current = open
  })
  useEffect(() => {
    // Taken once: the answer is applied even if this effect was torn down meanwhile (StrictMode runs it twice).
    void folio.takeOpenRequest().then(({ request, problems: found }) => {
      if (found.length > 0) setProblems((shown) => [...shown, ...found])
      if (request) latestOpen.current(request)
    })
  }, [])

  return {
    opening,
    problems: problems.map((problem) => describe(problem)),
    dismissProblems: () => setProblems([]),
    events: {
      openRequest: open,
      openProblem: (problem) => setProblems((shown) => [...shown, problem]),
    },
  }
}
