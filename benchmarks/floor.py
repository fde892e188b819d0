"""The floor of newsclean's document model: what a page costs before any cleaner decides anything.

The #19 target (x3 jusText's pages/s) leaves about 3 ms a page on this machine. This script
measures, on the same pages and in one process, what the Python document model costs by itself,
so that a port can be judged against it:

- ``model``: ``Document(text)`` (segmentation into one Python ``Unit`` per line) and the result's
  assembly, every line kept, no language labels;
- ``model + passes``: the same with ``--passes`` loops over the units reading ``kept`` and
  ``visible`` (the default pipeline's cleaners and their settling look make about 28);
- ``model + labels``: the model with every kept paragraph labelled with its language (here every
  line of the page is in the body, so more paragraphs are labelled than in a real result);
- ``pipeline``: the default pipeline (``Pipeline.clean_text``), for scale.

CPU milliseconds a page, best of ``--repeat`` runs::

    .venv/bin/python benchmarks/floor.py --every 4
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"


def read_pages(path: Path, every: int, rendering: str) -> list[str]:
    """Every ``every``-th page's ``rendering``."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for i, line in enumerate(f) if i % every == 0]
    return [p["renderings"].get(rendering) or "" for p in pages]


def per_page(texts: list[str], work: Callable[[str], object], repeat: int) -> float:
    """The best of ``repeat`` runs of ``work`` over ``texts``, in CPU milliseconds a page."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            work(text)
        best = min(best, time.process_time() - start)
    return best / max(1, len(texts)) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--every", type=int, default=4, help="take every N-th page")
    ap.add_argument("--rendering", default="plain")
    ap.add_argument("--passes", type=int, default=28, help="loops over the units (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import newsclean
    from newsclean.document import Document
    from newsclean.result import assemble

    texts = read_pages(args.pages, args.every, args.rendering)
    pipeline = newsclean.Pipeline.default()
    pipeline.warm_up()
    detector = pipeline._detector()
    for text in texts[:20]:  # what the first pages load (caches, the detector's tables)
        pipeline.clean_text(text)

    def model(text: str, passes: int = 0, labels: bool = False) -> None:
        doc = Document(text, detector=detector if labels else None)
        for _ in range(passes):
            for unit in doc.units:
                if unit.kept and unit.visible:
                    pass
        assemble(doc, detector if labels else None, ())

    rows = [
        ("model", per_page(texts, model, args.repeat)),
        (f"model + {args.passes} passes", per_page(texts, lambda t: model(t, args.passes), args.repeat)),
        ("model + labels", per_page(texts, lambda t: model(t, labels=True), args.repeat)),
        ("pipeline", per_page(texts, pipeline.clean_text, args.repeat)),
    ]
    print(f"{len(texts)} pages ({args.rendering}, every {args.every}); CPU ms a page, best of {args.repeat}")
    for name, ms in rows:
        print(f"{name:24s} {ms:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
