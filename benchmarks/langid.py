"""Benchmark newsclean's language detectors on ../shared/langid/sentences (75 languages x 400).

Usage (from the repository root)::

    .venv/bin/python benchmarks/langid.py              # full run, about 2 minutes on 2 cores
    .venv/bin/python benchmarks/langid.py --limit 50   # quick run: 50 sentences per language

Prints, for ``LangdetectDetector`` and ``FastDetector`` in the same run: accuracy over the
languages langdetect supports, accuracy over all 75, the "und" rate, sentences per second
(single process, models loaded before timing), the worst languages, and how Serbian
(Cyrillic, and the same sentences transliterated to Latin), Bosnian and Macedonian come out.

A guess counts as right when it equals the file's code; langdetect's single Norwegian code
"no" counts as right for both "nb" and "nn".
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean.language import (  # noqa: E402
    FastDetector,
    LangdetectDetector,
    LanguageDetector,
    _to_serbian_cyrillic,
)

DEFAULT_DATA = ROOT.parent / "shared" / "langid" / "sentences"

#: Dataset codes that langdetect 1.0.9 has a profile for ("nb"/"nn" through its "no").
LANGDETECT_SUPPORTED = frozenset(
    "af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml mr "
    "nb ne nl nn pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh".split()
)

#: Accepted answers per true label, beyond the label itself.
EQUIVALENT = {"nb": {"no"}, "nn": {"no"}}


def _to_serbian_latin(text: str) -> str:
    """Serbian Cyrillic -> Gaj's Latin (inverse of the library's mapping)."""
    from newsclean.language import SERBIAN_LATIN_DIGRAPHS, SERBIAN_LATIN_LETTERS

    back = {v: k for k, v in SERBIAN_LATIN_LETTERS.items()}
    back.update({v: k for k, v in SERBIAN_LATIN_DIGRAPHS.items() if k[1:].islower()})
    return "".join(back.get(c, c) for c in text)


def load(data: Path, limit: int | None) -> dict[str, list[str]]:
    """Sentences per true label, at most ``limit`` each (the first ones: deterministic)."""
    out = {}
    for path in sorted(data.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        out[path.stem] = lines[:limit] if limit else lines
    return out


def run(detector: LanguageDetector, corpus: dict[str, list[str]]) -> tuple[dict[str, Counter[str]], float]:
    """Guesses per label, and the time spent in ``detect``."""
    results: dict[str, Counter[str]] = {}
    start = time.perf_counter()
    for label, sentences in corpus.items():
        results[label] = Counter(detector.detect(s).lang for s in sentences)
    return results, time.perf_counter() - start


def right(label: str, guesses: Counter[str]) -> int:
    ok = {label} | EQUIVALENT.get(label, set())
    return sum(n for lang, n in guesses.items() if lang in ok)


def summary(name: str, results: dict[str, Counter[str]], seconds: float, worst: int) -> dict[str, float]:
    total = sum(sum(c.values()) for c in results.values())
    sup = {k: v for k, v in results.items() if k in LANGDETECT_SUPPORTED}
    n_sup = sum(sum(c.values()) for c in sup.values())
    acc_sup = sum(right(k, v) for k, v in sup.items()) / n_sup
    acc_all = sum(right(k, v) for k, v in results.items()) / total
    und = sum(c["und"] for c in results.values()) / total
    rate = total / seconds
    print(f"\n== {name}")
    print(f"  accuracy, {len(sup)} langdetect languages: {acc_sup:.4f}  ({n_sup} sentences)")
    print(f"  accuracy, all {len(results)} languages:      {acc_all:.4f}  ({total} sentences)")
    print(f"  und rate:                          {und:.4f}")
    print(f"  speed:                             {rate:,.0f} sentences/s ({seconds:.1f} s)")
    print(f"  worst langdetect-supported languages (accuracy, top wrong answers):")
    ranked = sorted(sup, key=lambda k: (right(k, sup[k]) / sum(sup[k].values()), k))
    for label in ranked[:worst]:
        c = sup[label]
        wrong = [(lang, n) for lang, n in c.most_common() if lang != label and lang not in EQUIVALENT.get(label, ())]
        print(f"    {label:3s} {right(label, c) / sum(c.values()):.3f}  "
              + " ".join(f"{lang}:{n}" for lang, n in wrong[:4]))
    return {"sup": acc_sup, "all": acc_all, "und": und, "rate": rate}


def serbo(detectors: list[LanguageDetector], corpus: dict[str, list[str]]) -> None:
    print("\n== Serbian / Bosnian / Macedonian (answer counts)")
    sets = {
        "sr (Cyrillic)": corpus.get("sr", []),
        "sr (Latin, transliterated)": [_to_serbian_latin(s) for s in corpus.get("sr", [])],
        "bs": corpus.get("bs", []),
        "hr": corpus.get("hr", []),
        "mk": corpus.get("mk", []),
    }
    for title, sentences in sets.items():
        for det in detectors:
            c = Counter(det.detect(s).lang for s in sentences)
            print(f"  {title:28s} {det.name:10s} " + " ".join(f"{k}:{n}" for k, n in c.most_common(6)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of <code>.txt files")
    parser.add_argument("--limit", type=int, default=None, help="sentences per language (default: all)")
    parser.add_argument("--worst", type=int, default=8, help="rows in the worst-languages table")
    parser.add_argument("--only", choices=["fast", "langdetect"], help="run one detector only")
    args = parser.parse_args(argv)

    corpus = load(args.data, args.limit)
    if not corpus:
        print(f"no sentences under {args.data}", file=sys.stderr)
        return 2
    print(f"{sum(map(len, corpus.values()))} sentences, {len(corpus)} languages from {args.data}")
    print("langdetect-supported: " + " ".join(sorted(LANGDETECT_SUPPORTED & corpus.keys())))

    detectors: list[LanguageDetector] = []
    if args.only != "fast":
        detectors.append(LangdetectDetector())
    if args.only != "langdetect":
        detectors.append(FastDetector())
    figures = {}
    for det in detectors:
        det.detect("Warm up the models before timing, please.")  # lazy loading out of the timing
        if isinstance(det, FastDetector):
            det.warm_up()
        results, seconds = run(det, corpus)
        figures[det.name] = summary(det.name, results, seconds, args.worst)
    serbo(detectors, corpus)
    if len(figures) == 2:
        f, l = figures["fast"], figures["langdetect"]
        print(f"\n== fast vs langdetect: accuracy (supported) {f['sup']:.4f} vs {l['sup']:.4f}; "
              f"speed x{f['rate'] / l['rate']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
