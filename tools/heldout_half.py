#!/usr/bin/env python3
"""Held-out check of the boilerplate classifier with the real pipeline and the scorer.

Trains the model exactly as ``tools/train_boilerplate.py`` does, on the development pages whose
``crc32(id)`` is even, then runs ``../shared/eval/score.py`` (newsclean's default pipeline with
that model) on the pages whose ``crc32(id)`` is odd, for every text rendering, next to doing
nothing (``identity``)::

    .venv/bin/python tools/heldout_half.py --cache      # reuse the trainer's prepared documents

The shipped model is untouched: the half model is written to a temporary file, named to this
module's :func:`clean` (what the scorer calls) by ``NEWSCLEAN_HALF_MODEL``, and given to the
cleaner as its ``model`` option.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


_pipeline = None


def clean(data):  # type: ignore[no-untyped-def]
    """newsclean.clean with the boilerplate model from ``$NEWSCLEAN_HALF_MODEL`` (for the scorer)."""
    global _pipeline
    if _pipeline is None:
        sys.path.insert(0, str(ROOT / "src"))
        import newsclean
        from newsclean.cleaners.boilerplate import model_from_json

        model = model_from_json(json.loads(Path(os.environ["NEWSCLEAN_HALF_MODEL"]).read_text(encoding="utf-8")))
        _pipeline = newsclean.Pipeline.default().configure("boilerplate", model=model)
    return _pipeline.clean(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", action="store_true", help="reuse the trainer's prepared documents")
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tools"))
    import train_boilerplate as T

    items = T.prepared(1, 2, args.cache)
    docs = [d for d in T.training_documents(items) if T._fold(d["id"], 2) == 0]
    print(f"training on {len(docs)} documents of the even half", file=sys.stderr)
    spec = T.train(docs)
    spec["threshold"] = args.threshold
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp, "half_model.json")
        model.write_text(json.dumps(spec), encoding="utf-8")
        odd = Path(tmp, "odd.jsonl.gz")
        with gzip.open(T.DATA, "rt", encoding="utf-8") as f, gzip.open(odd, "wt", encoding="utf-8") as out:
            for line in f:
                if zlib.crc32(json.loads(line)["id"].encode()) % 2 == 1:
                    out.write(line)
        env = {**os.environ, "NEWSCLEAN_HALF_MODEL": str(model),
               "PYTHONPATH": os.pathsep.join([str(ROOT / "tools"), str(ROOT / "src")])}
        for rendering in T.RENDERINGS:
            for cleaner in ("heldout_half:clean", "identity"):
                out = subprocess.run([sys.executable, str(SCORER), "--cleaner", cleaner, "--data", str(odd),
                                      "--input", rendering], env=env, capture_output=True, text=True, check=True)
                for line in out.stdout.splitlines():
                    if line.strip().startswith("body"):
                        print(f"{rendering:9} {cleaner.split(':')[0]:13} {line.strip()}", flush=True)


if __name__ == "__main__":
    main()
