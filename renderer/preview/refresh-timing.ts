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

/** Bodies longer than this wait for a longer pause (twice their last refresh): taking in a refresh still costs the window. */
export const LARGE_BODY = 256 * 1024

/**
 * Bodies up to this are rendered again in the window's own thread, in the pause's own task, and
 * patched before the next frame: an edit costs about one paragraph of markdown-it there, with no
 * round trip to the render worker (which a loaded machine can be slow to wake). The rare whole
 * render (an edit that reaches across the body) costs about markdown-it on the whole body, within
 * a frame at this size. Larger bodies, and the first render of an article, go to the worker.
 */
export const WINDOW_BODY = 128 * 1024
