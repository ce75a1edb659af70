/**
 * The image settings as an insert needs them: the first insert opens the settings dialog and
 * waits for it (cancel inserts nothing); later inserts use the saved settings at once.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react'
import type { InsertSettings } from '../../shared/assets'
import { ImageSettingsDialog } from './ImageSettingsDialog'
import { insertSettingsOf, type MediaSettings } from './settings'

interface Asking {
  purpose: 'insert' | 'edit'
  resolve?: (settings: InsertSettings | null) => void
}

export interface MediaSettingsControl {
  /** The settings for an insert about to happen, or null when the writer cancelled the first-time dialog. */
  forInsert(): Promise<InsertSettings | null>
  /** Opens the dialog on its own (the command palette's Image settings…). */
  edit(): void
  dialog: ReactNode
}

export function useMediaSettings(settings: MediaSettings, save: (settings: MediaSettings) => void): MediaSettingsControl {
  const [asking, setAsking] = useState<Asking | null>(null)
  const latest = useRef(settings)
  latest.current = settings

  const forInsert = useCallback((): Promise<InsertSettings | null> => {
    if (latest.current.confirmed) return Promise.resolve(insertSettingsOf(latest.current))
    return new Promise((resolve) =>
      setAsking((previous) => {
        // A second paste while the dialog is up: the first one is dropped, the newest goes in.
        previous?.resolve?.(null)
        return { purpose: 'insert', resolve }
      }),
    )
  }, [])
  const edit = useCallback(() => setAsking({ purpose: 'edit' }), [])

  const dialog = asking && (
    <ImageSettingsDialog
      settings={settings}
      purpose={asking.purpose}
      onSave={(next) => {
        save(next)
        setAsking(null)
        asking.resolve?.(insertSettingsOf(next))
      }}
      onCancel={() => {
        setAsking(null)
        asking.resolve?.(null)
      }}
    />
  )
  return { forInsert, edit, dialog }
}
