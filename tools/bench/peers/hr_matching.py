"""Solves a hospital/residents instance with the `matching` library (resident-optimal).

Usage: hr_matching.py <instance.json> [resident|hospital]. The instance is reduced to mutually
ranked pairs (the library requires it). Prints one JSON line: build and solve seconds and the
matching as [resident, hospital] pairs.
"""
import json
import sys
import time

from matching.algorithms import hospital_resident
from matching.games.hospital_resident import _make_players


def main():
    with open(sys.argv[1]) as f:
        inst = json.load(f)
    optimal = sys.argv[2] if len(sys.argv) > 2 else "resident"
    resident_prefs = {a["id"]: a["ranks"] for a in inst["applicants"]}
    hospital_prefs = {p["id"]: p["ranks"] for p in inst["programs"]}
    capacities = {p["id"]: p["capacity"] for p in inst["programs"]}

    start = time.perf_counter()
    residents, hospitals = _make_players(resident_prefs, hospital_prefs, capacities)
    built = time.perf_counter()
    # The game class's input checks are quadratic in the number of players, so the algorithm is
    # called directly; the instance is valid by construction.
    result = hospital_resident(residents, hospitals, optimal=optimal)
    solved = time.perf_counter()

    pairs = [[r.name, h.name] for h, rs in result.items() for r in rs]
    print(json.dumps({"build": built - start, "solve": solved - built, "pairs": pairs}))


if __name__ == "__main__":
    main()
