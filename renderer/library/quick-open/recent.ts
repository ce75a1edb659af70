import { useEffect, useState } from 'react'

const KEY = 'folio.recent'
const KEEP = 50

function read(root: string): string[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>
    const list = all[root]
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : []
  } catch {
    // A hand-edited or older value: start the list again.
    return []
  }
}

function write(root: string, paths: string[]): void {
  let all: Record<string, unknown> = {}
  try {
    all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>
  } catch {
    all = {}
  }
  all[root] = paths
  localStorage.setItem(KEY, JSON.stringify(all))
}

/** The articles opened in this folder, most recent first, remembered across restarts. */
export function useRecentArticles(root: string | null, open: string | null): readonly string[] {
  const [recent, setRecent] = useState<string[]>([])
  useEffect(() => setRecent(root ? read(root) : []), [root])
  useEffect(() => {
    if (!root || !open) return
    setRecent(() => {
      const next = [open, ...read(root).filter((p) => p !== open)].slice(0, KEEP)
      write(root, next)
      return next
    })
  }, [root, open])
  return recent
}
