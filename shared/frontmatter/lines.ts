/**
 * Line and column of offsets in one text. The line starts are found once, only as far as the
 * offsets asked about, and each lookup is a binary search: a header with 200,000 keys costs one
 * pass over its text, not one pass per key.
 */
import { lastNumberAtOrBefore } from '../last-at-or-before'

export interface LineColumn {
  /** 1-based. */
  line: number
  /** 1-based, in UTF-16 code units. */
  column: number
}

export class LineIndex {
  /** Offsets where lines start, ascending; complete up to `scanned`. */
  private readonly starts: number[] = [0]
  private scanned = 0

  constructor(private readonly text: string) {}

  at(offset: number): LineColumn {
    this.scanTo(offset)
    const starts = this.starts
    // The last line start at or before offset (a '\n' at offset itself still ends the line before).
    const lo = lastNumberAtOrBefore(starts, offset)
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 }
  }

  private scanTo(offset: number): void {
    while (this.scanned < offset) {
      const nl = this.text.indexOf('\n', this.scanned)
      if (nl === -1 || nl >= offset) {
        this.scanned = offset
        return
      }
      this.starts.push(nl + 1)
      this.scanned = nl + 1
    }
  }
}
