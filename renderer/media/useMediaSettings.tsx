/**
 * The image settings as an insert needs them: the first insert opens the settings dialog and
 * waits for it (cancel inserts nothing); later inserts use the saved settings at once. The dialog
 * shows in the workbench's dialog queue (its 'image-settings' kind).
 */
import { useCallback, useRef } from 'react'
import type { InsertSettings } from '../../shared/assets'
import { insertSettingsOf, type MediaSettings } from './settings'

/** The dialog as the queue shows it: why it is open, and what to do with the writer's answer. */
export interface ImageSettingsAsk {
  kind: 'image-settings'
  purpose: 'insert' | 'edit'
  /** The settings saved, or null when cancelled. */
  answer(saved: MediaSettings | null): void
}

export interface MediaSettingsControl {
  /** The settings for an insert about to happen, or null when the writer cancelled the first-time dialog. */
  forInsert(): Promise<InsertSettings | null>
  /** Opens the dialog on its own (the command palette's Image settings…). */
  edit(): void
}

export function useMediaSettings(
  settings: MediaSettings,
  save: (settings: MediaSettings) => void,
  show: (ask: ImageSettingsAsk) => void,
): MediaSettingsControl {
  const latest = useRef(settings)
  latest.current = settings
  const saveNow = useRef(save)
  saveNow.current = save

  // A second paste while the dialog is up: the queue cancels the first ask, the newest goes in.
  const forInsert = useCallback((): Promise<InsertSettings | null> => {
    if (latest.current.confirmed) return Promise.resolve(insertSettingsOf(latest.current))
    return new Promise((resolve) =>
      show({
        kind: 'image-settings',
        purpose: 'insert',
        answer: (saved) => {
          if (saved) saveNow.current(saved)
          resolve(saved && insertSettingsOf(saved))
        },
      }),
    )
  }, [show])
  const edit = useCallback(() => show({ kind: 'image-settings', purpose: 'edit', answer: (saved) => saved && saveNow.current(saved) }), [show])
  return { forInsert, edit }
}
