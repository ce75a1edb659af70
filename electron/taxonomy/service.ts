/**
 * Taxonomy and bulk edits over an open workspace: what the handlers and the CLI call. Plans stay
 * here under an id, so the renderer can only apply what was previewed, never send its own patches.
 */
import { randomUUID } from 'node:crypto'
import type { BulkOperation, BulkPlan, BulkResult, Taxonomy } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import type { Workspace } from '../workspace/workspace'
import { applyPlan, undoEdit, type FileStore } from './apply'
import { collectTaxonomy, type HeaderCache } from './collect'
import { createBulkJournal } from './journal'
import { planOperation, type Plan } from './plan'

export interface TaxonomyService {
  taxonomy(): Promise<Taxonomy>
  plan(operation: BulkOperation): Promise<BulkPlan>
  /** The full plan with its patches, for the command line's dry run and apply. */
  planFull(operation: BulkOperation): Promise<Plan>
  apply(planId: string): Promise<BulkResult>
  undo(resultId: string): Promise<BulkResult>
}

/** Previews kept for applying: a user compares a few, applies one. */
const KEPT_PLANS = 8

export function createTaxonomyService(workspace: Workspace, options: { journalDir: string | null }): TaxonomyService {
  const cache: HeaderCache = new Map()
  const plans = new Map<string, Plan>()
  const journal = createBulkJournal(options.journalDir)
  const store: FileStore = {
    root: workspace.info.root,
    read: (path) => workspace.read(path),
    save: (path, text, baseHash) => workspace.save(path, text, baseHash),
  }
  const source = async () => ({ root: workspace.info.root, kind: workspace.info.kind, articles: await workspace.list() })

  const planFull = async (operation: BulkOperation): Promise<Plan> => {
    const plan = await planOperation(await source(), operation, randomUUID())
    plans.set(plan.id, plan)
    for (const old of plans.keys()) if (plans.size > KEPT_PLANS) plans.delete(old)
    return plan
  }

  return {
    async taxonomy() {
      const { root, kind, articles } = await source()
      return collectTaxonomy(root, kind, articles, cache)
    },
    planFull,
    async plan(operation) {
      const { id, files, skipped } = await planFull(operation)
      return { id, files: files.map((f) => ({ path: f.path, hunks: f.hunks })), skipped }
    },
    async apply(planId) {
      const plan = plans.get(planId)
      if (!plan) throw new FolioError({ code: 'NOT_FOUND', message: 'That preview is no longer available (already applied, or too old). Preview the edit again.' })
      plans.delete(planId)
      return applyPlan(plan, store, journal)
    },
    undo: (resultId) => undoEdit(resultId, store, journal),
  }
}
