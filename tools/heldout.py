#!/usr/bin/env python3
"""Held-out quality: train the block classifier on two development datasets, score the third.

For each of dragnet, cleaneval-dev and readability in turn, the classifier is trained exactly as
``tools/train_boilerplate.py`` trains the shipped model, but on the pages of the other two
datasets only; then ``../shared/eval/score.py`` scores the held-out dataset's pages with newsclean's
real default pipeline (that model loaded), for every rendering (``plain``, ``layout``,
``markdown``, ``residual``, ``html``). Beside each figure, on the same input: doing nothing
(``identity``), the same pipeline ``.without("boilerplate")``, and on ``html`` trafilatura's default
``extract()`` (as ``benchmarks/quality.py`` runs it)::

    .venv/bin/python tools/heldout.py --cache               # reuse the trainer's prepared documents
    .venv/bin/python tools/heldout.py --cache --write-docs  # and write the table into docs/benchmarks.md
    .venv/bin/python tools/heldout.py --every 5 --renderings plain,residual   # a quick look
    .venv/bin/python tools/heldout.py --cache --models build/trial --retrain   # another set, kept elsewhere
    .venv/bin/python tools/heldout.py --cache --models build/s8 --retrain --seed 8   # the same, another seed

Retraining alone moves the figures (``docs/benchmarks.md``, "Retraining moves the held-out figures"):
with another seed, readability's plain, layout and markdown rows moved by 0.02 to 0.03 and
cleaneval-dev's by up to 0.007. A change of the model is compared with a control retrained the same
day, over more than one seed, never with the committed models.

The three held-out models live in ``benchmarks/data/heldout/<dataset>.json.gz`` (CI's quality gate
scores with them, ``tools/quality_gate.py``): a run reuses them, ``--retrain`` trains them again
(about 13 minutes on 2 cores), ``--models DIR`` keeps another set elsewhere. Each records the
digest of what it was trained with (:func:`trainer_digest`: the trainer's code and the shipped
model); a model whose digest is not today's is stale, and the gate fails until it is retrained::

    .venv/bin/python tools/heldout.py --cache --retrain --renderings plain --every 10

Only these figures are quality; the shipped model has seen every development page, so figures of
it on those pages are in-sample. The shipped model is untouched: each held-out model is written to
a temporary file and loaded by this module's :func:`clean` (what the scorer calls) through
``NEWSCLEAN_HELDOUT_MODEL``.
"""
from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
DATASETS = ("dragnet", "cleaneval-dev", "readability")
RENDERINGS = ("plain", "layout", "markdown", "residual", "html")
DOCS = ROOT / "docs" / "benchmarks.md"
MODELS = ROOT / "benchmarks" / "data" / "heldout"
TRAINER = ROOT / "tools" / "train_boilerplate.py"
SHIPPED = ROOT / "src" / "newsclean" / "data" / "boilerplate_model.json"
RETRAIN = "python tools/heldout.py --cache --retrain --renderings plain --every 10"
SECTION = "## Held-out quality"
_BODY = re.compile(r"body\s+ALL\s+F1 (?P<f1>[\d.]+)\s+P (?P<p>[\d.]+)\s+R (?P<r>[\d.]+)\s+\(n=(?P<n>\d+)\)")

_pipelines: dict[bool, Any] = {}


