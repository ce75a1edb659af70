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
