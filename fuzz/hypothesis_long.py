"""Long property run with hypothesis: the CI test's strategies at a high example count.

    PYTHONPATH=src .venv/bin/python fuzz/hypothesis_long.py --examples 20000 --seed 1

Prints a progress line every 1,000 examples and ends with ``ok`` or the shrunk failing input.
Use a different ``--seed`` for fresh ground; the same seed replays the same inputs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from properties import check_clean
from strategies import documents, documents_bytes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    count = 0
    started = time.perf_counter()

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(documents(), documents_bytes()))
    def run(data: str | bytes) -> None:
        nonlocal count
        count += 1
        if count % 1000 == 0:
            print(f"{count} examples, {time.perf_counter() - started:.0f} s", flush=True)
        check_clean(data)

    run()
    print(f"ok: {count} examples (seed {args.seed}) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
