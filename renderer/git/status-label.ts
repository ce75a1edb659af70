import type { GitChangeKind } from '../../shared/contract'
import type { StringKey } from '../i18n/strings'

/** The word for each git status, in the UI's strings. */
export const STATUS_KEYS: Record<GitChangeKind, StringKey> = {
  conflicted: 'gitConflicted',
  untracked: 'gitUntracked',
  new: 'gitNew',
  deleted: 'gitDeleted',
  modified: 'gitModified',
  staged: 'gitStaged',
}
