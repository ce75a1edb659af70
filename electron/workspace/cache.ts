/**
 * The index cache in the app's data folder: one JSON file per content root. An entry is reused
 * while its file keeps the same path, size and mtime, so re-opening an unchanged folder reads
 * the directory listings and this one file instead of every article.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../shared/contract'
import { writeFileAtomic } from './atomic-write'

export interface CachedFile {
  size: number
  mtimeMs: number
  /** Null for a file that turned out not to be an article (a .txt without a header). */
  summary: ArticleSummary | null
}

interface CacheDocument {
  /** Settings and indexer version the summaries were made with. */
  key: string
  root: string
  files: [path: string, size: number, mtimeMs: number, summary: ArticleSummary | null][]
}

export interface IndexCache {
  load(): Promise<Map<string, CachedFile>>
  save(files: ReadonlyMap<string, CachedFile>): Promise<void>
}

export function createCache(cacheDir: string, root: string, key: string): IndexCache {
  const file = join(cacheDir, `index-${createHash('sha256').update(root).digest('hex').slice(0, 24)}.json`)
  return {
    async load() {
      const files = new Map<string, CachedFile>()
      try {
        const doc = JSON.parse(await readFile(file, 'utf8')) as CacheDocument
        if (doc.key !== key || doc.root !== root || !Array.isArray(doc.files)) return files
        for (const [path, size, mtimeMs, summary] of doc.files) files.set(path, { size, mtimeMs, summary })
      } catch {
        // Missing or damaged cache: index from the files, and the next save repairs it.
      }
      return files
    },
    async save(files) {
      const doc: CacheDocument = { key, root, files: [] }
      for (const [path, f] of files) doc.files.push([path, f.size, f.mtimeMs, f.summary])
      await mkdir(cacheDir, { recursive: true })
      await writeFileAtomic(file, Buffer.from(JSON.stringify(doc)))
    },
  }
}
