/** The bulk-edit methods through the handler table, as the app and the e2e harness call them. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers, dispatch } from '../../../electron/handlers'
import { changedPaths, copyFixture, snapshot, tempDir } from './helpers'

async function handlers() {
  const root = await copyFixture('taxonomy/hexo')
  const journalDir = await tempDir('folio-recovery-')
  const h = createHandlers({ trash: async () => undefined, emit: () => undefined, watch: false, journalDir })
  await h.openFolder(root)
  return { h, root, journalDir }
}

describe('bulk edits over IPC', () => {
  it('rejects operations of the wrong shape before any handler runs', async () => {
    const { h } = await handlers()
    try {
      for (const bad of [
        { kind: 'rename', key: 'tags', from: 'a' },
        { kind: 'rename', key: 'tags', from: 'a', to: 'b', patches: [] },
        { kind: 'merge', key: 'tags', from: [], to: 'b' },
        { kind: 'set', paths: 'a.md', key: 'k', value: 'v' },
        { kind: 'write-file', path: 'a.md' },
        null,
      ]) {
        const r = await dispatch(h, 'planBulkEdit', [bad])
        expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } })
      }
      expect(await dispatch(h, 'applyBulkEdit', ['no-such-plan'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    } finally {
      await h.dispose()
    }
  })

  it('plans, applies and undoes, journaling beside the crash journal', async () => {
    const { h, root, journalDir } = await handlers()
    try {
      const before = await snapshot(root)
      const taxonomy = await dispatch(h, 'taxonomy', [])
      expect(taxonomy.ok && taxonomy.value.keys[0]?.values[0]).toMatchObject({ value: '前端', count: 5 })
      const plan = await dispatch(h, 'planBulkEdit', [{ kind: 'rename', key: 'tags', from: '随笔', to: '散文' }])
      if (!plan.ok) throw new Error(plan.error.message)
      expect(plan.value.files.map((f) => f.path)).toEqual(['source/_posts/block-list.md', 'source/_posts/bom.md', 'source/_posts/nested.md'])
      const applied = await dispatch(h, 'applyBulkEdit', [plan.value.id])
      if (!applied.ok) throw new Error(applied.error.message)
      expect(await readdir(join(journalDir, 'bulk-edits'))).toEqual([`bulk-${applied.value.id}.json`])
      const undone = await dispatch(h, 'undoBulkEdit', [applied.value.id])
      expect(undone.ok && undone.value.changed).toEqual(applied.value.changed)
      expect(changedPaths(before, await snapshot(root))).toEqual([])
    } finally {
      await h.dispose()
    }
  })
})
