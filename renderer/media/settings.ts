/**
 * The writer's image settings (names, resize and quality, metadata, upload command), kept with the
 * other settings by the main process (the contract's MediaSettings, checked in shared/settings).
 * `confirmed` records that they were shown once: the first insert asks before anything is copied,
 * later ones just use them.
 */
import type { InsertSettings } from '../../shared/assets'
import type { MediaSettings } from '../../shared/contract'

export type { MediaSettings }

/** The width offered when resizing is first switched on: wide enough for any site's content column. */
export const SUGGESTED_MAX_WIDTH = 1920

/** What an insert sends to the main process: the settings without the renderer's own bookkeeping. */
export function insertSettingsOf(settings: MediaSettings): InsertSettings {
  const { confirmed: _confirmed, ...insert } = settings
  return insert
}
