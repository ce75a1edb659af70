import { useEffect, useState } from 'react'
import type { BulkOperation, BulkPlan, BulkPlanTotals, BulkResult } from '../../shared/contract'
import { folio } from '../bridge'
import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import { HunkView } from '../dialogs/HunkView'
import { SkippedList } from '../dialogs/SkippedList'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

/** Files whose diff is drawn; the rest are counted (a rename can touch thousands). */
const SHOWN_FILES = 200

interface Props {
  title: string
  operation: BulkOperation
  onClose(): void
  /** Files on disk changed (applied or undone): the library reloads. */
  onChanged(): void
}

type Stage =
  | { step: 'planning' }
  | { step: 'preview'; plan: BulkPlan }
  | { step: 'applying'; plan: BulkPlan }
  | { step: 'applied'; result: BulkResult }
  | { step: 'undoing'; result: BulkResult }
  | { step: 'undone'; result: BulkResult }

/** Preview → apply → undo for one bulk operation; the plan and its patches stay in the main process. */
export function BulkDialog({ title, operation, onClose, onChanged }: Props) {
  const { t } = useI18n()
  const message = useErrorText()
  const [stage, setStage] = useState<Stage>({ step: 'planning' })
  // The failure itself, not its text: the message is worded at render, in the current language.
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const error = failure && message(failure.cause)
  // Exact counts: a big edit answers with its first files while the rest are still computed.
  const [totals, setTotals] = useState<BulkPlanTotals | null>(null)

  useEffect(() => {
    let live = true
    folio.planBulkEdit(operation).then(
      (plan) => {
        if (!live) return
        setStage({ step: 'preview', plan })
        if (plan.pending === 0) setTotals({ files: plan.files.length, skipped: plan.skipped })
        else
          void folio.bulkPlanTotals(plan.id).then(
            (all) => live && setTotals(all),
            () => undefined,
          )
      },
      (e: unknown) => live && setFailure({ cause: e }),
    )
    return () => {
      live = false
    }
  }, [operation])

  const apply = async (plan: BulkPlan) => {
    setStage({ step: 'applying', plan })
    try {
      const result = await folio.applyBulkEdit(plan.id)
      setStage({ step: 'applied', result })
    } catch (e) {
      setFailure({ cause: e })
    }
    onChanged()
  }

  const undo = async (result: BulkResult) => {
    setStage({ step: 'undoing', result })
    try {
      setStage({ step: 'undone', result: await folio.undoBulkEdit(result.id) })
    } catch (e) {
      setFailure({ cause: e })
    }
    onChanged()
  }

  const busy = stage.step === 'planning' || stage.step === 'applying' || stage.step === 'undoing'
  return (
    <Modal
      title={title}
      testId="bulk-dialog"
      className="bulk-dialog"
      onDismiss={busy ? undefined : onClose}
      holds={stage.step === 'applied' && stage.result.changed.length > 0}
    >
      {error && (
        <p className="error" role="alert">
          <MessageText text={error} />
        </p>
      )}
      {busy && !error && <p aria-live="polite">{t('bulkWorking')}</p>}
      {(stage.step === 'preview' || stage.step === 'applying') && <Preview plan={stage.plan} totals={totals} />}
      {(stage.step === 'applied' || stage.step === 'undoing') && (
        <Outcome summary={t('bulkApplied', { count: stage.result.changed.length })} result={stage.result} />
      )}
      {stage.step === 'undone' && <Outcome summary={t('bulkUndone', { count: stage.result.changed.length })} result={stage.result} />}
      <div className="actions">
        {stage.step === 'preview' && (
          <button data-testid="bulk-apply" disabled={stage.plan.files.length === 0 && stage.plan.pending === 0} onClick={() => void apply(stage.plan)}>
            {totals ? t('bulkApply', { count: totals.files }) : t('bulkApplyAll')}
          </button>
        )}
        {stage.step === 'applied' && stage.result.changed.length > 0 && (
          <button data-testid="bulk-undo" onClick={() => void undo(stage.result)}>
            {t('undo')}
          </button>
        )}
        <button data-testid="bulk-close" disabled={busy && !error} onClick={onClose}>
          {stage.step === 'preview' || stage.step === 'planning' ? t('cancel') : t('close')}
        </button>
      </div>
    </Modal>
  )
}

function Preview({ plan, totals }: { plan: BulkPlan; totals: BulkPlanTotals | null }) {
  const { t } = useI18n()
  const shown = Math.min(plan.files.length, SHOWN_FILES)
  const hidden = (totals?.files ?? plan.files.length) - shown
  return (
    <div className="bulk-preview" data-testid="bulk-preview">
      <p data-testid="bulk-count">
        {totals === null
          ? t('bulkCounting', { count: plan.files.length })
          : totals.files === 0
            ? t('bulkNothing')
            : t('bulkWillChange', { count: totals.files })}
      </p>
      {plan.files.slice(0, SHOWN_FILES).map((file) => (
        <section key={file.path} className="bulk-file" data-testid="bulk-file" data-path={file.path} aria-label={file.path}>
          <h3>{file.path}</h3>
          {file.hunks.map((hunk) => (
            <HunkView key={hunk.line} hunk={hunk} />
          ))}
        </section>
      ))}
      {hidden > 0 && totals && <p>{t('bulkMoreFiles', { count: hidden })}</p>}
      <SkippedList skipped={totals?.skipped ?? plan.skipped} counted="files" testId="bulk-skipped" />
    </div>
  )
}

function Outcome({ summary, result }: { summary: string; result: BulkResult }) {
  return (
    <div className="bulk-outcome" data-testid="bulk-outcome">
      <p aria-live="polite">{summary}</p>
      <SkippedList skipped={result.skipped} counted="files" testId="bulk-skipped" />
    </div>
  )
}
