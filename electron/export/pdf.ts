/**
 * PDF options, once, for both printers of the same Chromium engine: Electron's
 * `webContents.printToPDF` in the app and Playwright's `page.pdf` in tests. The page printed is
 * the standalone HTML page (exportPage), whose theme has a print layout.
 */
import { escapeHtml } from '../../shared/html/escape'

export type PageSize = 'A4' | 'A5' | 'Letter' | 'Legal'

export interface PdfOptions {
  pageSize?: PageSize
  landscape?: boolean
  /** Millimetres; default 18 mm top and bottom, 16 mm left and right. */
  margins?: { top?: number; right?: number; bottom?: number; left?: number }
  /** The article's title at the top of each page. */
  headerTitle?: string
  /** "3 / 12" at the bottom of each page. */
  pageNumbers?: boolean
}

const MM_PER_INCH = 25.4
/** The print date Chromium offers (class "date") is left out on purpose: same input, same PDF. */
const TEMPLATE_STYLE =
  'font-size: 9px; width: 100%; padding: 0 16mm; color: #666; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;'

function margins(o: PdfOptions): { top: number; right: number; bottom: number; left: number } {
  return { top: o.margins?.top ?? 18, right: o.margins?.right ?? 16, bottom: o.margins?.bottom ?? 18, left: o.margins?.left ?? 16 }
}

function templates(o: PdfOptions): { displayHeaderFooter: boolean; headerTemplate: string; footerTemplate: string } {
  const header = o.headerTitle ? `<div style="${TEMPLATE_STYLE} text-align: left;">${escapeHtml(o.headerTitle)}</div>` : '<div></div>'
  const footer = o.pageNumbers
    ? `<div style="${TEMPLATE_STYLE} text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`
    : '<div></div>'
  return { displayHeaderFooter: Boolean(o.headerTitle || o.pageNumbers), headerTemplate: header, footerTemplate: footer }
}

/** Options for Playwright's `page.pdf` (margins as CSS lengths). */
export function pagePdfOptions(o: PdfOptions = {}): {
  format: PageSize
  landscape: boolean
  margin: { top: string; right: string; bottom: string; left: string }
  printBackground: boolean
  displayHeaderFooter: boolean
  headerTemplate: string
  footerTemplate: string
} {
  const m = margins(o)
  return {
    format: o.pageSize ?? 'A4',
    landscape: o.landscape ?? false,
    margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
    printBackground: false,
    ...templates(o),
  }
}

/** Options for Electron's `webContents.printToPDF` (margins in inches). */
export function printToPdfOptions(o: PdfOptions = {}): {
  pageSize: PageSize
  landscape: boolean
  margins: { top: number; right: number; bottom: number; left: number }
  printBackground: boolean
  displayHeaderFooter: boolean
  headerTemplate: string
  footerTemplate: string
} {
  const m = margins(o)
  const inches = (mm: number): number => Math.round((mm / MM_PER_INCH) * 1000) / 1000
  return {
    pageSize: o.pageSize ?? 'A4',
    landscape: o.landscape ?? false,
    margins: { top: inches(m.top), right: inches(m.right), bottom: inches(m.bottom), left: inches(m.left) },
    printBackground: false,
    ...templates(o),
  }
}
