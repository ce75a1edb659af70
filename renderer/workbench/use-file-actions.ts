import type { EditorView } from '@codemirror/view'
import { useEffect, useState } from 'react'
import type { LibraryRow } from '../../shared/contract'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { focusNewArticle } from '../buffers/focus-new'

export interface FileActions {
  create(title: string, draft: boolean): Promise<void>
  duplicate(path: string): Promise<void>
  trash(path: string): Promise<void>
  /** A file was moved (or moved back) with its links: `changed` are the files rewritten on disk. */
  moved(from: string, to: string, changed: readonly string[]): Promise<void>
}

interface Options {
  buffers: BufferStore
  articles: readonly LibraryRow[]
  refresh(): Promise<void>
  showError(error: unknown): void
  /** The open article and its editor: a new article takes the next keystrokes once its form shows. */
  openPath: string | null
  view: EditorView | null
}

/** New, duplicate, trash and move: each lists the folder again and opens the article it leaves. */
export function useFileActions({ buffers, articles, refresh, showError, openPath, view }: Options): FileActions {
  const run = async (action: () => Promise<{ path: string } | void>) => {
    try {
      const result = await action()
      await refresh()
      if (result) await buffers.open(result.path)
    } catch (error) {
      showError(error)
    }
  }

  // A new article takes the next keystrokes in its title (or body), once its form is on screen.
  const [focusNew, setFocusNew] = useState<string | null>(null)
  useEffect(() => {
    if (!focusNew || openPath !== focusNew) return
    setFocusNew(null)
    focusNewArticle(view)
  }, [focusNew, openPath, view])

  return {
    create: (title, draft) =>
      run(async () => {
        const created = await folio.createArticle({ title, layout: draft ? 'draft' : 'post' })
        setFocusNew(created.path)
        return created
      }),
    duplicate: (path) => run(() => folio.duplicateArticle(path)),
    trash: (path) =>
      run(async () => {
        await folio.trashArticle(path)
        buffers.forget(path)
      }),
    moved: (from, to, changed) =>
      run(async () => {
        // The buffer follows its file; clean buffers of rewritten files show the new text.
        buffers.rename(from, to)
        await buffers.diskChanged({ added: [], changed: [...changed], removed: [] })
        // A renamed article opens; a renamed image stays in the media panel.
        return articles.some((a) => a.path === from) ? { path: to } : undefined
      }),
  }
}
