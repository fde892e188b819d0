#!/usr/bin/env python3
"""Train the boilerplate classifier (``src/newsclean/data/boilerplate_model.json``).

Usage (from the project root; numpy and scikit-learn are needed for training only)::

    PYTHONPATH=src .venv/bin/python tools/train_boilerplate.py            # extract, hold out, train, write
    PYTHONPATH=src .venv/bin/python tools/train_boilerplate.py --every 3  # a third of the pages, quicker

Data: ``/work/shared/devdata/pages.jsonl.gz`` (dragnet, cleaneval-dev, readability), all four text
renderings of each page (plain, layout, markdown, residual). Each page is run through the default
pipeline up to the boilerplate cleaner; every line still kept is one example with the features of
:func:`newsclean.cleaners.boilerplate.document_features`.

Labels: a line is body when at least half of the 4-token shingles (``\\w+`` tokens, as the scorer
counts them) that touch it are in the page's gold text. A line of four tokens or more is judged by
its own shingles; a shorter line by the shingles spanning it and its kept neighbours, so a
sub-heading between two gold paragraphs is body and a menu word is not.

Weights: each line weighs its token count over the page's total, so every page counts about the
same, as in the scorer (which averages precision and recall over pages).

Split: the held-out report trains on two datasets and scores the third (for each of the three),
page by page with the scorer's metric on the kept lines; the shipped model is then trained on all
pages. The decision threshold is chosen on the training pages only.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean.cleaners import default_cleaners
from newsclean.cleaners.boilerplate import FEATURES, STAGE2, document_features, stage2_features
from newsclean.document import Decision, Document
from newsclean.pipeline import Pipeline

DATA = Path("/work/shared/devdata/pages.jsonl.gz")
RENDERINGS = ("plain", "layout", "markdown", "residual")
OUT = ROOT / "src" / "newsclean" / "data" / "boilerplate_model.json"
CACHE = Path("/tmp/boilerplate_train_docs.pkl")
_TOKEN = re.compile(r"\w+")


def _pre_pipeline() -> Pipeline:
    cleaners = []
    for c in default_cleaners():
        if c.name == "boilerplate":
            break
        cleaners.append(c)
    return Pipeline(cleaners, detector=None)


def _shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}


def _labels(seq_tokens: list[list[str]], gold: set[tuple[str, ...]]) -> list[float]:
    out = []
    n = len(seq_tokens)
    for k, toks in enumerate(seq_tokens):
        if not toks:
            out.append(0.0)
            continue
        if len(toks) >= 4:
            sh = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
        else:
            before: list[str] = []
            j = k - 1
            while j >= 0 and len(before) < 3:
                before = seq_tokens[j] + before
                j -= 1
            after: list[str] = []
            j = k + 1
            while j < n and len(after) < 3:
                after = after + seq_tokens[j]
                j += 1
            before, after = before[-3:], after[:3]
            ctx = before + toks + after
            lo, hi = len(before), len(before) + len(toks)
            sh = [tuple(ctx[i:i + 4]) for i in range(len(ctx) - 3) if i < hi and i + 4 > lo]
        out.append(sum(1 for s in sh if s in gold) / len(sh) if sh else 0.0)
    return out


def _prepare(line: str) -> list[tuple[dict, Document]]:
    """One page: each rendering run through the pipeline up to the boilerplate cleaner."""
    page = json.loads(line)
    pre = _pre_pipeline()
    out = []
    for r in RENDERINGS:
        text = (page.get("renderings") or {}).get(r) or ""
        if not text.strip():
            continue
        doc = Document(text)
        pre.run(doc)
        out.append(({"id": page["id"], "dataset": page["dataset"], "rendering": r, "gold": page["gold"]}, doc))
    return out


def prepared(every: int, jobs: int, reuse: bool) -> list[tuple[dict, Document]]:
    """Pre-pipeline documents, cached in CACHE (delete it after changing another cleaner)."""
    if reuse and CACHE.exists():
        try:
            return pickle.loads(CACHE.read_bytes())  # type: ignore[no-any-return]
        except (AttributeError, TypeError, pickle.UnpicklingError) as exc:  # the Unit model changed
            print(f"  cache unusable ({exc}); preparing again", file=sys.stderr)
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        lines = [line for i, line in enumerate(f) if i % every == 0]
    t0 = time.time()
    if jobs > 1:
        from multiprocessing import Pool

        with Pool(jobs) as pool:
            parts = pool.map(_prepare, lines, chunksize=8)
    else:
        parts = [_prepare(line) for line in lines]
    items = [x for part in parts for x in part]
    print(f"  prepared {len(lines)} pages in {time.time() - t0:.0f}s", file=sys.stderr)
    CACHE.write_bytes(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))
    return items


def extract(items: list[tuple[dict, Document]]) -> list[dict]:
    docs = []
    gold_cache: dict[str, set] = {}
    for meta, doc in items:
        seq, rows, lang = document_features(doc)
        if not seq:
            continue
        gold = gold_cache.get(meta["id"])
        if gold is None:
            gold = gold_cache[meta["id"]] = _shingles(_TOKEN.findall(meta["gold"] or ""))
        toks = [_TOKEN.findall(u.visible) for u in seq]
        docs.append({
            **meta, "lang": lang,
            "rows": rows, "words": [u.nwords for u in seq], "texts": [u.visible for u in seq],
            "fixed": [u.decision is Decision.KEEP for u in seq],
            "labels": _labels(toks, gold), "ntok": [len(t) for t in toks],
        })
    return docs


# ---------------------------------------------------------------- scoring (the scorer's metric)
def _ms(text: str) -> Counter:
    toks = _TOKEN.findall(text)
    return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i:i + 4])


def page_prf(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = _ms(gold), _ms(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    tot = tp + fp + fn
    return (tp / tot, fp / tot, fn / tot) if tot else (0.0, 0.0, 0.0)


def f1_of(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    ps = [1.0 if c[1] == c[2] == 0 else c[0] / (c[0] + c[1]) for c in counts if c[0] + c[1] > 0]
    rs = [1.0 if c[1] == c[2] == 0 else c[0] / (c[0] + c[2]) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# ---------------------------------------------------------------- training
def _arrays(docs: list[dict], key: str = "rows"):
    import numpy as np

    X = np.array([r for d in docs for r in d[key]], dtype=float)
    y = np.array([1 if lab >= 0.5 else 0 for d in docs for lab in d["labels"]])
    w = []
    for d in docs:
        tot = sum(d["ntok"]) or 1
        w += [(t + 0.5) / tot for t in d["ntok"]]
    return X, y, np.array(w) * 100.0


def _fit(X, y, w, C: float):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((X - mu) / sd, y, sample_weight=w)
    coef = lr.coef_[0] / sd
    intercept = float(lr.intercept_[0] - (lr.coef_[0] * mu / sd).sum())
    return {"coef": [round(float(c), 6) for c in coef], "intercept": round(intercept, 6)}, np


def _score(model_part: dict, X):
    import numpy as np

    z = X @ np.array(model_part["coef"]) + model_part["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def add_stage2(docs: list[dict], stage1: dict, margin: float) -> None:
    import numpy as np

    for d in docs:
        s1 = _score(stage1, np.array(d["rows"], dtype=float)).tolist()
        d["rows2"] = stage2_features(d["words"], d["rows"], s1, margin)


def train(docs: list[dict], C: float = 1.0, margin: float = 0.5) -> dict:
    X, y, w = _arrays(docs)
    stage1, _ = _fit(X, y, w, C)
    add_stage2(docs, stage1, margin)
    X2, y2, w2 = _arrays(docs, "rows2")
    stage2, _ = _fit(X2, y2, w2, C)
    model = {"version": 1, "features": list(FEATURES), "stage2_features": list(FEATURES + STAGE2),
             "stage1": stage1, "stage2": stage2, "run_margin": margin, "threshold": 0.5}
    model["threshold"] = choose_threshold(docs, model)
    return model


def predict(docs: list[dict], model: dict) -> list[list[float]]:
    import numpy as np

    add_stage2(docs, model["stage1"], model["run_margin"])
    return [_score(model["stage2"], np.array(d["rows2"], dtype=float)).tolist() for d in docs]


def body(d: dict, probs: list[float], t: float) -> str:
    return "\n".join(x for x, p, fixed in zip(d["texts"], probs, d["fixed"]) if fixed or p >= t)


def choose_threshold(docs: list[dict], model: dict) -> float:
    probs = predict(docs, model)
    sample = list(range(0, len(docs), max(1, len(docs) // 1500)))
    best, best_t = -1.0, 0.5
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        f = f1_of([page_prf(docs[i]["gold"], body(docs[i], probs[i], t)) for i in sample])[0]
        if f > best:
            best, best_t = f, t
    return best_t


def evaluate(docs: list[dict], model: dict) -> dict:
    probs = predict(docs, model)
    by: dict[str, list] = {}
    for d, p in zip(docs, probs):
        by.setdefault(d["rendering"], []).append(page_prf(d["gold"], body(d, p, model["threshold"])))
    return {r: f1_of(c) for r, c in sorted(by.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="use every n-th page")
    ap.add_argument("--cache", action="store_true", help=f"reuse the prepared documents in {CACHE}")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-holdout", action="store_true")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--margin", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, help="ship this threshold instead of the one chosen in-sample "
                    "(the in-sample choice sees the lines before the title cleaner, not the scorer's output)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    docs = extract(prepared(args.every, args.jobs, args.cache))
    print(f"{len(docs)} documents, {sum(len(d['rows']) for d in docs)} lines", file=sys.stderr)
    if not args.no_holdout:
        for held in ("dragnet", "cleaneval-dev", "readability"):
            train_docs = [d for d in docs if d["dataset"] != held]
            test_docs = [d for d in docs if d["dataset"] == held]
            model = train(train_docs, args.C, args.margin)
            res = evaluate(test_docs, model)
            print(f"held out {held:14} (threshold {model['threshold']}): " +
                  "  ".join(f"{r} F1 {f:.3f} (P {p:.3f} R {rc:.3f})" for r, (f, p, rc) in res.items()))
    model = train(docs, args.C, args.margin)
    if args.threshold is not None:
        model["threshold"] = args.threshold
    res = evaluate(docs, model)
    print(f"trained on all (threshold {model['threshold']}), in-sample: " +
          "  ".join(f"{r} F1 {f:.3f}" for r, (f, _, _) in res.items()))
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
