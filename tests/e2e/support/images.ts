import { expect, type Page } from '@playwright/test'

/**
 * The first insert shows the image settings before anything is copied; a writer reads them and
 * presses Insert (or changes some first, through `change`).
 */
export async function confirmImageSettings(page: Page, change?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>): Promise<void> {
  const dialog = page.getByTestId('image-settings')
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  if (change) await change(dialog)
  await dialog.getByTestId('image-settings-save').click()
  await expect(dialog).toBeHidden({ timeout: 15_000 })
}

/** Drops a PNG file holding `bytes` on the end of the editor's last line, as a person dragging it from the file manager would. */
export async function dropOnEditorEnd(page: Page, name: string, bytes: Buffer): Promise<void> {
  const box = await page.locator('.cm-line').last().boundingBox()
  if (!box) throw new Error('no editor line to drop on')
  await page.evaluate(
    ({ name, data, x, y }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'image/png' }))
      const target = document.elementFromPoint(x, y) ?? document.querySelector('.cm-content')
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target?.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer, clientX: x, clientY: y }))
      }
    },
    { name, data: bytes.toString('base64'), x: box.x + box.width - 2, y: box.y + box.height / 2 },
  )
}
