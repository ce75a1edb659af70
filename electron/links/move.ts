/**
 * Rename and move keep links whole, over an open workspace: a plan lists every file whose
 * references change (with the changed lines) before anything moves; applying moves the file
 * (a Hexo post with its asset folder) and writes each planned file through the bulk edits' apply,
 * so the one write path refuses a file changed since the preview and the bulk-edit journal makes
 * it undoable (undoBulkEdit restores the texts, then moves the file back). Plans stay here under
 * an id: the renderer can apply only what it previewed, minus the files it excludes.
 *
 * Articles with unsaved edits in the editor are never written under the writer's feet: the
 * renderer sends their texts, their references are rewritten in that text, and the plan hands the
 * changes back for the editor to apply to its buffer (as an editor does with a refactoring); the
 * writer's save then writes links and edits together.
 */
import { randomUUID } from 'node:crypto'
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BulkResult, BulkSkip, LeafBundleUndone, MoveBuffer, MoveLeft, MovePlan } from '../../shared/contract'
import { FolioError, said, type Problem } from '../../shared/errors'
import { applyPatches } from '../../shared/frontmatter'
import { textHunks } from '../../shared/line-diff'
import { leafBundle, mentionsOf, movesFor, PLAIN_RULES, relocate, resolvePath, rewriteArticle, rewriteContext, type FileMove } from '../../shared/assets'
import type { TaxonomyService } from '../taxonomy/service'
import type { Plan, PlannedFile } from '../taxonomy/plan'
import { decode, encode, encodingSaid, hashBytes } from '../workspace/encoding'
import { readRegularFileSync } from '../workspace/open-inside'
import { inSlices } from '../workspace/slices'
import type { Workspace } from '../workspace/workspace'
import { allFiles } from './check'
import { bundleMade, undoBundle, type BundleMade } from './bundle-undo'

export interface MoveService {
  /** `buffers`: the texts of articles with unsaved edits in the editor ('\n'-joined, as it shows them). */
  plan(from: string, to: string, buffers?: readonly MoveBuffer[]): Promise<MovePlan>
  /** The plan with its patches (paths as they are now), for the command line. */
  planFull(from: string, to: string): Promise<{ preview: MovePlan; files: PlannedFile[] }>
  apply(planId: string, exclude: readonly string[]): Promise<BulkResult>
  /** Undoes a Hugo leaf page made a bundle (./bundle-undo); `wroteHash`: the hash of what an insert wrote at an absolute path. */
  undoBundle(resultId: string, images: readonly string[], wroteHash: (abs: string) => string | undefined): Promise<LeafBundleUndone>
}

interface Kept {
  preview: MovePlan
  files: PlannedFile[]
  moves: FileMove[]
}

/** Previews kept for applying (each holds its files' texts). */
const KEPT_PLANS = 4

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}

