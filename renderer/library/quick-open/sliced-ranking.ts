import type { Ranked } from './fuzzy'
import type { Ranking, TitleIndex, Titled } from './title-index'

/** Work done on a keystroke, and in each slice after it: the rest of a 16 ms frame is React's. */
export const SLICE_MS = 6

/** Runs `work` soon, after the browser has had its turn (input, paint). */
export type Later = (work: () => void) => void

const soon: Later = (work) => {
  setTimeout(work, 0)
}

/** What the rows `rows` gave are: the text's own, its first rows only (more to come), or an earlier text's. */
export type RowsState = 'done' | 'first' | 'earlier'

/**
 * Quick open's ranking, a keystroke at a time, that never holds the input for long: a keystroke
 * ranks for SLICE_MS at most; a ranking not done by then (a typo pass over a big folder, or the
 * rest of an update of the index) goes on in slices of the same length. Meanwhile the list shows
 * the text's first rows as soon as the ranking knows them final (the `firstRows` the picker puts
 * in the page), else the last finished rows; `onReady` says when either is new. A new keystroke
 * drops a ranking not yet done; so does a change of the index, ranking again.
 */
export class SlicedRanking<T extends Titled> {
  private running: { key: string; text: string; pinyin: boolean; limit: number; steps: Ranking<T>; first: Ranked<T>[] | null } | null = null
  private finished: { key: string; version: number; rows: Ranked<T>[] } | null = null
  private scheduled = false

  constructor(
    private readonly index: TitleIndex<T>,
    private readonly onReady: () => void,
    private readonly later: Later = soon,
    private readonly sliceMs = SLICE_MS,
    /** How many first rows, known final, are worth showing before the ranking is done: a screenful. */
    private readonly firstRows = 30,
  ) {}

  /** Whether a ranking goes on in slices. */
  get pending(): boolean {
    return this.running !== null
  }

  /** What the rows last given are (see RowsState). */
  get state(): RowsState {
    if (!this.running) return 'done'
    return this.running.first ? 'first' : 'earlier'
  }

  /**
   * The rows for `text`, ranked with the pinyin known at `spoken` (pinyin.ts's version), when done
   * within a slice; else its first rows if known, or the last finished rows, the ranking going on
   * in slices. With `wait`, the ranking is finished now (Enter chooses from the rows of what was typed).
   */
  rows(text: string, pinyin: boolean, limit: number, spoken: number, wait = false): Ranked<T>[] {
    const key = `${pinyin ? 1 : 0} ${limit} ${text}`
    if (this.running?.key !== key) {
      // Taken between rankings: a ranking half way reads the texts as they were when it began.
      this.index.takePinyin(spoken)
      if (this.finished?.key === key && this.finished.version === this.index.version) return this.finished.rows
      this.start(key, text, pinyin, limit)
    }
    if (wait) while (!this.slice());
    else if (!this.slice()) this.schedule()
    return this.running?.first ?? this.finished?.rows ?? []
  }

  private start(key: string, text: string, pinyin: boolean, limit: number): void {
    this.stop()
    this.running = { key, text, pinyin, limit, steps: this.index.ranking(text, pinyin, limit), first: null }
  }

  /** One slice of the ranking under way, if any; true when it is done (or there was none). */
  slice(): boolean {
    const end = performance.now() + this.sliceMs
    for (;;) {
      const job = this.running
      if (!job) return true
      const step = job.steps.next()
      if (step.done) {
        this.running = null
        if (step.value) {
          this.finished = { key: job.key, version: this.index.version, rows: step.value }
          return true
        }
        // The index changed under the ranking: the same text again.
        this.start(job.key, job.text, job.pinyin, job.limit)
      } else if (step.value && !job.first && step.value.length >= Math.min(this.firstRows, job.limit)) job.first = step.value
      if (performance.now() >= end) return false
    }
  }

  /** Drops the ranking under way (quick open closed, or a new keystroke). */
  stop(): void {
    this.running?.steps.return([])
    this.running = null
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    this.later(() => {
      this.scheduled = false
      const job = this.running
      if (!job) return
      const hadFirst = job.first !== null
      if (this.slice()) this.onReady()
      else {
        // The text's first rows became known in this slice: shown now, the rest still to come.
        if (!hadFirst && job.first) this.onReady()
        this.schedule()
      }
    })
  }
}
