/**
 * The writer's image settings (names, resize and quality, metadata, upload command), kept with the
 * other settings on this computer. `confirmed` records that they were shown once: the first
 * insert asks before anything is copied, later ones just use them.
 */
import { DEFAULT_INSERT_SETTINGS, type InsertSettings } from '../../shared/assets'

export interface MediaSettings extends InsertSettings {
  confirmed: boolean
}

export const DEFAULT_MEDIA_SETTINGS: MediaSettings = { ...DEFAULT_INSERT_SETTINGS, confirmed: false }

/** The width offered when resizing is first switched on: wide enough for any site's content column. */
export const SUGGESTED_MAX_WIDTH = 1920

const quality = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100 ? v : fallback)

/** Settings as stored (any shape an older or damaged store holds), each field checked on its own. */
export function readMediaSettings(stored: unknown): MediaSettings {
  const o = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const d = DEFAULT_MEDIA_SETTINGS
  return {
    naming: o.naming === 'timestamp' ? 'timestamp' : d.naming,
    hexoLink: o.hexoLink === 'markdown' ? 'markdown' : d.hexoLink,
    maxWidth: typeof o.maxWidth === 'number' && Number.isInteger(o.maxWidth) && o.maxWidth > 0 && o.maxWidth <= 20_000 ? o.maxWidth : null,
    compress: o.compress === true,
    jpegQuality: quality(o.jpegQuality, d.jpegQuality),
    webpQuality: quality(o.webpQuality, d.webpQuality),
    metadata: o.metadata === 'keep' ? 'keep' : 'strip',
    uploadCommand: typeof o.uploadCommand === 'string' ? o.uploadCommand.slice(0, 2_000) : '',
    keepLocal: o.keepLocal !== false,
    confirmed: o.confirmed === true,
  }
}

/** What an insert sends to the main process: the settings without the renderer's own bookkeeping. */
export function insertSettingsOf(settings: MediaSettings): InsertSettings {
  const { confirmed: _confirmed, ...insert } = settings
  return insert
}
