#!/usr/bin/env python3
"""How many development pages change when their cleaned text is cleaned again.

newsclean's output is clean text, so ``clean(clean(x).text).text`` must equal ``clean(x).text``
(issue #20's target: on at least 99% of the pages in every rendering)::

    PYTHONPATH=src .venv/bin/python tools/reclean.py --every 10
    PYTHONPATH=src .venv/bin/python tools/reclean.py --every 10 --renderings plain --show 5

For each rendering it prints the pages whose text changes, the characters the second pass takes,
and what took them (cleaner/reason, lines, characters, first examples).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from digest import RENDERINGS, ROOT, dev_pages, page_input


def report(pages: list[dict[str, object]], rendering: str, show: int) -> None:
    """Print what a second cleaning changes on ``pages`` in ``rendering``."""
    import newsclean

    pipeline = newsclean.Pipeline.default()
    changed = total = taken = chars = 0
    lines: Counter[str] = Counter()
    taken_by: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        text = page_input(page, rendering)
        if text is None:
            continue
        total += 1
        once = pipeline.clean(text)
        twice = pipeline.clean(once.text)
        chars += len(once.text)
        if twice.text == once.text:
            continue
        changed += 1
        taken += len(once.text) - len(twice.text)
        for r in twice.removed:
            lines[r.code] += 1
            taken_by[r.code] += len(r.text)
            examples[r.code].append(r.text[:60])
    share = 100.0 * (total - changed) / max(total, 1)
    print(f"{rendering}: {changed}/{total} pages change ({share:.1f}% unchanged), "
          f"{taken}/{chars} characters taken on the second pass")
    for code, n in taken_by.most_common():
        print(f"    {code}: {lines[code]} lines, {n} chars  {examples[code][:show]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=10, help="every Nth development page (default 10)")
    ap.add_argument("--renderings", default=",".join(RENDERINGS), help="comma-separated renderings")
    ap.add_argument("--show", type=int, default=3, help="examples shown per reason")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    pages = dev_pages(args.every)
    for rendering in args.renderings.split(","):
        report(pages, rendering, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
