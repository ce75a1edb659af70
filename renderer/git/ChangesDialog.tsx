/**
 * Changes: what changed since the last commit, commit a chosen set of articles (with their
 * asset folders), pull and push. Git's own output is shown as it comes.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { GitState } from '../../shared/contract'
import { folio } from '../bridge'
import { useI18n } from '../i18n/i18n'
import { useErrorText } from '../i18n/errors'
import { Modal } from '../dialogs/Modal'
import { STATUS_KEYS } from './status-label'
import { suggestMessage } from './suggest-message'
import { isolated, MessageText, withOutput } from '../i18n/tool-output'

type Repository = Extract<GitState, { kind: 'repository' }>

interface Props {
  state: Repository
  progress: string
  unsaved: ReadonlySet<string>
  onRefresh(): Promise<void>
  onClearProgress(): void
  onOpen(path: string): void
  /** Merge a conflicted article: ours and theirs, from their common ancestor. */
  onMerge(path: string): void
  onShowInLibrary(paths: string[]): void
  onClose(): void
}

export function ChangesDialog({ state, progress, unsaved, onRefresh, onClearProgress, onOpen, onMerge, onShowInLibrary, onClose }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const committable = state.changes.filter((c) => c.status !== 'conflicted')
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(committable.map((c) => c.path)))
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState<'commit' | 'pull' | 'push' | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [last, setLast] = useState<'commit' | 'pull' | 'push' | null>(null)
  const buttons = useRef<Partial<Record<'commit' | 'pull' | 'push', HTMLButtonElement | null>>>({})
  // The pressed button is disabled while git runs, which drops the keyboard focus: give it back
  // (to Pull when a commit leaves nothing to commit).
  useEffect(() => {
    if (busy !== null || last === null) return
    const target = buttons.current[last]
    ;(target && !target.disabled ? target : buttons.current.pull)?.focus()
  }, [busy, last])

  const chosenChanges = useMemo(() => committable.filter((c) => chosen.has(c.path)), [committable, chosen])
  const suggested = suggestMessage(chosenChanges, t)
  const text = message ?? suggested
  const unsavedChosen = chosenChanges.filter((c) => unsaved.has(c.path))
  const conflicts = state.changes.filter((c) => c.status === 'conflicted')
  const otherConflicts = state.others.filter((o) => o.status === 'conflicted')

  const run = async (kind: 'commit' | 'pull' | 'push') => {
    setBusy(kind)
    setLast(kind)
    setOutcome(null)
    onClearProgress()
    try {
      const done =
        kind === 'commit'
          ? await folio.commitArticles([...chosenChanges.map((c) => c.path)], text)
          : kind === 'pull'
            ? await folio.pullChanges()
            : await folio.pushChanges()
      setOutcome({ ok: true, text: kind === 'commit' ? t('gitCommitted', { count: chosenChanges.length }) : t(kind === 'pull' ? 'gitPulled' : 'gitPushed') })
      if (kind === 'commit') setMessage(null)
      if (done.output.trim() !== '' && kind !== 'commit')
        setOutcome({ ok: true, text: withOutput(t(kind === 'pull' ? 'gitPulled' : 'gitPushed'), t('outputOfGit'), done.output) })
    } catch (error) {
      setOutcome({ ok: false, text: describe(error) })
    } finally {
      setBusy(null)
      await onRefresh()
    }
  }

  const toggle = (path: string) =>
    setChosen((was) => {
      const next = new Set(was)
      if (!next.delete(path)) next.add(path)
      return next
    })

  const b = state.branch
  return (
    <Modal title={t('gitChanges')} testId="git-dialog" className="wide git-dialog" {...(busy ? {} : { onDismiss: onClose })}>
      <p data-testid="git-branch">
        {b.name === null ? t('gitDetached', { commit: b.commit?.slice(0, 7) ?? '—' }) : t('gitOnBranch', { branch: isolated(b.name) })}
        {b.upstream && ' · ' + t('gitAheadBehind', { ahead: b.ahead, behind: b.behind, upstream: b.upstream })}
      </p>
      {state.operation && (
        <p className="warning" role="status" data-testid="git-operation">
          {t('gitOperation', { operation: state.operation })}
        </p>
      )}
      {conflicts.length > 0 && (
        <div className="warning" data-testid="git-conflicts">
          <p>{t('gitConflictsIntro')}</p>
          <ul>
            {conflicts.map((c) => (
              <li key={c.path}>
                <button type="button" data-testid="git-merge-open" onClick={() => onMerge(c.path)}>
                  {t('gitMergeArticle', { title: c.title ?? c.path })}
                </button>{' '}
                <button type="button" onClick={() => onOpen(c.path)}>
                  {t('gitOpenArticle')}
                </button>{' '}
                <code>{c.path}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {otherConflicts.length > 0 && (
        <div className="warning" data-testid="git-other-conflicts">
          <p>{t('gitOtherConflicts')}</p>
          <ul>
            {otherConflicts.map((o) => (
              <li key={o.path}>
                <code>{o.path}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {committable.length === 0 ? (
        <p data-testid="git-clean">{t('gitNothingChanged')}</p>
      ) : (
        <fieldset className="git-changes">
          <legend>{t('gitChooseArticles')}</legend>
          {committable.map((c) => (
            <label key={c.path} className="git-change" data-path={c.path}>
              <input type="checkbox" checked={chosen.has(c.path)} onChange={() => toggle(c.path)} />
              <span className={`git-badge git-${c.status}`}>{t(STATUS_KEYS[c.status])}</span> <span>{c.title ?? c.path}</span>{' '}
              <code className="path">{c.path}</code>
            </label>
          ))}
        </fieldset>
      )}
      {state.others.length > 0 && (
        <details className="git-others">
          <summary>{t('gitOthers', { count: state.others.length })}</summary>
          <ul>
            {state.others.map((o) => (
              <li key={o.path}>
                <code>{o.path}</code> — {t(STATUS_KEYS[o.status])}
              </li>
            ))}
          </ul>
        </details>
      )}
      {committable.length > 0 && (
        <label className="git-message">
          {t('gitMessage')}
          <textarea data-testid="git-message" rows={3} value={text} onChange={(e) => setMessage(e.target.value)} />
        </label>
      )}
      {unsavedChosen.length > 0 && (
        <p className="warning" data-testid="git-unsaved">
          {t('gitUnsaved', { titles: unsavedChosen.map((c) => c.title ?? c.path).join(', ') })}
        </p>
      )}
      {progress !== '' && busy !== 'commit' && (
        <pre className="git-log" data-testid="git-progress" aria-live="polite">
          {progress}
        </pre>
      )}
      {outcome && (
        <p className={outcome.ok ? 'git-outcome' : 'git-outcome error'} role={outcome.ok ? 'status' : 'alert'} data-testid="git-outcome">
          <MessageText text={outcome.text} />
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          ref={(b) => {
            buttons.current.commit = b
          }}
          data-testid="git-commit"
          disabled={busy !== null || chosenChanges.length === 0 || text.trim() === '' || unsavedChosen.length > 0}
          onClick={() => void run('commit')}
        >
          {busy === 'commit' ? t('gitCommitting') : t('gitCommit', { count: chosenChanges.length })}
        </button>
        <button
          type="button"
          ref={(b) => {
            buttons.current.pull = b
          }}
          data-testid="git-pull"
          disabled={busy !== null}
          onClick={() => void run('pull')}
        >
          {busy === 'pull' ? t('gitPulling') : t('gitPull')}
        </button>
        <button
          type="button"
          ref={(b) => {
            buttons.current.push = b
          }}
          data-testid="git-push"
          disabled={busy !== null}
          onClick={() => void run('push')}
        >
          {busy === 'push' ? t('gitPushing') : t('gitPush')}
        </button>
        {busy && (
          <button type="button" data-testid="git-cancel" onClick={() => void folio.cancelGit()}>
            {t('gitStop')}
          </button>
        )}
        <button type="button" disabled={state.changes.length === 0} onClick={() => onShowInLibrary(state.changes.map((c) => c.path))}>
          {t('gitShowInLibrary')}
        </button>
        <button type="button" onClick={onClose} disabled={busy !== null}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}
