import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers, dispatch, type Handlers, type HandlerDeps } from '../../../electron/handlers'
import type { ExportTargetQuestion } from '../../../electron/export/service'
import type { PdfOptions } from '../../../electron/export/pdf'
import type { EventApi, ExportRequest } from '../../../shared/contract'
import { copyOf, elements, HEXO, listFiles, tempDir } from './helpers'

const BROKEN = 'source/_posts/2021-01-01-broken.md'
const HELLO = 'source/_posts/2024-03-01-hello-hexo.md'
const TRAVEL = 'source/_posts/2023-12-24-travel-notes.md'

interface Rig {
  handlers: Handlers
  site: string
  questions: ExportTargetQuestion[]
  progress: EventApi['exportProgress'][]
  printed: { html: string; options: PdfOptions; access: { remote: boolean } }[]
  clipboard: { html: string; text: string }[]
}

const open: Handlers[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.dispose()))
})

/** Handlers on a private copy of the Hexo fixture; `answer` plays the user at the save/folder dialog. */
async function rig(answer: (q: ExportTargetQuestion) => string | null, extra: Partial<HandlerDeps> = {}): Promise<Rig> {
  const site = await copyOf(HEXO)
  const r: Omit<Rig, 'handlers'> = { site, questions: [], progress: [], printed: [], clipboard: [] }
  const handlers = createHandlers({
    trash: async () => undefined,
    watch: false,
    emit: (event, payload) => {
      if (event === 'exportProgress') r.progress.push(payload as EventApi['exportProgress'])
    },
    chooseExportTarget: async (q) => {
      r.questions.push(q)
      return answer(q)
    },
    printToPdf: async (html, options, access) => {
      r.printed.push({ html, options, access })
      return new TextEncoder().encode(`%PDF-1.7 ${html.length}`)
    },
    writeClipboard: (content) => void r.clipboard.push(content),
    ...extra,
  })
  open.push(handlers)
  await handlers.openFolder(site)
  return { ...r, handlers }
}

const request = (over: Partial<ExportRequest>): ExportRequest => ({ id: 'e1', articles: 'all', format: 'html', ...over })

