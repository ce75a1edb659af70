/**
 * Before an image goes into a Hugo leaf page: the page becomes a page bundle only once the writer
 * says so (LeafBundleDialog, or the answer remembered for the folder), otherwise the image goes to
 * static/images/ as placementFor puts it. The bundle is made by the one rename path (plan, apply,
 * links in other files rewritten, unsaved buffers edited rather than written), and the open buffer
 * follows the file with its unsaved edits and undo history. A remembered 'bundle' skips the
 * question, never the plan: when other files' links change, the dialog shows them first.
 *
 * Once made, a notice says so and offers Undo: the main side refuses when anything the conversion
 * touched changed since, else puts the links and the page back and removes the image and the
 * folder (never a file put there since); the image's link goes from the page while unchanged.
 */
import { useCallback, useRef, useState } from 'react'
import { leafBundle } from '../../shared/assets'
import type { FolderInfo, HugoLeafImages, InsertedImage, LeafBundleUndone, MoveBuffer, MovePlan } from '../../shared/contract'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { editBuffers, unsavedTexts, type BufferEdit, type MoveBuffers } from '../links/move-buffers'
import type { LeafAnswer } from './LeafBundleDialog'
import { endLanding, landingIntact } from './landing-links'

interface Options {
  folder: FolderInfo | null
  /** The answers remembered, by folder root (Settings.hugoLeafImages). */
  remembered: Readonly<Record<string, HugoLeafImages>>
  remember(root: string, choice: HugoLeafImages): void
  buffers: MoveBuffers & Pick<BufferStore, 'editAny'>
  /** The workbench's follow-up of a move: the buffer renamed, rewritten files reread, the library listed again. */
  moved(from: string, to: string, changed: readonly string[]): Promise<void>
  /** Shows the dialog (with the plan already made when 'bundle' is remembered); null when the writer cancelled. */
  ask(from: string, to: string, planned?: { plan: MovePlan; sent: MoveBuffer[] }): Promise<LeafAnswer | null>
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

/** A page made a bundle, as its notice shows it. */
export type BundleNotice =
  | { step: 'made'; from: string; to: string; others: number }
  | { step: 'undoing'; from: string; to: string; others: number }
  | { step: 'undone'; from: string; to: string; undone: LeafBundleUndone }
  | { step: 'failed'; from: string; to: string; others: number; cause: unknown }

/** What the undo needs: the journal entry, the buffers it rewrote, the images put beside index.md and the id their links are followed under. */
interface Made {
  from: string
  to: string
  resultId: string
  edits: BufferEdit[]
  images: InsertedImage[] | null
  follow: string
}

export interface LeafBundle {
  placeFor: PlaceFor
  notice: BundleNotice | null
  /** The images just inserted for `path`: when it is the bundle just made, they are the conversion's, and their links are followed under the id returned. */
  inserted(path: string, images: readonly InsertedImage[]): string | undefined
  undo(): Promise<void>
  dismiss(): void
}

export function useLeafBundle(options: Options): LeafBundle {
  const latest = useRef(options)
  latest.current = options
  const [notice, setNotice] = useState<BundleNotice | null>(null)
  const made = useRef<Made | null>(null)

  const placeFor = useCallback(async (path: string) => {
    const { folder, remembered, remember, buffers, moved, ask } = latest.current
    const to = folder?.assets ? leafBundle(path, folder.assets) : null
    if (!folder || !to) return path
    const bundle = async (plan: MovePlan, sent: readonly MoveBuffer[]): Promise<string> => {
      const result = await folio.applyMove(plan.id, [])
      // Before the buffers follow the renamed file: the plan names them as they were.
      const { edits } = editBuffers(buffers, plan, sent)
      await moved(path, to, result.changed)
      made.current = { from: path, to, resultId: result.id, edits, images: null, follow: `bundle-${result.id}` }
      setNotice({ step: 'made', from: path, to, others: plan.files.filter((f) => f.path !== path).length })
      return to
    }
    const choice = remembered[folder.root]
    if (choice === 'static') return path
    let planned: { plan: MovePlan; sent: MoveBuffer[] } | undefined
    if (choice === 'bundle') {
      const sent = unsavedTexts(buffers)
      const plan = await folio.planMove(path, to, sent).catch(() => null)
      // Nothing else changes: the remembered answer stands. Other files' links change: they are shown first.
      if (plan && plan.files.every((f) => f.path === path) && plan.left.length === 0 && plan.skipped.length === 0) return bundle(plan, sent)
      if (plan) planned = { plan, sent }
      // No plan: this page cannot become a bundle (its index.md is there already): asked, the
      // writer sees why and can put the image in static/images/, instead of every insert failing.
    }
    const answer = await ask(path, to, planned)
    if (!answer) return null
    if (answer.remember) remember(folder.root, answer.choice)
    return answer.choice === 'bundle' ? bundle(answer.plan, answer.sent) : path
  }, [])

  const inserted = useCallback((path: string, images: readonly InsertedImage[]) => {
    const now = made.current
    if (!now || now.to !== path || now.images !== null) return undefined
    now.images = images.filter((image) => image.path !== '' && !image.reused)
    return now.follow
  }, [])

  const undo = useCallback(async () => {
    const now = made.current
    if (!now) return
    const { buffers, moved } = latest.current
    const others = notice?.step === 'made' || notice?.step === 'failed' ? notice.others : 0
    setNotice({ step: 'undoing', from: now.from, to: now.to, others })
    // The images go only while their links are as inserted (or the page is not open): a link the writer edited keeps its image.
    const page = buffers.editorState(now.to)
    const intact = !page || landingIntact(page, now.follow)
    try {
      const undone = await folio.undoLeafBundle(now.resultId, intact ? (now.images ?? []).map((image) => image.path) : [])
      made.current = null
      if (intact) buffers.editAny((state) => endLanding(state, now.follow, true))
      // The rewritten buffers go back too (where the page is until its buffer follows it back), unless typed in since.
      const here = (path: string) => (path === now.from ? now.to : path)
      for (const edit of now.edits) buffers.editKept(here(edit.path), edit.after, edit.inverse, 'input.rename')
      await moved(
        now.to,
        now.from,
        undone.changed.filter((p) => p !== now.from),
      )
      setNotice({ step: 'undone', from: now.from, to: now.to, undone })
    } catch (cause) {
      setNotice({ step: 'failed', from: now.from, to: now.to, others, cause })
    }
  }, [notice])

  const dismiss = useCallback(() => {
    made.current = null
    setNotice(null)
  }, [])

  return { placeFor, notice, inserted, undo, dismiss }
}
