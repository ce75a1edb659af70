/**
 * The crash journal fed by changes (renderer/buffers/crash-journal-feed.ts → journalEdits →
 * electron/recovery/journal-edits.ts): whatever the typing, a crash at any moment leaves on disk
 * exactly the text last sent, byte for byte.
 */
import { EditorState, Text } from '@codemirror/state'
import fc from 'fast-check'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { createCrashJournal } from '../../../electron/recovery/crash-journal'
import { journalEdits } from '../../../electron/recovery/journal-edits'
import { journalEditsOf } from '../../../renderer/buffers/crash-journal-feed'
import type { UnsavedDoc } from '../../../renderer/buffers/buffer-store'
import { JournalEditSchema, type JournalEdit } from '../../../shared/contract'

const temps: string[] = []
afterEach(async () => {
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true })
})

async function journalDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-journal-edits-'))
  temps.push(dir)
  return join(dir, 'recovery')
}

/** An unsaved buffer as the store gives it: a new document object for each new text (its lines joined with '\n' are the text, '\r' and all). */
const docOf = (path: string, text: string, baseHash = 'base'): UnsavedDoc => ({
  path,
  baseHash,
  doc: Text.of(text.split('\n')),
  lineBreak: '\n',
  text: () => text,
})

/** A CRLF file's buffer as the store has it: an editor state whose line break is the file's, edited by transactions. */
const stateDoc = (path: string, state: EditorState): UnsavedDoc => ({
  path,
  baseHash: 'base',
  doc: state.doc,
  lineBreak: state.lineBreak,
  text: () => state.sliceDoc(),
})

/** As the bridge carries them: JSON (the e2e harness) and the contract's check (the main process). */
const carried = (edits: JournalEdit[]): JournalEdit[] => v.parse(v.array(JournalEditSchema), JSON.parse(JSON.stringify(edits)))

function page() {
  let count = 0
  const id = Math.random().toString(36).slice(2)
  return { sent: new Map(), next: () => `${id}:${++count}` }
}

const START = '---\r\ntitle: 草稿 😀\r\n---\r\n\r\n第一段。Hello.\r\n'

