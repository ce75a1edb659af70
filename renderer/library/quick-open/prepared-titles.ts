/**
 * The library's quick open index, kept between openings: made and brought up to date in idle
 * time as the library loads and changes (an article added, renamed or removed costs its own
 * texts), so opening quick open on 100,000 articles lists them in the next frame.
 */
import type { LibraryRow } from '../../../shared/contract'
import { whenIdle } from '../../idle/idle'
import { TitleIndex } from './title-index'

const index = new TitleIndex<LibraryRow>()
const listeners = new Set<() => void>()
let scheduled = false
let prepared = 0

/** The index of the library last given to `prepareTitles`, or on its way there (a ranking finishes the way first). */
export function libraryTitles(): TitleIndex<LibraryRow> {
  return index
}

/** Brings the index to the library in idle time, a few milliseconds at a time. */
export function prepareTitles(articles: readonly LibraryRow[]): void {
  if (index.isFor(articles)) return
  index.update(articles)
  schedule()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  whenIdle((deadline) => {
    scheduled = false
    if (!index.prepare(() => deadline.timeRemaining() <= 1)) schedule()
    else if (prepared !== index.version) {
      prepared = index.version
      for (const listener of listeners) listener()
    }
  })
}

/** Changes each time an update of the index is done (quick open, if open, ranks again). */
export function titlesVersion(): number {
  return prepared
}

export function subscribeTitles(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
