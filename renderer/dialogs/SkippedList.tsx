/**
 * The articles a bulk change left alone, each with why in the UI's language: shown by every
 * change preview and outcome (bulk field edit, replace, rename or move).
 */
import type { BulkSkip } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { useSkipText } from '../i18n/skips'
import { MessageText } from '../i18n/tool-output'

/** `counted` names what the heading counts: a replace speaks of articles, a bulk edit of files. */
export function SkippedList({ skipped, counted, testId }: { skipped: readonly BulkSkip[]; counted: 'articles' | 'files'; testId: string }) {
  const { t } = useI18n()
  const text = useSkipText()
  if (skipped.length === 0) return null
  return (
    <div className="bulk-skipped" data-testid={testId}>
      <p>{t(counted === 'articles' ? 'replaceSkipped' : 'bulkSkipped', { count: skipped.length })}</p>
      <ul>
        {skipped.map((s) => (
          <li key={s.path} data-path={s.path}>
            <MessageText text={text(s)} />
          </li>
        ))}
      </ul>
    </div>
  )
}
