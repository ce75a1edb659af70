/** The replace planner on article texts, and replace across a real folder through the handler table. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from '../../../electron/handlers'
import type { EventApi, EventName, ReplaceRequest } from '../../../shared/contract'
import type { SearchQuery } from '../../../shared/search/query'
import { applyArticle, changeHunks, expandReplacement, planArticle, type ArticlePlan } from '../../../shared/search/replace'
import { tempDir } from '../taxonomy/helpers'

const q = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  caseSensitive: false,
  wholeWord: false,
  regex: false,
  scope: 'all',
  ...more,
})
const opts = { site: 'plain' as const }

function planned(text: string, query: SearchQuery, replacement: string): Extract<ArticlePlan, { ok: true }> {
  const plan = planArticle(text, { query, replacement }, opts)
  if (!plan?.ok) throw new Error(`expected a plan, got ${JSON.stringify(plan)}`)
  return plan
}

const replaced = (text: string, query: SearchQuery, replacement: string, include: (i: number) => boolean = () => true): string =>
  applyArticle(text, planned(text, query, replacement), include, opts)

describe('the replace planner', () => {
  const post = '---\ntitle: "Cats: a study"\ntags: [cat, dog]\ncount: 12\n# cat comment\n---\n\nThe cat sat. Cats nap.\nconcatenate\n'

  it('replaces in the body as text and in header values through the header edit path', () => {
    expect(replaced(post, q('cat'), 'fox')).toBe(
      '---\ntitle: "foxs: a study"\ntags: [fox, dog]\ncount: 12\n# cat comment\n---\n\nThe fox sat. foxs nap.\nconfoxenate\n',
    )
  })

  it('quotes a header value that needs it, and leaves keys and comments alone', () => {
    const after = replaced('---\ntitle: Plain\ncategory: cat\n---\nbody cat\n', q('cat'), 'a: b')
    expect(after).toBe("---\ntitle: Plain\ncategory: 'a: b'\n---\nbody a: b\n")
  })

  it('honours case, whole word and scope', () => {
    expect(replaced(post, q('Cat', { caseSensitive: true }), 'X')).toBe(post.replace('Cats: a', 'Xs: a').replace('Cats nap', 'Xs nap'))
    expect(replaced(post, q('cat', { wholeWord: true, scope: 'body' }), 'fox')).toBe(post.replace('The cat', 'The fox'))
    expect(replaced(post, q('cat', { scope: 'field', field: 'tags' }), 'fox')).toBe(post.replace('[cat,', '[fox,'))
    expect(replaced(post, q('cat', { scope: 'header' }), 'fox')).toBe(post.replace('"Cats', '"foxs').replace('[cat,', '[fox,'))
    expect(planArticle(post, { query: q('nap', { scope: 'header' }), replacement: 'x' }, opts)).toBeNull()
  })

  it('expands $1, named groups and $& with a regular expression, and takes the text literally without', () => {
    const text = '---\ntitle: T\n---\n2024-05-03 and 2023-01-02\n'
    expect(replaced(text, q('(\\d{4})-(?<m>\\d\\d)-(\\d\\d)', { regex: true, scope: 'body' }), '$3.$<m>.$1 [$&] $$')).toBe(
      '---\ntitle: T\n---\n03.05.2024 [2024-05-03] $ and 02.01.2023 [2023-01-02] $\n',
    )
    expect(replaced(text, q('2024', { scope: 'body' }), '$1$&')).toBe('---\ntitle: T\n---\n$1$&-05-03 and 2023-01-02\n')
    const m = /(a)(b)/.exec('ab') as RegExpExecArray
    expect(expandReplacement('$12|$3|\\n|\\t|\\\\', m, true)).toBe('a2|$3|\n|\t|\\')
  })

  it('leaves out the changes not included, per match', () => {
    const text = '---\ntitle: x\n---\none cat, two cat, three cat\n'
    expect(replaced(text, q('cat'), 'dog', (i) => i !== 1)).toBe('---\ntitle: x\n---\none dog, two cat, three dog\n')
  })

  it('keeps CRLF line endings, also in inserted line breaks, and previews minimal hunks', () => {
    const text = '---\r\ntitle: Cat\r\n---\r\n\r\nA cat.\r\nB cat.\r\n'
    const plan = planned(text, q('cat', { regex: true }), 'fox\\nend')
    expect(changeHunks(text, plan, opts)).toEqual([
      { line: 2, removed: ['title: Cat'], added: ['title: "fox\\nend"'] },
      { line: 5, removed: ['A cat.'], added: ['A fox', 'end.'] },
      { line: 6, removed: ['B cat.'], added: ['B fox', 'end.'] },
    ])
    expect(applyArticle(text, plan, (i) => i > 0, opts)).toBe('---\r\ntitle: Cat\r\n---\r\n\r\nA fox\r\nend.\r\nB fox\r\nend.\r\n')
  })

  it('refuses an article whose header does not parse, and finds nothing where nothing matches', () => {
    const broken = '---\ntitle: [unclosed\n---\nbody cat\n'
    const plan = planArticle(broken, { query: q('cat', { scope: 'body' }), replacement: 'x' }, opts)
    expect(plan).toMatchObject({ ok: false })
    expect(plan && !plan.ok && plan.reason).toMatch(/header does not parse \(line 2/)
    expect(planArticle(broken, { query: q('dog'), replacement: 'x' }, opts)).toBeNull()
    // Told by an index that the header parses, the plan skips the parse; applying parses and refuses.
    const trusted = planArticle(broken, { query: q('cat', { scope: 'body' }), replacement: 'x' }, opts, null)
    if (!trusted?.ok) throw new Error('expected a plan')
    expect(() => applyArticle(broken, trusted, () => true, opts)).toThrow(/header does not parse \(line 2/)
  })

  it('skips matches whose replacement equals the text', () => {
    expect(planArticle('---\ntitle: a\n---\ncat Cat\n', { query: q('cat', { scope: 'body' }), replacement: 'cat' }, opts)?.ok && true).toBe(true)
    expect(planned('---\ntitle: a\n---\ncat Cat\n', q('cat', { scope: 'body' }), 'cat').changes).toHaveLength(1)
  })
})

async function folder(files: Record<string, string>): Promise<string> {
  const root = await tempDir('folio-replace-')
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return root
}

/**
 * The handler table with a page that answers the main process's unsavedNow: by default with what
 * it last reported; `typed` is what it has made unsaved since (a key whose report is still on its way).
 */
