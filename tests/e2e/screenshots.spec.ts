import { expect, test } from './support/fixtures'

test.use({ site: '../../resources/sample-content' })

for (const scheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'zh-CN'] as const) {
    test(`main window, ${scheme}, ${locale}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.getByRole('combobox').first().selectOption(locale)
      await page.locator('[data-testid=article-item][data-path$="welcome-to-folio.md"]').click()
      await expect(page.frameLocator('iframe[data-testid=preview]').locator('h2')).toBeVisible()
      await expect(page.locator('.app')).toHaveClass(new RegExp(scheme))
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      const path = testInfo.outputPath(`folio-${scheme}-${locale}.png`)
      await page.screenshot({ path })
      await testInfo.attach(`folio-${scheme}-${locale}.png`, { path, contentType: 'image/png' })
    })
  }
}
