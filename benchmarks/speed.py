"""Speed of newsclean against jusText and trafilatura, scaling, and language-ID accuracy.

Usage (from the repository root)::

    .venv/bin/python benchmarks/speed.py                       # everything, all 1552 pages
    .venv/bin/python benchmarks/speed.py --every 10            # a spread-out tenth of the pages
    .venv/bin/python benchmarks/speed.py --limit 100 --skip-scaling --lang-limit 50
    .venv/bin/python benchmarks/speed.py --write-docs          # also rewrite "## Speed" in docs/benchmarks.md

What is measured, in one process and one run:

1. **Pages.** Over the development pages (``../shared/devdata/pages.jsonl.gz``), page by page,
   each tool in turn (the order rotates from page to page so no tool always runs first):

   * ``newsclean`` -- ``Pipeline.default().clean_text(plain)``, language detection on;
   * ``jusText`` -- ``justext.justext(doc, justext.get_stoplist("English"))`` where ``doc`` is the
     same plain rendering with every non-blank line HTML-escaped and wrapped in ``<p>...</p>``
     (jusText needs HTML; the wrapping is done before timing, so jusText is timed on its own);
   * ``trafilatura`` -- ``trafilatura.extract(html)`` with its defaults, on the raw HTML.

   newsclean sees each page for the first time in this pass, as a pipeline sees a new page:
   its caches (the language detector's word scores) hold only what earlier pages taught them.
   A second pass over the same pages then times, interleaved the same way, ``newsclean``
   again, ``newsclean.clean`` (the top-level call: HTML sniffing, then the same pipeline) and
   ``newsclean (no lang)`` (``detector=None`` for the paragraphs: what language labelling
   costs). All three see pages already seen in that pass, so they compare with one another,
   not with the first pass (in one pass they would warm each other's caches on each page).

   Times are CPU seconds of this process (``time.process_time``; wall seconds are shown too):
   the machine is shared, and CPU time is what other load disturbs least. pages/s counts pages; MB/s counts the UTF-8 megabytes of each tool's own input (plain text
   for newsclean and jusText, HTML for trafilatura -- HTML pages are ~8x larger). Ratios are
   pages/s over pages/s within this run: the machine is shared, ratios are what compare.
   A cProfile summary of the default pipeline over the same pages follows.
2. **Threads.** Wall time of ``Pipeline.clean_many(texts, threads=N)`` over the same plain
   pages, N = 1 and 2, interleaved, best of two: the compiled core releases the GIL for its
   per-page work, so threads of one process share it.
3. **Scaling.** Time per MB of the default pipeline on 10 KB, 100 KB, 1 MB and 10 MB of real
   page text (plain renderings concatenated; small sizes repeated over different stretches of
   text until ~1 MB in total has been cleaned) and on adversarial shapes.
4. **Language accuracy.** Per-sentence accuracy of ``FastDetector`` (the default) and of
   ``LangdetectDetector`` on ``../shared/langid/sentences/<code>.txt``, on the languages
   langdetect supports (listed in the output), with ``benchmarks/langid.py``'s scoring.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import html as htmllib
import importlib
import io
import json
import os
import platform
import pstats
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import newsclean  # noqa: E402
from newsclean.cleaners.boilerplate.pagelang import load_stoplists  # noqa: E402
from newsclean.language import FastDetector, LangdetectDetector  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
DOCS = ROOT / "docs" / "benchmarks.md"
KB = 1000
MB = 1000 * KB


# ---------------------------------------------------------------------------------- helpers
def nbytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def as_paragraph_html(text: str) -> str:
    """Plain text as HTML for jusText: every non-blank line escaped and wrapped in ``<p>``."""
    body = "".join(f"<p>{htmllib.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{body}</body></html>"


def load_pages(path: Path, every: int, limit: int | None) -> list[dict]:
    pages = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every:
                continue
            rec = json.loads(line)
            pages.append({"id": rec["id"], "plain": rec["renderings"]["plain"] or "", "html": rec["html"] or ""})
            if limit and len(pages) >= limit:
                break
    return pages


@dataclass
class Tool:
    name: str
    run: Callable[[dict], object]
    input_key: str
    seconds: float = 0.0  # CPU seconds of this process
    wall: float = 0.0
    pages: int = 0
    mbytes: float = 0.0
    failures: int = 0

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.mbytes / self.seconds if self.seconds else 0.0


def other_tree(src: Path) -> Tool:
    """newsclean's default pipeline from another source tree (``--against``), as a first-pass peer.

    The tree's ``newsclean`` package is imported under another name (``newsclean_against``), with
    its own caches and models, so both trees run in one process, page by page, under the same load.
    """
    tmp = tempfile.mkdtemp(prefix="newsclean-against-")
    os.symlink(src.resolve() / "newsclean", os.path.join(tmp, "newsclean_against"))
    sys.path.insert(0, tmp)
    pipeline = importlib.import_module("newsclean_against.pipeline").Pipeline.default().warm_up()
    return Tool(f"newsclean ({src})", lambda p: pipeline.clean_text(p["plain"]), "plain")


def make_tools() -> list[Tool]:
    """The tools of the first pass: newsclean's default pipeline and its two peers."""
    import justext
    import trafilatura

    # every model and word list loaded before timing, as the peers' are by the warm-up page; the
    # stoplists the page-language fallback votes with too, which warm_up() leaves to the first
    # page that needs them (one in 388 here: 0.2 s of its time)
    default = newsclean.Pipeline.default().warm_up()
    load_stoplists()
    stoplist = justext.get_stoplist("English")
    return [
        Tool("newsclean", lambda p: default.clean_text(p["plain"]), "plain"),
        Tool("jusText", lambda p: justext.justext(p["justext"], stoplist), "plain"),
        Tool("trafilatura", lambda p: trafilatura.extract(p["html"]), "html"),
    ]


