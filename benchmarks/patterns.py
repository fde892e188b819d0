"""Time per character of every newsclean pattern on its worst adversarial string, at 10 KB and 1 MB.

    PYTHONPATH=src .venv/bin/python benchmarks/patterns.py [--filter NAME] [--sizes 10000 1000000]

For each pattern (see ``fuzz/adversarial.py`` for how patterns are found and adversarial strings
built), the adversarial strings are screened at 2,000 characters, and the slowest is timed at
each size (CPU time of ``findall`` + ``match``). A linear pattern has a flat time per character
across sizes; a quadratic one grows 100 times from 10 KB to 1 MB. A size is skipped when the
previous one took over 2 s (it would take minutes). Ends with the slowest pattern's time per
character at every size, and exits 1 when any pattern's time per character grows more than
10 times between the smallest and the largest size.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from adversarial import adversarial_string, discover_patterns, time_run, worst_cores

SKIP_AFTER_SECONDS = 2.0
GROWTH_LIMIT = 10.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    ap.add_argument("--filter", default="", help="only patterns whose name contains this")
    args = ap.parse_args(argv)
    sizes: list[int] = sorted(args.sizes)
    rows: list[tuple[str, str, list[float | None]]] = []
    header = f"{'pattern':<58} {'worst string':<22}" + "".join(f" {f'ns/char @{n:,}':>17}" for n in sizes)
    print(header)
    print("-" * len(header))
    for np in discover_patterns():
        if args.filter not in np.name:
            continue
        label, _ = worst_cores(np, keep=1)[0]
        per_char: list[float | None] = []
        skip = False
        for n in sizes:
            if skip:
                per_char.append(None)
                continue
            seconds = time_run(np.pattern, adversarial_string(np, label, n))
            per_char.append(seconds / n)
            skip = seconds > SKIP_AFTER_SECONDS
        rows.append((np.name, label, per_char))
        cells = "".join(f" {(f'{t * 1e9:.1f}' if t is not None else 'skipped'):>17}" for t in per_char)
        print(f"{np.name[:58]:<58} {label[:22]:<22}{cells}", flush=True)

    print()
    failed = False
    for i, n in enumerate(sizes):
        timed = [(t, r[0], r[1]) for r in rows if (t := r[2][i]) is not None]
        if timed:
            t, name, label = max(timed)
            print(f"slowest at {n:>9,} chars: {name} on {label}: {t * 1e9:.1f} ns/char ({t * n:.3f} s)")
    for name, label, per_char in rows:
        first, last = per_char[0], per_char[-1]
        # (below 20 ns a character the small size is mostly timer noise)
        if last is None or (first is not None and last / max(first, 20e-9) > GROWTH_LIMIT):
            failed = True
            print(f"SUPER-LINEAR: {name} on {label}: {per_char}")
    print("all patterns flat (linear)" if not failed else "some patterns grow faster than linear")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
