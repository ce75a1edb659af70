/**
 * What export needs from Electron: the save/folder dialog that answers "where to?", a PDF printer
 * (a hidden, sandboxed window without JavaScript that loads the standalone page and calls
 * printToPDF) and the system clipboard. main.ts hands these to createHandlers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, clipboard, ClipboardItem, dialog, type BrowserWindowConstructorOptions } from 'electron'
import type { ExportTargetQuestion } from '../export/service'
import { printToPdfOptions, type PdfOptions } from '../export/pdf'
import type { RichText } from '../export/rich-text'
import type { Locale } from './strings'
import { SANDBOXED } from './window'

/** The dialog words for export; kept beside the dialogs that use them. */
const WORDS: Record<Locale, { fileTitle: string; folderTitle: string; button: string; formats: Record<'html' | 'pdf' | 'zip', string> }> = {
  en: {
    fileTitle: 'Export Article',
    folderTitle: 'Choose a Folder for the Export',
    button: 'Export',
    formats: { html: 'Web page', pdf: 'PDF document', zip: 'Zip archive' },
  },
  'zh-CN': {
    fileTitle: '导出文章',
    folderTitle: '选择导出到的文件夹',
    button: '导出',
    formats: { html: '网页', pdf: 'PDF 文档', zip: 'Zip 压缩包' },
  },
}

const EXTENSIONS: Record<'html' | 'pdf' | 'zip', string[]> = { html: ['html', 'htm'], pdf: ['pdf'], zip: ['zip'] }

/** Asks where an export goes, modal to our window: a file for one page, PDF or zip; else a folder. */
export async function chooseExportTarget(window: BrowserWindow, locale: Locale, question: ExportTargetQuestion, documents: string): Promise<string | null> {
  const t = WORDS[locale]
  const format = question.format
  if (question.kind === 'file' && (format === 'html' || format === 'pdf' || format === 'zip')) {
    const result = await dialog.showSaveDialog(window, {
      title: t.fileTitle,
      buttonLabel: t.button,
      defaultPath: join(documents, question.suggestedName),
      filters: [{ name: t.formats[format], extensions: EXTENSIONS[format] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
    return result.canceled || !result.filePath ? null : result.filePath
  }
  const result = await dialog.showOpenDialog(window, {
    title: t.folderTitle,
    buttonLabel: t.button,
    defaultPath: documents,
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

/**
 * The printer's window: never shown, rendered offscreen, sandboxed and without JavaScript (the
 * page is an article, hostile until proven otherwise, and needs no script to print).
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      ...SANDBOXED,
      offscreen: true,
      javascript: false,
      spellcheck: false,
    },
  }
}

/**
 * Prints a standalone page to PDF. The page goes through a temporary file rather than a data:
 * URL, which Chromium caps at 2 MB (pages with inlined images exceed it).
 */
export async function printToPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-print-'))
  const window = new BrowserWindow(printWindowOptions())
  try {
    const file = join(dir, 'page.html')
    await writeFile(file, html)
    await window.loadFile(file)
    return new Uint8Array(await window.webContents.printToPDF(printToPdfOptions(options)))
  } finally {
    window.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Both flavours in one item, so a rich editor takes the HTML and a plain one the text. */
export function writeClipboard(content: RichText): Promise<void> {
  return clipboard.write([new ClipboardItem({ 'text/html': content.html, 'text/plain': content.text })])
}
