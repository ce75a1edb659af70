import { describe, expect, it } from 'vitest'
import { pagePdfOptions, printToPdfOptions } from '../../../electron/export/pdf'

describe('PDF options', () => {
  it('gives Electron inches and Playwright millimetres for the same margins', () => {
    const electron = printToPdfOptions({ pageSize: 'Letter', landscape: true, margins: { top: 25.4, left: 12.7 } })
    expect(electron).toMatchObject({
      pageSize: 'Letter',
      landscape: true,
      margins: { top: 1, right: 0.63, bottom: 0.709, left: 0.5 },
      displayHeaderFooter: false,
    })
    expect(pagePdfOptions({ margins: { top: 25.4, left: 12.7 } }).margin).toEqual({ top: '25.4mm', right: '16mm', bottom: '18mm', left: '12.7mm' })
  })

  it('puts the escaped title in the header and page numbers in the footer, never the print date', () => {
    const o = printToPdfOptions({ headerTitle: '<b>标题</b> & more', pageNumbers: true })
    expect(o.displayHeaderFooter).toBe(true)
    expect(o.headerTemplate).toContain('&lt;b&gt;标题&lt;/b&gt; &amp; more')
    expect(o.footerTemplate).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>')
    expect(o.headerTemplate + o.footerTemplate).not.toContain('class="date"')
  })
})
