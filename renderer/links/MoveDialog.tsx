import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { BulkResult, MovePlan } from '../../shared/contract'
import { folio } from '../bridge'
import { editBuffers, unsavedTexts, type BufferEdit, type MoveBuffers } from './move-buffers'
import { saidText, useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import { HunkView } from '../dialogs/HunkView'
import { SkippedList } from '../dialogs/SkippedList'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

interface Props {
  from: string
  to: string
  buffers: MoveBuffers
  /** The file moved (applied: from → to) or moved back (undone: to → from); `changed` were rewritten on disk. */
  onMoved(from: string, to: string, changed: readonly string[]): void
  onClose(): void
}

type Stage =
  | { step: 'planning' }
  | { step: 'preview'; plan: MovePlan }
  | { step: 'applying'; plan: MovePlan }
  | { step: 'applied'; plan: MovePlan; result: BulkResult; edits: BufferEdit[]; missed: string[] }
  | { step: 'undoing'; plan: MovePlan; result: BulkResult; edits: BufferEdit[]; missed: string[] }
  | { step: 'undone'; result: BulkResult; missed: string[] }

/**
 * Rename keeping links whole: the preview lists every file and line that changes, each file can
 * be left out, Apply renames and rewrites, Undo puts everything back. A rename that changes no
 * other file and leaves nothing behind is applied at once, as a plain rename always was.
 * An article with unsaved edits is rewritten in its buffer, never on disk under the writer's
 * edits: the preview marks it, and saving it writes the new links with the edits.
 */
export function MoveDialog({ from, to, buffers, onMoved, onClose }: Props) {
  const { t, locale } = useI18n()
  const message = useErrorText()
  const [stage, setStage] = useState<Stage>({ step: 'planning' })
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const error = failure ? message(failure.cause) : null
  const close = useRef<HTMLButtonElement>(null)
  // The parent's callbacks as of the last render: the plan is made once, whatever re-renders meanwhile.
  const told = useRef({ onMoved, onClose })
  useEffect(() => {
    told.current = { onMoved, onClose }
  })
  // The unsaved texts the plan was made from, read once as the dialog opens.
  const [sent] = useState(() => unsavedTexts(buffers))

  const apply = async (plan: MovePlan, exclude: readonly string[]): Promise<{ result: BulkResult; edits: BufferEdit[]; missed: string[] } | null> => {
    setStage({ step: 'applying', plan })
    try {
      const result = await folio.applyMove(plan.id, [...exclude])
      // Before the buffers follow the renamed file: the plan names them as they were.
      const edited = editBuffers(buffers, plan, sent, exclude)
      told.current.onMoved(plan.from, plan.to, result.changed)
      return { result, ...edited }
    } catch (e) {
      setFailure({ cause: e })
      return null
    }
  }

  useEffect(() => {
    let live = true
    const quietly = async (plan: MovePlan): Promise<void> => {
      setStage({ step: 'applying', plan })
      try {
        const result = await folio.applyMove(plan.id, [])
        told.current.onMoved(plan.from, plan.to, result.changed)
        if (live) told.current.onClose()
      } catch (e) {
        if (live) setFailure({ cause: e })
      }
    }
    folio.planMove(from, to, sent).then(
      (plan) => {
        if (!live) return
        const quiet = plan.files.length === 0 && plan.left.length === 0 && plan.skipped.length === 0
        if (quiet) void quietly(plan)
        else setStage({ step: 'preview', plan })
      },
      (e: unknown) => live && setFailure({ cause: e }),
    )
    return () => {
      live = false
    }
  }, [from, to, sent])

  const applyShown = async (plan: MovePlan) => {
    const applied = await apply(plan, [...excluded])
    if (applied) setStage({ step: 'applied', plan, ...applied })
  }

  const undo = async (plan: MovePlan, result: BulkResult, edits: BufferEdit[], missed: string[]) => {
    setStage({ step: 'undoing', plan, result, edits, missed })
    try {
      const undone = await folio.undoBulkEdit(result.id)
      // The rewritten buffers go back too (where the file is until the buffers follow it back), unless typed in since.
      const here = (path: string) => (path === plan.from ? plan.to : path)
      const notBack = edits.filter((e) => !buffers.editKept(here(e.path), e.after, e.inverse, 'input.rename')).map((e) => e.path)
      told.current.onMoved(
        plan.to,
        plan.from,
        undone.changed.filter((p) => p !== plan.from),
      )
      setStage({ step: 'undone', result: undone, missed: notBack })
    } catch (e) {
      setFailure({ cause: e })
    }
  }

  // Undone, the Undo button is gone: Close takes the focus, so Escape and Enter still reach the dialog.
  useLayoutEffect(() => {
    if (stage.step === 'undone' || error) close.current?.focus()
  }, [stage.step, error])

  const toggle = (path: string) =>
    setExcluded((now) => {
      const next = new Set(now)
      if (!next.delete(path)) next.add(path)
      return next
    })

  const busy = stage.step === 'planning' || stage.step === 'applying' || stage.step === 'undoing'
  const plan = stage.step === 'preview' || stage.step === 'applying' ? stage.plan : null
  const chosen = plan ? plan.files.filter((f) => !excluded.has(f.path)).length : 0
  return (
    <Modal
      title={t('moveTitle', { from })}
      testId="move-dialog"
      className="bulk-dialog"
      onDismiss={busy ? undefined : onClose}
      holds={stage.step === 'applied'}
    >
      <p className="move-to">{t('moveTo', { to })}</p>
      {error && (
        <p className="error" role="alert">
          <MessageText text={error} />
        </p>
      )}
      {busy && !error && <p aria-live="polite">{t('bulkWorking')}</p>}
      {plan && (
        <div className="bulk-preview" data-testid="move-preview">
          {plan.folder && <p>{t('moveFolder', plan.folder)}</p>}
          <p>{plan.files.length === 0 ? t('moveNothing') : t('moveWillChange', { count: plan.files.length })}</p>
          {plan.files.map((file) => (
            <section key={file.path} className="bulk-file" data-testid="move-file" data-path={file.path} aria-label={file.path}>
              <h3>
                <label>
                  <input
                    type="checkbox"
                    checked={!excluded.has(file.path)}
                    aria-label={t('moveInclude', { path: file.path })}
                    onChange={() => toggle(file.path)}
                  />{' '}
                  {file.path}
                </label>
                {file.buffer && (
                  <span className="unsaved-mark" data-testid="move-unsaved">
                    {t('moveInEditor')}
                  </span>
                )}
              </h3>
              {file.hunks.map((hunk) => (
                <HunkView key={hunk.line} hunk={hunk} />
              ))}
            </section>
          ))}
          {plan.left.length > 0 && (
            <div className="bulk-skipped" data-testid="move-left">
              <p>{t('moveLeft', { count: plan.left.length })}</p>
              <ul>
                {plan.left.map((l) => (
                  <li key={`${l.path}:${l.line}:${l.column}`}>{`${l.path}:${l.line}:${l.column} "${l.target}": ${saidText(l.said, locale) ?? l.reason}`}</li>
                ))}
              </ul>
            </div>
          )}
          <SkippedList skipped={plan.skipped} counted="files" testId="move-skipped" />
        </div>
      )}
      {(stage.step === 'applied' || stage.step === 'undoing') && (
        <div className="bulk-outcome" data-testid="move-outcome">
          <p aria-live="polite">{t('moveApplied', { count: stage.result.changed.length })}</p>
          {stage.edits.length > 0 && <p>{t('moveEditedUnsaved', { count: stage.edits.length })}</p>}
          <Missed paths={stage.missed} />
          <SkippedList skipped={stage.result.skipped} counted="files" testId="move-skipped" />
        </div>
      )}
      {stage.step === 'undone' && (
        <div className="bulk-outcome" data-testid="move-outcome">
          <p aria-live="polite">{t('moveUndone', { count: stage.result.changed.filter((p) => p !== from).length })}</p>
          <Missed paths={stage.missed} />
          <SkippedList skipped={stage.result.skipped} counted="files" testId="move-skipped" />
        </div>
      )}
      <div className="actions">
        {stage.step === 'preview' && (
          <button data-testid="move-apply" autoFocus onClick={() => void applyShown(stage.plan)}>
            {t('moveApply', { count: chosen })}
          </button>
        )}
        {stage.step === 'applied' && (
          <button data-testid="move-undo" autoFocus onClick={() => void undo(stage.plan, stage.result, stage.edits, stage.missed)}>
            {t('undo')}
          </button>
        )}
        <button ref={close} data-testid="move-close" disabled={busy && !error} onClick={onClose}>
          {stage.step === 'preview' || stage.step === 'planning' ? t('cancel') : t('close')}
        </button>
      </div>
    </Modal>
  )
}

/** Buffers whose text changed between the preview and applying: their links were left for the writer. */
function Missed({ paths }: { paths: readonly string[] }) {
  const { t } = useI18n()
  if (paths.length === 0) return null
  return (
    <ul className="bulk-skipped" data-testid="move-missed">
      {paths.map((path) => (
        <li key={path}>{t('moveMissed', { path })}</li>
      ))}
    </ul>
  )
}
