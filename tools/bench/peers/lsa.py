"""Maximum-weight assignment with scipy's linear_sum_assignment on the capacity-expanded matrix.

Usage: lsa.py <scores.i32> <capacities.i32> <mentees> <mentors>. Scores are a row-major int32
matrix (mentees x mentors). Each mentor column is repeated `capacity` times; only the solve is
timed. Prints one JSON line: seconds, total, matched count and each mentee's mentor (or -1).
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    n, m = int(sys.argv[3]), int(sys.argv[4])
    scores = np.fromfile(sys.argv[1], dtype=np.int32).reshape(n, m).astype(np.float64)
    capacity = np.fromfile(sys.argv[2], dtype=np.int32)
    column_mentor = np.repeat(np.arange(m), capacity)
    expanded = scores[:, column_mentor]

    start = time.perf_counter()
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    seconds = time.perf_counter() - start

    mentor_of = np.full(n, -1, dtype=np.int64)
    mentor_of[rows] = column_mentor[cols]
    total = float(expanded[rows, cols].sum())
    print(json.dumps({"seconds": seconds, "total": total, "matched": int(len(rows)), "mentorOf": mentor_of.tolist()}))


if __name__ == "__main__":
    main()
