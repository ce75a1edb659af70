import { useEffect } from 'react'
import { warmPinyin } from './pinyin'

/**
 * Works out the pinyin of the library's Chinese titles in idle time as the list arrives and
 * changes, so quick open's first keystroke finds `zwxz` without waiting for it.
 */
export function usePinyinWarmup(articles: readonly { title: string | null }[]): void {
  useEffect(() => {
    void warmPinyin(articles.map((a) => a.title))
  }, [articles])
}
