/**
 * Taxonomy and bulk edits over an open workspace: what the handlers and the CLI call. Plans stay
 * here under an id, so the renderer can only apply what was previewed, never send its own patches.
 */
import { randomUUID } from 'node:crypto'
import type { BulkOperation, BulkPlan, BulkPlanTotals, BulkResult, Taxonomy } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import type { Workspace } from '../workspace/workspace'
import { applyPlan, undoEdit, type FileStore } from './apply'
import { collectTaxonomy, type HeaderCache } from './collect'
import { createUndoLog } from './undo-log'
import { planOperation, type Plan } from './plan'

export interface TaxonomyService {
  taxonomy(): Promise<Taxonomy>
  plan(operation: BulkOperation): Promise<BulkPlan>
  /** The full plan with its patches, for the command line's dry run and apply. */
  planFull(operation: BulkOperation): Promise<Plan>
  apply(planId: string): Promise<BulkResult>
  /** The preview's exact counts, once every article is computed. */
  totals(planId: string): Promise<BulkPlanTotals>
  undo(resultId: string): Promise<BulkResult>
  /** Applies a plan made elsewhere (a replace across the folder) through the same journal, so undo covers it. */
  applyPlanned(plan: Plan): Promise<BulkResult>
}

/** Previews kept for applying (each holds its files' texts): a user compares a few, applies one. */
const KEPT_PLANS = 4
/** Diffs computed before a preview answers; the rest follow in the background (the dialog shows 200). */
const FIRST_PAGE = 200

export function createTaxonomyService(workspace: Workspace, options: { journalDir: string | null }): TaxonomyService {
  const cache: HeaderCache = new Map()
  const plans = new Map<string, Plan>()
  const journal = createUndoLog(options.journalDir)
  const store: FileStore = {
    root: workspace.info.root,
    edit: (path, change, baseHash) => workspace.edit(path, change, baseHash),
    move: (from, to) => workspace.move(from, to),
  }
  const source = async () => ({ root: workspace.info.root, kind: workspace.info.kind, articles: await workspace.list() })

  const start = async (operation: BulkOperation, firstPage: number): Promise<Plan> => {
    const plan = await planOperation(await source(), operation, randomUUID(), firstPage)
    plans.set(plan.id, plan)
    for (const old of plans.keys()) if (plans.size > KEPT_PLANS) plans.delete(old)
    return plan
  }
  const planFull = async (operation: BulkOperation): Promise<Plan> => {
    const plan = await start(operation, Infinity)
    await plan.done
    return plan
  }

  // A preview by its id, or the message that it went (applied, or dropped as too old).
  const planned = (planId: string): Plan => {
    const plan = plans.get(planId)
    if (!plan)
      throw new FolioError({
        code: 'NOT_FOUND',
        message: 'That preview is no longer available (already applied, or too old). Preview the edit again.',
        reason: 'preview-gone',
        params: {},
      })
    return plan
  }
  return {
    async taxonomy() {
      const { root, kind, articles } = await source()
      return collectTaxonomy(root, kind, articles, cache)
    },
    planFull,
    async plan(operation) {
      const plan = await start(operation, FIRST_PAGE)
      const files = plan.files.map((f) => ({ path: f.path, hunks: f.hunks })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      return { id: plan.id, files, pending: plan.pending, skipped: [...plan.skipped] }
    },
    async totals(planId) {
      const plan = planned(planId)
      await plan.done
      return { files: plan.files.length, skipped: [...plan.skipped] }
    },
    async apply(planId) {
      const plan = planned(planId)
      plans.delete(planId)
      await plan.done
      return applyPlan(plan, store, journal)
    },
    undo: (resultId) => undoEdit(resultId, store, journal),
    applyPlanned: (plan) => applyPlan(plan, store, journal),
  }
}
