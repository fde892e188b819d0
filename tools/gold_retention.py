"""Do no harm, held out: each development page's gold body, cleaned as plain text by the default
pipeline whose block classifier never saw that page's dataset, keeps what share of its word
4-gram shingles (the scorer's unit)?

    PYTHONPATH=src .venv/bin/python tools/gold_retention.py [--models DIR] [--every N]

The held-out models are those ``tools/heldout.py`` keeps (``benchmarks/data/heldout/<dataset>.json.gz``
by default: each trained on the two other datasets). Prints, per dataset and over all pages, how many gold bodies
keep at least 99% of their shingles (#20 asks for 98% of them), and the pages that lose most
with the cleaners that took their text. The headline counts as kept when it went to
``result.title`` (as in ``tests/test_negative_corpus.py``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from heldout import MODELS, model_file, read_model  # tools/heldout.py, beside this script

import newsclean
from newsclean.cleaners.boilerplate import model_from_json

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
_TOKEN = re.compile(r"\w+")
MIN_RETENTION = 0.99


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word ``n``-gram multiset of ``text``, tokens as the scorer makes them (``\\w+``, case kept)."""
    toks = _TOKEN.findall(text)
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def retention(source: str, output: str) -> float:
    """Share of the source's shingles present in the output (multiset intersection)."""
    want = shingles(source)
    total = sum(want.values())
    return sum((want & shingles(output)).values()) / total if total else 1.0


def kept_text(result: newsclean.Result) -> str:
    """The body with the headline in front of it, when there is one (a headline set apart in
    ``result.title`` is not lost)."""
    return f"{result.title}\n\n{result.text}" if result.title else result.text


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--models", type=Path, default=MODELS, help="folder of held-out models (default %(default)s)")
    ap.add_argument("--every", type=int, default=1, help="every Nth development page")
    ap.add_argument("--show", type=int, default=8, help="pages that lose most, shown")
    args = ap.parse_args()
    pipelines: dict[str, newsclean.Pipeline] = {}
    kept: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    worst: list[tuple[float, str, str]] = []
    taken: Counter[str] = Counter()
    total_chars = 0
    with gzip.open(PAGES, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % args.every:
                continue
            page = json.loads(line)
            gold, dataset = page["gold"], page["dataset"]
            if not gold.strip():
                continue
            if dataset not in pipelines:
                model = model_from_json(read_model(model_file(args.models, dataset)))
                pipelines[dataset] = newsclean.Pipeline.default().configure("boilerplate", model=model)
            result = pipelines[dataset].clean(gold, input_format="text")
            share = retention(gold, kept_text(result))
            total_chars += len(gold)
            for r in result.removed:
                taken[r.code] += r.end - r.start
            seen[dataset] += 1
            kept[dataset] += share >= MIN_RETENTION
            if share < MIN_RETENTION:
                takers = Counter(r.code for r in result.removed).most_common(2)
                worst.append((share, page["id"], ", ".join(f"{c} x{n}" for c, n in takers)))
    for dataset in sorted(seen) + ["ALL"]:
        n = sum(seen.values()) if dataset == "ALL" else seen[dataset]
        k = sum(kept.values()) if dataset == "ALL" else kept[dataset]
        print(f"{dataset:15s} {k}/{n} gold bodies keep >= 99% of their shingles ({k / max(n, 1):.1%})")
    print(f"characters of {total_chars:,} gold characters taken, by removal code:")
    for code, n in taken.most_common(args.show):
        print(f"  {code:40s} {n:9,} ({n / max(total_chars, 1):.2%})")
    print("pages that lose most:")
    for share, page_id, takers in sorted(worst)[:args.show]:
        print(f"  {share:.3f}  {page_id}  {takers}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