describe('exportArticles handler', () => {
  it('exports the folder, lists the broken header while the rest export, and reports progress', async () => {
    const out = await tempDir()
    const { handlers, questions, progress } = await rig(() => out)
    const result = await handlers.exportArticles(request({}))
    expect(questions).toEqual([{ kind: 'folder', format: 'html', suggestedName: 'site' }])
    expect(result).toMatchObject({ id: 'e1', target: out, exported: 3, cancelled: false })
    expect(result?.failures).toEqual([expect.objectContaining({ path: BROKEN, code: 'HEADER_PARSE', line: expect.any(Number) })])
    expect(result?.failures[0]?.message).toContain(BROKEN)
    // Drafts (the _drafts folder, published: false) stay home unless asked for.
    expect(await listFiles(out)).toEqual(['Travel-notes-from-Kyoto.html', '你好，Hexo.html', '你好，Hexo/cover.png', '关于.html'])
    expect(progress.map((p) => [p.id, p.done, p.total])).toEqual([1, 2, 3, 4].map((n) => ['e1', n, 4]))
    expect(progress.map((p) => p.current).sort()).toEqual([BROKEN, HELLO, TRAVEL, 'source/about/index.md'].sort())
  })

  it('saves one article to the file the user named, as a page, a zip or a PDF', async () => {
    const out = await tempDir()
    let name = 'page.html'
    const { handlers, questions, printed } = await rig(() => join(out, name))
    const page = await handlers.exportArticles(request({ articles: [HELLO] }))
    expect(questions[0]).toEqual({ kind: 'file', format: 'html', suggestedName: '你好，Hexo.html' })
    expect(page).toMatchObject({ target: join(out, 'page.html'), exported: 1, failures: [] })
    const title = elements(await readFile(join(out, 'page.html'), 'utf8')).find((e) => e.tag === 'title')
    expect(title?.text).toBe('你好，Hexo')
    expect(await listFiles(out)).toEqual(['page.html', 'page/cover.png'])
    // A name typed without its extension gets it, and the result names the file really written.
    name = 'typed'
    expect(await handlers.exportArticles(request({ articles: [TRAVEL], options: { inlineImages: true } }))).toMatchObject({ target: join(out, 'typed.html') })

    name = 'bundle.zip'
    await handlers.exportArticles(request({ articles: [HELLO], format: 'zip', options: { stripHeader: true } }))
    const zip = unzipSync(await readFile(join(out, 'bundle.zip')))
    expect(Object.keys(zip).sort()).toEqual(['bundle/bundle.md', 'bundle/images/cover.png'])
    expect(new TextDecoder().decode(zip['bundle/bundle.md'])).toMatch(/^这是第一篇文章/)

    name = 'print.pdf'
    await handlers.exportArticles(
      request({ articles: [HELLO], format: 'pdf', options: { pdf: { pageSize: 'Letter', headerTitle: true, pageNumbers: true, margins: { top: 10 } } } }),
    )
    expect(questions.at(-1)).toMatchObject({ kind: 'file', suggestedName: '你好，Hexo.pdf' })
    expect(new TextDecoder().decode(await readFile(join(out, 'print.pdf')))).toMatch(/^%PDF-/)
    expect(printed).toHaveLength(1)
    expect(printed[0]?.options).toEqual({ pageSize: 'Letter', headerTitle: '你好，Hexo', pageNumbers: true, margins: { top: 10 } })
    // The printer gets one self-contained page: the asset-folder image travels inside it.
    expect(printed[0]?.html).toContain('<title>你好，Hexo</title>')
    expect(printed[0]?.html).toContain('src="data:image/png;base64,')
  })

  it('prints several articles to PDFs named from their titles, the broken one listed', async () => {
    const out = await tempDir()
    const { handlers } = await rig(() => out)
    const result = await handlers.exportArticles(request({ articles: [BROKEN, HELLO, TRAVEL], format: 'pdf' }))
    expect(result).toMatchObject({ exported: 2, cancelled: false, failures: [{ path: BROKEN, code: 'HEADER_PARSE' }] })
    expect(await listFiles(out)).toEqual(['Travel-notes-from-Kyoto.pdf', '你好，Hexo.pdf'])
  })

  it('prints a page that can load nothing: outside and remote sources are dropped and reported, the network is off', async () => {
    const out = await tempDir()
    const { handlers, site, printed } = await rig((q) => (q.kind === 'file' ? join(out, 'sources.pdf') : out))
    const outside = join(site, '..', 'private')
    await mkdir(outside)
    await writeFile(join(outside, 'id.png'), 'private bytes')
    const post = 'source/_posts/pdf-sources.md'
    const body = [
      `<img src="${outside}/id.png">`,
      `![md](../../../private/id.png)`,
      `<p style="background: url(${outside}/id.png)">css</p>`,
      `<svg><image href="${outside}/id.png"></image></svg>`,
      '<img src="https://tracker.example/open.png">',
      '<style>@import "https://fonts.example/a.css";</style>',
    ].join('\n\n')
    await writeFile(join(site, post), `---\ntitle: PDF sources\n---\n${body}\n`)
    const result = await handlers.exportArticles(request({ articles: [post], format: 'pdf' }))
    expect(result?.missingImages.map((m) => m.src).sort()).toEqual([`${outside}/id.png`, '../../../private/id.png'].sort())
    expect(result?.remoteLeftOut).toEqual([{ path: post, src: 'https://tracker.example/open.png' }])
    const page = printed.at(-1)
    expect(page?.access).toEqual({ remote: false })
    expect(page?.html).not.toContain('private')
    expect(page?.html).not.toMatch(/tracker\.example|fonts\.example/)
    expect(page?.html).toContain("default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'")

    // Remote content allowed: the remote image stays and the printer may fetch it; outside files still never.
    const again = await handlers.exportArticles(request({ id: 'e2', articles: [post], format: 'pdf', options: { remoteContent: true } }))
    expect(again?.remoteLeftOut).toEqual([])
    expect(printed.at(-1)?.access).toEqual({ remote: true })
    expect(printed.at(-1)?.html).toContain('src="https://tracker.example/open.png"')
    expect(printed.at(-1)?.html).toContain('img-src data: https: http:')
    expect(printed.at(-1)?.html).not.toContain('private')
  })

  it('exports the whole folder as a site with feeds; a site of chosen articles is refused', async () => {
    const out = await tempDir()
    const { handlers, progress } = await rig(() => out)
    const result = await handlers.exportArticles(request({ format: 'site', options: { drafts: true } }))
    expect(result).toMatchObject({ exported: 5, failures: [{ path: BROKEN, code: 'HEADER_PARSE' }], cancelled: false })
    const files = await listFiles(out)
    expect(files).toEqual(expect.arrayContaining(['index.html', 'rss.xml', 'atom.xml', 'style.css', 'tags/index.html']))
    expect(progress.at(-1)).toMatchObject({ id: 'e1', done: 5, total: 5 })
    const envelope = await dispatch(handlers, 'exportArticles', [request({ id: 'e2', format: 'site', articles: [HELLO] })])
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
  })

  it('writes nothing when the user cancels the dialog, and stops when cancelExport is called', async () => {
    const out = await tempDir()
    let answer: string | null = null
    let handlers: Handlers | null = null
    const r = await rig(() => answer, {
      printToPdf: async () => {
        // The user presses Cancel while the first article prints.
        await handlers?.cancelExport('e1')
        return new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])
      },
    })
    handlers = r.handlers
    expect(await handlers.exportArticles(request({}))).toBeNull()
    answer = out
    const result = await handlers.exportArticles(request({ articles: [HELLO, TRAVEL], format: 'pdf' }))
    expect(result).toMatchObject({ exported: 1, cancelled: true, failures: [] })
    expect(await listFiles(out)).toHaveLength(1)
  })

  it('never reads outside the folder and never writes into it', async () => {
    const out = await tempDir()
    let target = out
    const { handlers, site } = await rig(() => target)
    const escaped = await dispatch(handlers, 'exportArticles', [request({ articles: ['../../etc/passwd'] })])
    expect(escaped).toMatchObject({ ok: false, error: { code: 'OUTSIDE_ROOT' } })
    const mixed = await handlers.exportArticles(request({ articles: [HELLO, '../secret.md'], format: 'md' }))
    expect(mixed?.failures).toEqual([expect.objectContaining({ path: '../secret.md', code: 'OUTSIDE_ROOT' })])
    expect(mixed?.exported).toBe(1)
    target = join(site, '..')
    const into = await dispatch(handlers, 'exportArticles', [request({ id: 'e3' })])
    expect(into).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringContaining('holds the open folder') } })
  })

  it('checks the request shape at run time', async () => {
    const { handlers } = await rig(() => null)
    const bad: unknown[] = [
      { id: 'x', articles: 'all', format: 'docx' },
      { id: 'x', articles: [], format: 'html' },
      { id: '', articles: 'all', format: 'html' },
      { id: 'x', articles: 'all', format: 'pdf', options: { pdf: { margins: { top: -1 } } } },
      { id: 'x', articles: 'all', format: 'html', options: { inlineImages: 'yes' } },
      { id: 'x', articles: 'all', format: 'html', extra: true },
    ]
    for (const arg of bad) expect(await dispatch(handlers, 'exportArticles', [arg])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await dispatch(handlers, 'cancelExport', [42])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
    expect(await dispatch(handlers, 'cancelExport', ['unknown'])).toEqual({ ok: true, value: undefined })
  })
})

