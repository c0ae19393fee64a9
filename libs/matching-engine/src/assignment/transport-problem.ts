/**
 * Rows (mentees) each take at most one column (mentor); column j takes at most `capacity[j]`
 * rows; only listed arcs are allowed. Minimise the total cost, where leaving a row unassigned
 * costs 0. Costs are integers stored in doubles (exact below 2^53), so every comparison is exact.
 * Row i owns arcs `rowBegin[i] .. rowEnd[i]`; rows may share a range (identical places of one
 * mentor), and the columns of one row's arcs are distinct.
 */
export interface TransportProblem {
  readonly rows: number;
  readonly cols: number;
  readonly rowBegin: Int32Array;
  readonly rowEnd: Int32Array;
  readonly arcCol: Int32Array;
  readonly arcCost: Float64Array;
  readonly capacity: Int32Array;
}

/**
 * An optimal assignment with its proof: dual values `rowDual` (u) and `colDual` (v) such that
 * every arc has c - u_i - v_j >= 0, used arcs have equality, u_i <= 0 with equality for
 * unassigned rows, v_j <= 0 with equality unless column j is full. By linear-programming
 * duality these conditions hold only at an optimum; `checkTransportCertificate` tests them in O(arcs).
 */
export interface TransportSolution {
  /** Arc used by each row, or -1 when the row is unassigned. */
  readonly arcOf: Int32Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
}
