/**
 * When the preview refreshes while the writer types (read by the preview and by the renderer
 * benchmark, which counts a refresh from the end of the writer's pause).
 */

/**
 * How long typing must pause before the preview takes the editor's text. Short enough to feel
 * live, long enough that a refresh does not land between two keys of a burst (keys come 50–150 ms
 * apart while typing).
 */
export const PREVIEW_PAUSE_MS = 100

/** The performance mark set when a pause is decided and the preview's refresh starts (the renderer bench counts from it). */
export const PREVIEW_REFRESH_MARK = 'folio-preview-refresh'

/** Bodies longer than this wait for a longer pause (see refreshPause): taking in a refresh still costs the window. */
export const LARGE_BODY = 256 * 1024

/**
 * The least pause before a large body is refreshed: longer than any gap between the keys of a
 * burst (50–150 ms, more on a loaded machine), so its refresh (taking the text, sending it to the
 * worker, sanitizing and patching the result) comes when the writer stops, not between two keys.
 */
export const LARGE_PAUSE_MS = 300

/** A larger body waits this much longer per MB over LARGE_BODY: the window's share of its refresh grows with it. */
const PAUSE_PER_MB = 100

/**
 * How long typing must have paused before the preview refreshes a body of `length` characters
 * whose last refresh cost `cost` ms (0 when none was timed yet). A small body refreshes at
 * PREVIEW_PAUSE_MS; a large one waits at least LARGE_PAUSE_MS, more as it grows, and at least
 * twice its last refresh, so one quick refresh never brings the wait down to between the keys.
 */
export function refreshPause(length: number, cost = 0): number {
  if (length <= LARGE_BODY) return PREVIEW_PAUSE_MS
  const bySize = LARGE_PAUSE_MS + (PAUSE_PER_MB * (length - LARGE_BODY)) / (1024 * 1024)
  return Math.max(bySize, 2 * cost)
}

/**
 * Bodies up to this are rendered again in the window's own thread, in the pause's own task, and
 * patched before the next frame: an edit costs about one paragraph of markdown-it there, with no
 * round trip to the render worker (which a loaded machine can be slow to wake). The rare whole
 * render (an edit that reaches across the body) costs about markdown-it on the whole body, within
 * a frame at this size. Larger bodies, and the first render of an article, go to the worker.
 */
export const WINDOW_BODY = 128 * 1024
