/**
 * Which of the folder's answers the library may still show. Answers come back in any order: a
 * listing of a big folder that took a while, an open the writer has since replaced by another.
 * Each ask is numbered; an answer is shown only when nothing asked after it has been shown, and a
 * listing only when no open was asked after it or is still on its way (the main process may have
 * answered it from the folder before).
 */
export class AnswerOrder {
  private asked = 0
  private shown = 0
  private lastOpen = 0
  private opening = false
  /** A listing asked after the open on its way was dropped: it may have carried rows the open's reply lacks. */
  private missed = false

  /** Numbers a listing about to be asked for. */
  listing(): number {
    return ++this.asked
  }

  /** Numbers an open about to be asked for: every answer asked before it is stale from now on. */
  open(): number {
    this.opening = true
    this.lastOpen = ++this.asked
    return this.lastOpen
  }

  /** Whether the answer to this listing may be shown; it is then the newest shown. */
  takeListing(ask: number): boolean {
    if (this.opening && ask > this.lastOpen) this.missed = true
    if (this.opening || ask < this.lastOpen || ask < this.shown) return false
    this.shown = ask
    return true
  }

  /**
   * Whether the answer to this open is the one to show (no open was asked after it); it is then
   * the newest shown. `opened` false: it failed or was cancelled, the folder before stays.
   */
  takeOpen(ask: number, opened: boolean): boolean {
    if (ask !== this.lastOpen) return false
    this.opening = false
    this.missed &&= opened
    if (!opened) return false
    this.shown = ask
    return true
  }

  /**
   * Whether a listing of the folder just opened was dropped while its open was on its way (the
   * index's last count, say, when it finished before the reply came): ask again, once.
   */
  owedListing(): boolean {
    const owed = this.missed
    this.missed = false
    return owed
  }
}
