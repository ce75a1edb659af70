/** The toolbar's git indicator: branch, ahead/behind and how many articles changed. */
import type { GitModel } from './use-git'
import { errorText, saidText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'

interface Props {
  git: GitModel
  onOpen(): void
}

export function GitButton({ git, onOpen }: Props) {
  const { t, locale } = useI18n()
  const state = git.state
  if (state === null || state.kind === 'not-a-repository') return null
  if (state.kind === 'unavailable') {
    return (
      // Git is unavailable only when it cannot be run (electron/git/service.ts): that failure's sentence, in the UI's language.
      <span
        className="git-indicator muted"
        data-testid="git-unavailable"
        title={saidText({ reason: 'git-failed', params: { why: 'not-installed', detail: state.reason } }, locale) ?? state.reason}
      >
        {t('gitUnavailable')}
      </span>
    )
  }
  const b = state.branch
  const changed = state.changes.length
  const counts = [b.ahead > 0 ? `↑${b.ahead}` : '', b.behind > 0 ? `↓${b.behind}` : '', changed > 0 ? `· ${t('gitChangedCount', { count: changed })}` : '']
    .filter((s) => s !== '')
    .join(' ')
  return (
    <button
      type="button"
      className="git-indicator"
      data-testid="git-open"
      title={git.error === null ? t('gitChanges') : errorText(git.error, locale)}
      onClick={onOpen}
    >
      {/* The branch's name is the repository's, as written. */}⎇ <span translate="no">{b.name ?? b.commit?.slice(0, 7) ?? '—'}</span>
      {counts && ` ${counts}`}
      {state.operation && ' ⚠'}
    </button>
  )
}
