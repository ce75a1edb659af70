/**
 * Changes made outside Folio (another editor, `git checkout`, a sync tool). File events are
 * collected and handed over in batches: a checkout touching thousands of files becomes a few
 * batches, not thousands of re-renders.
 */
import { watch, type FSWatcher } from 'chokidar'
import type { PathRules } from './scan'
import type { SiteSettings } from './site'

export interface WatchOptions {
  /** Quiet time after the last event before a batch is handed over. */
  quietMs?: number
  /** A continuous stream of events is still handed over at least this often. */
  maxWaitMs?: number
}

export interface Watcher {
  close(): Promise<void>
}

/**
 * Calls onBatch with the POSIX paths (files, or folders that vanished) that changed. Resolves
 * once the watcher is ready, so nothing that happens afterwards is missed.
 */
export async function watchSite(
  site: SiteSettings,
  rules: PathRules,
  toRel: (abs: string) => string | null,
  onBatch: (paths: string[]) => Promise<void>,
  options: WatchOptions = {},
): Promise<Watcher> {
  const quietMs = options.quietMs ?? 150
  const maxWaitMs = options.maxWaitMs ?? 1000
  let pending = new Set<string>()
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
    pending = new Set()
    // Batches run one after another so the index never sees two refreshes interleave.
    running = running.then(() => onBatch(batch)).catch(() => undefined)
  }

  const note = (abs: string): void => {
    const rel = toRel(abs)
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
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve)
    watcher.once('error', reject)
  })
  // Later errors (a folder vanishing mid-scan, the inotify limit) only cost live updates; the
  // folder stays usable and a re-open rescans it.
  watcher.on('error', () => undefined)

  return {
    async close() {
      closed = true
      if (quietTimer) clearTimeout(quietTimer)
      if (maxTimer) clearTimeout(maxTimer)
      await watcher.close()
      await running
    },
  }
}
