/**
 * The library's count while a big folder is still being read: the first rows are listed at once,
 * this says how far the rest has come (a live region, so a screen reader hears it too).
 */
import { useI18n } from '../i18n/i18n'

export function IndexingCount({ done, total }: { done: number; total: number }) {
  const { t, locale } = useI18n()
  const format = (n: number) => n.toLocaleString(locale)
  return (
    <p className="library-indexing" role="status" data-testid="library-indexing">
      {t('libraryIndexing', { done: format(done), total: format(total) })}
      <progress max={total} value={done} />
    </p>
  )
}
