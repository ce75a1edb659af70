// @vitest-environment jsdom
/**
 * The link lint in a real EditorView over a real folder: window.folio.articleLinkRefs answered by
 * the main process's own checker (electron/links/check.ts) on a workspace opened on a temporary
 * Hexo-shaped site. A broken image or link is underlined where its target is written, in the
 * UI's language; a fix typed in the editor clears it; no folder means nothing to say.
 */
import { diagnosticCount, forceLinting, forEachDiagnostic, type Diagnostic } from '@codemirror/lint'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { articleLinks } from '../../../../electron/links/check'
import { openWorkspace, type Workspace } from '../../../../electron/workspace/workspace'
import { linkLint } from '../../../../renderer/links/link-lint'
import type { TextLinks, UiLocale, WireApi } from '../../../../shared/contract'

const POST = '---\ntitle: 旅行\n---\n\n![封面](travel/cover.png)\n\n![丢了](travel/gone.png)\n\n[旧文](old-post.md)\n'

let dir = ''
let ws: Workspace | null = null
let view: EditorView | null = null
afterEach(async () => {
  view?.destroy()
  view = null
  delete window.folio
  await ws?.close()
  ws = null
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = ''
})

async function site(): Promise<Workspace> {
  dir = await mkdtemp(join(tmpdir(), 'folio-link-lint-'))
  await writeFile(join(dir, '_config.yml'), 'title: Blog\npost_asset_folder: true\n')
  await mkdir(join(dir, 'source/_posts/travel'), { recursive: true })
  await writeFile(join(dir, 'source/_posts/travel.md'), POST)
  await writeFile(join(dir, 'source/_posts/travel/cover.png'), 'png')
  ws = await openWorkspace({ root: dir, trash: async () => undefined })
  const open = ws
  window.folio = {
    articleLinkRefs: async (path: string, links: TextLinks) => ({ ok: true, value: await articleLinks(open, path, links) }),
  } as unknown as WireApi
  return open
}

function editor(doc: string, locale: UiLocale = 'en'): EditorView {
  view = new EditorView({
    state: EditorState.create({
      doc,
      extensions: linkLint(
        () => 'source/_posts/travel.md',
        () => locale,
      ),
    }),
    parent: document.body,
  })
  return view
}

async function diagnostics(v: EditorView, count: number): Promise<(Diagnostic & { text: string })[]> {
  forceLinting(v)
  await expect.poll(() => diagnosticCount(v.state), { timeout: 10_000 }).toBe(count)
  const found: (Diagnostic & { text: string })[] = []
  forEachDiagnostic(v.state, (d, from, to) => found.push({ ...d, from, to, text: v.state.sliceDoc(from, to) }))
  return found
}

describe('linkLint', () => {
  it('underlines each broken target where it is written, as a warning with the checker’s message', async () => {
    await site()
    const found = await diagnostics(editor(POST), 2)
    expect(found.map((d) => [d.text, d.severity, d.source])).toEqual([
      ['travel/gone.png', 'warning', 'broken-image'],
      ['old-post.md', 'warning', 'broken-link'],
    ])
    expect(found[0]?.message).toContain('travel/gone.png')
  })

  it('speaks the UI’s language', async () => {
    await site()
    const found = await diagnostics(editor(POST, 'zh-CN'), 2)
    expect(found.map((d) => d.source)).toEqual(['图片失效', '链接失效'])
  })

  it('checks the text as typed: a fix clears its warning before any save', async () => {
    await site()
    const v = editor(POST)
    await diagnostics(v, 2)
    const at = v.state.doc.toString().indexOf('gone.png')
    v.dispatch({ changes: { from: at, to: at + 'gone'.length, insert: 'cover' } })
    const found = await diagnostics(v, 1)
    expect(found[0]?.text).toBe('old-post.md')
  })

  it('typing prose keeps the last answer, moved along with the text, without asking the folder again', async () => {
    const open = await site()
    let asked = 0
    window.folio = {
      articleLinkRefs: async (path: string, links: TextLinks) => (asked++, { ok: true, value: await articleLinks(open, path, links) }),
    } as unknown as WireApi
    const v = editor(POST.replace('\n\n![封面]', '\n\n一段文字。\n\n![封面]'))
    await diagnostics(v, 2)
    expect(asked).toBe(1)
    const at = v.state.doc.toString().indexOf('一段文字') + 2
    v.dispatch({ changes: { from: at, insert: '很长的' } })
    v.dispatch({ changes: { from: at, insert: '又' } })
    forceLinting(v)
    await expect.poll(() => diagnostics(v, 2).then((found) => found.map((d) => d.text)), { timeout: 10_000 }).toEqual(['travel/gone.png', 'old-post.md'])
    expect(asked).toBe(1)
    // A line break is a change that may make or unmake a reference: the folder is asked.
    v.dispatch({ changes: { from: at, insert: '\n' } })
    await diagnostics(v, 2)
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(2)
  })

  it('sends the main process the references of the text, never the text', async () => {
    const open = await site()
    const sent: unknown[] = []
    window.folio = {
      articleLinkRefs: async (path: string, links: TextLinks) => (sent.push(links), { ok: true, value: await articleLinks(open, path, links) }),
    } as unknown as WireApi
    const prose = '很长的一段文字，'.repeat(20_000)
    await diagnostics(editor(POST.replace('\n\n![封面]', `\n\n${prose}\n\n![封面]`)), 2)
    const wire = JSON.stringify(sent)
    expect(wire).not.toContain('很长的')
    expect(wire.length).toBeLessThan(2_000)
  })

  it('takes the references it is sent as untrusted: the checker resolves each under the site’s rules and looks only inside the folder', async () => {
    const open = await site()
    const at = { line: 5, column: 4, from: 20, to: 30 }
    const found = await articleLinks(open, 'source/_posts/travel.md', {
      files: [
        // What no text gives: a link that names no file, a web address.
        { ...at, target: '/about/', kind: 'link', image: false },
        { ...at, target: 'https://example.com/a.png', kind: 'image', image: true },
        // A path out of the folder is broken, never looked for.
        { ...at, target: '../../../../../etc/hostname', kind: 'image', image: true },
        // A file that is there.
        { ...at, target: 'travel/cover.png', kind: 'image', image: true },
      ],
      site: [],
    })
    expect(found.map((p) => [p.target, p.message])).toEqual([
      ['../../../../../etc/hostname', 'image "../../../../../etc/hostname" is broken: it leads outside the folder'],
    ])
  })

  it('once the folder is gone, clears what it said instead of failing', async () => {
    await site()
    const v = editor(POST)
    await diagnostics(v, 2)
    window.folio = {
      articleLinkRefs: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'The folder is gone.' } }),
    } as unknown as WireApi
    v.dispatch({ changes: { from: v.state.doc.length, insert: '\n再写一句。\n' } })
    await diagnostics(v, 0)
  })
})
