import { useCallback } from 'react'
import type { BulkSkip } from '../../shared/contract'
import { useI18n } from './i18n'
import type { StringKey } from './strings'

const TEMPLATE: Record<NonNullable<BulkSkip['why']>['kind'], StringKey> = {
  changed: 'skipChanged',
  'changed-after': 'skipChangedAfter',
  unsaved: 'skipUnsaved',
  header: 'skipHeader',
  'read-only': 'skipReadOnly',
  refused: 'skipRefused',
}

/**
 * Why a bulk edit or a replace left an article alone, in the UI's language: the main process
 * says it in English and tags the kind of reason, which picks the translated sentence here.
 */
export function useSkipText(): (skip: BulkSkip) => string {
  const { t } = useI18n()
  return useCallback(
    (skip: BulkSkip) => (skip.why ? t(TEMPLATE[skip.why.kind], { path: skip.path, line: skip.why.line ?? '', message: skip.why.message ?? '' }) : skip.reason),
    [t],
  )
}
