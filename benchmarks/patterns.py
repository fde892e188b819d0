"""Time per megabyte of every newsclean pattern on its worst structural attack, at several sizes.

    PYTHONPATH=src .venv/bin/python benchmarks/patterns.py [--filter NAME] [--sizes 10000 100000 1000000]

For each pattern, the attack strings derived from its structure (``fuzz/adversarial.py``: prefix,
a quantified sub-pattern's match repeated, a failing suffix; the generator the linear-pattern test
uses) are screened at 10,000 characters, and the slowest is timed at each size (CPU time of
``findall`` + ``match``, repeated for at least 50 ms so that the clock's ticks do not matter; a
run past 5 s is stopped). A linear pattern's time per
megabyte is flat across sizes; a quadratic one grows 100 times from 10 KB to 1 MB. Exits 1 when
any pattern's time per megabyte grows more than ``--growth`` times (default 4) from the smallest to
the largest size, or a run was stopped.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from adversarial import discover_patterns, run_pattern, time_run, worst_attacks

LIMIT_SECONDS = 5.0
#: Each size is run repeatedly for at least this much CPU time (the process clock may tick every 4 ms).
MIN_SECONDS = 0.05


def _seconds(pattern: Any, text: str) -> float:
    """CPU seconds of one run on ``text``: a first run stopped past LIMIT_SECONDS (``inf``), then
    runs doubled in number until they take MIN_SECONDS together, divided by their number."""
    first = time_run(pattern, text, LIMIT_SECONDS)
    if first == math.inf or first >= MIN_SECONDS:
        return first
    runs = 1
    while True:
        started = time.process_time()
        for _ in range(runs):
            run_pattern(pattern, text)
        elapsed = time.process_time() - started
        if elapsed >= MIN_SECONDS:
            return elapsed / runs
        runs *= 2


def _cell(seconds_per_mb: float | None) -> str:
    if seconds_per_mb is None:
        return "skipped"
    return "stopped" if seconds_per_mb == math.inf else f"{seconds_per_mb * 1e3:.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--filter", default="", help="only patterns whose name contains this")
    ap.add_argument("--growth", type=float, default=4.0, help="largest accepted growth of the time per MB")
    args = ap.parse_args(argv)
    sizes: list[int] = sorted(args.sizes)
    header = f"{'pattern':<52} {'worst attack':<30}" + "".join(f" {f'ms/MB @{n:,}':>16}" for n in sizes)
    print(header)
    print("-" * len(header))
    failed: list[str] = []
    for np in discover_patterns():
        if args.filter not in np.name:
            continue
        worst = worst_attacks(np.pattern)
        if not worst:  # no quantifier that repeats: nothing to pump
            print(f"{np.name[:52]:<52} {'(no repeated sub-pattern)':<30}", flush=True)
            continue
        attack = worst[0][0]
        per_mb: list[float | None] = []
        for n in sizes:
            if per_mb and per_mb[-1] == math.inf:
                per_mb.append(None)
                continue
            text = attack.text(attack.pumps_for(n))
            seconds = _seconds(np.pattern, text)
            per_mb.append(seconds / len(text) * 1e6)
        print(f"{np.name[:52]:<52} {attack.label[:30]:<30}" + "".join(f" {_cell(t):>16}" for t in per_mb),
              flush=True)
        first, last = per_mb[0], [t for t in per_mb if t is not None][-1]
        # (below 20 ms a megabyte, the small size is mostly timer noise)
        if last == math.inf or (first is not None and last / max(first, 0.02) > args.growth):
            failed.append(f"{np.name} on {attack.label}: {[_cell(t) for t in per_mb]} ms/MB")
    print()
    for line in failed:
        print(f"SUPER-LINEAR: {line}")
    print("all patterns flat (linear)" if not failed else f"{len(failed)} pattern(s) grow faster than linear")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
