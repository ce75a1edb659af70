/**
 * Sends the page's failures to Folio's log file (folio.log in the app's log folder) through the
 * contract's reportError: uncaught errors (React's uncaught render errors arrive this way too),
 * promises that failed with nobody waiting, and errors a feature caught but could not handle.
 */
import { ERROR_REPORT_LIMITS, type ErrorReport, type InvokeApi } from '../../shared/contract'

/** Reports per minute: a render loop that throws on every frame must not flood the log. */
const PER_MINUTE = 30

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
}

export function toReport(source: string, error: unknown): ErrorReport {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
  const stack = error instanceof Error && error.stack ? clip(error.stack, ERROR_REPORT_LIMITS.stack) : undefined
  return { source: clip(source, ERROR_REPORT_LIMITS.source), message: clip(message, ERROR_REPORT_LIMITS.message), ...(stack ? { stack } : {}) }
}

export interface ErrorReporter {
  /** Logs a failure the page caught but cannot do anything about. */
  report(source: string, error: unknown): void
  /** Stops listening to the window. */
  dispose(): void
}

let installed: ErrorReporter | null = null

/** For a feature that caught a failure it has no place to show: straight to the log. */
export function logPageError(source: string, error: unknown): void {
  if (installed) installed.report(source, error)
  else console.error(`Folio (${source}):`, error)
}

export function installErrorReporting(api: Pick<InvokeApi, 'reportError'>, target: Window = window, now: () => number = Date.now): ErrorReporter {
  let windowStart = now()
  let sent = 0
  const report = (source: string, error: unknown): void => {
    if (now() - windowStart >= 60_000) {
      windowStart = now()
      sent = 0
    }
    if (++sent > PER_MINUTE) return
    const data = toReport(source, error)
    void api.reportError(data).catch((failure: unknown) => {
      // The main process cannot be reached (the page is closing, or runs without it): the console is what is left.
      console.error('Folio could not write this error to its log:', data.message, failure)
    })
  }
  const onError = (event: ErrorEvent): void => report('window', event.error ?? event.message)
  const onRejection = (event: PromiseRejectionEvent): void => report('promise', event.reason)
  target.addEventListener('error', onError)
  target.addEventListener('unhandledrejection', onRejection)
  const reporter: ErrorReporter = {
    report,
    dispose() {
      target.removeEventListener('error', onError)
      target.removeEventListener('unhandledrejection', onRejection)
      if (installed === reporter) installed = null
    },
  }
  installed = reporter
  return reporter
}
