/**
 * Folio's log: failures of the main process and of the page, one entry each, appended to
 * `folio.log` in a folder given by the caller (the app's log folder in Electron, a temp folder
 * in tests). Past `maxBytes` the file becomes `folio.1.log` (the older ones move up to
 * `folio.<keep>.log`, the oldest goes), so the log never takes more than (keep + 1) × maxBytes.
 * Plain Node, so the workspace, the journal and the command line can log without Electron.
 */
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

export const LOG_FILE = 'folio.log'

export type LogLevel = 'error' | 'warn'

export interface Logger {
  /** Something failed that the user may need to know about (a journal or settings write, a save). */
  error(scope: string, message: string, cause?: unknown): void
  /** Something failed that Folio worked around (an unreadable cache, a watcher that stopped). */
  warn(scope: string, message: string, cause?: unknown): void
  /** Resolves once every entry so far is on disk. */
  flush(): Promise<void>
  /** The current log file, or null when entries go to stderr. */
  readonly file: string | null
}

export interface FileLoggerOptions {
  /** Size at which the file is rotated (default 1 MB). */
  maxBytes?: number
  /** Rotated files kept besides the current one (default 3, at least 1). */
  keep?: number
  now?: () => Date
}

/** The cause as text: its stack when it has one (which starts with its message), else its message. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.stack ?? `${cause.name}: ${cause.message}`
  if (cause === undefined) return ''
  return typeof cause === 'string' ? cause : (JSON.stringify(cause) ?? String(cause))
}

/** One entry: a header line, then the cause indented, so `grep ERROR` finds every failure. */
export function formatEntry(when: Date, level: LogLevel, scope: string, message: string, cause?: unknown): string {
  const head = `${when.toISOString()} ${level.toUpperCase()} [${scope}] ${message.replace(/\r?\n/g, ' ')}`
  const detail = describeCause(cause)
  return detail === '' ? `${head}\n` : `${head}\n${detail.replace(/^/gm, '    ')}\n`
}

export function createFileLogger(dir: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const keep = Math.max(1, options.keep ?? 3)
  const now = options.now ?? (() => new Date())
  const file = join(dir, LOG_FILE)
  const rotated = (n: number): string => join(dir, `folio.${n}.log`)
  let size: number | null = null
  // Entries are appended one after another, in the order they were logged.
  let writing: Promise<void> = Promise.resolve()

  const rotate = async (): Promise<void> => {
    await rm(rotated(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      await rename(rotated(n), rotated(n + 1)).catch((error: NodeJS.ErrnoException) => {
        // Fewer old files than `keep` so far.
        if (error.code !== 'ENOENT') throw error
      })
    }
    await rename(file, rotated(1))
    size = 0
  }

  const append = async (entry: string): Promise<void> => {
    const bytes = Buffer.byteLength(entry)
    if (size === null) {
      await mkdir(dir, { recursive: true })
      size = (await stat(file).catch(() => null))?.size ?? 0
    }
    if (size > 0 && size + bytes > maxBytes) await rotate()
    await appendFile(file, entry)
    size += bytes
  }

  const write = (level: LogLevel, scope: string, message: string, cause?: unknown): void => {
    const entry = formatEntry(now(), level, scope, message, cause)
    writing = writing.then(
      () => append(entry),
      () => append(entry),
    )
    // The log is the last place a failure can go: when it cannot be written, stderr says both.
    writing = writing.catch((error: unknown) => {
      size = null
      process.stderr.write(`folio: could not write the log ${file}: ${describeCause(error)}\n${entry}`)
    })
  }

  return {
    file,
    error: (scope, message, cause) => write('error', scope, message, cause),
    warn: (scope, message, cause) => write('warn', scope, message, cause),
    flush: () => writing,
  }
}

/** Entries to stderr: what plain Node (the command line, tests) gets until a log folder is set. */
export function createStderrLogger(now: () => Date = () => new Date()): Logger {
  const write = (level: LogLevel, scope: string, message: string, cause?: unknown): void => {
    process.stderr.write(formatEntry(now(), level, scope, message, cause))
  }
  return {
    file: null,
    error: (scope, message, cause) => write('error', scope, message, cause),
    warn: (scope, message, cause) => write('warn', scope, message, cause),
    flush: async () => undefined,
  }
}
