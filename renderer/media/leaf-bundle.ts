/**
 * Before an image goes into a Hugo leaf page: the page becomes a page bundle only once the writer
 * says so (LeafBundleDialog, or the answer remembered for the folder), otherwise the image goes to
 * static/images/ as placementFor puts it. The bundle is made by the one rename path (plan, apply,
 * links in other files rewritten, unsaved buffers edited rather than written), and the open buffer
 * follows the file with its unsaved edits and undo history.
 */
import { useCallback, useRef } from 'react'
import { leafBundle } from '../../shared/assets'
import type { FolderInfo, HugoLeafImages, MoveBuffer, MovePlan } from '../../shared/contract'
import { folio } from '../bridge'
import { editBuffers, unsavedTexts, type MoveBuffers } from '../links/move-buffers'
import type { LeafAnswer } from './LeafBundleDialog'

interface Options {
  folder: FolderInfo | null
  /** The answers remembered, by folder root (Settings.hugoLeafImages). */
  remembered: Readonly<Record<string, HugoLeafImages>>
  remember(root: string, choice: HugoLeafImages): void
  buffers: MoveBuffers
  /** The workbench's follow-up of a move: the buffer renamed, rewritten files reread, the library listed again. */
  moved(from: string, to: string, changed: readonly string[]): Promise<void>
  /** Shows the dialog; null when the writer cancelled. */
  ask(from: string, to: string): Promise<LeafAnswer | null>
}

/** The remembered answers with `root`'s set to `choice` (or forgotten: asked each time again). */
export function rememberLeaf(
  remembered: Readonly<Record<string, HugoLeafImages>>,
  root: string,
  choice: HugoLeafImages | undefined,
): Record<string, HugoLeafImages> {
  const { [root]: _old, ...others } = remembered
  return choice ? { ...others, [root]: choice } : others
}

/** Where an image for `path` is inserted from: the same path, the bundle's index.md once made, or null (cancelled). */
export type PlaceFor = (path: string) => Promise<string | null>

export function useLeafBundle(options: Options): PlaceFor {
  const latest = useRef(options)
  latest.current = options
  return useCallback(async (path: string) => {
    const { folder, remembered, remember, buffers, moved, ask } = latest.current
    const to = folder?.assets ? leafBundle(path, folder.assets) : null
    if (!folder || !to) return path
    const bundle = async (plan: MovePlan, sent: readonly MoveBuffer[]): Promise<string> => {
      const result = await folio.applyMove(plan.id, [])
      // Before the buffers follow the renamed file: the plan names them as they were.
      editBuffers(buffers, plan, sent)
      await moved(path, to, result.changed)
      return to
    }
    const choice = remembered[folder.root]
    if (choice === 'static') return path
    if (choice === 'bundle') {
      const sent = unsavedTexts(buffers)
      const plan = await folio.planMove(path, to, sent).catch(() => null)
      if (plan) return bundle(plan, sent)
      // This page cannot become a bundle (its index.md is there already): asked, the writer sees
      // why and can put the image in static/images/, instead of every insert failing.
    }
    const answer = await ask(path, to)
    if (!answer) return null
    if (answer.remember) remember(folder.root, answer.choice)
    return answer.choice === 'bundle' ? bundle(answer.plan, answer.sent) : path
  }, [])
}