describe('the crash journal fed by changes', () => {
  it('restores the exact bytes after a crash at any point of any typing (CRLF, Chinese, emoji halves)', async () => {
    const pieces = fc.constantFrom('a', ' ', '中', '文', '😀', '😁', '\r\n', '。', '**', '\n')
    const step = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.array(pieces, { maxLength: 4 }).map((p) => p.join('')), crash: fc.boolean() })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const dir = await journalDir()
        const journal = createCrashJournal({ dir })
        const main = journalEdits(journal)
        const renderer = page()
        let text = START
        for (const { at, cut, insert, crash } of steps) {
          const from = at % (text.length + 1)
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + cut))
          const edits = carried(journalEditsOf([docOf('posts/草稿.md', text)], renderer.sent, renderer.next))
          expect(main.apply('/site', edits)).toEqual([])
          if (crash) {
            await journal.flush()
            // A new process after the crash reads exactly what was typed up to the last send.
            const recovered = await createCrashJournal({ dir }).read()
            expect(recovered?.buffers).toEqual([{ path: 'posts/草稿.md', text, baseHash: 'base' }])
          }
        }
        // Nothing left pending to write after the folder is gone.
        await journal.flush()
      }),
      { numRuns: 40 },
    )
  })

  it('restores a CRLF buffer edited by transactions byte for byte, each send a change of the file’s own text', async () => {
    const step = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 30 }),
      insert: fc.constantFrom('a', '中文', '😀', '\r\n', '\n', ''),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const dir = await journalDir()
        const journal = createCrashJournal({ dir })
        const main = journalEdits(journal)
        const renderer = page()
        let state = EditorState.create({ doc: START + '正文。\r\n'.repeat(3_000), extensions: EditorState.lineSeparator.of('\r\n') })
        main.apply('/site', journalEditsOf([stateDoc('a.md', state)], renderer.sent, renderer.next))
        for (const { at, cut, insert } of steps) {
          const from = Math.floor(at * state.doc.length)
          state = state.update({ changes: { from, to: Math.min(state.doc.length, from + cut), insert } }).state
          const edits = carried(journalEditsOf([stateDoc('a.md', state)], renderer.sent, renderer.next))
          expect('text' in edits[0]!.edit).toBe(false)
          expect(main.apply('/site', edits)).toEqual([])
        }
        await journal.flush()
        expect((await createCrashJournal({ dir }).read())?.buffers).toEqual([{ path: 'a.md', text: state.sliceDoc(), baseHash: 'base' }])
      }),
      { numRuns: 25 },
    )
  })

  it('sends a keystroke as its change, an unchanged buffer as nothing, and a buffer new to the journal whole', () => {
    const renderer = page()
    const long = START + '正文。'.repeat(50_000)
    const first = journalEditsOf([docOf('a.md', long)], renderer.sent, renderer.next)
    expect(first[0]?.edit).toEqual({ text: long })
    const typed = long.replace('第一段。', '第一段。X')
    const [edit] = journalEditsOf([docOf('a.md', typed)], renderer.sent, renderer.next)
    expect(edit?.edit).toEqual({
      after: first[0]!.version,
      from: START.indexOf('。Hello') + 1,
      to: START.indexOf('。Hello') + 1,
      insert: 'X',
      length: typed.length,
    })
    expect(JSON.stringify(edit).length).toBeLessThan(200)
    // The same document again: an empty change on the same version.
    const doc = docOf('a.md', typed)
    journalEditsOf([doc], renderer.sent, renderer.next)
    const [same] = journalEditsOf([doc], renderer.sent, renderer.next)
    expect(same?.edit).toMatchObject({ from: 0, to: 0, insert: '' })
    expect(same?.version).toBe((same?.edit as { after: string }).after)
    // Another base (saved and edited again, or reloaded from disk): whole.
    expect(journalEditsOf([docOf('a.md', typed, 'other')], renderer.sent, renderer.next)[0]?.edit).toEqual({ text: typed })
  })

  it('refuses a change that does not build on the text it holds, keeps that text journaled, and takes the whole one after', async () => {
    const dir = await journalDir()
    const journal = createCrashJournal({ dir })
    const main = journalEdits(journal)
    const before = page()
    main.apply('/site', journalEditsOf([docOf('a.md', 'one\r\n'), docOf('b.md', 'bee')], before.sent, before.next))
    // A page that started again (its own versions) and believes the journal has its texts.
    const after = page()
    after.sent.set('a.md', { doc: Text.of(['one\r', '']), lineBreak: '\n', version: 'elsewhere:1', baseHash: 'base' })
    const edits = journalEditsOf([docOf('a.md', 'one two\r\n'), docOf('b.md', 'bee')], after.sent, after.next)
    expect(main.apply('/site', edits)).toEqual(['a.md'])
    await journal.flush()
    expect((await createCrashJournal({ dir }).read())?.buffers.map((b) => b.text)).toEqual(['one\r\n', 'bee'])
    // A change whose length does not add up is refused too, never guessed at.
    const wrong: JournalEdit = { path: 'b.md', baseHash: 'base', version: 'x:2', edit: { after: edits[1]!.version, from: 0, to: 0, insert: 'z', length: 99 } }
    expect(main.apply('/site', [wrong])).toEqual(['b.md'])
    after.sent.delete('a.md')
    expect(main.apply('/site', journalEditsOf([docOf('a.md', 'one two\r\n')], after.sent, after.next))).toEqual([])
    await journal.flush()
    expect((await createCrashJournal({ dir }).read())?.buffers).toEqual([{ path: 'a.md', text: 'one two\r\n', baseHash: 'base' }])
    // No buffers: the journal is cleared.
    main.apply('', [])
    await journal.flush()
    expect(await createCrashJournal({ dir }).read()).toBeNull()
  })
})
