/**
 * Binary min-heap of node numbers keyed by an external distance array, with decrease-key.
 * Equal distances pop the lower `tier` first (when a tier array is given), then the lower node
 * number, which makes every Dijkstra run that uses it deterministic. Allocation happens once;
 * `clear` costs O(size). Tiers must not change while a node is in the heap.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
    private readonly tier?: Uint8Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The smallest key; only meaningful when not empty. */
  get topKey(): number {
    return this.key[this.heap[0]];
  }

  /** Inserts `node`, or moves it up after its key decreased. */
  push(node: number): void {
    let i = this.pos[node];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = node;
      this.pos[node] = i;
    }
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0];
    this.pos[top] = -1;
    const last = this.heap[--this.size];
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    if (ka !== kb) return ka < kb;
    const tier = this.tier;
    if (tier !== undefined && tier[a] !== tier[b]) return tier[a] < tier[b];
    return a < b;
  }

  private up(i: number): void {
    const { heap, pos } = this;
    const node = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!this.less(node, p)) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private down(i: number): void {
    const { heap, pos } = this;
    const node = heap[i];
    const half = this.size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < this.size && this.less(heap[right], heap[child])) child = right;
      const c = heap[child];
      if (!this.less(c, node)) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
  }
}
