import { IndexedMinHeap } from './indexed-heap';

/**
 * A min-cost flow network with integer costs, solved by successive shortest paths: each call of
 * `augment(s, t)` sends one unit along a cheapest residual s-t path found by Dijkstra on reduced
 * costs (node potentials keep them non-negative), stopping as soon as t is settled. Sending
 * supply one unit at a time this way keeps the flow of minimum cost for the supplies sent so far;
 * `certificateViolation` re-checks that by the potentials in O(arcs).
 *
 * Build with `addArc`, then `prepare()` once. Arc 2k is the k-th arc, 2k+1 its reverse. Costs
 * must stay below 2^53 in magnitude (they are exact integers in doubles).
 */
export class MinCostFlow {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly costs: number[] = [];
  private tail = new Int32Array(0);
  private head = new Int32Array(0);
  private residual = new Float64Array(0);
  private cost = new Float64Array(0);
  private outStart = new Int32Array(0);
  private outArc = new Int32Array(0);
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  private readonly predArc: Int32Array;
  private readonly heap: IndexedMinHeap;
  private readonly touched: Int32Array;
  private readonly settled: Int32Array;

  constructor(readonly nodes: number) {
    this.potential = new Float64Array(nodes);
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.predArc = new Int32Array(nodes);
    this.heap = new IndexedMinHeap(nodes, this.dist);
    this.touched = new Int32Array(nodes);
    this.settled = new Int32Array(nodes);
  }

  /** Adds an arc and returns its number. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    this.tails.push(from, to);
    this.heads.push(to, from);
    this.caps.push(capacity, 0);
    this.costs.push(cost, -cost);
    return this.tails.length - 2;
  }

  /** Freezes the arcs and computes initial potentials (Bellman–Ford; the network must have no negative cycle). */
  prepare(): void {
    const E = this.tails.length;
    this.tail = Int32Array.from(this.tails);
    this.head = Int32Array.from(this.heads);
    this.residual = Float64Array.from(this.caps);
    this.cost = Float64Array.from(this.costs);
    this.outStart = new Int32Array(this.nodes + 1);
    for (let e = 0; e < E; e++) this.outStart[this.tail[e] + 1]++;
    for (let x = 0; x < this.nodes; x++) this.outStart[x + 1] += this.outStart[x];
    const fill = this.outStart.slice(0, this.nodes);
    this.outArc = new Int32Array(E);
    for (let e = 0; e < E; e++) this.outArc[fill[this.tail[e]]++] = e;
    // Shortest distances from a virtual source joined to every node at cost 0.
    const pi = this.potential;
    for (let pass = 0; pass <= this.nodes; pass++) {
      let changed = false;
      for (let e = 0; e < E; e++) {
        if (this.residual[e] > 0 && pi[this.tail[e]] + this.cost[e] < pi[this.head[e]]) {
          pi[this.head[e]] = pi[this.tail[e]] + this.cost[e];
          changed = true;
        }
      }
      if (!changed) return;
    }
    throw new Error('the network has a negative cycle');
  }

  /** Sends one unit from s to t along a cheapest path; returns its cost, or undefined if none. */
  augment(s: number, t: number): number | undefined {
    const { dist, heap, predArc, potential: pi, residual, cost, head, outStart, outArc } = this;
    let nTouched = 0;
    let nSettled = 0;
    dist[s] = 0;
    this.touched[nTouched++] = s;
    heap.push(s);
    let reached = false;
    while (!heap.isEmpty) {
      const x = heap.pop();
      this.settled[nSettled++] = x;
      if (x === t) {
        reached = true;
        break;
      }
      const base = dist[x] + pi[x];
      for (let k = outStart[x]; k < outStart[x + 1]; k++) {
        const e = outArc[k];
        if (residual[e] <= 0) continue;
        const y = head[e];
        const nd = base + cost[e] - pi[y];
        if (nd < dist[y]) {
          if (dist[y] === Infinity) this.touched[nTouched++] = y;
          dist[y] = nd;
          predArc[y] = e;
          heap.push(y);
        }
      }
    }
    let pathCost: number | undefined;
    if (reached) {
      const D = dist[t];
      for (let k = 0; k < nSettled; k++) pi[this.settled[k]] += dist[this.settled[k]] - D;
      pathCost = 0;
      for (let y = t; y !== s; y = this.tail[predArc[y]]) {
        const e = predArc[y];
        residual[e]--;
        residual[e ^ 1]++;
        pathCost += cost[e];
      }
    }
    for (let k = 0; k < nTouched; k++) dist[this.touched[k]] = Infinity;
    heap.clear();
    return pathCost;
  }

  /** Units of flow on arc `arc` (an arc number returned by addArc). */
  flow(arc: number): number {
    return this.residual[arc ^ 1];
  }

  /** Why the potentials fail to prove the flow optimal (a residual arc of negative reduced cost), or undefined. */
  certificateViolation(): string | undefined {
    for (let e = 0; e < this.tail.length; e++) {
      if (this.residual[e] < 0) return `arc ${e} carries more than its capacity`;
      if (
        this.residual[e] > 0 &&
        this.cost[e] + this.potential[this.tail[e]] - this.potential[this.head[e]] < 0
      ) {
        return `residual arc ${e} has negative reduced cost`;
      }
    }
    return undefined;
  }
}
