"""Quality gate: fail (exit 1) when a score drops below its floor in ``quality-floors.toml``.

    PYTHONPATH=src .venv/bin/python tools/quality_gate.py            # check against the floors
    PYTHONPATH=src .venv/bin/python tools/quality_gate.py --measure  # print figures, check nothing

Runs ``../shared/eval/score.py`` with the project's cleaner (``newsclean:clean``): the seed
documents (every seed must be ``ok``: all must-keep snippets present, all must-remove absent,
body F1 at or above its floor) and, for each input section in the floors file (``plain``,
``layout``, ``markdown``, ``residual``, ``html``), every ``every``-th development page (ALL body
F1, and optionally ALL precision and recall, and per-dataset body F1 at or above their floors),
with a ``heldout`` section each development dataset scored by the pipeline whose block classifier
never saw it (``tools/heldout.py``'s models; a stale model fails the gate), and with a ``noise``
section the multilingual noise benchmark (snippet and body F1 of every language). One line per
figure::

    gate: plain every10 ALL F1 0.712 >= floor 0.700 ok

A scorer that cannot run, or a page that raises, fails the gate too.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: pip install tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FLOORS = ROOT / "quality-floors.toml"


def run_scorer(args: list[str], cleaner: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run the scorer with ``args`` (and ``env``) and return its JSON report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(SCORER), "--cleaner", cleaner, *args, "--json", str(out)]
        proc = subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True, text=True, env=env)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"scorer failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


class Gate:
    """Collects figure-versus-floor checks and prints one line for each."""

    def __init__(self, measure_only: bool) -> None:
        self.measure_only = measure_only
        self.failures = 0

    def check(self, label: str, value: float, floor: float | None) -> None:
        if self.measure_only or floor is None:
            print(f"gate: {label} {value:.3f}" + ("" if floor is None else f" (floor {floor:.3f})"))
            return
        ok = value >= floor
        self.failures += not ok
        print(f"gate: {label} {value:.3f} {'>=' if ok else '<'} floor {floor:.3f} {'ok' if ok else 'FAIL'}")

    def fail(self, label: str, why: str) -> None:
        self.failures += 1
        print(f"gate: {label} FAIL {why}")


def check_noise(gate: Gate, spec: dict[str, Any], cleaner: str) -> None:
    """The multilingual noise benchmark (``spec["data"]``, plain input): every language's snippet
    F1 and body F1 at or above ``min_snippet_f1`` and ``min_body_f1``."""
    try:
        report = run_scorer(["--data", str(ROOT / spec["data"]), "--input", "plain"], cleaner)
    except RuntimeError as exc:
        gate.fail("noise", str(exc))
        return
    for error in report.get("errors", [])[:5]:
        gate.fail("noise", f"raised: {error}")
    for kind, key in (("snippets", "min_snippet_f1"), ("body", "min_body_f1")):
        for lang, m in sorted(report[kind].items()):
            gate.check(f"noise {lang} {kind} F1", m["f1"], spec.get(key))


def check_heldout(gate: Gate, spec: dict[str, Any], measure: bool) -> None:
    """Held out (``[heldout]``): each development dataset's pages (every ``spec["every"][dataset]``-th)
    cleaned by the default pipeline whose block classifier never saw that dataset
    (``tools/heldout.py``'s models, which must be fresh), for each rendering with a table of
    per-dataset floors (``[heldout.<rendering>]``)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import heldout

    models = ROOT / spec.get("models", "benchmarks/data/heldout")
    renderings = [r for r in heldout.RENDERINGS if r in spec]
    with tempfile.TemporaryDirectory() as tmp:
        for held in heldout.DATASETS:
            model = heldout.model_file(models, held)
            why = heldout.stale(model)
            if why:
                gate.fail(f"heldout {held}", f"{why}; retrain them: {heldout.RETRAIN}")
                continue
            data = Path(tmp, f"{held}.jsonl.gz")
            heldout.held_pages(held, data, int(spec.get("every", {}).get(held, 1)))
            env = {**os.environ, "NEWSCLEAN_HELDOUT_MODEL": str(model),
                   "PYTHONPATH": os.pathsep.join([str(ROOT / "tools"), str(ROOT / "src")])}
            for rendering in renderings:
                label = f"heldout {rendering} {held}"
                try:
                    report = run_scorer(["--data", str(data), "--input", rendering], "heldout:clean", env)
                except RuntimeError as exc:
                    gate.fail(label, str(exc))
                    continue
                for error in report.get("errors", [])[:5]:
                    gate.fail(label, f"raised: {error}")
                body = report["body"]["ALL"]
                gate.check(f"{label} F1", body["f1"], spec[rendering].get(held))
                if measure:
                    print(f"gate: {label} P {body['precision']:.4f} R {body['recall']:.4f} (n={body['pages']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--floors", type=Path, default=FLOORS)
    ap.add_argument("--cleaner", default="newsclean:clean")
    ap.add_argument("--measure", action="store_true", help="print the figures without checking floors")
    args = ap.parse_args(argv)
    floors = tomllib.loads(args.floors.read_text(encoding="utf-8"))
    gate = Gate(args.measure)

    seeds_floor = floors.get("seeds", {})
    try:
        report = run_scorer(["--seeds"], args.cleaner)
    except RuntimeError as exc:
        gate.fail("seeds", str(exc))
    else:
        for error in report.get("errors", []):
            gate.fail("seeds", f"raised: {error}")
        for name, row in report["seeds"].items():
            status = not row["missing"] and not row["leaked"]
            if not status and not args.measure:
                gate.fail(f"seeds {name}", f"missing {row['missing']} leaked {row['leaked']}")
            gate.check(f"seeds {name} F1", row["f1"], seeds_floor.get("min_f1"))

    for section in ("plain", "layout", "markdown", "residual", "html"):
        spec = floors.get(section)
        if not spec:
            continue
        every = int(spec.get("every", 10))
        label = f"{section} every{every}"
        try:
            report = run_scorer(["--input", section, "--every", str(every)], args.cleaner)
        except RuntimeError as exc:
            gate.fail(label, str(exc))
            continue
        for error in report.get("errors", [])[:5]:
            gate.fail(label, f"raised: {error}")
        body = report["body"]
        gate.check(f"{label} ALL F1", body["ALL"]["f1"], spec.get("all_f1"))
        for metric, key in (("precision", "all_precision"), ("recall", "all_recall")):
            if key in spec:
                gate.check(f"{label} ALL {metric}", body["ALL"][metric], spec[key])
        for dataset, floor in sorted(spec.get("datasets", {}).items()):
            if dataset not in body:
                gate.fail(f"{label} {dataset}", "no pages scored")
                continue
            gate.check(f"{label} {dataset} F1", body[dataset]["f1"], floor)
        if args.measure:
            for dataset, m in sorted(body.items()):
                print(f"gate: {label} {dataset} F1 {m['f1']:.4f} (n={m['pages']})")
    if "heldout" in floors:
        check_heldout(gate, floors["heldout"], args.measure)
    if "noise" in floors:
        check_noise(gate, floors["noise"], args.cleaner)
    if gate.failures:
        print(f"gate: FAILED ({gate.failures} figure(s) below floor or broken)")
        return 1
    print("gate: passed" if not args.measure else "gate: measured (nothing checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
