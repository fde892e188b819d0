#!/usr/bin/env python3
"""Where a cleaner fails on the multilingual noise benchmark: leaks per language and noise kind.

For every language it prints a table of the noise kinds (leaked ``without`` snippets / inserted),
the lost ``with`` snippets (body sentences) and how many of the negatives (body sentences that
merely mention following, sharing, subscribing or reading) were kept; then examples of leaked
noise and of lost body sentences, each lost sentence with the removal reason that took it when
the cleaner returns newsclean's ``Result``. ``--lookup`` also counts how many inserted noise
snippets contain a phrase of newsclean's own phrase lists (what a look-up alone would catch).

    PYTHONPATH=src python tools/noise_report.py                    # newsclean:clean on plain
    PYTHONPATH=src python tools/noise_report.py --lang fr --examples 20
    PYTHONPATH=src python tools/noise_report.py --matrix           # the table of docs/noise-benchmark.md
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "noise_bench.jsonl.gz"


FORM: Literal["NFC", "NFKC"] = "NFC"


def norm_ws(text: str) -> str:
    """As ../shared/eval/score.py compares snippets: NFC, no-break spaces as spaces, collapsed.

    With ``--nfkc`` both sides are NFKC-folded instead, so that a cleaner which turns full-width
    punctuation into ASCII (CJK "，" into ",") is not counted as losing those sentences.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize(FORM, text).replace("\u00a0", " ")).strip()


def copies(text: str, snippet: str) -> int:
    """How often the snippet's word sequence occurs in the text (punctuation ignored)."""
    words = re.findall(r"\w+", snippet)
    return len(re.findall(r"\W+".join(map(re.escape, words)), text)) if words else 0


def load_cleaner(spec: str) -> Callable[[str], Any]:
    module, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in (attr or "clean").split("."):
        obj = getattr(obj, part)
    return obj  # type: ignore[no-any-return]


def body_of(result: Any) -> str:
    return result if isinstance(result, str) else str(getattr(result, "text", ""))


def removal_reason(result: Any, source: str, snippet: str) -> str:
    """The ``cleaner/reason`` of the removal that overlaps the snippet's place in the input."""
    start = source.find(snippet)
    if start < 0:
        return "?"
    end = start + len(snippet)
    for removal in getattr(result, "removed", ()):
        if removal.start < end and start < removal.end:
            return f"{removal.cleaner}/{removal.reason}"
    return "not removed (changed?)"


class Tally:
    """Counts of one language."""

    def __init__(self) -> None:
        self.inserted: Counter[str] = Counter()
        self.leaked: Counter[str] = Counter()
        self.leak_examples: dict[str, list[str]] = defaultdict(list)
        self.with_total = 0
        self.lost: list[tuple[str, str]] = []
        self.negatives_total = 0
        self.negatives_lost = 0
        self.lookup_hits = 0


def score_record(rec: dict[str, Any], result: Any, tally: Tally) -> None:
    out = norm_ws(body_of(result))
    source = rec["renderings"]["plain"]
    for kind, snippets in rec["noise"].items():
        for s in snippets:
            tally.inserted[kind] += 1
            if kind == "caption_twice":  # one copy belongs to the body (seed 000's rule)
                kept = copies(out, s)
                if kept != 1:
                    tally.leaked[kind] += kept > 1
                    tally.leak_examples[kind].append(f"{kept} copies kept: {s}")
                continue
            if norm_ws(s) in out:
                tally.leaked[kind] += 1
                tally.leak_examples[kind].append(s)
    negatives = set(rec["negatives"])
    for s in rec["with"]:
        tally.with_total += 1
        tally.negatives_total += s in negatives
        if norm_ws(s) not in out:
            tally.lost.append((s, removal_reason(result, source, s)))
            tally.negatives_lost += s in negatives


