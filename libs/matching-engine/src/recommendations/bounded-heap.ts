/**
 * The best `k` (index, score) pairs seen so far: higher score first, equal scores to the lower
 * index. A min-heap whose root is the worst kept pair.
 */
export class BoundedHeap {
  private readonly index: Int32Array;
  private readonly score: Float64Array;
  private n = 0;

  constructor(private readonly k: number) {
    this.index = new Int32Array(k);
    this.score = new Float64Array(k);
  }

  /** The score a new pair must beat once the heap is full (indices come in increasing order). */
  floor(): number {
    if (this.k === 0) return Infinity;
    return this.n < this.k ? -Infinity : this.score[0];
  }

  private worse(a: number, b: number): boolean {
    const sa = this.score[a];
    const sb = this.score[b];
    return sa < sb || (sa === sb && this.index[a] > this.index[b]);
  }

  private swap(a: number, b: number): void {
    const i = this.index[a];
    const s = this.score[a];
    this.index[a] = this.index[b];
    this.score[a] = this.score[b];
    this.index[b] = i;
    this.score[b] = s;
  }

  push(index: number, score: number): void {
    if (this.k === 0) return;
    if (this.n === this.k) {
      const root = this.score[0];
      if (score < root || (score === root && index > this.index[0])) return;
      this.index[0] = index;
      this.score[0] = score;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        if (l >= this.n) break;
        const c = l + 1 < this.n && this.worse(l + 1, l) ? l + 1 : l;
        if (!this.worse(c, i)) break;
        this.swap(c, i);
        i = c;
      }
      return;
    }
    let i = this.n++;
    this.index[i] = index;
    this.score[i] = score;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The kept pairs, best first. */
  sorted(): { index: number; score: number }[] {
    return Array.from({ length: this.n }, (_, i) => ({
      index: this.index[i],
      score: this.score[i],
    })).sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
