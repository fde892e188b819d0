"""Body quality of newsclean against jusText on the same scraped text, with the shared scorer.

Usage (from the repository root)::

    .venv/bin/python benchmarks/quality.py                     # all pages, four renderings
    .venv/bin/python benchmarks/quality.py --every 5           # a spread-out fifth
    .venv/bin/python benchmarks/quality.py --write-docs        # rewrite "## Quality" in docs/benchmarks.md

For each text rendering of the development pages (``plain``, ``layout``, ``markdown``,
``residual``; see ``../shared/devdata/README.md``) it runs ``../shared/eval/score.py`` three
times: the do-nothing baseline (``identity``), ``newsclean:clean``, and jusText on the same
text (:func:`justext_clean`: every non-blank line HTML-escaped and wrapped in ``<p>...</p>``,
``justext.get_stoplist("English")`` -- the dev pages are English -- and the paragraphs it does
not classify as boilerplate joined by blank lines). Body F1 / precision / recall per dataset
and over all pages are tabulated; with ``--write-docs`` the table replaces the ``## Quality``
section of ``docs/benchmarks.md`` (other sections, such as ``## Speed``, are kept).
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DOCS = ROOT / "docs" / "benchmarks.md"
INPUTS = ("plain", "layout", "markdown", "residual", "html")
CLEANERS = (("identity", "identity"), ("newsclean", "newsclean:clean"), ("jusText", "benchmarks.quality:justext_clean"))
# On the raw HTML the peer is trafilatura's default extraction (what users would otherwise run).
HTML_CLEANERS = (("newsclean", "newsclean:clean"), ("trafilatura", "trafilatura:extract"))
DATASETS = ("ALL", "dragnet", "cleaneval-dev", "readability")

_STOPLIST = None


def justext_clean(text: str) -> str:
    """jusText over plain text: each non-blank line is one ``<p>`` paragraph."""
    global _STOPLIST
    import justext

    if _STOPLIST is None:
        _STOPLIST = justext.get_stoplist("English")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    doc = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(doc.encode("utf-8"), _STOPLIST, encoding="utf-8")
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def run_scorer(cleaner: str, which: str, every: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(SCORER), "--cleaner", cleaner, "--input", which, "--json", str(out)]
        if every > 1:
            cmd += ["--every", str(every)]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def table(results: dict[str, dict[str, dict]], every: int) -> str:
    pages = "all development pages" if every <= 1 else f"every {every}th development page"
    lines = [
        "## Quality",
        "",
        f"Body F1 (P / R) from `../shared/eval/score.py` over {pages}; produced by "
        "`benchmarks/quality.py`. jusText runs on the same text, each line wrapped in `<p>`, with "
        "its English stoplist. `identity` is the text unchanged. On `html`, newsclean gets the raw "
        "HTML and is compared with trafilatura's default `extract()` on the same pages.",
        "",
        "| input | cleaner | " + " | ".join(DATASETS) + " |",
        "|---|---|" + "---|" * len(DATASETS),
    ]
    for which, by_cleaner in results.items():
        for name, report in by_cleaner.items():
            cells = []
            for ds in DATASETS:
                m = report["body"].get(ds)
                cells.append(f"{m['f1']:.3f} ({m['precision']:.2f} / {m['recall']:.2f})" if m else "–")
            lines.append(f"| {which} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Quality\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="score every n-th page only")
    ap.add_argument("--input", action="append", choices=INPUTS,
                    help="renderings (default: all four text renderings and the HTML)")
    ap.add_argument("--write-docs", action="store_true", help="rewrite '## Quality' in docs/benchmarks.md")
    args = ap.parse_args()
    results: dict[str, dict[str, dict]] = {}
    for which in args.input or INPUTS:
        results[which] = {}
        for name, spec in HTML_CLEANERS if which == "html" else CLEANERS:
            report = run_scorer(spec, which, args.every)
            results[which][name] = report
            all_ = report["body"]["ALL"]
            print(f"{which:9} {name:10} F1 {all_['f1']:.3f}  P {all_['precision']:.3f}  R {all_['recall']:.3f}",
                  flush=True)
    section = table(results, args.every)
    print(section)
    if args.write_docs:
        write_docs(section)
        print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
