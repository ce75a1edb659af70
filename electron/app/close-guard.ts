/**
 * Closing the window, or quitting, with unsaved work asks first: Save, Don't Save or Cancel.
 * Save asks the renderer to save everything and closes once it reports nothing unsaved; if that
 * does not happen in time (a conflict needs the user, the disk is full) the window stays open.
 * Every close that goes through clears the crash journal: what was unsaved is saved or discarded.
 */
import { app, type BrowserWindow } from 'electron'
import type { CloseChoice } from './dialogs'
import { log } from '../log/log'

export interface CloseGuardDeps {
  /** What is unsaved now, as the page has it (a key typed just before the close included). */
  unsaved(): readonly string[] | Promise<readonly string[]>
  confirm(count: number): Promise<CloseChoice>
  /** Asks the renderer to save every unsaved article (the 'save-all' command). */
  requestSave(): void
  /** Forgets unsaved work and clears the crash journal. */
  discard(): Promise<void>
  /** How long Save may take before the close is abandoned (default 15 s). */
  saveTimeoutMs?: number
}

export interface CloseGuard {
  /** Called with every unsaved-set report from the renderer. */
  unsavedChanged(paths: readonly string[]): void
}

export function setupCloseGuard(window: BrowserWindow, deps: CloseGuardDeps): CloseGuard {
  let quitting = false
  let closing = false
  let asking = false
  let saveTimer: ReturnType<typeof setTimeout> | undefined

  const abandon = (): void => {
    quitting = false
    clearTimeout(saveTimer)
    saveTimer = undefined
  }

  const proceed = async (): Promise<void> => {
    // The window closes either way: the writer chose to discard, and a journal left behind only offers recovery again.
    await deps
      .discard()
      .catch((error: unknown) =>
        log.error('journal', 'Could not clear the crash journal after the unsaved edits were discarded; they will be offered again at the next launch.', error),
      )
    closing = true
    // A quit that we paused must be resumed; closing the window alone would not quit on macOS.
    if (quitting) app.quit()
    else window.close()
  }

  const decide = async (): Promise<void> => {
    const paths = await deps.unsaved()
    if (paths.length > 0) {
      const choice = await deps.confirm(paths.length)
      if (choice === 'cancel') return abandon()
      if (choice === 'save') {
        saveTimer = setTimeout(abandon, deps.saveTimeoutMs ?? 15_000)
        deps.requestSave()
        return
      }
    }
    await proceed()
  }

  const onBeforeQuit = (): void => {
    quitting = true
  }
  app.on('before-quit', onBeforeQuit)
  // macOS reopens windows: each window's guard must not outlive it.
  window.on('closed', () => app.removeListener('before-quit', onBeforeQuit))

  window.on('close', (event) => {
    if (closing) return
    // Decided asynchronously (dialog, journal), so this close waits and is replayed by proceed().
    event.preventDefault()
    if (asking || saveTimer !== undefined) return
    asking = true
    void decide().finally(() => {
      asking = false
    })
  })

  return {
    unsavedChanged(paths) {
      if (saveTimer === undefined || paths.length > 0) return
      clearTimeout(saveTimer)
      saveTimer = undefined
      void proceed()
    },
  }
}
