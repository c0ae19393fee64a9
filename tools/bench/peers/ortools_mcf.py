"""Maximum-weight assignment on a sparse candidate graph with OR-Tools' min-cost flow.

Usage: ortools_mcf.py <pairs.i32> <capacities.i32> <mentees> <mentors> [max-matches]. Pairs are
int32 triples (mentee, mentor, integer score). Without max-matches every mentee may stay
unmatched at cost 0; with it, the solver takes the minimum-cost maximum flow. Only the solve is
timed. Prints one JSON line: seconds, total and matched count.
"""
import json
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main():
    n, m = int(sys.argv[3]), int(sys.argv[4])
    maximize_matches = len(sys.argv) > 5 and sys.argv[5] == "max-matches"
    pairs = np.fromfile(sys.argv[1], dtype=np.int32).reshape(-1, 3)
    capacity = np.fromfile(sys.argv[2], dtype=np.int32)
    source, sink = n + m, n + m + 1
    mentee = np.arange(n)
    mentor = n + np.arange(m)

    flow = min_cost_flow.SimpleMinCostFlow()
    tails = [np.full(n, source), pairs[:, 0], mentor]
    heads = [mentee, n + pairs[:, 1], np.full(m, sink)]
    caps = [np.ones(n), np.ones(len(pairs)), capacity]
    costs = [np.zeros(n), -pairs[:, 2].astype(np.int64), np.zeros(m)]
    if not maximize_matches:
        tails.append(mentee)
        heads.append(np.full(n, sink))
        caps.append(np.ones(n))
        costs.append(np.zeros(n))
    flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int32),
        np.concatenate(heads).astype(np.int32),
        np.concatenate(caps).astype(np.int64),
        np.concatenate(costs).astype(np.int64),
    )
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    start = time.perf_counter()
    status = flow.solve_max_flow_with_min_cost() if maximize_matches else flow.solve()
    seconds = time.perf_counter() - start
    if status != flow.OPTIMAL:
        raise SystemExit(f"OR-Tools status {status}")

    arcs = np.arange(n, n + len(pairs))
    used = flow.flows(arcs) > 0
    total = int(pairs[used, 2].sum())
    print(json.dumps({"seconds": seconds, "total": total, "matched": int(used.sum())}))


if __name__ == "__main__":
    main()
