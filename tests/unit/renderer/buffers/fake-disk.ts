/**
 * An in-memory stand-in for the main process's article calls, with the same contract as the
 * real ones (hash check on save, NOT_FOUND, CONFLICT with the disk's text), and a gate that holds
 * saves so a test can act while one is under way.
 */
import { createHash } from 'node:crypto'
import type { ArticleFile, SaveResult } from '../../../../shared/contract'
import { FolioError } from '../../../../shared/errors'
import type { BufferApi } from '../../../../renderer/buffers/buffer-store'

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export class FakeDisk implements BufferApi {
  readonly files = new Map<string, string>()
  readonly readOnly = new Map<string, string>()
  /** Paths whose reads fail with an I/O error (not NOT_FOUND). */
  readonly unreadable = new Set<string>()
  /** Every save asked for, in order, answered or not. */
  readonly saves: { path: string; text: string; baseHash: string }[] = []
  /** When set, saves wait for release() (one call releases every waiting save). */
  hold = false
  /** The next save fails with this error instead of writing. */
  failNext: FolioError | null = null
  #waiting: (() => void)[] = []

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text)
  }

  release(): void {
    const waiting = this.#waiting
    this.#waiting = []
    for (const go of waiting) go()
  }

  async readArticle(path: string): Promise<ArticleFile> {
    await Promise.resolve()
    if (this.unreadable.has(path))
      throw new FolioError({
        code: 'IO',
        path,
        message: `Could not read ${path}: permission denied.`,
        reason: 'io',
        params: { doing: 'read', path, errno: 'EACCES' },
      })
    const stored = this.files.get(path)
    if (stored === undefined)
      throw new FolioError({
        code: 'NOT_FOUND',
        path,
        message: `Could not read ${path}: the file does not exist.`,
        reason: 'file-missing',
        params: { doing: 'read', path },
      })
    const readOnly = this.readOnly.get(path) ?? null
    const bom = stored.startsWith('\uFEFF')
    const text = bom ? stored.slice(1) : stored
    return {
      path,
      text,
      bom,
      eol: text.includes('\r\n') ? '\r\n' : '\n',
      hash: hashOf(stored),
      mtimeMs: 0,
      size: text.length,
      readOnly,
      canMakeWritable: readOnly !== null,
    }
  }

  async makeArticleWritable(path: string): Promise<ArticleFile> {
    this.readOnly.delete(path)
    return this.readArticle(path)
  }

  async saveArticleAs(path: string, text: string, bom: boolean): Promise<SaveResult> {
    this.saves.push({ path, text, baseHash: '' })
    await Promise.resolve()
    if (this.files.has(path))
      throw new FolioError({ code: 'EXISTS', path, message: `Could not save ${path}: a file with that name exists.`, reason: 'name-taken', params: { path } })
    const stored = bom ? '\uFEFF' + text : text
    this.files.set(path, stored)
    return { path, hash: hashOf(stored), mtimeMs: 0, size: stored.length }
  }

  async saveArticle(path: string, text: string, baseHash: string): Promise<SaveResult> {
    this.saves.push({ path, text, baseHash })
    if (this.hold) await new Promise<void>((go) => this.#waiting.push(go))
    const failure = this.failNext
    this.failNext = null
    if (failure) throw failure
    const disk = this.files.get(path)
    if (disk === undefined)
      throw new FolioError({
        code: 'NOT_FOUND',
        path,
        message: `Could not save ${path}: the file does not exist.`,
        reason: 'file-missing',
        params: { doing: 'save', path },
      })
    if (hashOf(disk) !== baseHash) {
      throw new FolioError({
        code: 'CONFLICT',
        path,
        message: `${path} changed on disk.`,
        reason: 'changed-since-opened',
        params: { path },
        disk: { text: disk, hash: hashOf(disk) },
      })
    }
    // The file keeps its byte order mark, as the real save does.
    const stored = disk.startsWith('\uFEFF') ? '\uFEFF' + text : text
    this.files.set(path, stored)
    return { path, hash: hashOf(stored), mtimeMs: 0, size: stored.length }
  }
}