def make_variants() -> list[Tool]:
    """The tools of the second pass: newsclean's default pipeline, the top-level call and the
    pipeline without paragraph language labels."""
    default = newsclean.Pipeline.default()
    nolang = newsclean.Pipeline.default(detector=None)
    tools = [Tool("newsclean", lambda p: default.clean_text(p["plain"]), "plain")]
    try:
        importlib.import_module("newsclean.html")
    except ImportError:
        print("(newsclean.html not importable: newsclean.clean not measured)")
    else:
        tools.append(Tool("newsclean.clean", lambda p: newsclean.clean(p["plain"]), "plain"))
    tools.append(Tool("newsclean (no lang)", lambda p: nolang.clean_text(p["plain"]), "plain"))
    return tools


# ---------------------------------------------------------------------------------- 1. pages
def bench_pages(pages: list[dict], tools: list[Tool]) -> None:
    for p in pages:
        p["justext"] = as_paragraph_html(p["plain"])
        p["plain_mb"] = nbytes(p["plain"]) / MB
        p["html_mb"] = nbytes(p["html"]) / MB
    warm = pages[0]
    for tool in tools:  # lazy loading (models, stoplists, lxml) out of the timing
        tool.run(warm)
    cpu, wall = time.process_time, time.perf_counter
    for i, page in enumerate(pages):
        k = i % len(tools)
        for tool in tools[k:] + tools[:k]:
            w0, t0 = wall(), cpu()
            try:
                tool.run(page)
            except Exception:  # a tool that raises still spent the time
                tool.failures += 1
            tool.seconds += cpu() - t0
            tool.wall += wall() - w0
            tool.pages += 1
            tool.mbytes += page["plain_mb" if tool.input_key == "plain" else "html_mb"]
        if (i + 1) % 200 == 0:
            print(f"  ... {i + 1}/{len(pages)} pages", file=sys.stderr, flush=True)


