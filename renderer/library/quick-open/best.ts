/**
 * The `limit` best (score, order) pairs of a ranking: the highest score first, then the order
 * shown first. An order is an item's number, or the item count plus it for a match with a typo;
 * `placeOf[item]` is where the item is shown on an empty query, and a typo's pair ties after every
 * exact one. An exact match's order is kept once: offered again with a higher score, its
 * pair is raised.
 */
export class Best {
  private readonly scores: number[] = []
  private readonly orders: number[] = []

  /** `where[order]`: the pair's place in the heap, -1 when not kept; all -1 again after `ranked`. */
  constructor(
    private readonly limit: number,
    private readonly where: Int32Array,
    private readonly placeOf: Int32Array,
    /** The item count: orders from it on are typos. */
    private readonly count: number,
  ) {}

  /** Where a pair ties: the item's place, typos after every exact match. */
  private tie(order: number): number {
    const n = this.count
    return order < n ? (this.placeOf[order] as number) : n + (this.placeOf[order - n] as number)
  }

  /** True when (a, i) ranks below (b, j). */
  private worse(a: number, i: number, b: number, j: number): boolean {
    return a < b || (a === b && this.tie(i) > this.tie(j))
  }

  offer(score: number, order: number): void {
    const { scores, orders, where } = this
    const kept = order < this.count ? (where[order] as number) : -1
    if (kept !== -1) {
      if (score > (scores[kept] as number)) {
        scores[kept] = score
        this.down(kept)
      }
    } else if (scores.length < this.limit) {
      scores.push(score)
      orders.push(order)
      this.place(scores.length - 1)
      this.up(scores.length - 1)
    } else if (this.limit > 0 && this.worse(scores[0] as number, orders[0] as number, score, order)) {
      this.forget(orders[0] as number)
      scores[0] = score
      orders[0] = order
      this.place(0)
      this.down(0)
    }
  }

  /** The lowest kept score once `limit` are kept, else -Infinity: what a new pair must reach. */
  floor(): number {
    return this.scores.length < this.limit ? -Infinity : (this.scores[0] as number)
  }

  /** Whether a pair (score, order) would be kept if offered now. */
  takes(score: number, order: number): boolean {
    return this.scores.length < this.limit || this.worse(this.scores[0] as number, this.orders[0] as number, score, order)
  }

  /** Forgets every kept pair (a ranking stopped half way leaves `where` as it found it). */
  clear(): void {
    for (const order of this.orders) this.forget(order)
    this.scores.length = 0
    this.orders.length = 0
  }

  /** The kept orders, best first. */
  ranked(): number[] {
    for (const order of this.orders) this.forget(order)
    return this.bestFirst().map((k) => this.orders[k] as number)
  }

  /** The kept orders scoring above `ceiling`, best first; all stay kept. */
  above(ceiling: number): number[] {
    return this.bestFirst()
      .filter((k) => (this.scores[k] as number) > ceiling)
      .map((k) => this.orders[k] as number)
  }

  /** The places of the kept pairs in the heap, best pair first. */
  private bestFirst(): number[] {
    const at = this.orders.map((_, k) => k)
    at.sort((a, b) => (this.scores[b] as number) - (this.scores[a] as number) || this.tie(this.orders[a] as number) - this.tie(this.orders[b] as number))
    return at
  }

  private place(k: number): void {
    const order = this.orders[k] as number
    if (order < this.count) this.where[order] = k
  }

  private forget(order: number): void {
    if (order < this.count) this.where[order] = -1
  }

  // A binary heap with the worst pair on top.
  private swap(a: number, b: number): void {
    const { scores, orders } = this
    ;[scores[a], scores[b]] = [scores[b] as number, scores[a] as number]
    ;[orders[a], orders[b]] = [orders[b] as number, orders[a] as number]
    this.place(a)
    this.place(b)
  }

  private worseAt(a: number, b: number): boolean {
    return this.worse(this.scores[a] as number, this.orders[a] as number, this.scores[b] as number, this.orders[b] as number)
  }

  private up(k: number): void {
    while (k > 0) {
      const parent = (k - 1) >> 1
      if (!this.worseAt(k, parent)) return
      this.swap(k, parent)
      k = parent
    }
  }

  private down(k: number): void {
    const n = this.scores.length
    for (;;) {
      const left = 2 * k + 1
      const right = left + 1
      let worst = k
      if (left < n && this.worseAt(left, worst)) worst = left
      if (right < n && this.worseAt(right, worst)) worst = right
      if (worst === k) return
      this.swap(k, worst)
      k = worst
    }
  }
}
