/**
 * The library's count while a big folder is still being read: the first rows are listed at once,
 * this says how far the rest has come (a live region, so a screen reader hears it too). While
 * folders are still being listed the total is not known yet: the count says so and the bar moves
 * without one.
 */
import { useI18n } from '../i18n/i18n'

export function IndexingCount({ done, total, listing }: { done: number; total: number; listing: boolean }) {
  const { t, locale } = useI18n()
  const format = (n: number) => n.toLocaleString(locale)
  return (
    <p className="library-indexing" role="status" data-testid="library-indexing">
      {listing ? t('libraryIndexingListing', { done: format(done) }) : t('libraryIndexing', { done: format(done), total: format(total) })}
      {listing ? <progress /> : <progress max={total} value={done} />}
    </p>
  )
}