def trainer_digest() -> str:
    """What a held-out model was trained with: the trainer's code (its syntax tree without
    docstrings, so comments and wording do not count) and the shipped model's bytes. When
    either changes, the held-out models no longer say how the shipped model generalises."""
    tree = ast.parse(TRAINER.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            body[0] = ast.Pass()
    digest = hashlib.sha256(ast.dump(tree).encode())
    digest.update(hashlib.sha256(SHIPPED.read_bytes()).digest())
    return digest.hexdigest()[:16]


def model_file(models: Path, held: str) -> Path:
    """Where the model that never saw ``held`` is kept in ``models``."""
    return models / f"{held}.json.gz"


def read_model(path: Path) -> dict[str, Any]:
    """A held-out model's JSON (gzipped)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


def stale(path: Path) -> str | None:
    """Why the held-out model at ``path`` cannot stand for the shipped one, or ``None``."""
    if not path.exists():
        return f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} is missing"
    trained_with, today = read_model(path).get("trained_with"), trainer_digest()
    if trained_with != today:
        return (f"{path.name} was trained with another trainer or beside another shipped model "
                f"({trained_with} != {today})")
    return None


def _pipeline(with_boilerplate: bool) -> Any:
    """The default pipeline with the held-out model (``$NEWSCLEAN_HELDOUT_MODEL``) loaded."""
    if with_boilerplate not in _pipelines:
        sys.path.insert(0, str(ROOT / "src"))
        import newsclean
        from newsclean.cleaners.boilerplate import model_from_json

        pipeline = newsclean.Pipeline.default()
        path = os.environ.get("NEWSCLEAN_HELDOUT_MODEL")
        if path:
            pipeline = pipeline.configure("boilerplate", model=model_from_json(read_model(Path(path))))
        options = json.loads(os.environ.get("NEWSCLEAN_HELDOUT_OPTIONS", "{}"))
        if options:  # trying the cleaner's options held out: --options '{"near_good": 0}'
            pipeline = pipeline.configure("boilerplate", **options)
        _pipelines[with_boilerplate] = pipeline if with_boilerplate else pipeline.without("boilerplate")
    return _pipelines[with_boilerplate]


def clean(data: str | bytes) -> Any:
    """newsclean's default pipeline with the held-out model (what the scorer calls)."""
    return _pipeline(True).clean(data)


def clean_without_boilerplate(data: str | bytes) -> Any:
    """The same pipeline without the block classifier."""
    return _pipeline(False).clean(data)


def _score(cleaner: str, data: Path, rendering: str, env: dict[str, str], every: int) -> dict[str, float]:
    cmd = [sys.executable, str(SCORER), "--cleaner", cleaner, "--data", str(data), "--input", rendering]
    if every > 1:
        cmd += ["--every", str(every)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    m = _BODY.search(out)
    if m is None:
        raise SystemExit(f"no 'body ALL' line from the scorer for {cleaner} on {rendering}:\n{out}")
    return {k: float(v) for k, v in m.groupdict().items()}


def _train(held: str, cache: bool, model: Path, seed: int | None = None) -> None:
    """Train the model that never sees ``held`` and write it to ``model``; ``seed``: the trees'
    random seed instead of the trainer's own (its ``CATBOOST_PARAMS`` and ``PARAMS``)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import train_boilerplate as T

    if seed is not None:
        T.CATBOOST_PARAMS = {**T.CATBOOST_PARAMS, "random_seed": seed}
        T.PARAMS = {**T.PARAMS, "random_state": seed}
    items = T.prepared(1, 2, cache)
    docs = [d for d in T.training_documents(items) if d["dataset"] != held]
    print(f"held out {held}: training on {len(docs)} documents of the other datasets", file=sys.stderr)
    spec = {**T.train(docs), "trained_with": trainer_digest()}
    if seed is not None:
        spec["seed"] = seed
    model.parent.mkdir(parents=True, exist_ok=True)
    with open(model, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:  # same bytes each time
        f.write((json.dumps(spec, separators=(",", ":")) + "\n").encode("utf-8"))


def held_pages(held: str, out: Path, every: int = 1) -> None:
    """Write every ``every``-th development page of dataset ``held`` to ``out`` (the scorer's format)."""
    src = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as f, gzip.open(out, "wt", encoding="utf-8") as w:
        k = 0
        for line in f:
            if json.loads(line)["dataset"] == held:
                if k % every == 0:
                    w.write(line)
                k += 1


def run(datasets: list[str], renderings: list[str], cache: bool, every: int, models: Path = MODELS,
        names: list[str] | None = None, retrain: bool = False, seed: int | None = None) -> list[dict[str, Any]]:
    """Score every (held-out dataset, rendering, cleaner); one row per figure. ``seed``: the
    trees' random seed of the models trained here (``--retrain``, or a model missing)."""
    rows: list[dict[str, Any]] = []
    cleaners = [(name, spec) for name, spec in (("newsclean", "heldout:clean"),
                                                ("without boilerplate", "heldout:clean_without_boilerplate"),
                                                ("identity", "identity"), ("trafilatura", "trafilatura:extract"))
                if names is None or name in names]
    with tempfile.TemporaryDirectory() as tmp:
        for held in datasets:
            model, data = model_file(models, held), Path(tmp, f"{held}.jsonl.gz")
            if retrain or not model.exists():
                _train(held, cache, model, seed)
            elif stale(model):
                print(f"warning: {stale(model)}; retrain with --retrain", file=sys.stderr)
            held_pages(held, data)
            env = {**os.environ, "NEWSCLEAN_HELDOUT_MODEL": str(model),
                   "PYTHONPATH": os.pathsep.join([str(ROOT / "tools"), str(ROOT / "src")])}
            for rendering in renderings:
                for name, cleaner in cleaners:
                    if name == "trafilatura" and rendering != "html":
                        continue
                    fig = _score(cleaner, data, rendering, env, every)
                    rows.append({"held": held, "rendering": rendering, "cleaner": name, **fig})
                    print(f"{held:14} {rendering:9} {name:20} F1 {fig['f1']:.3f}  P {fig['p']:.3f}  "
                          f"R {fig['r']:.3f}  (n={fig['n']:.0f})", flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """Markdown: one line per (held-out dataset, rendering), newsclean's F1 beside its peers'."""
    names = ["newsclean", "without boilerplate", "identity", "trafilatura"]
    lines = ["| held out | rendering | pages | " + " | ".join(names) + " |",
             "| --- | --- | ---: |" + " ---: |" * len(names)]
    keys = sorted({(r["held"], r["rendering"]) for r in rows}, key=lambda k: (DATASETS.index(k[0]),
                                                                               RENDERINGS.index(k[1])))
    for held, rendering in keys:
        figs = {r["cleaner"]: r for r in rows if r["held"] == held and r["rendering"] == rendering}
        n = int(next(iter(figs.values()))["n"])
        cells = [f"{figs[c]['f1']:.3f}" if c in figs else "" for c in names]
        lines.append(f"| {held} | {rendering} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_docs(body: str, command: str) -> None:
    """Put the table ``body`` into the held-out section of docs/benchmarks.md: in place of the
    section's table when it has one (the notes around it, each run's story, stay), else as a new
    section."""
    section = (f"{SECTION}\n\nThe block classifier trained on two development datasets, the third scored "
               f"(body F1 on 4-word shingles, `../shared/eval/score.py`, newsclean's default pipeline). "
               f"These are the only quality figures of newsclean on the development pages: the shipped "
               f"model has seen every one of them.\n\nCommand: `{command}`\n\n{body}\n")
    text = DOCS.read_text(encoding="utf-8")
    start = text.find(SECTION + "\n")
    table = text.find("\n| held out |", start) + 1 if start >= 0 else 0
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    elif table > 0:
        end = table
        while text.startswith("|", end):
            end = text.find("\n", end) + 1 or len(text)
        text = text[:table] + body + "\n" + text[end:]
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
    DOCS.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", action="store_true", help="reuse the trainer's prepared documents")
    ap.add_argument("--datasets", default=",".join(DATASETS))
    ap.add_argument("--renderings", default=",".join(RENDERINGS))
    ap.add_argument("--every", type=int, default=1, help="score every Nth held-out page (training uses all)")
    ap.add_argument("--options", default="{}", help="the boilerplate cleaner's options, as JSON")
    ap.add_argument("--cleaners", default="newsclean,without boilerplate,identity,trafilatura",
                    help="which of newsclean, 'without boilerplate', identity, trafilatura (html only) to score")
    ap.add_argument("--models", type=Path, default=MODELS, help="the folder of held-out models (default %(default)s)")
    ap.add_argument("--retrain", action="store_true", help="train the held-out models again (about 13 minutes)")
    ap.add_argument("--seed", type=int, default=None,
                    help="the trees' random seed when training (default: the trainer's); see the docstring")
    ap.add_argument("--write-docs", action="store_true", help=f"write the table as '{SECTION}' in {DOCS.name}")
    args = ap.parse_args()
    os.environ["NEWSCLEAN_HELDOUT_OPTIONS"] = args.options
    rows = run(args.datasets.split(","), args.renderings.split(","), args.cache, args.every, args.models,
               args.cleaners.split(","), args.retrain, args.seed)
    print(table(rows))
    if args.write_docs:
        write_docs(table(rows), "python tools/heldout.py " + " ".join(a for a in sys.argv[1:] if a not in ("--write-docs", "--retrain")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