def _table(tools: list[Tool]) -> list[str]:
    lines = ["| tool | input | pages/s | ms/page | MB/s | CPU s | wall s | failures |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for t in tools:
        lines.append(f"| {t.name} | {t.input_key} | {t.pages_per_s:.1f} | {1000 / t.pages_per_s:.2f} | "
                     f"{t.mb_per_s:.3f} | {t.seconds:.1f} | {t.wall:.1f} | {t.failures} |")
    return lines


def print_pages(pages: list[dict], tools: list[Tool]) -> list[str]:
    plain_mb = sum(p["plain_mb"] for p in pages)
    html_mb = sum(p["html_mb"] for p in pages)
    lines = [f"{len(pages)} pages: {plain_mb:.2f} MB plain text, {html_mb:.2f} MB HTML", "",
             *_table(tools)]
    by = {t.name: t for t in tools}
    nc = by["newsclean"]
    lines.append("")
    for other in ("trafilatura", "jusText"):
        lines.append(f"newsclean / {other}: x{nc.pages_per_s / by[other].pages_per_s:.2f} pages/s")
    for tool in tools:
        if tool.name.startswith("newsclean ("):
            lines.append(f"newsclean / {tool.name}: x{nc.pages_per_s / tool.pages_per_s:.2f} pages/s")
    lines.append(f"a bare Python pass over each page's lines (splitlines, strip, split): "
                 f"{bare_line_pass(pages) * 1000:.3f} ms/page; newsclean: {1000 / nc.pages_per_s:.2f} ms/page")
    return lines


def bare_line_pass(pages: list[dict]) -> float:
    """CPU seconds per page of the least any per-line Python code costs: the page split into
    lines, each line stripped and split into words (best of three passes)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for p in pages:
            for line in p["plain"].splitlines():
                line.strip().split()
        best = min(best, time.process_time() - t0)
    return best / len(pages)


def bench_threads(pages: list[dict], rounds: int = 2) -> list[str]:
    """Wall seconds of ``clean_many(threads=N)`` over the pages for 1 and 2 threads, interleaved,
    best of ``rounds``: how far the compiled core's GIL-free work lets threads scale."""
    pipeline = newsclean.Pipeline.default().warm_up()
    texts = [p["plain"] for p in pages]
    best = {1: float("inf"), 2: float("inf")}
    for _ in range(rounds):
        for threads in best:
            t0 = time.perf_counter()
            for _result in pipeline.clean_many(texts, threads=threads, input_format="text"):
                pass
            best[threads] = min(best[threads], time.perf_counter() - t0)
    lines = ["| threads | pages/s (wall) |", "| ---: | ---: |"]
    lines += [f"| {n} | {len(texts) / sec:.1f} |" for n, sec in best.items()]
    return [*lines, "", f"2 threads / 1 thread: x{best[1] / best[2]:.2f} pages/s "
                        f"({os.cpu_count()} CPUs; best of {rounds} interleaved runs)"]


def print_variants(variants: list[Tool]) -> list[str]:
    lines = ["Second pass, the same pages again (newsclean's caches warm from the first pass):", "",
             *_table(variants), ""]
    by = {t.name: t for t in variants}
    nc = by["newsclean"]
    if "newsclean.clean" in by:
        lines.append(f"newsclean.clean / newsclean: x{by['newsclean.clean'].pages_per_s / nc.pages_per_s:.2f} pages/s")
    nl = by["newsclean (no lang)"]
    lines.append(f"paragraph language labelling's share of newsclean's time: {1 - nl.seconds / nc.seconds:.0%}")
    return lines


def profile(pages: list[dict], top: int) -> str:
    pipeline = newsclean.Pipeline.default()
    prof = cProfile.Profile()
    prof.enable()
    for p in pages:
        pipeline.clean_text(p["plain"])
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    text = out.getvalue()
    return text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text


# ---------------------------------------------------------------------------------- 2. scaling
def time_clean(pipeline: newsclean.Pipeline, texts: list[str]) -> float:
    """Seconds per MB over ``texts`` (best of two passes when the total is small)."""
    total = sum(nbytes(t) for t in texts) / MB
    best = float("inf")
    passes = 2 if total * len(texts) < 3 else 1
    for _ in range(passes):
        t0 = time.process_time()
        for t in texts:
            pipeline.clean_text(t)
        best = min(best, time.process_time() - t0)
    return best / total


def real_chunks(corpus: str, size: int, budget: int) -> list[str]:
    """Stretches of ``size`` characters from different places of ``corpus`` summing ~``budget``."""
    n = max(1, budget // size)
    if size * n > len(corpus):
        n = max(1, len(corpus) // size)
    step = max(size, (len(corpus) - size) // max(1, n))
    out = []
    for k in range(n):
        a = min(k * step, len(corpus) - size)
        a = corpus.rfind("\n", 0, a) + 1 if a else 0  # start at a line
        out.append(corpus[a:a + size])
    return out


def adversarial(corpus: str) -> dict[str, str]:
    url = "https://www.example.com/news/2024/05/some-article-slug-here?id=12345&ref=home "
    return {
        "one 10 MB line": " ".join(corpus.split("\n"))[:10 * MB],
        "200,000 one-char lines": "a\n" * 200_000,
        "1 MB of '#'": "#" * MB,
        "1 MB of 'a '": "a " * (MB // 2),
        "1 MB of URLs": (url * (MB // len(url) + 1))[:MB],
    }


def bench_scaling(pages: list[dict], sizes: list[int], with_adversarial: bool) -> list[str]:
    pipeline = newsclean.Pipeline.default()
    corpus = "\n\n".join(p["plain"] for p in pages)
    while len(corpus) < max(sizes + [10 * MB if with_adversarial else 0]) + MB:
        corpus += "\n\n" + corpus
    lines = ["| input | size | s/MB | vs 100 KB |", "| --- | ---: | ---: | ---: |"]
    per_mb: dict[int, float] = {}
    for size in sizes:
        per_mb[size] = time_clean(pipeline, real_chunks(corpus, size, MB))
        ref = per_mb.get(100 * KB)
        rel = f"x{per_mb[size] / ref:.2f}" if ref else ""
        lines.append(f"| real text | {size // KB:,} KB | {per_mb[size]:.2f} | {rel} |")
        print(f"  scaling {size // KB} KB: {per_mb[size]:.2f} s/MB", file=sys.stderr, flush=True)
    if 10 * MB in per_mb and 100 * KB in per_mb:
        ratio = per_mb[10 * MB] / per_mb[100 * KB]
        lines.append(f"\n10 MB vs 100 KB: x{ratio:.2f} per MB (target <= 1.5): {'ok' if ratio <= 1.5 else 'MISSED'}")
    if with_adversarial:
        ref_size = MB if MB in per_mb else max(per_mb)
        ref = per_mb[ref_size]
        lines += ["", f"| adversarial input | size | s/MB | vs real text ({ref_size // KB:,} KB) |",
                  "| --- | ---: | ---: | ---: |"]
        worst = 0.0
        for name, text in adversarial(corpus).items():
            t = time_clean(pipeline, [text])
            worst = max(worst, t / ref)
            lines.append(f"| {name} | {nbytes(text) / MB:.2f} MB | {t:.2f} | x{t / ref:.2f} |")
            print(f"  adversarial {name}: {t:.2f} s/MB", file=sys.stderr, flush=True)
        lines.append(f"\nworst adversarial shape: x{worst:.2f} of real text per MB (target <= 3): "
                     f"{'ok' if worst <= 3 else 'MISSED'}")
    return lines


# ---------------------------------------------------------------------------------- 3. language
def bench_language(limit: int | None) -> list[str]:
    import langid as lb  # benchmarks/langid.py

    corpus = lb.load(lb.DEFAULT_DATA, limit)
    supported = sorted(lb.LANGDETECT_SUPPORTED & corpus.keys())
    sub = {k: corpus[k] for k in supported}
    n = sum(map(len, sub.values()))
    lines = [f"{n} sentences, {len(sub)} languages langdetect supports ({limit or 'all'} per language): "
             + " ".join(supported), "(nb and nn count as right when answered 'no', langdetect's Norwegian)", "",
             "| detector | accuracy | und rate | sentences/s (CPU) | accuracy, all 75 languages |",
             "| --- | ---: | ---: | ---: | ---: |"]
    acc = {}
    for det in (FastDetector(), LangdetectDetector()):
        det.detect("Warm up the models before timing, please.")  # lazy loading out of the timing
        if isinstance(det, FastDetector):
            det.warm_up()
        t0 = time.process_time()
        results = {k: Counter(det.detect(s).lang for s in v) for k, v in sub.items()}
        seconds = time.process_time() - t0
        right = sum(lb.right(k, v) for k, v in results.items())
        und = sum(c["und"] for c in results.values())
        rest = {k: Counter(det.detect(s).lang for s in v) for k, v in corpus.items() if k not in sub}
        all_right = right + sum(lb.right(k, v) for k, v in rest.items())
        all_n = sum(map(len, corpus.values()))
        acc[det.name] = right / n
        lines.append(f"| {det.name}{' (default)' if det.name == 'fast' else ''} | {right / n:.4f} | {und / n:.4f} | "
                     f"{n / seconds:,.0f} | {all_right / all_n:.4f} |")
    ok = acc["fast"] >= acc["langdetect"]
    lines.append(f"\ndefault (fast) vs langdetect: {acc['fast']:.4f} vs {acc['langdetect']:.4f} "
                 f"({'ok' if ok else 'MISSED'}: target >=)")
    return lines


# ---------------------------------------------------------------------------------- docs
def machine() -> str:
    from importlib.metadata import version


    vers = ", ".join(f"{name} {version(name)}" for name in ("jusText", "trafilatura", "langdetect", "regex", "ftfy", "lxml"))
    return (f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs (shared), "
            f"Python {platform.python_version()}; newsclean {newsclean.__version__}, {vers}")


def write_docs(section: str) -> None:
    DOCS.parent.mkdir(exist_ok=True)
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    lines = old.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip() == "## Speed"), None)
    if start is None:
        new = old.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        new = "\n".join(lines[:start] + section.rstrip("\n").splitlines() + ([""] + lines[end:] if end < len(lines) else [])) + "\n"
    DOCS.write_text(new, encoding="utf-8")
    print(f"wrote the Speed section of {DOCS}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--every", type=int, default=1, help="take every N-th page")
    ap.add_argument("--limit", type=int, default=None, help="at most this many pages")
    ap.add_argument("--top", type=int, default=15, help="functions in the profile summary")
    ap.add_argument("--profile-pages", type=int, default=300, help="pages profiled (spread out)")
    ap.add_argument("--skip-pages", action="store_true")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--skip-threads", action="store_true")
    ap.add_argument("--skip-10mb", action="store_true", help="scaling without the 10 MB input")
    ap.add_argument("--skip-adversarial", action="store_true")
    ap.add_argument("--skip-lang", action="store_true")
    ap.add_argument("--lang-limit", type=int, default=None, help="sentences per language (default: all 400)")
    ap.add_argument("--write-docs", action="store_true", help="rewrite the '## Speed' section of docs/benchmarks.md")
    ap.add_argument("--against", type=Path, metavar="SRC",
                    help="another tree's src/ directory: its default pipeline runs in the first pass too")
    args = ap.parse_args(argv)

    info = machine()
    print(info)
    pages = load_pages(args.pages, args.every, args.limit)
    out: list[str] = ["## Speed", "", f"Machine: {info}.", "",
                      "Command: `.venv/bin/python benchmarks/speed.py "
                      + " ".join(a for a in (argv if argv is not None else sys.argv[1:]) if a != "--write-docs")
                      + "`. Method: see the docstring of `benchmarks/speed.py`.", ""]

    def show(title: str, lines: list[str]) -> None:
        print(f"\n== {title}\n" + "\n".join(lines), flush=True)
        out.extend([f"### {title}", "", *lines, ""])

    if not args.skip_pages:
        tools = make_tools() + ([other_tree(args.against)] if args.against else [])
        t0 = time.perf_counter()
        bench_pages(pages, tools)
        variants = make_variants()
        bench_pages(pages, variants)
        show("Pages (one run, tools interleaved page by page)",
             print_pages(pages, tools) + [""] + print_variants(variants))
        print(f"(pages benchmark took {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        step = max(1, len(pages) // args.profile_pages)
        prof = profile(pages[::step], args.top)
        print(f"\n== Profile of newsclean's default pipeline ({len(pages[::step])} pages), "
              f"top {args.top} by cumulative time\n{prof}")
        out.extend([f"### Profile (top {args.top} by cumulative time, {len(pages[::step])} pages)", "", "```",
                    prof, "```", ""])
    if not args.skip_threads:
        show("Threads (clean_many(threads=N), one process)", bench_threads(pages))
    if not args.skip_scaling:
        sizes = [10 * KB, 100 * KB, MB] + ([] if args.skip_10mb else [10 * MB])
        show("Scaling (default pipeline, time per MB)", bench_scaling(pages, sizes, not args.skip_adversarial))
    if not args.skip_lang:
        show("Language identification (per sentence)", bench_language(args.lang_limit))
    if args.write_docs:
        write_docs("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
