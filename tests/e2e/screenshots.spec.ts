import { expect, test } from '@playwright/test'
import { launchApp } from './harness'
import { copyFixture } from './support/folders'

for (const scheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`main window, ${scheme}, ${locale}`, async ({ browserName: _browserName }, testInfo) => {
      const app = await launchApp({ contentDir: await copyFixture('../../resources/sample-content') })
      try {
        const { page } = app
        await page.emulateMedia({ colorScheme: scheme })
        await page.getByRole('combobox').first().selectOption(locale)
        await page.locator('[data-testid=article-item][data-path$="welcome-to-folio.md"]').click()
        await expect(page.frameLocator('iframe[data-testid=preview]').locator('h2')).toBeVisible()
        await expect(page.locator('.app')).toHaveClass(new RegExp(scheme))
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        const path = testInfo.outputPath(`folio-${scheme}-${locale}.png`)
        await page.screenshot({ path })
        await testInfo.attach(`folio-${scheme}-${locale}.png`, { path, contentType: 'image/png' })
      } finally {
        await app.close()
      }
    })
  }
}
