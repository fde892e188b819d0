"""Benchmark newsclean's language detectors on ../shared/langid/sentences (75 languages x 400).

Usage (from the repository root)::

    .venv/bin/python benchmarks/langid.py              # full run, about 2 minutes on 2 cores
    .venv/bin/python benchmarks/langid.py --limit 50   # quick run: 50 sentences per language

Prints, for ``LangdetectDetector`` and ``FastDetector`` in the same run: accuracy over the
languages langdetect supports, accuracy over all 75, the "und" rate, sentences per second
(per core: CPU time of the worker processes, models loaded before timing), the worst languages, and how Serbian
(Cyrillic, and the same sentences transliterated to Latin), Bosnian and Macedonian come out.

A guess counts as right when it equals the file's code; langdetect's single Norwegian code
"no" counts as right for both "nb" and "nn".
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean.language import (  # noqa: E402 (after the src path is set)
    FastDetector,
    LangdetectDetector,
    LanguageDetector,
)

DEFAULT_DATA = ROOT.parent / "shared" / "langid" / "sentences"

#: Dataset codes that langdetect 1.0.9 has a profile for ("nb"/"nn" through its "no").
LANGDETECT_SUPPORTED = frozenset({
    "af", "ar", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
    "gu", "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "nb",
    "ne", "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te",
    "th", "tl", "tr", "uk", "ur", "vi", "zh",
})

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
        lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
        out[path.stem] = lines[:limit] if limit else lines
    return out


def _make(name: str) -> LanguageDetector:
    det: LanguageDetector = FastDetector() if name == "fast" else LangdetectDetector()
    det.detect("Warm up the models before timing, please.")  # lazy loading out of the timing
    if isinstance(det, FastDetector):
        det.warm_up()
    return det


def _run_part(job: tuple[str, dict[str, list[str]]]) -> tuple[dict[str, Counter[str]], float]:
    """Guesses per label for one share of the corpus, and the CPU time spent in ``detect``."""
    name, corpus = job
    detector = _make(name)
    results: dict[str, Counter[str]] = {}
    start = time.process_time()
    for label, sentences in corpus.items():
        results[label] = Counter(detector.detect(s).lang for s in sentences)
    return results, time.process_time() - start


def run(name: str, corpus: dict[str, list[str]], jobs: int) -> tuple[dict[str, Counter[str]], float]:
    """Guesses per label, and CPU seconds in ``detect`` summed over ``jobs`` processes.

    CPU time, not wall time, so the speed figure is per core and not skewed by other load.
    """
    if jobs <= 1:
        return _run_part((name, corpus))
    shares = [{k: v[i::jobs] for k, v in corpus.items()} for i in range(jobs)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        parts = list(pool.map(_run_part, [(name, share) for share in shares]))
    results: dict[str, Counter[str]] = {k: Counter() for k in corpus}
    for part, _ in parts:
        for k, c in part.items():
            results[k].update(c)
    return results, sum(sec for _, sec in parts)


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
    print(f"  speed:                             {rate:,.0f} sentences/s per core ({seconds:.1f} CPU s)")
    print("  worst langdetect-supported languages (accuracy, top wrong answers):")
    ranked = sorted(sup, key=lambda k: (right(k, sup[k]) / sum(sup[k].values()), k))
    for label in ranked[:worst]:
        c = sup[label]
        wrong = [(lang, n) for lang, n in c.most_common() if lang != label and lang not in EQUIVALENT.get(label, ())]
        print(f"    {label:3s} {right(label, c) / sum(c.values()):.3f}  "
              + " ".join(f"{lang}:{n}" for lang, n in wrong[:4]))
    return {"sup": acc_sup, "all": acc_all, "und": und, "rate": rate}


def serbo(all_results: dict[str, dict[str, Counter[str]]], corpus: dict[str, list[str]], jobs: int) -> None:
    """How Serbian (Cyrillic, and transliterated to Latin), Bosnian, Croatian and Macedonian come out."""
    print("\n== Serbian / Bosnian / Macedonian (answer counts)")
    latin = {"sr": [_to_serbian_latin(s) for s in corpus.get("sr", [])]}
    for title, label, source in (("sr (Cyrillic)", "sr", None), ("sr (Latin, transliterated)", "sr", latin),
                                 ("bs", "bs", None), ("hr", "hr", None), ("mk", "mk", None)):
        for name, results in all_results.items():
            c = run(name, source, jobs)[0][label] if source else results.get(label, Counter())
            print(f"  {title:28s} {name:10s} " + " ".join(f"{k}:{n}" for k, n in c.most_common(6)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of <code>.txt files")
    parser.add_argument("--limit", type=int, default=None, help="sentences per language (default: all)")
    parser.add_argument("--worst", type=int, default=8, help="rows in the worst-languages table")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--only", choices=["fast", "langdetect"], help="run one detector only")
    args = parser.parse_args(argv)

    corpus = load(args.data, args.limit)
    if not corpus:
        print(f"no sentences under {args.data}", file=sys.stderr)
        return 2
    print(f"{sum(map(len, corpus.values()))} sentences, {len(corpus)} languages from {args.data}")
    print("langdetect-supported: " + " ".join(sorted(LANGDETECT_SUPPORTED & corpus.keys())))

    names = [n for n in ("langdetect", "fast") if args.only in (None, n)]
    figures = {}
    all_results = {}
    for name in names:
        results, seconds = run(name, corpus, args.jobs)
        all_results[name] = results
        figures[name] = summary(name, results, seconds, args.worst)
    serbo(all_results, corpus, args.jobs)
    if len(figures) == 2:
        f, ld = figures["fast"], figures["langdetect"]
        print(f"\n== fast vs langdetect: accuracy (supported) {f['sup']:.4f} vs {ld['sup']:.4f}; "
              f"speed x{f['rate'] / ld['rate']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
