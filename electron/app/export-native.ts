/**
 * What export needs from Electron: the save/folder dialog that answers "where to?", a PDF printer
 * (a hidden, sandboxed window without JavaScript and, unless remote content is allowed, without
 * network, that loads the standalone page and calls printToPDF) and the system clipboard.
 * main.ts hands these to createHandlers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, clipboard, ClipboardItem, dialog, session, type BrowserWindowConstructorOptions, type Session } from 'electron'
import type { ExportTargetQuestion } from '../export/service'
import { printToPdfOptions, type PdfOptions } from '../export/pdf'
import type { RichText } from '../export/rich-text'
import type { UiLocale } from '../../shared/contract'
import { SANDBOXED } from './window'

/** The dialog words for export; kept beside the dialogs that use them. */
const WORDS: Record<UiLocale, { fileTitle: string; folderTitle: string; button: string; formats: Record<'html' | 'pdf' | 'zip', string> }> = {
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
export async function chooseExportTarget(window: BrowserWindow, locale: UiLocale, question: ExportTargetQuestion, documents: string): Promise<string | null> {
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
export function printWindowOptions(ses?: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      ...SANDBOXED,
      offscreen: true,
      javascript: false,
      spellcheck: false,
      ...(ses ? { session: ses } : {}),
    },
  }
}

/** The pages being printed right now (file: URLs): the only local files a printer may load. */
const printing = new Set<string>()

/**
 * What a printer may load: the page itself and data: URIs (its images are inlined); http(s) only
 * when remote content is allowed. Everything else (other local files, any other scheme) is cancelled.
 */
export function printerMayLoad(url: string, remote: boolean): boolean {
  if (printing.has(url)) return true
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  return scheme === 'data' || (remote && (scheme === 'http' || scheme === 'https'))
}

/**
 * One in-memory session per kind of printer, with a request filter: the app's own session (the
 * main window's) never sees a printed article's requests, and the network-off printer cannot
 * reach any server whatever the page says.
 */
const printSessions = new Map<boolean, Session>()
function printSession(remote: boolean): Session {
  let ses = printSessions.get(remote)
  if (!ses) {
    ses = session.fromPartition(remote ? 'folio-print-remote' : 'folio-print', { cache: false })
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printerMayLoad(details.url, remote) }))
    printSessions.set(remote, ses)
  }
  return ses
}

/**
 * Prints a standalone page to PDF. The page goes through a temporary file rather than a data:
 * URL, which Chromium caps at 2 MB (pages with inlined images exceed it).
 */
export async function printToPdf(html: string, options: PdfOptions, access: { remote: boolean } = { remote: false }): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-print-'))
  const file = join(dir, 'page.html')
  const url = pathToFileURL(file).href
  const window = new BrowserWindow(printWindowOptions(printSession(access.remote)))
  printing.add(url)
  try {
    await writeFile(file, html)
    // loadURL with the very URL the request filter allows, so the two cannot spell it differently.
    await window.loadURL(url)
    return new Uint8Array(await window.webContents.printToPDF(printToPdfOptions(options)))
  } finally {
    printing.delete(url)
    window.destroy()
    await rm(dir, { recursive: true, force: true })
  }
}

/** Both flavours in one item, so a rich editor takes the HTML and a plain one the text. */
export function writeClipboard(content: RichText): Promise<void> {
  return clipboard.write([new ClipboardItem({ 'text/html': content.html, 'text/plain': content.text })])
}
