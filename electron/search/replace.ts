/**
 * Replace across the folder: a preview of every change (planned from the texts search reads),
 * then an apply that re-reads each article and writes it only when the disk still holds the text
 * the preview was made from, through the bulk-edit journal so undoBulkEdit restores it. Articles
 * with unsaved edits in the editor are left out and named: the preview showed the disk, the
 * writer sees another text, and writing under an open buffer would make its save a conflict.
 */
import { randomUUID } from 'node:crypto'
import type { BulkResult, BulkSkip, DiffHunk, ReplaceExclusions, ReplaceFile, ReplacePreview, ReplaceRequest } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import type { EditOptions } from '../../shared/frontmatter/types'
import { compileQuery } from '../../shared/search/query'
import { applyArticle, changeHunks, planArticle, ReplaceRefused, type ArticlePlan } from '../../shared/search/replace'
import type { PlannedFile, Plan } from '../taxonomy/plan'
import type { TaxonomyService } from '../taxonomy/service'
import { encode, hashBytes } from '../workspace/encoding'
import type { Workspace } from '../workspace/workspace'

export interface ReplaceService {
  plan(request: ReplaceRequest): Promise<ReplacePreview>
  page(planId: string, offset: number): Promise<ReplacePreview>
  apply(planId: string, excluded: ReplaceExclusions): Promise<BulkResult>
}

export interface ReplaceDeps {
  workspace: Pick<Workspace, 'info' | 'searchDocs' | 'read'>
  /** The bulk edits' apply, so a replace lands in the same journal and undoBulkEdit covers it. */
  bulk: Pick<TaxonomyService, 'applyPlanned'>
  /**
   * Articles with unsaved edits in the editor, as the page has them when asked: a key typed a
   * moment before, a date still being typed or a form write waiting for its paint counts.
   */
  unsaved(): Promise<readonly string[]>
}

interface PlannedArticle {
  path: string
  title: string | null
  /** The text the preview was made from: apply writes only while the disk still holds it. */
  text: string
  plan: Extract<ArticlePlan, { ok: true }>
  /** The preview's lines of each change, once a page showed this article. */
  hunks?: DiffHunk[]
}

interface StoredPlan {
  id: string
  request: ReplaceRequest
  articles: PlannedArticle[]
  totalChanges: number
  skipped: BulkSkip[]
}

/** Previews kept for applying (each holds its articles' texts). */
const KEPT_PLANS = 4
/** Articles per page of the preview. */
const PAGE = 50
/** Articles read at once when applying. */
const PARALLEL = 32

const unsavedSkip = (path: string): BulkSkip => ({
  path,
  reason: `${path} has unsaved edits in Folio; the preview was made from the file on disk, so it was left out. Save or discard the edits, then preview again.`,
  why: { kind: 'unsaved' },
})

