/**
 * Errors that cross the IPC boundary: plain objects with a stable code, never stacks.
 * The renderer shows `message`; code decides what the UI offers (reload, compare, …).
 */
export type ErrorCode =
  | 'NO_FOLDER' // no content folder is open
  | 'NOT_FOUND'
  | 'EXISTS' // refusing to overwrite
  | 'OUTSIDE_ROOT' // path escapes the content folder
  | 'INVALID_PATH' // NUL bytes, drive letters, absolute paths …
  | 'CONFLICT' // file changed on disk since it was read
  | 'INVALID_UTF8'
  | 'READ_ONLY'
  | 'HEADER_PARSE' // front matter does not parse; refusing to edit it
  | 'BAD_ARGUMENT' // run-time validation of IPC arguments failed
  | 'FORBIDDEN' // IPC sender is not our window
  | 'CANCELLED'
  | 'NOT_TRUSTED' // running the open site's own code (its server) was not agreed to for this folder
  | 'IO'
  | 'CANNOT_OPEN' // the app was asked to open something it cannot (launch argument, URI, last folder)

export interface FolioErrorData {
  code: ErrorCode
  message: string
  /** POSIX path relative to the content root, when the error is about one file. */
  path?: string
  /** 1-based line in that file, when known. */
  line?: number
  /** For CONFLICT: what is on disk now, so the UI can offer reload / keep mine / compare. */
  disk?: { text: string; hash: string }
}

export class FolioError extends Error implements FolioErrorData {
  readonly code: ErrorCode
  readonly path?: string
  readonly line?: number
  readonly disk?: { text: string; hash: string }

  constructor(data: FolioErrorData) {
    super(data.message)
    this.name = 'FolioError'
    this.code = data.code
    if (data.path !== undefined) this.path = data.path
    if (data.line !== undefined) this.line = data.line
    if (data.disk !== undefined) this.disk = data.disk
  }

  toData(): FolioErrorData {
    const data: FolioErrorData = { code: this.code, message: this.message }
    if (this.path !== undefined) data.path = this.path
    if (this.line !== undefined) data.line = this.line
    if (this.disk !== undefined) data.disk = this.disk
    return data
  }
}

export function isFolioErrorData(value: unknown): value is FolioErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}

/** What crosses the wire for every invoke: a value or a typed error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: FolioErrorData }
