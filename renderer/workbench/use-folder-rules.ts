import { useMemo } from 'react'
import type { FolderInfo } from '../../shared/contract'
import { headerDate, requiredKeys } from '../../shared/frontmatter/checks'
import type { ParsedFrontMatter } from '../../shared/frontmatter/types'
import { collectionOf, type FolderSchema } from '../../shared/schema'
import { LOCAL_ZONE } from '../checks/check-text'

export interface FolderRules {
  /** The open article's collection ('' when none is open). */
  collection: string
  /** The keys an article's collection requires, from the folder schema (pinned in its file, or nearly universal). */
  requiredFor(path: string): readonly string[]
  /** Those of the open article. */
  required: readonly string[]
  /** Dates without a zone are the site's wall time: its configured zone, else this computer's. */
  timeZone: string
  /** The open article's date as typed, so a future date shows "scheduled" before it is saved. */
  dateMs: number | null
}

/** What the folder's site and schema say of its articles and of the one open. */
export function useFolderRules(folder: FolderInfo | null, schema: FolderSchema | null, path: string | null, parsed: ParsedFrontMatter): FolderRules {
  const collection = folder && path ? collectionOf(folder.kind, folder.contentRoots, path) : ''
  const requiredFor = useMemo(() => {
    const byCollection = new Map((schema?.collections ?? []).map((c) => [c.name, requiredKeys(c)]))
    return (article: string) => (folder ? (byCollection.get(collectionOf(folder.kind, folder.contentRoots, article)) ?? []) : [])
  }, [schema, folder])
  const required = useMemo(() => (path ? requiredFor(path) : []), [path, requiredFor])
  const timeZone = folder?.timeZone ?? LOCAL_ZONE
  const dateMs = useMemo(() => headerDate(parsed, timeZone)?.instant ?? null, [parsed, timeZone])
  return { collection, requiredFor, required, timeZone, dateMs }
}