export function createReplaceService(deps: ReplaceDeps): ReplaceService {
  const plans = new Map<string, StoredPlan>()
  const opts: EditOptions = { site: deps.workspace.info.kind }

  const pageOf = (plan: StoredPlan, offset: number): ReplacePreview => {
    const files: ReplaceFile[] = plan.articles.slice(offset, offset + PAGE).map((a) => {
      const hunks = (a.hunks ??= changeHunks(a.text, a.plan, opts))
      return {
        path: a.path,
        title: a.title,
        changes: a.plan.changes.map((c) => ({ index: c.index, key: c.zone.kind === 'value' ? c.zone.key : null, hunk: hunks[c.index] as DiffHunk })),
      }
    })
    const next = offset + files.length
    return {
      id: plan.id,
      files,
      totalChanges: plan.totalChanges,
      totalFiles: plan.articles.length,
      nextOffset: next < plan.articles.length ? next : null,
      skipped: plan.skipped,
    }
  }

  const stored = (planId: string): StoredPlan => {
    const plan = plans.get(planId)
    if (!plan)
      throw new FolioError({
        code: 'NOT_FOUND',
        message: 'That replace preview is no longer available (already applied, or too old). Preview the replace again.',
        reason: 'preview-gone',
        params: {},
      })
    return plan
  }

  return {
    async plan(request) {
      const compiled = compileQuery(request.query)
      if (!compiled.ok) {
        throw new FolioError({
          code: 'BAD_ARGUMENT',
          ...(compiled.message === 'empty' ? said('nothing-to-find') : said('bad-regex', { detail: compiled.message })),
        })
      }
      const unsaved = new Set(await deps.unsaved())
      const articles: PlannedArticle[] = []
      const skipped: BulkSkip[] = []
      let totalChanges = 0
      for (const doc of deps.workspace.searchDocs(request.paths)) {
        const text = doc.text()
        const plan = planArticle(text, request, opts, doc.headerError)
        if (plan === null) continue
        if (!plan.ok)
          skipped.push({
            path: doc.path,
            reason: `${doc.path}: ${plan.reason}`,
            why: {
              kind: 'header',
              line: plan.error.line,
              code: plan.error.code,
              reason: plan.error.reason,
              subject: plan.error.subject,
              message: plan.error.message,
            },
          })
        else if (unsaved.has(doc.path)) skipped.push(unsavedSkip(doc.path))
        else {
          articles.push({ path: doc.path, title: doc.title, text, plan })
          totalChanges += plan.changes.length
        }
      }
      const id = randomUUID()
      const plan: StoredPlan = { id, request, articles, totalChanges, skipped }
      plans.set(id, plan)
      for (const old of plans.keys()) if (plans.size > KEPT_PLANS) plans.delete(old)
      return pageOf(plan, 0)
    },

    async page(planId, offset) {
      return pageOf(stored(planId), offset)
    },

    async apply(planId, excluded) {
      const plan = stored(planId)
      plans.delete(planId)
      const leftOut = new Set(excluded.files)
      const changesOut = new Map<string, Set<number>>()
      for (const { path, index } of excluded.changes) changesOut.set(path, (changesOut.get(path) ?? new Set()).add(index))
      const unsaved = new Set(await deps.unsaved())
      const skipped: BulkSkip[] = [...plan.skipped]
      const files: PlannedFile[] = []
      const prepare = async (article: PlannedArticle): Promise<void> => {
        const out = changesOut.get(article.path)
        if (leftOut.has(article.path) || (out && out.size >= article.plan.changes.length)) return
        if (unsaved.has(article.path)) return void skipped.push(unsavedSkip(article.path))
        let disk
        try {
          disk = await deps.workspace.read(article.path)
        } catch (error) {
          return void skipped.push({ path: article.path, reason: error instanceof Error ? error.message : String(error) })
        }
        if (disk.readOnly !== null)
          return void skipped.push({
            path: article.path,
            reason: `${article.path}: ${disk.readOnly}`,
            why: { kind: 'read-only', message: disk.readOnly, said: disk.readOnlyReason },
          })
        if (disk.text !== article.text) {
          return void skipped.push({
            path: article.path,
            reason: `${article.path} changed on disk since the preview; it was left as it is. Preview again to include it.`,
            why: { kind: 'changed' },
          })
        }
        let after: string
        try {
          after = applyArticle(disk.text, article.plan, (index) => !out?.has(index), opts)
        } catch (error) {
          if (!(error instanceof ReplaceRefused)) throw error
          const header = error.error
          const why: BulkSkip['why'] = header
            ? { kind: 'refused', line: header.line, code: header.code, reason: header.reason, subject: header.subject, message: header.message }
            : { kind: 'refused', message: error.message }
          return void skipped.push({ path: article.path, reason: `${article.path}: ${error.message}`, why })
        }
        if (after === disk.text) return
        files.push({
          path: article.path,
          baseHash: disk.hash,
          before: disk.text,
          bom: disk.bom,
          patches: [{ from: 0, to: disk.text.length, insert: after }],
          afterHash: hashBytes(encode(after, disk.bom)),
          hunks: [],
        })
      }
      for (let at = 0; at < plan.articles.length; at += PARALLEL) await Promise.all(plan.articles.slice(at, at + PARALLEL).map(prepare))
      const { query, replacement } = plan.request
      const planned: Plan = { id: plan.id, operation: { kind: 'replace', query, replacement }, files, skipped, pending: 0, done: Promise.resolve() }
      return deps.bulk.applyPlanned(planned)
    },
  }
}
