/**
 * An image for a Hugo leaf page (`posts/sea.md`): Hugo keeps a page's own images beside it only
 * in a page bundle (`posts/sea/index.md`), so the writer chooses: turn the page into a bundle (the
 * rename, planned as the dialog opens, shows which files' links follow), or put the image in
 * static/images/ and leave the page where it is. "Remember for this folder" stops the question,
 * but a remembered 'bundle' whose rename rewrites other files' links still shows them first.
 */
import { useEffect, useRef, useState } from 'react'
import type { HugoLeafImages, MoveBuffer, MovePlan } from '../../shared/contract'
import { folio } from '../bridge'
import { HunkView } from '../dialogs/HunkView'
import { Modal } from '../dialogs/Modal'
import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import { unsavedTexts, type MoveBuffers } from '../links/move-buffers'
import { MessageText } from '../i18n/tool-output'

/** The writer's answer: with 'bundle', the plan they saw and the unsaved texts it was made from. */
export type LeafAnswer = { remember: boolean } & ({ choice: 'bundle'; plan: MovePlan; sent: MoveBuffer[] } | { choice: Exclude<HugoLeafImages, 'bundle'> })

interface Props {
  from: string
  to: string
  buffers: MoveBuffers
  /**
   * 'Bundle' is remembered for the folder and this plan rewrites links in other files: shown
   * before anything is written (the question about static/images/ stays, "remember" goes).
   */
  planned?: { plan: MovePlan; sent: MoveBuffer[] }
  /** The choice, or null when the writer cancelled: nothing is inserted. */
  onAnswer(answer: LeafAnswer | null): void
}

export function LeafBundleDialog({ from, to, buffers, planned, onAnswer }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [sent] = useState(() => planned?.sent ?? unsavedTexts(buffers))
  const [plan, setPlan] = useState<MovePlan | null>(planned?.plan ?? null)
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null)
  const [remember, setRemember] = useState(false)
  // Chosen before the plan came back: answered as soon as it does.
  const [waiting, setWaiting] = useState(false)
  // Answered once (the dialog queue answers one that goes away unanswered).
  const answered = useRef(false)
  const told = useRef(onAnswer)
  told.current = onAnswer
  const answer = (value: LeafAnswer | null) => {
    if (answered.current) return
    answered.current = true
    told.current(value)
  }
  useEffect(() => {
    if (planned) return
    let live = true
    folio.planMove(from, to, sent).then(
      (made) => live && setPlan(made),
      (cause: unknown) => live && setFailure({ cause }),
    )
    return () => {
      live = false
    }
  }, [from, to, sent, planned])

  useEffect(() => {
    if (waiting && plan) answer({ choice: 'bundle', plan, sent, remember })
  })

  const name = from.slice(from.lastIndexOf('/') + 1)
  return (
    <Modal title={t('leafBundleTitle')} testId="leaf-bundle-dialog" onDismiss={() => answer(null)}>
      <p>{t('leafBundleWhy', { path: from })}</p>
      {planned && <p data-testid="leaf-bundle-remembered">{t('leafBundleRemembered')}</p>}
      {failure && (
        <p className="error" role="alert">
          <MessageText text={describe(failure.cause)} />
        </p>
      )}
      {!plan && !failure && <p aria-live="polite">{t('bulkWorking')}</p>}
      {plan && (
        <div data-testid="leaf-bundle-plan">
          <p>{t('leafBundleMoves', { from: name, to })}</p>
          {plan.files.length > 0 && (
            <>
              <p>{t('leafBundleLinks', { count: plan.files.length })}</p>
              {plan.files.map((file) => (
                <section key={file.path} className="bulk-file" data-testid="leaf-bundle-file" data-path={file.path} aria-label={file.path}>
                  <h3>{file.path}</h3>
                  {file.hunks.map((hunk) => (
                    <HunkView key={hunk.line} hunk={hunk} />
                  ))}
                </section>
              ))}
            </>
          )}
          {plan.left.length > 0 && <p>{t('moveLeft', { count: plan.left.length })}</p>}
        </div>
      )}
      {!planned && (
        <label>
          <input type="checkbox" data-testid="leaf-bundle-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />{' '}
          {t('leafBundleRemember')}
        </label>
      )}
      <div className="actions">
        <button data-testid="leaf-bundle-bundle" autoFocus disabled={failure !== null || waiting} onClick={() => setWaiting(true)}>
          {t('leafBundleMake')}
        </button>
        <button data-testid="leaf-bundle-static" onClick={() => answer({ choice: 'static', remember })}>
          {t('leafBundleStatic')}
        </button>
        <button data-testid="leaf-bundle-cancel" onClick={() => answer(null)}>
          {t('cancel')}
        </button>
      </div>
    </Modal>
  )
}
