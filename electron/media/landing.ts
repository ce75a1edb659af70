/**
 * Images whose link is already in the article while their file is still being made (scaled,
 * re-encoded, written; see insert.ts), by absolute path. The name is taken: no other insert picks
 * it. The asset protocol waits for the file instead of answering "not found", so the preview
 * shows the image the moment it lands; the link check counts it as there.
 */
import { basename, dirname } from 'node:path'

const pending = new Map<string, Promise<void>>()

/** Longest the preview's request waits for a file before it is answered as missing. */
export const LANDING_WAIT_MS = 60_000

/** Holds `abs` as taken until `done` settles (written, or given up and removed). */
export function reserveLanding(abs: string, done: Promise<unknown>): void {
  const settled = done.then(
    () => undefined,
    () => undefined,
  )
  pending.set(abs, settled)
  void settled.then(() => {
    if (pending.get(abs) === settled) pending.delete(abs)
  })
}

/** Whether a file is on its way to `abs`. */
export function isLanding(abs: string): boolean {
  return pending.has(abs)
}

/** Names (lower-cased) on their way into the folder `folderAbs`, for picking a free one. */
export function landingNames(folderAbs: string): Set<string> {
  const names = new Set<string>()
  for (const abs of pending.keys()) if (dirname(abs) === folderAbs) names.add(basename(abs).toLowerCase())
  return names
}

/** Settles once the file at `abs` lands or is given up (at most `waitMs`); at once when none is on its way. */
export async function landed(abs: string, waitMs = LANDING_WAIT_MS): Promise<void> {
  const waiting = pending.get(abs)
  if (!waiting) return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([waiting, new Promise<void>((done) => (timer = setTimeout(done, waitMs)))])
  clearTimeout(timer)
}
