/**
 * An article's history: who changed it, when and why, following renames. A past version can be
 * compared with the text in the editor, or restored into it as an ordinary undoable edit.
 */
import { useEffect, useState } from 'react'
import type { CommitInfo } from '../../shared/contract'
import { folio } from '../bridge'
import { useI18n } from '../i18n/i18n'
import { useErrorText } from '../i18n/errors'
import { TextMerge } from '../merge/TextMerge'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

interface Props {
  path: string
  /** The text in the editor now. */
  current: string
  onRestore(text: string): void
  onClose(): void
}

export function HistoryDialog({ path, current, onRestore, onClose }: Props) {
  const { t, locale } = useI18n()
  const describe = useErrorText()
  const [commits, setCommits] = useState<CommitInfo[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [shown, setShown] = useState<{ commit: CommitInfo; text: string } | null>(null)

  useEffect(() => {
    let live = true
    folio.articleHistory(path).then(
      (found) => {
        if (!live) return
        setCommits(found)
        // The newest commit first: what changed since the article was last committed.
        if (found[0]) void show(found[0])
      },
      (failure: unknown) => live && setError(failure),
    )
    return () => {
      live = false
    }
  }, [path])

  async function show(commit: CommitInfo) {
    try {
      const text = await folio.articleAtCommit(commit.path, commit.hash)
      // Compared line by line with the editor's text, which joins lines with \n.
      setShown({ commit, text: text.replace(/\r\n?/g, '\n') })
    } catch (failure) {
      setError(failure)
    }
  }

  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Modal title={t('gitHistoryOf', { path })} testId="git-history" className="wide git-history" onDismiss={onClose}>
      {error !== null && (
        <p className="error" role="alert">
          <MessageText text={describe(error)} />
        </p>
      )}
      {commits === null && error === null && <p>{t('gitLoading')}</p>}
      {commits?.length === 0 && <p>{t('gitNoHistory')}</p>}
      <div className="git-history-body">
        <ol className="git-commits">
          {commits?.map((c) => (
            <li key={c.hash} aria-current={shown?.commit.hash === c.hash}>
              <button type="button" onClick={() => void show(c)} data-hash={c.hash}>
                <strong>{c.subject}</strong>
                <span>
                  {c.author} · {when(c.date)} · <code>{c.hash.slice(0, 7)}</code>
                </span>
                {c.path !== path && <span className="muted">{t('gitThenNamed', { path: c.path })}</span>}
              </button>
            </li>
          ))}
        </ol>
        {shown && (
          <div className="git-versions" data-testid="git-past-text">
            {shown.text === current ? (
              <p>{t('gitSameAsNow')}</p>
            ) : (
              <TextMerge
                key={shown.commit.hash}
                mine={current}
                theirs={shown.text}
                labels={{ mine: t('gitCurrentText'), theirs: t('gitVersionOf', { commit: shown.commit.hash.slice(0, 7) }) }}
                onApply={onRestore}
              />
            )}
          </div>
        )}
      </div>
      <div className="actions">
        <button type="button" data-testid="git-restore" disabled={!shown || shown.text === current} onClick={() => shown && onRestore(shown.text)}>
          {t('gitRestore')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}
