/**
 * The process-wide log every main-process module writes to: `log.error(scope, message, cause)`.
 * The Electron shell points it at a file in the app's log folder at start-up (useLogger); until
 * then, and under plain Node (the command line, tests), entries go to stderr.
 */
import { createStderrLogger, type Logger } from './logger'

let current: Logger = createStderrLogger()

/** Makes `logger` the one `log` writes to; returns the previous one (tests put it back). */
export function useLogger(logger: Logger): Logger {
  const previous = current
  current = logger
  return previous
}

export const log: Logger = {
  error: (scope, message, cause) => current.error(scope, message, cause),
  warn: (scope, message, cause) => current.warn(scope, message, cause),
  flush: () => current.flush(),
  get file() {
    return current.file
  },
}