describe('copyRichText handler', () => {
  it('puts the rendered article on the clipboard as HTML and plain text', async () => {
    const { handlers, clipboard } = await rig(() => null)
    await handlers.copyRichText(TRAVEL)
    expect(clipboard).toHaveLength(1)
    expect(clipboard[0]?.html).toMatch(/^<section style="/)
    expect(clipboard[0]?.html).toContain('京都の冬はとても静かでした。')
    expect(clipboard[0]?.text).toBe('京都の冬はとても静かでした。We walked along the river at dusk.')
  })

  it('refuses a broken header and paths outside the folder, naming the file', async () => {
    const { handlers, clipboard } = await rig(() => null)
    expect(await dispatch(handlers, 'copyRichText', [BROKEN])).toMatchObject({ ok: false, error: { code: 'HEADER_PARSE', path: BROKEN } })
    expect(await dispatch(handlers, 'copyRichText', ['../x.md'])).toMatchObject({ ok: false, error: { code: 'OUTSIDE_ROOT' } })
    expect(clipboard).toEqual([])
  })
})

describe('exporting from a plain folder', () => {
  it('finds images beside the article’s parent folder: the open folder is the site root', async () => {
    const site = await tempDir()
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    await mkdir(join(site, 'posts'), { recursive: true })
    await mkdir(join(site, 'images'), { recursive: true })
    await writeFile(join(site, 'images', 'x.png'), png)
    await writeFile(join(site, 'posts', 'a.md'), '---\ntitle: Plain\n---\n\n![one](../images/x.png)\n')
    const out = await tempDir()
    const handlers = createHandlers({ trash: async () => undefined, watch: false, emit: () => undefined, chooseExportTarget: async () => join(out, 'a.html') })
    open.push(handlers)
    await handlers.openFolder(site)
    const result = await handlers.exportArticles(request({ articles: ['posts/a.md'] }))
    expect(result).toMatchObject({ exported: 1, failures: [] })
    expect(await listFiles(out)).toEqual(['a.html', 'a/x.png'])
  })
})
