/**
 * The exported page prints to a valid PDF in Chromium (the engine behind Electron's printToPDF),
 * with the options Folio passes: page size, margins, header and page numbers.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { exportArticles } from '../../electron/export/batch'
import { pagePdfOptions } from '../../electron/export/pdf'
import { findChromium } from './harness'
import { expect, test as withFolders } from './support/fixtures'

/** The folder fixtures, and a Chromium to print with (no app: the export runs in this process), closed after the test. */
const test = withFolders.extend<{ printer: Browser }>({
  printer: async ({}, use) => {
    const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] })
    await use(browser)
    await browser.close()
  },
})

const HEXO_POST = fileURLToPath(new URL('../fixtures/sites/hexo/source/_posts/2024-03-01-hello-hexo.md', import.meta.url))
const SEED = fileURLToPath(new URL('../fixtures/export/seed/000_96ee1b00782f1bda.txt', import.meta.url))

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0
}

test('an exported page prints to a PDF with Chromium', async ({ printer, makeFolder }) => {
  const out = await makeFolder()
  const result = await exportArticles([HEXO_POST, SEED], { format: 'html', outDir: out })
  expect(result.failures).toEqual([])
  const page = await printer.newPage()
  for (const { value } of result.results) {
    const file = value.files[0] as string
    // The page needs nothing from the network to print (images are beside it).
    await page.route(/^https?:/, (route) => route.abort())
    await page.goto(pathToFileURL(file).href)
    const a4 = await page.pdf(pagePdfOptions({ headerTitle: await page.title(), pageNumbers: true }))
    expect(a4.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(a4.subarray(-8).toString('latin1')).toContain('%%EOF')
    expect(pageCount(a4)).toBeGreaterThanOrEqual(1)
    const letter = await page.pdf(pagePdfOptions({ pageSize: 'Letter', landscape: true, margins: { top: 10, bottom: 10 } }))
    expect(letter.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 792 612\s*\]/)
  }
  // The asset-folder image reached the printed page.
  await page.goto(pathToFileURL(join(out, '你好，Hexo.html')).href)
  expect(await page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  expect(await readFile(join(out, '你好，Hexo', 'cover.png'))).toBeTruthy()
})
