/** Native dialogs, always attached to our window so they are modal to it. */
import { dialog, type BrowserWindow } from 'electron'
import type { UiLocale } from '../../shared/contract'
import { STRINGS } from './strings'

/** The folder dialog starts beside the open folder (the next site is usually its sibling), else in Documents. */
export async function chooseFolder(window: BrowserWindow, locale: UiLocale, defaultPath: string): Promise<string | null> {
  const t = STRINGS[locale]
  const result = await dialog.showOpenDialog(window, {
    title: t.openFolderTitle,
    buttonLabel: t.openFolderButton,
    defaultPath,
    properties: ['openDirectory', 'createDirectory'],
  })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/** Image files to insert into the open article; starts in the user's pictures folder. */
export async function chooseImages(window: BrowserWindow, locale: UiLocale, defaultPath: string): Promise<string[] | null> {
  const t = STRINGS[locale]
  const result = await dialog.showOpenDialog(window, {
    title: t.insertImageTitle,
    defaultPath,
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: t.imagesFilter, extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'svg'] }],
  })
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
}

export type CloseChoice = 'save' | 'discard' | 'cancel'

const CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel']

/** Save / Don't Save / Cancel. Escape and closing the box mean Cancel: nothing is lost by accident. */
export async function confirmUnsaved(window: BrowserWindow, count: number, locale: UiLocale): Promise<CloseChoice> {
  const t = STRINGS[locale]
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: t.unsavedTitle,
    message: t.unsavedMessage(count),
    detail: t.unsavedDetail,
    buttons: [t.saveButton, t.discardButton, t.cancelButton],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  })
  return CHOICES[response] ?? 'cancel'
}

export async function showCrashed(window: BrowserWindow, locale: UiLocale): Promise<void> {
  const t = STRINGS[locale]
  await dialog.showMessageBox(window, { type: 'error', title: t.crashedTitle, message: t.crashedTitle, detail: t.crashedMessage })
}
