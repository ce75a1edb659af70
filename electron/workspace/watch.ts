/**
 * Changes made outside Folio (another editor, `git checkout`, a sync tool). File events are
 * collected and handed over in batches: a checkout touching thousands of files becomes a few
 * batches, not thousands of re-renders.
 */
import { watch, type FSWatcher } from 'chokidar'
import { log } from '../log/log'
import type { PathRules } from './scan'
import type { SiteSettings } from './site'

export interface WatchOptions {
  /** Quiet time after the last event before a batch is handed over. */
  quietMs?: number
  /** A continuous stream of events is still handed over at least this often. */
  maxWaitMs?: number
  /** An event about the watched folder itself (it was removed or moved), or a watcher error. */
  onRoot?: () => void
}

export interface Watcher {
  /**
   * Settles once every folder is watched. Setting up walks the whole tree (a second or so for
   * ten thousand files), so callers go on meanwhile and catch up afterwards.
   */
  ready: Promise<void>
  close(): Promise<void>
}

/** Past this many events in one batch, the batch also asks for a rescan. */
const BURST = 200

/**
 * Calls onBatch with the POSIX paths (files, or folders that vanished) that changed. `rescan`
 * is set when the batch had new folders or was a burst: a folder's watcher starts only after the
 * folder is listed, so files written meanwhile (a checkout, an unzip) can slip by unreported.
 */
export function watchSite(
  site: SiteSettings,
  rules: PathRules,
  toRel: (abs: string) => string | null,
  onBatch: (paths: string[], rescan: boolean) => Promise<void>,
  options: WatchOptions = {},
): Watcher {
  const quietMs = options.quietMs ?? 150
  const maxWaitMs = options.maxWaitMs ?? 1000
  let pending = new Set<string>()
  let newFolders = false
  let quietTimer: NodeJS.Timeout | null = null
  let maxTimer: NodeJS.Timeout | null = null
  let running: Promise<void> = Promise.resolve()
  let closed = false

  const flush = (): void => {
    if (quietTimer) clearTimeout(quietTimer)
    if (maxTimer) clearTimeout(maxTimer)
    quietTimer = maxTimer = null
    if (pending.size === 0 || closed) return
    const batch = [...pending]
    const rescan = newFolders || batch.length >= BURST
    pending = new Set()
    newFolders = false
    // Batches are handed over one after another, in the order their events came.
    // A batch that fails costs that update only; the next batch still runs.
    running = running
      .then(() => onBatch(batch, rescan))
      .catch((error: unknown) =>
        log.warn(
          'watcher',
          `Could not take in ${batch.length} outside change(s) under ${site.root}; the library may be out of date until the next change or re-open.`,
          error,
        ),
      )
  }

  const note = (abs: string): void => {
    const rel = toRel(abs)
    if (rel === '') options.onRoot?.()
    if (rel === null || rel === '') return
    pending.add(rel)
    if (quietTimer) clearTimeout(quietTimer)
    quietTimer = setTimeout(flush, quietMs)
    maxTimer ??= setTimeout(flush, maxWaitMs)
  }

  const ignored = (abs: string): boolean => {
    const rel = toRel(abs)
    if (rel === null) return true
    return rel !== '' && !rules.dir(rel) && rules.file(rel) === null
  }

  const watcher: FSWatcher = watch(site.root, { ignoreInitial: true, ignored, followSymlinks: false, atomic: false })
  for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, note)
  watcher.on('addDir', (abs) => {
    newFolders = true
    note(abs)
  })
  // Errors (a folder vanishing mid-walk, the inotify limit) only cost live updates; the folder
  // stays usable and a re-open rescans it. One may mean the folder itself went: onRoot checks.
  watcher.on('error', (error) => {
    log.warn('watcher', `Watching ${site.root} failed; outside changes may not show until the folder is opened again.`, error)
    options.onRoot?.()
  })
  const ready = new Promise<void>((resolve) => watcher.once('ready', resolve))

  return {
    ready,
    async close() {
      closed = true
      if (quietTimer) clearTimeout(quietTimer)
      if (maxTimer) clearTimeout(maxTimer)
      await watcher.close()
      await running
    },
  }
}
