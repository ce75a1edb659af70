/**
 * A rename's plan and the buffers with unsaved edits: the texts it is planned from, and its
 * changes put into those buffers (never written on disk under the writer's edits). The rename
 * dialog and the Hugo leaf page turned bundle for an image both go through here.
 */
import { ChangeSet, Text } from '@codemirror/state'
import type { MoveBuffer, MovePlan } from '../../shared/contract'
import type { BufferStore } from '../buffers/buffer-store'

/** The buffers a rename reads (articles with unsaved edits) and rewrites in place of their files. */
export type MoveBuffers = Pick<BufferStore, 'getSnapshot' | 'editorState' | 'editKept'>

/** A buffer a rename rewrote: what it became, and the change that takes it back. */
export interface BufferEdit {
  path: string
  after: string
  inverse: ChangeSet
}

/** The text of every buffer with unsaved edits, as the editor shows it ('\n'-joined). */
export function unsavedTexts(buffers: MoveBuffers): MoveBuffer[] {
  return buffers.getSnapshot().unsaved.flatMap((path) => {
    const state = buffers.editorState(path)
    return state ? [{ path, text: state.doc.toString() }] : []
  })
}

/**
 * Puts the plan's changes into the buffers it rewrote (planned from `sent`, paths as before the
 * move); the paths whose text moved on since are missed, their links left for the writer.
 */
export function editBuffers(
  buffers: MoveBuffers,
  plan: MovePlan,
  sent: readonly MoveBuffer[],
  exclude: readonly string[] = [],
): { edits: BufferEdit[]; missed: string[] } {
  const edits: BufferEdit[] = []
  const missed: string[] = []
  for (const file of plan.files) {
    const text = sent.find((b) => b.path === file.path)?.text
    if (!file.buffer || text === undefined || exclude.includes(file.path)) continue
    const doc = Text.of(text.split('\n'))
    const changes = ChangeSet.of(file.buffer.changes, doc.length)
    if (buffers.editKept(file.path, text, changes, 'input.rename')) {
      edits.push({ path: file.path, after: changes.apply(doc).toString(), inverse: changes.invert(doc) })
    } else missed.push(file.path)
  }
  return { edits, missed }
}
