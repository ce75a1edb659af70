/**
 * Lines of one text, for the many lookups one pass makes in it (header keys, image uses, replace
 * hunks, code blocks). The line starts are found once, only as far as the lookups reach, and each
 * lookup is a binary search: a header with 200,000 keys costs one pass over its text, not one
 * pass per key. Lines end at '\n' (a '\r' before it stays on its line).
 */
import { lastNumberAtOrBefore } from './last-at-or-before'

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
    const index = this.indexAt(offset)
    return { line: index + 1, column: offset - (this.starts[index] ?? 0) + 1 }
  }

  /** The 1-based line that holds `offset`. */
  line(offset: number): number {
    return this.indexAt(offset) + 1
  }

  /** Where 1-based `line` starts; the text's length for a line past the last. */
  startOf(line: number): number {
    while (this.starts.length < line && this.scanned < this.text.length) this.scanNext(this.text.length)
    return this.starts[line - 1] ?? this.text.length
  }

  /** 0-based index of the last line start at or before offset (a '\n' at offset itself still ends the line before). */
  private indexAt(offset: number): number {
    while (this.scanned < offset) this.scanNext(offset)
    return lastNumberAtOrBefore(this.starts, offset)
  }

  /** Finds the next line start before `limit`, or marks the text scanned up to `limit`. */
  private scanNext(limit: number): void {
    const nl = this.text.indexOf('\n', this.scanned)
    if (nl === -1 || nl >= limit) {
      this.scanned = limit
      return
    }
    this.starts.push(nl + 1)
    this.scanned = nl + 1
  }
}