def lookup_hits(rec: dict[str, Any]) -> int:
    """Inserted noise snippets containing a phrase of newsclean's own lists for the language."""
    from newsclean import lexicon
    if rec["dataset"] not in lexicon.available_phrase_languages():
        return 0
    phrases = [p for kind in lexicon.PHRASE_KINDS if kind != "months"
               for p in lexicon.phrases(rec["dataset"], kind)]
    snippets = [lexicon.normalize(s) for ss in rec["noise"].values() for s in ss]
    return sum(any(p in s for p in phrases) for s in snippets)


def print_language(lang: str, t: Tally, examples: int, lookup: bool) -> None:
    noise = sum(t.inserted.values())
    leaked = sum(t.leaked.values())
    kept = t.negatives_total - t.negatives_lost
    neg = f"{kept}/{t.negatives_total}" if t.negatives_total else "none"
    print(f"\n== {lang}: noise leaked {leaked}/{noise}, body sentences lost "
          f"{len(t.lost)}/{t.with_total}, negatives kept {neg}"
          + (f", noise snippets a newsclean phrase covers {t.lookup_hits}/{noise}" if lookup else ""))
    for kind in sorted(t.inserted):
        mark = "  <-- leaks" if t.leaked[kind] else ""
        print(f"   {kind:<18} {t.leaked[kind]:>3}/{t.inserted[kind]:<3}{mark}")
    for kind in sorted(t.leak_examples):
        for s in sorted(set(t.leak_examples[kind]))[:examples]:
            print(f"   leaked  {kind:<18} {s[:110]!r}")
    reasons = Counter(reason for _, reason in t.lost)
    if reasons:
        print("   lost body sentences by removal reason: "
              + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    for s, reason in t.lost[:examples]:
        print(f"   lost    {reason:<30} {s[:100]!r}")


def print_matrix(tallies: dict[str, Tally]) -> None:
    """A Markdown table: leaked/inserted per language (rows) and noise kind (columns)."""
    kinds = sorted({k for t in tallies.values() for k in t.inserted})
    print("| lang | " + " | ".join(kinds) + " | leaked | body lost | negatives kept |")
    print("|---" * (len(kinds) + 4) + "|")
    for lang, t in tallies.items():
        cells = [f"{t.leaked[k]}/{t.inserted[k]}" if t.inserted[k] else "–" for k in kinds]
        kept = t.negatives_total - t.negatives_lost
        print(f"| {lang} | " + " | ".join(cells) + f" | {sum(t.leaked.values())}/"
              f"{sum(t.inserted.values())} | {len(t.lost)}/{t.with_total} | "
              f"{kept}/{t.negatives_total} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cleaner", default="newsclean:clean", help="module:callable")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--lang", action="append", help="only this language (repeatable)")
    ap.add_argument("--examples", type=int, default=5, help="examples shown per kind / language")
    ap.add_argument("--lookup", action="store_true",
                    help="also count snippets that newsclean's phrase lists already contain")
    ap.add_argument("--nfkc", action="store_true",
                    help="compare NFKC-folded text (ignore full-width/ASCII punctuation changes)")
    ap.add_argument("--matrix", action="store_true",
                    help="print only a Markdown table of leaks per language and kind")
    ap.add_argument("--json", type=Path, help="also write the counts as JSON here")
    args = ap.parse_args(argv)
    global FORM
    FORM = "NFKC" if args.nfkc else "NFC"
    cleaner = load_cleaner(args.cleaner)
    tallies: dict[str, Tally] = defaultdict(Tally)
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if args.lang and rec["dataset"] not in args.lang:
                continue
            tally = tallies[rec["dataset"]]
            score_record(rec, cleaner(rec["renderings"]["plain"]), tally)
            if args.lookup:
                tally.lookup_hits += lookup_hits(rec)
    if args.matrix:
        print_matrix(tallies)
    else:
        for lang, tally in tallies.items():
            print_language(lang, tally, args.examples, args.lookup)
    if args.json:
        summary = {lang: {"inserted": dict(t.inserted), "leaked": dict(t.leaked),
                          "with": t.with_total, "lost": len(t.lost),
                          "negatives": t.negatives_total, "negatives_lost": t.negatives_lost,
                          "lookup_hits": t.lookup_hits} for lang, t in tallies.items()}
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
