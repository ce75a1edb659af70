/**
 * applyPlan and undoEdit over a real folder and a real undo log: an edit is undone only in the
 * folder it was made in, and a move that fails leaves neither files changed nor a journal entry.
 */
import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { applyPlan, undoEdit, type FileStore } from '../../../electron/taxonomy/apply'
import { planOperation } from '../../../electron/taxonomy/plan'
import { createUndoLog } from '../../../electron/taxonomy/undo-log'
import { changedPaths, copyFixture, openService, snapshot, tempDir } from './helpers'

async function opened() {
  const { root, workspace } = await openService(await copyFixture('taxonomy/hexo'))
  const store: FileStore = { root, edit: (path, change, baseHash) => workspace.edit(path, change, baseHash), move: (from, to) => workspace.move(from, to) }
  const source = { root, kind: workspace.info.kind, articles: await workspace.list() }
  return { root, store, source }
}

describe('applyPlan and undoEdit', () => {
  it("refuses to undo another folder's edit, naming that folder, and changes nothing here", async () => {
    const here = await opened()
    const there = await opened()
    const journal = createUndoLog(await tempDir('folio-apply-journal-'))
    const plan = await planOperation(there.source, { kind: 'rename', key: 'tags', from: '前端', to: '前端开发' }, crypto.randomUUID(), Infinity)
    const result = await applyPlan(plan, there.store, journal)
    expect(result.changed.length).toBeGreaterThan(0)
    const before = await snapshot(here.root)
    await expect(undoEdit(result.id, here.store, journal)).rejects.toThrow(`That bulk edit was made in ${there.root}. Open that folder to undo it.`)
    expect(changedPaths(before, await snapshot(here.root))).toEqual([])
    // Still there to undo where it was made.
    expect((await undoEdit(result.id, there.store, journal)).changed).toEqual(result.changed)
  })

  it('leaves no journal entry and no file changed when the move is refused', async () => {
    const { root, store, source } = await opened()
    const dir = await tempDir('folio-apply-journal-')
    const journal = createUndoLog(dir)
    const plan = await planOperation(source, { kind: 'rename', key: 'tags', from: '前端', to: '前端开发' }, crypto.randomUUID(), Infinity)
    const before = await snapshot(root)
    // The move's target is another article: the workspace refuses it.
    const [from, to] = source.articles.map((article) => article.path)
    const move = { from: from as string, to: to as string }
    await expect(applyPlan({ ...plan, move }, store, journal)).rejects.toThrow(`a file with that name exists`)
    expect(changedPaths(before, await snapshot(root))).toEqual([])
    expect(await readdir(dir).catch(() => [])).toEqual([])
  })
})
