/**
 * A crashed or killed renderer is reloaded; the reloaded page asks takeRecovered() and gets the
 * buffers the crash journal (electron/recovery/crash-journal.ts, written through the handlers) holds.
 * A renderer that keeps crashing is not reloaded forever: after a few crashes in a short time
 * the user is told, and the journal waits for the next launch.
 */
import type { BrowserWindow } from 'electron'

export interface CrashRecoveryOptions {
  /** Called instead of reloading once the renderer crashed too often. */
  onGiveUp(): void
  maxReloads?: number
  periodMs?: number
  now?: () => number
}

export function setupCrashRecovery(window: BrowserWindow, options: CrashRecoveryOptions): void {
  const maxReloads = options.maxReloads ?? 3
  const periodMs = options.periodMs ?? 60_000
  const now = options.now ?? Date.now
  let crashes: number[] = []

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    const at = now()
    crashes = [...crashes.filter((time) => at - time < periodMs), at]
    if (crashes.length > maxReloads) options.onGiveUp()
    else window.webContents.reload()
  })
}
