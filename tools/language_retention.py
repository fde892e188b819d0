#!/usr/bin/env python3
"""Do no harm in every language: clean articles made of real sentences, in each of the 75
languages of ``../shared/langid``, cleaned by the default pipeline, keep what share of their word
4-gram shingles (the scorer's unit, ``\\w+`` tokens)?

    PYTHONPATH=src .venv/bin/python tools/language_retention.py [--articles 4] [--html]

Each article is 15 consecutive sentences of one language's file, three to a paragraph, blank lines
between paragraphs: nothing in it is noise, so what the output lacks is harm (or a repair:
an entity decoded, a soft hyphen or mojibake removed, which the pages that fall short are
printed with). Prints the languages whose worst article keeps least, and how many articles keep
at least 99%. ``--html`` sets each article in a page (a ``<nav>`` link, then one ``<p>`` a
paragraph in an ``<article>``) and cleans the page: the HTML path, trafilatura's extraction first.
"""
from __future__ import annotations

import argparse
import html
from pathlib import Path

from gold_retention import MIN_RETENTION, kept_text, retention  # tools/gold_retention.py, beside this script

import newsclean

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT.parent / "shared" / "langid" / "sentences"
SENTENCES_PER_ARTICLE, SENTENCES_PER_PARAGRAPH = 15, 3


def articles(path: Path, count: int) -> list[str]:
    """The first ``count`` articles of the sentences in ``path``."""
    sentences = [s.strip() for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]
    out = []
    for k in range(count):
        chunk = sentences[k * SENTENCES_PER_ARTICLE:(k + 1) * SENTENCES_PER_ARTICLE]
        if len(chunk) < SENTENCES_PER_ARTICLE:
            break
        out.append("\n\n".join(" ".join(chunk[i:i + SENTENCES_PER_PARAGRAPH])
                               for i in range(0, SENTENCES_PER_ARTICLE, SENTENCES_PER_PARAGRAPH)))
    return out


def as_page(article: str) -> str:
    """``article`` set in a minimal news page."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article.split("\n\n"))
    return (f"<html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article>{paragraphs}</article></body></html>")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=4, help="articles per language (default %(default)s)")
    ap.add_argument("--show", type=int, default=12, help="languages shown, worst first")
    ap.add_argument("--html", action="store_true", help="clean each article set in an HTML page")
    args = ap.parse_args()
    rows: list[tuple[float, str, list[float]]] = []
    for path in sorted(SENTENCES.glob("*.txt")):
        shares = [retention(text, kept_text(newsclean.clean(as_page(text)) if args.html
                                            else newsclean.clean(text, input_format="text")))
                  for text in articles(path, args.articles)]
        rows.append((min(shares, default=1.0), path.stem, shares))
    rows.sort()
    for worst, lang, shares in rows[:args.show]:
        print(f"{lang:4s} worst {worst:.3f}  " + " ".join(f"{s:.3f}" for s in shares))
    kept = sum(s >= MIN_RETENTION for _, _, shares in rows for s in shares)
    total = sum(len(shares) for _, _, shares in rows)
    print(f"articles keeping >= {MIN_RETENTION:.0%} of their shingles: {kept} of {total} ({len(rows)} languages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
