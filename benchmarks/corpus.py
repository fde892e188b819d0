"""Benchmark of newsclean.corpus: flat memory in the corpus size, and the WARC readers compared.

    python benchmarks/corpus.py memory                 # 1,500 vs 15,000 records, read + write
    python benchmarks/corpus.py memory --clean -j 2    # the same, cleaning every record
    python benchmarks/corpus.py memory --cli -j 2      # the same through the command, to Parquet
    python benchmarks/corpus.py warc                   # warcio vs fastwarc on the dev pages

``memory`` writes the first ``--small`` development pages (``shared/devdata/pages.jsonl.gz``)
as a JSONL.gz of ``{"id", "html"}`` records, once and cycled to ``--large`` records (ids made
unique: both corpora hold the same pages, so the ratio is that of the corpus size, not of which
pages are in it; the dev set's largest pages are among its last 52), then
for each runs a fresh process that streams it through :func:`newsclean.corpus.read_records`
(and :func:`~newsclean.corpus.clean_records` with ``--clean``) into
:func:`~newsclean.corpus.open_writer` (``--out parquet`` or ``jsonl``), and prints that
process's peak RSS (``VmHWM``; with ``-j 2`` the largest worker's ``ru_maxrss`` too). Target:
the large run within 1.2x of the small one. Without ``--clean`` each record's "result" is its
own text, so the figure is that of reading and writing alone. With ``--cli`` each corpus goes
through the real command instead (``python -m newsclean CORPUS --text-key html -o OUT.parquet -j N``),
measured as ``benchmarks/cli.py`` measures a run: the peak of the sampled RSS of the command's
process tree, and the largest single process (``ru_maxrss``).

``warc`` writes the dev pages as a gzipped WARC of response records with warcio, checks that
every body read back is the page's HTML, times reading the file (best of three) with warcio and,
when it is installed, fastwarc, and prints each reader's installed size with its dependencies.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
if not PAGES.exists():
    PAGES = Path("/work/shared/devdata/pages.jsonl.gz")


def dev_pages(path: Path) -> Iterator[tuple[str, str, str | None]]:
    """(id, html, url) of each development page."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            if page.get("html"):
                yield page["id"], page["html"], page.get("url")


def write_corpus(path: Path, n: int, pool: int) -> None:
    """``n`` records ``{"id", "html"}`` cycled from the first ``pool`` dev pages, as JSONL.gz."""
    pages = [(pid, html) for pid, html, _ in dev_pages(PAGES)][:pool]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
        for i in range(n):
            pid, html = pages[i % len(pages)]
            f.write(json.dumps({"id": f"{pid}#{i // len(pages)}", "html": html}) + "\n")


def run_one(src: str, dest: str, clean: bool, jobs: int) -> None:
    """Stream ``src`` into ``dest`` in this process; print records, seconds and peak RSS (KiB)."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsclean import Result, default_pipeline
    from newsclean.corpus import clean_records, open_writer, read_records

    started = time.perf_counter()
    records = read_records(src, text_key="html")
    if clean:
        pairs = clean_records(records, default_pipeline(), jobs=jobs)
    else:
        pairs = ((r, Result(source="", text=str(r.text))) for r in records)
    n = 0
    with open_writer(dest) as out:
        for record, result in pairs:
            out.write(record, result)
            n += 1
    print(json.dumps({"records": n, "seconds": round(time.perf_counter() - started, 1),
                      "maxrss_kib": peak_rss_kib(),
                      "children_maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))


def peak_rss_kib() -> int:
    """This process's peak RSS in KiB: ``VmHWM`` (Linux; ``ru_maxrss`` would count the peak of the
    process that forked this one, which execve keeps), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_cli(args: argparse.Namespace) -> None:
    """The command over both corpora: records, seconds, tree and largest-process peak RSS."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from cli import run_cli

    with tempfile.TemporaryDirectory(prefix="newsclean-corpus-") as tmp:
        peaks = {}
        for n in (args.small, args.large):
            src = Path(tmp) / f"pages-{n}.jsonl.gz"
            write_corpus(src, n, pool=args.small)
            dest, stats = Path(tmp) / f"out-{n}.{args.out}", Path(tmp) / f"stats-{n}.json"
            got = run_cli(src, dest, args.jobs, stats, ("--text-key", "html"))
            peaks[n] = got["tree_rss_mb"]
            print(f"{n:>7,} records -> {args.out}: {got['files']:,.0f} records ({got['failed']:.0f} failed) in "
                  f"{got['wall']:.1f} s, tree RSS {got['tree_rss_mb']:.0f} MiB, largest process "
                  f"{got['maxrss_mb']:.0f} MiB", flush=True)
        print(f"tree RSS {args.large:,} / {args.small:,} records: {peaks[args.large] / peaks[args.small]:.2f}x "
              "(target <= 1.20x)")


def memory(args: argparse.Namespace) -> None:
    if args.cli:
        memory_cli(args)
        return
    with tempfile.TemporaryDirectory(prefix="newsclean-corpus-") as tmp:
        peaks = {}
        for n in (args.small, args.large):
            src = Path(tmp) / f"pages-{n}.jsonl.gz"
            write_corpus(src, n, pool=args.small)
            dest = Path(tmp) / f"out-{n}.{args.out}"
            cmd = [sys.executable, __file__, "_run", str(src), str(dest), "-j", str(args.jobs)]
            got = json.loads(subprocess.run(cmd + (["--clean"] if args.clean else []), check=True,
                                            capture_output=True, text=True).stdout)
            peaks[n] = got["maxrss_kib"]
            print(f"{n:>7,} records -> {args.out}: {got['seconds']:>7.1f} s, peak RSS {got['maxrss_kib'] / 1024:.0f} MiB"
                  + (f" (largest worker {got['children_maxrss_kib'] / 1024:.0f} MiB)" if args.clean and args.jobs > 1 else ""),
                  flush=True)
        ratio = peaks[args.large] / peaks[args.small]
        print(f"peak RSS {args.large:,} / {args.small:,} records: {ratio:.2f}x (target <= 1.20x)")


def installed_size(dist: str, seen: set[str] | None = None) -> int:
    """Bytes of ``dist``'s installed files and those of its (non-extra) dependencies."""
    seen = set() if seen is None else seen
    key = dist.lower().replace("_", "-")
    if key in seen:
        return 0
    seen.add(key)
    try:
        found = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return 0
    total = sum(os.path.getsize(f.locate()) for f in found.files or () if os.path.exists(f.locate()))
    for req in found.requires or ():
        if "extra ==" in req:
            continue
        name = re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]
        total += installed_size(name, seen)
    return total


