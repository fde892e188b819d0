#!/usr/bin/env python3
"""A digest of every ``Result.to_json()`` on the development pages and the seeds.

Run it on two commits to prove a change leaves output byte-identical::

    PYTHONPATH=src .venv/bin/python tools/digest.py > before.txt   # on the old commit
    PYTHONPATH=src .venv/bin/python tools/digest.py > after.txt    # on the new one
    diff before.txt after.txt

Each line is ``<page id> <rendering> <sha256 of to_json()>``; the last line is the digest of all
lines. ``--every N`` takes every Nth page (a quick look); ``--renderings`` picks renderings.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RENDERINGS = ("plain", "layout", "markdown", "residual", "html")


def dev_pages(every: int) -> list[dict[str, object]]:
    """Every ``every``-th development page (``tools/reclean.py`` reads them through this too)."""
    with gzip.open(SHARED / "devdata" / "pages.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for i, line in enumerate(f) if i % every == 0]


def page_input(page: dict[str, object], rendering: str) -> str | None:
    """The page in ``rendering`` (``"html"``: its raw HTML), or None when it has none."""
    data = page.get("html") if rendering == "html" else (page.get("renderings") or {}).get(rendering)  # type: ignore[attr-defined]
    return data if isinstance(data, str) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="every Nth development page (default: all)")
    ap.add_argument("--renderings", default=",".join(RENDERINGS), help="comma-separated renderings")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import newsclean

    total = hashlib.sha256()

    def emit(key: str, data: str) -> None:
        line = f"{key} {hashlib.sha256(newsclean.clean(data).to_json().encode()).hexdigest()}"
        total.update(line.encode() + b"\n")
        print(line, flush=False)

    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        emit(f"seed/{seed.name} plain", seed.read_text(encoding="utf-8"))
    renderings = args.renderings.split(",")
    for page in dev_pages(args.every):
        for rendering in renderings:
            emit(f"{page['id']} {rendering}", page_input(page, rendering) or "")
    print(f"ALL {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
