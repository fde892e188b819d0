"""Benchmark of the ``newsclean`` command: throughput with 1 and 2 workers, and flat memory.

    python benchmarks/cli.py                      # 2,000 files for speed, 2,000 vs 20,000 for memory
    python benchmarks/cli.py --files 500 --many 5000 --small-chars 800

What it does:

1. Writes ``--files`` text files (default 2,000) made from the plain renderings of the dev pages
   (``shared/devdata/pages.jsonl.gz``, cycled; 250 files per sub-directory) into a temp dir.
2. Runs the real command (``python -m newsclean DIR -o OUT -q --stats``) with ``-j 1`` and
   ``-j 2`` over the same files and prints files/s for each (wall clock of the whole command,
   start-up included, and the command's own ``--stats`` figure) and the ratio, with the CPU
   time of the whole process tree (``os.wait4``): CPU / wall shows how many cores the run
   really got, which on a shared machine says whether a low ratio is the machine's or ours.
3. Writes ``--files`` and ``--many`` (default 20,000) *small* files (the first
   ``--small-chars`` characters of each rendering) and runs ``-j 2`` over each, measuring
   peak memory two ways:

   * ``maxrss``: ``os.wait4`` on the command returns its rusage; on Linux its ``ru_maxrss``
     is the largest peak RSS of any single process of the tree (the parent or a worker);
   * ``tree RSS``: psutil samples the RSS of the command and all its children every 50 ms;
     it prints the highest sum, and the peak of the command process itself (the walk, the
     queue and the statistics live there) and of the largest worker (RSS counts pages
     shared after fork once per process, so the sum overstates real use, equally for both).

Targets: ``-j 2`` at least 1.6x ``-j 1`` on 2 cores; peak memory at 20,000 files within
1.2x of 2,000. On a shared machine the ratios are noisy: the load average is printed too.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
if not PAGES.exists():
    PAGES = Path("/work/shared/devdata/pages.jsonl.gz")


def load_texts(path: Path) -> list[str]:
    """The non-empty plain renderings of the dev pages."""
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["renderings"]["plain"]
            if text.strip():
                texts.append(text)
    return texts


def write_tree(root: Path, texts: list[str], n: int, *, max_chars: int | None = None, per_dir: int = 250) -> int:
    """Write n files cycling through texts; return the bytes written."""
    total = 0
    for i in range(n):
        d = root / f"d{i // per_dir:04d}"
        if i % per_dir == 0:
            d.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)]
        if max_chars is not None:
            text = text[:max_chars]
        data = text.encode("utf-8")
        (d / f"page{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def run_cli(src: Path, out: Path, jobs: int, stats: Path, extra: tuple[str, ...] = ()) -> dict[str, float]:
    """Run the command once (``extra``: more arguments); return wall seconds, files/s, maxrss and
    sampled tree RSS (MB)."""
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "newsclean", str(src), "-o", str(out), "-q", "-j", str(jobs), "--stats", str(stats),
           *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    peaks: dict[int, int] = {}  # pid -> highest RSS seen
    tree_peak = [0]
    done = threading.Event()

    def sample() -> None:
        try:
            parent = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not done.is_set():
            try:
                procs = [parent, *parent.children(recursive=True)]
            except psutil.Error:
                procs = []
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
            tree_peak[0] = max(tree_peak[0], total)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newsclean exited with {proc.returncode}")
    st = json.loads(stats.read_text())
    failed = st["files"]["failed"] + st["files"].get("timed_out", 0)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "files": st["files"]["total"], "failed": failed,
            "files_per_s_wall": st["files"]["total"] / wall, "files_per_s_stats": st["files_per_second"],
            "maxrss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": tree_peak[0] / 2**20,
            "parent_rss_mb": peaks.get(proc.pid, 0) / 2**20,
            "worker_rss_mb": max((v for k, v in peaks.items() if k != proc.pid), default=0) / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="files for the speed runs and the small memory run")
    parser.add_argument("--many", type=int, default=20000, help="files for the large memory run")
    parser.add_argument("--small-chars", type=int, default=1000, help="characters per file of the memory runs")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--tmp", default=None, help="where to make the temporary tree")
    args = parser.parse_args()

    texts = load_texts(PAGES)
    print(f"{len(texts)} plain renderings from {PAGES.name}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        base = Path(tmp)
        if not args.skip_speed:
            src = base / "speed"
            size = write_tree(src, texts, args.files)
            print(f"speed: {args.files} files, {size / 1e6:.1f} MB", flush=True)
            results = {}
            for jobs in (1, 2):
                r = run_cli(src, base / f"out{jobs}", jobs, base / f"stats{jobs}.json")
                results[jobs] = r
                print(f"  -j {jobs}: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU (all processes; "
                      f"{r['cpu'] / r['wall']:.2f} cores busy on average), {r['files_per_s_wall']:.1f} files/s "
                      f"(command's own figure {r['files_per_s_stats']:.1f} files/s), failed {r['failed']}, "
                      f"load average now {os.getloadavg()[0]:.1f}", flush=True)
            ratio = results[2]["files_per_s_wall"] / results[1]["files_per_s_wall"]
            print(f"  ratio -j 2 / -j 1: {ratio:.2f}x (target >= 1.6x on 2 idle cores)", flush=True)
            shutil.rmtree(src)
        if not args.skip_memory:
            peaks = {}
            for n in (args.files, args.many):
                src = base / f"mem{n}"
                size = write_tree(src, texts, n, max_chars=args.small_chars)
                r = run_cli(src, base / f"memout{n}", 2, base / f"memstats{n}.json")
                peaks[n] = r
                print(f"memory: {n} files of <= {args.small_chars} chars ({size / 1e6:.1f} MB), -j 2: "
                      f"{r['wall']:.1f} s, {r['files_per_s_wall']:.1f} files/s; peak maxrss {r['maxrss_mb']:.1f} MB, "
                      f"peak tree RSS {r['tree_rss_mb']:.1f} MB (command process {r['parent_rss_mb']:.1f} MB, "
                      f"largest worker {r['worker_rss_mb']:.1f} MB)", flush=True)
                shutil.rmtree(src)
                shutil.rmtree(base / f"memout{n}")
            a, b = peaks[args.files], peaks[args.many]
            print(f"  memory ratio {args.many} / {args.files} files: maxrss {b['maxrss_mb'] / a['maxrss_mb']:.2f}x, "
                  f"tree RSS {b['tree_rss_mb'] / a['tree_rss_mb']:.2f}x, command process "
                  f"{b['parent_rss_mb'] / a['parent_rss_mb']:.2f}x, largest worker "
                  f"{b['worker_rss_mb'] / a['worker_rss_mb']:.2f}x (target <= 1.2x)", flush=True)


if __name__ == "__main__":
    main()