def read_warcio(path: Path) -> list[tuple[str, bytes]]:
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type == "response":
                out.append((rec.rec_headers.get_header("WARC-Target-URI"), rec.content_stream().read()))
    return out


def read_fastwarc(path: Path) -> list[tuple[str, bytes]]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    out = []
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            out.append((rec.headers.get("WARC-Target-URI"), rec.reader.read()))
    return out


def warc(args: argparse.Namespace) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with tempfile.TemporaryDirectory(prefix="newsclean-warc-") as tmp:
        path = Path(tmp) / "pages.warc.gz"
        pages = {}
        with open(path, "wb") as f:
            writer = WARCWriter(f, gzip=True)
            for pid, html, url in dev_pages(PAGES):
                uri = url or f"https://example.org/{pid}"
                uri = uri if uri not in pages else f"{uri}#{pid}"  # one record per page, ids unique
                pages[uri] = html.encode("utf-8")
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(pages[uri]),
                                                              http_headers=headers))
        print(f"WARC of {len(pages):,} dev pages: {path.stat().st_size / 2**20:.1f} MiB gzipped")
        if args.cli:
            same_bodies(path, pages, Path(tmp), args.jobs)
            return
        sys.path.insert(0, str(ROOT / "src"))
        from newsclean.corpus import read_records

        same = sum(pages.get(r.id) == r.text for r in read_records(path))
        print(f"newsclean.corpus.read_records: {same:,} of {len(pages):,} bodies identical to the pages' HTML")
        for name, reader, dist in (("warcio", read_warcio, "warcio"), ("fastwarc", read_fastwarc, "fastwarc")):
            try:
                best = min(_timed(reader, path) for _ in range(3))
            except ImportError:
                print(f"{name}: not installed")
                continue
            print(f"{name:<9} {best:6.2f} s to read ({len(pages) / best:,.0f} records/s); installed with its "
                  f"dependencies: {installed_size(dist) / 2**20:.1f} MiB")


def same_bodies(warc_path: Path, pages: dict[str, bytes], tmp: Path, jobs: int) -> None:
    """The command over the WARC and over the same pages as HTML files: the bodies compared."""
    html_dir = tmp / "html"
    html_dir.mkdir()
    file_of = {}
    for k, (uri, body) in enumerate(pages.items()):
        (html_dir / f"{k:05d}.html").write_bytes(body)
        file_of[uri] = f"{k:05d}.html"  # the id of a file named directly in the walk: its name
    bodies = []
    for src in (warc_path, html_dir):
        out = tmp / f"{src.name}.jsonl"
        cmd = [sys.executable, "-m", "newsclean", str(src), "-o", str(out), "--format", "jsonl", "-q", "-j", str(jobs)]
        started = time.perf_counter()
        subprocess.run(cmd, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        with open(out, encoding="utf-8") as f:
            bodies.append({r["id"]: r["text"] for r in map(json.loads, f)})
        print(f"{src.name}: {len(bodies[-1]):,} bodies in {time.perf_counter() - started:.0f} s", flush=True)
    from_warc, from_files = bodies
    same = sum(1 for uri, rel in file_of.items() if uri in from_warc and from_warc[uri] == from_files.get(rel))
    print(f"bodies identical from the WARC and from the HTML files: {same:,} of {len(file_of):,}")
    for uri, rel in list(file_of.items())[:2000]:
        if from_warc.get(uri) != from_files.get(rel):
            print(f"  differs: {uri} ({rel})")
            break


def _timed(reader, path: Path) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    got = reader(path)
    assert len(got) > 0
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    mem = sub.add_parser("memory", help="peak RSS for a small and a large corpus")
    mem.add_argument("--small", type=int, default=1500)
    mem.add_argument("--large", type=int, default=15000)
    mem.add_argument("--clean", action="store_true", help="clean every record (slow); else read + write only")
    mem.add_argument("--cli", action="store_true", help="through the newsclean command (cleans every record)")
    mem.add_argument("-j", "--jobs", type=int, default=1)
    mem.add_argument("--out", choices=["parquet", "jsonl"], default="parquet")
    war = sub.add_parser("warc", help="warcio vs fastwarc on a WARC of the dev pages")
    war.add_argument("--cli", action="store_true",
                     help="instead: the command over the WARC and over the same pages as HTML files, bodies compared")
    war.add_argument("-j", "--jobs", type=int, default=2)
    run = sub.add_parser("_run")
    run.add_argument("src")
    run.add_argument("dest")
    run.add_argument("--clean", action="store_true")
    run.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args()
    if args.mode == "_run":
        run_one(args.src, args.dest, args.clean, args.jobs)
    elif args.mode == "memory":
        memory(args)
    else:
        warc(args)


if __name__ == "__main__":
    main()
