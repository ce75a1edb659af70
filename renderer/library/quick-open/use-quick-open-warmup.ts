import { useEffect } from 'react'
import { warmPinyin } from './pinyin'
import { prepareTitles } from './prepared-titles'
import type { LibraryRow } from '../../../shared/contract'

/**
 * Prepares quick open in idle time as the library arrives and changes: its index of titles and
 * paths, and the pinyin of the Chinese titles, so the first keystroke finds `zwxz` without
 * waiting for it and opening lists the library at once.
 */
export function useQuickOpenWarmup(articles: readonly LibraryRow[]): void {
  useEffect(() => {
    prepareTitles(articles)
    void warmPinyin(articles.map((a) => a.title))
  }, [articles])
}