async function withHandlers(files: Record<string, string>, run: (h: Handlers, root: string, page: { typed: string[] }) => Promise<void>): Promise<void> {
  const root = await folder(files)
  const page = { typed: [] as string[] }
  const h: Handlers = createHandlers({
    trash: async () => undefined,
    emit: <E extends EventName>(event: E, payload: EventApi[E]) => {
      if (event !== 'reportUnsaved') return
      const { ask } = payload as EventApi['reportUnsaved']
      setTimeout(() => void h.answerUnsaved(ask, [...new Set([...h.unsaved(), ...page.typed])]), 5)
    },
    watch: false,
    journalDir: await tempDir('folio-recovery-'),
  })
  await h.openFolder(root)
  try {
    await run(h, root, page)
  } finally {
    await h.dispose()
  }
}

const request = (text: string, replacement: string, more: Partial<SearchQuery> = {}): ReplaceRequest => ({ query: q(text, more), replacement })

describe('replace across the folder', () => {
  const FILES = {
    'a.md': '---\ntitle: Cat one\n---\n\nA cat here.\n',
    'b.md': '\uFEFF---\r\ntitle: Two\r\n---\r\n\r\ncat and cat\r\n',
    'broken.md': '---\ntitle: [cat\n---\n\ncat\n',
    'none.md': '---\ntitle: Dog\n---\n\nNo match.\n',
  }

  it('previews, applies with exclusions and undoes byte for byte through the bulk journal', async () => {
    await withHandlers(FILES, async (h, root) => {
      const before = await Promise.all(['a.md', 'b.md', 'broken.md', 'none.md'].map((p) => readFile(join(root, p))))
      const preview = await h.planReplace(request('cat', 'fox'))
      expect(preview.totalFiles).toBe(2)
      expect(preview.totalChanges).toBe(4)
      expect(preview.files.map((f) => f.path).sort()).toEqual(['a.md', 'b.md'])
      expect(preview.skipped).toEqual([
        {
          path: 'broken.md',
          reason: expect.stringMatching(/^broken\.md: The header does not parse/),
          why: { kind: 'header', line: 2, code: 'syntax', reason: 'unclosed-bracket', message: expect.any(String) },
        },
      ])
      const result = await h.applyReplace(preview.id, { files: [], changes: [{ path: 'b.md', index: 1 }] })
      expect(result.changed.sort()).toEqual(['a.md', 'b.md'])
      expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('---\ntitle: fox one\n---\n\nA fox here.\n')
      expect(await readFile(join(root, 'b.md'), 'utf8')).toBe('\uFEFF---\r\ntitle: Two\r\n---\r\n\r\nfox and cat\r\n')
      expect(await readFile(join(root, 'broken.md'))).toEqual(before[2])
      const undone = await h.undoBulkEdit(result.id)
      expect(undone.changed.sort()).toEqual(['a.md', 'b.md'])
      expect(await readFile(join(root, 'a.md'))).toEqual(before[0])
      expect(await readFile(join(root, 'b.md'))).toEqual(before[1])
    })
  })

  it('skips an article changed since the preview and one with unsaved edits, saying why', async () => {
    await withHandlers(FILES, async (h, root) => {
      const preview = await h.planReplace(request('cat', 'fox', { scope: 'body' }))
      await writeFile(join(root, 'a.md'), '---\ntitle: Cat one\n---\n\nA cat here, edited elsewhere.\n')
      await h.setUnsaved(['b.md'])
      const result = await h.applyReplace(preview.id, { files: [], changes: [] })
      expect(result.changed).toEqual([])
      expect(result.skipped.map((s) => s.path)).toEqual(['a.md', 'b.md', 'broken.md'])
      expect(result.skipped[0]?.reason).toMatch(/a\.md changed on disk since the preview/)
      expect(result.skipped[1]?.reason).toMatch(/b\.md has unsaved edits/)
      expect(await readFile(join(root, 'a.md'), 'utf8')).toContain('edited elsewhere')
      // An article with unsaved edits is left out of the preview itself.
      const again = await h.planReplace(request('cat', 'fox', { scope: 'body' }))
      expect(again.files.map((f) => f.path)).toEqual(['a.md'])
    })
  })

  it('asks the page what is unsaved: a key typed before the page reported it keeps its article out, in the preview and the apply', async () => {
    await withHandlers(FILES, async (h, root, page) => {
      const before = await readFile(join(root, 'a.md'), 'utf8')
      page.typed = ['a.md']
      const preview = await h.planReplace(request('cat', 'fox', { scope: 'body' }))
      expect(h.unsaved()).toEqual(['a.md'])
      expect(preview.files.map((f) => f.path)).toEqual(['b.md'])
      expect(preview.skipped.find((s) => s.path === 'a.md')?.reason).toMatch(/a\.md has unsaved edits/)
      // Saved meanwhile: a.md is in the next preview; then a key typed into b.md just before Apply.
      page.typed = []
      await h.setUnsaved([])
      const next = await h.planReplace(request('cat', 'fox', { scope: 'body' }))
      expect(next.files.map((f) => f.path).sort()).toEqual(['a.md', 'b.md'])
      page.typed = ['b.md']
      const result = await h.applyReplace(next.id, { files: [], changes: [] })
      expect(result.changed).toEqual(['a.md'])
      expect(result.skipped.find((s) => s.path === 'b.md')?.reason).toMatch(/b\.md has unsaved edits/)
      expect(await readFile(join(root, 'a.md'), 'utf8')).toBe(before.replace('A cat', 'A fox'))
      expect(await readFile(join(root, 'b.md'), 'utf8')).toBe(FILES['b.md'])
    })
  })

  it('shows the lines of each change on every page of a long preview, header values and CRLF bodies too', async () => {
    const many: Record<string, string> = {}
    for (let i = 0; i < 60; i++) {
      const name = `p${String(i).padStart(2, '0')}.md`
      many[name] = i % 2 ? `---\r\ntitle: Post ${i}\r\n---\r\n\r\nfirst\r\na cat ${i}\r\n` : `---\ntitle: Cat ${i}\n---\n\none cat, two cat\n`
    }
    await withHandlers(many, async (h) => {
      const first = await h.planReplace(request('cat', 'fox'))
      expect(first.totalFiles).toBe(60)
      expect(first.totalChanges).toBe(30 * 3 + 30)
      expect(first.nextOffset).toBe(50)
      const second = await h.replacePreviewPage(first.id, 50)
      const shown = [...first.files, ...second.files]
      expect(shown.map((f) => f.path)).toEqual(Object.keys(many).sort())
      expect(shown.find((f) => f.path === 'p58.md')?.changes).toEqual([
        { index: 0, key: 'title', hunk: { line: 2, removed: ['title: Cat 58'], added: ['title: fox 58'] } },
        { index: 1, key: null, hunk: { line: 5, removed: ['one cat, two cat'], added: ['one fox, two cat'] } },
        { index: 2, key: null, hunk: { line: 5, removed: ['one cat, two cat'], added: ['one cat, two fox'] } },
      ])
      expect(shown.find((f) => f.path === 'p59.md')?.changes).toEqual([{ index: 0, key: null, hunk: { line: 6, removed: ['a cat 59'], added: ['a fox 59'] } }])
      // Paging back shows the same lines again.
      expect((await h.replacePreviewPage(first.id, 0)).files).toEqual(first.files)
    })
  })

  it('limits the replace to the articles asked for, and a whole article can be left out', async () => {
    await withHandlers(FILES, async (h, root) => {
      const preview = await h.planReplace({ ...request('cat', 'fox'), paths: ['a.md', 'b.md'] })
      expect(preview.skipped).toEqual([])
      const result = await h.applyReplace(preview.id, { files: ['b.md'], changes: [] })
      expect(result.changed).toEqual(['a.md'])
      expect(await readFile(join(root, 'b.md'), 'utf8')).toContain('cat and cat')
      await expect(h.applyReplace(preview.id, { files: [], changes: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(h.planReplace(request('(', 'x', { regex: true }))).rejects.toMatchObject({ code: 'BAD_ARGUMENT' })
    })
  })
})
