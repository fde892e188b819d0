"""Where newsclean's time goes: CPU milliseconds per page of each stage of the default pipeline
(segmentation, every cleaner, the settling look, assembly with language labels), optionally against another
source tree in the same process.

Usage (from the repository root)::

    .venv/bin/python benchmarks/stages.py                          # every 4th page, plain
    .venv/bin/python benchmarks/stages.py --every 1 --rendering residual
    .venv/bin/python benchmarks/stages.py --against /tmp/old/src   # A/B: that tree vs this one
    .venv/bin/python benchmarks/stages.py --peers                  # and the #6 budget per page
    .venv/bin/python benchmarks/stages.py --look                   # and the settling look by cleaner

With ``--against``, both trees are imported as separate packages (their own caches and
models) and run page by page in alternation, so machine load falls on both alike: the column
``B/A`` is the ratio to trust on a shared machine. Every model, table and word list is loaded
before timing (``Pipeline.warm_up``, or its steps on a tree that lacks it).

With ``--peers``, jusText (on the same text, wrapped as ``speed.py`` wraps it) and trafilatura
(on the page's HTML) are timed page by page in the same loop, and the #6 targets (x3 jusText's
pages/s, x5 trafilatura's) are printed as a time budget per page: what is left of it for the
cleaners (and their settling look) once segmentation and assembly (with the paragraphs' language labels) are paid, against
what the cleaners take now.

With ``--look``, the settling look's time is split by cleaner as well (each cleaner's calls in the
looks of a page, and the rest: building the body and its document, carrying the look's removals
back): the look reruns the whole pipeline over the body, so its rows say which cleaners a port
to the core would spare twice.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"


def load(src: Path, alias: str, tmp: str) -> dict[str, ModuleType]:
    """Import the ``newsclean`` package under ``src`` as the package ``alias``."""
    os.symlink(src.resolve() / "newsclean", os.path.join(tmp, alias))
    return {name: importlib.import_module(f"{alias}.{name}")
            for name in ("pipeline", "document", "result", "language", "cleaners.boilerplate")}


def warm(mods: dict[str, ModuleType], pipeline: object, sample: list[str]) -> None:
    """Load everything the first pages would, untimed."""
    if hasattr(pipeline, "warm_up"):
        pipeline.warm_up()
    else:  # an older tree: the same steps by hand
        mods["cleaners.boilerplate"]._stop_index()
        detector = pipeline._detector()
        if hasattr(detector, "warm_up"):
            detector.warm_up()
    for text in sample:
        pipeline.clean_text(text)


class Timed:
    """A cleaner whose calls add their CPU seconds to ``times[name]`` (the look's rows)."""

    def __init__(self, cleaner: Any, times: dict[str, float]) -> None:
        self.cleaner, self.times = cleaner, times
        self.name = cleaner.name
        self.reasons = getattr(cleaner, "reasons", None)

    def __call__(self, doc: object) -> None:
        t = time.process_time()
        try:
            self.cleaner(doc)
        finally:
            self.times[self.name] += time.process_time() - t


def settle_timed(pipeline: Any, doc: object, look: dict[str, float] | None) -> None:
    """The settling look of ``doc``; with ``look``, each cleaner's share of it added there."""
    if look is None:
        pipeline._settle(doc)
        return
    cleaners = pipeline._cleaners
    pipeline._cleaners = tuple(Timed(c, look) for c in cleaners)
    try:
        pipeline._settle(doc)
    finally:
        pipeline._cleaners = cleaners


def run(mods: dict[str, ModuleType], pipeline: object, detector: object, text: str,
        times: dict[str, float], look: dict[str, float] | None = None) -> None:
    """Clean ``text`` stage by stage, adding each stage's CPU seconds to ``times`` (and, with
    ``look``, each cleaner's in the settling look to ``look``)."""
    cpu = time.process_time
    with mods["pipeline"].cyclic_gc_paused():
        t = cpu()
        doc = mods["document"].Document(text)
        times["segment"] += cpu() - t
        for c in pipeline.cleaners:
            doc.current_cleaner = c.name
            doc._journal = []
            t = cpu()
            c(doc)
            times[c.name] += cpu() - t
            doc._journal = None
        t = cpu()
        if hasattr(pipeline, "_settle"):  # the settling look (a tree without one skips it)
            settle_timed(pipeline, doc, look)
        times["settle"] += cpu() - t
        t = cpu()
        mods["result"].assemble(doc, detector, ())
        times["assemble + language"] += cpu() - t


#: the #6 targets: newsclean's pages/s at least this many times each peer's
TARGETS = {"jusText": 3.0, "trafilatura": 5.0}
#: the stages every page pays whatever the cleaners do
FIXED = ("segment", "assemble + language")
#: the settling look: the cleaners again, over the body
LOOK = "settle"
#: the least a cleaner that looks at every line does, timed with the peers as a floor
LINE_PASS = "one Python line pass"


def make_peers(pages: list[str], htmls: list[str]) -> dict[str, Callable[[int], object]]:
    """jusText on page ``i``'s text (wrapped before timing, as ``speed.py`` does) and
    trafilatura on its HTML, each warmed up on the first page."""
    import justext
    import trafilatura
    from speed import as_paragraph_html

    wrapped = [as_paragraph_html(p) for p in pages]
    stoplist = justext.get_stoplist("English")
    peers: dict[str, Callable[[int], object]] = {
        "jusText": lambda i: justext.justext(wrapped[i], stoplist),
        "trafilatura": lambda i: trafilatura.extract(htmls[i]),
    }
    peers[LINE_PASS] = lambda i: line_pass(pages[i])
    for peer in peers.values():
        peer(0)
    return peers


def line_pass(text: str) -> int:
    """One pass over ``text``'s lines in Python doing the least any line cleaner does: strip
    each line and split it into words."""
    n = 0
    for line in text.splitlines():
        n += len(line.strip().split())
    return n


def print_budget(stages: dict[str, float], peers: dict[str, float]) -> None:
    """The #6 targets as milliseconds per page, and what is left of them for the cleaners."""
    fixed = sum(stages[s] for s in FIXED)
    cleaners = sum(v for s, v in stages.items() if s not in FIXED)  # the settling look included
    n_cleaners = len(stages) - len(FIXED) - (LOOK in stages)
    total = fixed + cleaners
    print("\npeers on the same pages, in the same loop (CPU ms per page; trafilatura on the HTML)")
    for name, ms in peers.items():
        if name != LINE_PASS:
            print(f"{name:22s} {ms:8.3f}")
    floor = peers[LINE_PASS]
    print(f"\n{LINE_PASS} (strip and split every line, nothing else): {floor:.3f} ms a page; "
          f"one such pass per cleaner: {floor * n_cleaners:.3f}")
    print(f"\nnewsclean {total:.3f} ms a page: segmentation and assembly {fixed:.3f}, "
          f"the {n_cleaners} cleaners and their settling look {cleaners:.3f} (the look {stages.get(LOOK, 0.0):.3f})")
    for name, factor in TARGETS.items():
        budget = peers[name] / factor
        left = budget - fixed
        need = f"x{cleaners / left:.1f} faster" if left > 0 else "impossible: the fixed stages alone exceed it"
        print(f"x{factor:g} {name}: {budget:.3f} ms a page; {left:.3f} left for the cleaners, "
              f"which take {cleaners:.3f} ({need}); newsclean now x{peers[name] / total:.2f}")


def print_stages(times: dict[str, float], n: int) -> None:
    """Each stage's CPU ms per page, and their total."""
    for stage, seconds in times.items():
        print(f"{stage:22s} {seconds / n * 1e3:8.3f}")
    print(f"{'total':22s} {sum(times.values()) / n * 1e3:8.3f}")


def print_against(a_times: dict[str, float], b_times: dict[str, float], n: int) -> None:
    """Each stage's CPU ms per page in tree A and tree B, and their ratio."""
    print(f"{'stage':22s} {'A':>8s} {'B':>8s} {'B/A':>6s}")
    ta = tb = 0.0
    for stage in b_times:
        a, b = a_times.get(stage, 0.0) / n * 1e3, b_times[stage] / n * 1e3
        ta, tb = ta + a, tb + b
        print(f"{stage:22s} {a:8.3f} {b:8.3f} {b / a if a else float('nan'):6.2f}")
    print(f"{'total':22s} {ta:8.3f} {tb:8.3f} {tb / ta:6.2f}")


def print_look(look: dict[str, float], settle: float, n: int) -> None:
    """The settling look's CPU ms per page, by cleaner, and the rest of it."""
    print("\nthe settling look (this tree), CPU ms per page")
    for name, seconds in look.items():
        print(f"  {name:20s} {seconds / n * 1e3:8.3f}")
    print(f"  {'(the rest)':20s} {(settle - sum(look.values())) / n * 1e3:8.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--every", type=int, default=4, help="use one page in n (default 4)")
    ap.add_argument("--rendering", default="plain", choices=("plain", "layout", "markdown", "residual"))
    ap.add_argument("--against", type=Path, help="another tree's src/ directory, timed as A (this tree is B)")
    ap.add_argument("--peers", action="store_true",
                    help="also time jusText and trafilatura on the same pages and print the #6 budget")
    ap.add_argument("--look", action="store_true", help="split the settling look's time by cleaner (this tree)")
    args = ap.parse_args(argv)
    if not args.pages.exists():
        print(f"no development pages at {args.pages}; give --pages", file=sys.stderr)
        return 2
    pages: list[str] = []
    htmls: list[str] = []
    with gzip.open(args.pages, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % args.every == 0:
                rec = json.loads(line)
                pages.append(rec["renderings"][args.rendering] or "")
                htmls.append(rec["html"] or "")
    tmp = tempfile.mkdtemp(prefix="newsclean-stages-")
    sys.path.insert(0, tmp)
    trees = {"B": ROOT / "src"} if args.against is None else {"A": args.against, "B": ROOT / "src"}
    tags = list(trees)
    mods = {tag: load(src, f"newsclean_{tag}", tmp) for tag, src in trees.items()}
    pipes = {tag: mods[tag]["pipeline"].Pipeline.default() for tag in tags}
    detectors = {tag: pipes[tag]._detector() for tag in tags}
    for tag in tags:
        warm(mods[tag], pipes[tag], pages[:5])
    times = {tag: defaultdict(float) for tag in tags}
    look: dict[str, float] | None = defaultdict(float) if args.look else None
    peers = make_peers(pages, htmls) if args.peers else {}
    peer_times = dict.fromkeys(peers, 0.0)
    cpu = time.process_time
    for i, text in enumerate(pages):
        for tag in tags if i % 2 == 0 else tags[::-1]:
            run(mods[tag], pipes[tag], detectors[tag], text, times[tag], look if tag == "B" else None)
        for name, peer in peers.items():
            t = cpu()
            peer(i)
            peer_times[name] += cpu() - t
    n = len(pages)
    print(f"{n} pages ({args.rendering}, every {args.every}); CPU ms per page")
    if len(tags) == 1:
        print_stages(times["B"], n)
        if peers:
            print_budget({k: v / n * 1e3 for k, v in times["B"].items()},
                         {k: v / n * 1e3 for k, v in peer_times.items()})
    else:
        print_against(times["A"], times["B"], n)
    if look is not None:
        print_look(look, times["B"]["settle"], n)
    return 0

if __name__ == "__main__":
    sys.exit(main())