function badArgument(problem: Problem): FolioError {
  return new FolioError({ code: 'BAD_ARGUMENT', ...problem })
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

export function createMoveService(workspace: Workspace, bulk: Pick<TaxonomyService, 'applyPlanned' | 'undo'>): MoveService {
  const root = workspace.info.root
  const rules = workspace.info.assets ?? PLAIN_RULES
  const plans = new Map<string, Kept>()
  /** Hugo leaf pages made bundles, by result id, for their undo. */
  const bundles = new Map<string, BundleMade>()

  const make = async (fromArg: string, toArg: string, buffers: readonly MoveBuffer[] = []): Promise<Kept> => {
    const from = resolvePath('', fromArg.replace(/\\/g, '/'))
    const to = resolvePath('', toArg.trim().replace(/\\/g, '/'))
    if (!from) throw badArgument(said('move-not-inside', { path: fromArg }))
    if (!to) throw badArgument(said('move-not-inside', { path: toArg }))
    if (from === to) throw badArgument(said('same-name', { value: from }))
    const [files, summaries] = await Promise.all([allFiles(root), workspace.list()])
    const articles = summaries.map((a) => a.path)
    if (!files.has(from) && !articles.includes(from))
      throw new FolioError({
        code: 'NOT_FOUND',
        path: from,
        message: `Could not rename ${from}: it does not exist (moved or deleted?). Refresh the library.`,
        reason: 'file-missing',
        params: { doing: 'rename', path: from },
      })
    if (files.has(to) || [...files].some((f) => f.startsWith(`${to}/`))) {
      throw new FolioError({
        code: 'EXISTS',
        path: to,
        message: `Could not rename ${from} to ${to}: something with that name exists. Choose another name.`,
        reason: 'rename-taken',
        params: { from, to },
      })
    }
    const isArticle = articles.includes(from)
    if (isArticle && !/\.[^./]+$/.test(to)) {
      const ext = from.slice(from.lastIndexOf('.'))
      throw badArgument({
        message: `"${to}" has no extension; the site would not read it as an article. Type a name ending in ${ext}.`,
        reason: 'no-extension',
        params: { to, ext },
      })
    }
    const moves = movesFor(from, to, rules, files, articles)
    // The file list has no empty or hidden-only folders; the workspace's rename leaves the asset
    // folder where it is when its new place exists, so a plan moving it there would break links.
    const folderTarget = moves.find((m) => m.from !== from)?.to
    if (
      folderTarget !== undefined &&
      (await lstat(join(root, ...folderTarget.split('/'))).then(
        () => true,
        () => false,
      ))
    ) {
      throw new FolioError({
        code: 'EXISTS',
        path: folderTarget,
        message: `Could not rename ${from} to ${to}: its asset folder would move to ${folderTarget}, which exists (perhaps empty, left by an earlier post). Remove or rename that folder, then try again.`,
        reason: 'asset-folder-taken',
        params: { from, to, folder: folderTarget },
      })
    }
    const ctx = rewriteContext({ rules, files, articles, moves })
    const mentions = mentionsOf(moves)
    const planned: PlannedFile[] = []
    const inEditor: MovePlan['files'] = []
    const left: MoveLeft[] = []
    const skipped: BulkSkip[] = []
    const unsaved = new Map(buffers.map((b) => [b.path, b.text]))
    await inSlices(articles, (article) => {
      const buffered = unsaved.get(article)
      if (buffered !== undefined) {
        if (article !== from && !mentions.some((m) => buffered.includes(m))) return
        const result = rewriteArticle(buffered, article, ctx)
        if (result.headerError) {
          const e = result.headerError
          skipped.push({
            path: article,
            reason: `${article} has unsaved edits whose header does not parse (line ${e.line}: ${e.message}), so its references were not looked at and nothing of it changes. Fix the header, then rename again.`,
            why: { kind: 'header', line: e.line, code: e.code, reason: e.reason, subject: e.subject, message: e.message },
          })
          return
        }
        for (const l of result.left) left.push({ path: article, ...lineColumn(buffered, l.offset), target: l.target, reason: l.reason, said: l.said })
        if (result.patches.length === 0) return
        inEditor.push({ path: article, hunks: textHunks(buffered, applyPatches(buffered, result.patches)), buffer: { changes: result.patches } })
        return
      }
      let bytes: Buffer
      try {
        bytes = readRegularFileSync(join(root, ...article.split('/')))
      } catch {
        if (article === from) skipped.push({ path: article, reason: `${article} could not be read; its own links were not looked at.` })
        return
      }
      const decoded = decode(bytes, article)
      const concerned = article === from || mentions.some((m) => decoded.text.includes(m))
      if (!concerned) return
      if (decoded.readOnly !== null) {
        skipped.push({
          path: article,
          reason: decoded.readOnly,
          why: { kind: 'read-only', message: decoded.readOnly, said: encodingSaid(decoded, article) ?? undefined },
        })
        return
      }
      const result = rewriteArticle(decoded.text, article, ctx)
      if (result.headerError) {
        const e = result.headerError
        skipped.push({
          path: article,
          reason: `${article}: the header does not parse (line ${e.line}: ${e.message}), so its references were not looked at and it is left as it is. Fix it, then rename again.`,
          why: { kind: 'header', line: e.line, code: e.code, reason: e.reason, subject: e.subject, message: e.message },
        })
        return
      }
      for (const l of result.left) left.push({ path: article, ...lineColumn(decoded.text, l.offset), target: l.target, reason: l.reason, said: l.said })
      if (result.patches.length === 0) return
      const after = applyPatches(decoded.text, result.patches)
      planned.push({
        path: article,
        baseHash: hashBytes(bytes),
        before: decoded.text,
        bom: decoded.bom,
        patches: result.patches,
        afterHash: hashBytes(encode(after, decoded.bom)),
        hunks: textHunks(decoded.text, after),
      })
    })
    planned.sort(byPath)
    const folder = moves[1] ?? null
    const preview: MovePlan = {
      id: randomUUID(),
      from,
      to,
      folder: folder ? { from: folder.from, to: folder.to } : null,
      files: [...planned.map((f) => ({ path: f.path, hunks: f.hunks })), ...inEditor].sort(byPath),
      left: left.sort(byPath),
      skipped: skipped.sort(byPath),
    }
    const kept = { preview, files: planned, moves }
    plans.set(preview.id, kept)
    for (const old of plans.keys()) if (plans.size > KEPT_PLANS) plans.delete(old)
    return kept
  }

  return {
    plan: async (from, to, buffers) => (await make(from, to, buffers)).preview,
    planFull: async (from, to) => {
      const { preview, files } = await make(from, to)
      return { preview, files }
    },
    async apply(planId, exclude) {
      const kept = plans.get(planId)
      if (!kept) {
        throw new FolioError({
          code: 'NOT_FOUND',
          message: 'That rename preview is no longer available (already applied, or too old). Rename again.',
          reason: 'preview-gone',
          params: {},
        })
      }
      plans.delete(planId)
      const { preview, moves } = kept
      const excluded = new Set(exclude)
      // Written where each file is once the move is done; the one write path checks the bytes the preview read.
      const files = kept.files.filter((f) => !excluded.has(f.path)).map((f) => ({ ...f, path: relocate(moves, f.path) }))
      const plan: Plan = {
        id: preview.id,
        operation: { kind: 'move', from: preview.from, to: preview.to },
        move: { from: preview.from, to: preview.to },
        files,
        skipped: [...preview.skipped],
        pending: 0,
        done: Promise.resolve(),
      }
      const result = await bulk.applyPlanned(plan)
      if (leafBundle(preview.from, rules) === preview.to) {
        bundles.set(result.id, await bundleMade(root, preview, files, result))
        for (const old of bundles.keys()) if (bundles.size > KEPT_PLANS) bundles.delete(old)
      }
      return result
    },
    async undoBundle(resultId, images, wroteHash) {
      const made = bundles.get(resultId)
      const undone = await undoBundle(root, made, resultId, images, { undo: (id) => bulk.undo(id), wroteHash })
      bundles.delete(resultId)
      return undone
    },
  }
}
