#!/usr/bin/env python3
"""Train the boilerplate classifier (``src/newsclean/data/boilerplate_model.json``).

Usage (from the project root; the ``train`` extra -- numpy, catboost, scikit-learn, lightgbm -- is needed
for training only, the library itself reads the JSON with numpy)::

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python tools/train_boilerplate.py                 # prepare, cross-validate, hold out, train, write
    .venv/bin/python tools/train_boilerplate.py --cache         # reuse the prepared documents
    .venv/bin/python tools/train_boilerplate.py --every 3 --no-holdout --folds 0   # quick

Data: ``../shared/devdata/pages.jsonl.gz`` (dragnet, cleaneval-dev, readability), all four text
renderings of each page (plain, layout, markdown, residual). Each page is run through the default
pipeline up to the boilerplate cleaner; every line still kept is one example with the features of
:func:`newsclean.cleaners.boilerplate.document_features`. The feature names come from the one
table the runtime reads too (``newsclean/cleaners/boilerplate/table.py``: ``FEATURES`` and
``STAGE2``) and are stored in the model, which the library refuses when they differ.

Labels: a line is body when at least half of the 4-token shingles (``\\w+`` tokens, as the scorer
counts them) that touch it are in the page's gold text. A line of four tokens or more is judged by
its own shingles; a shorter line by the shingles spanning it and its kept neighbours, so a
sub-heading between two gold paragraphs is body and a menu word is not.

Weights: each line weighs its token count over the page's total, so every page counts about the
same, as in the scorer (which averages precision and recall over pages); then each dataset's
documents are scaled by ``(mean documents per dataset / the dataset's documents) ** BALANCE``, so
that no dataset dominates (#20: dragnet holds 1,379 of the 1,552 pages, and a model trained on
its share learns dragnet's sites and its gold's habits). ``--balance 0`` weighs every page alike.

Model: two forests of gradient-boosted trees -- CatBoost's oblivious trees by default (400 trees of
depth 7 each; ``--backend lightgbm`` for node trees) -- exported to the plain JSON layout of
:class:`newsclean.forest.Forest`. Stage 1 scores each line from its own and its neighbours'
features; stage 2 adds the stage-1 scores around the line and its place relative to the page's
main run. Stage 2 is trained on *out-of-fold* stage-1 scores (each page scored by a stage-1
model that did not see it), so it learns how far to trust stage 1 on unseen pages.

Split: pages are split by page id (all four renderings of a page fall in the same part).
``--folds K`` reports K-fold cross-validated F1 per rendering and dataset, with the scorer's
metric on the kept lines, and chooses the decision threshold on those out-of-fold scores; the
held-out report trains on two datasets and scores the third (for each of the three). The shipped
model is then trained on all pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsclean.cleaners import default_cleaners  # noqa: E402
from newsclean.cleaners.boilerplate import FEATURES, STAGE2, document_features, stage2_features  # noqa: E402
from newsclean.document import Decision, Document, Unit  # noqa: E402
from newsclean.forest import Forest  # noqa: E402
from newsclean.pipeline import Pipeline  # noqa: E402

DATA = ROOT.parent / "shared" / "devdata" / "pages.jsonl.gz"
RENDERINGS = ("plain", "layout", "markdown", "residual")  # "cropped" documents are trained on, not reported
OUT = ROOT / "src" / "newsclean" / "data" / "boilerplate_model.json"
CACHE = Path("/tmp/boilerplate_train_docs.pkl")
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
_TOKEN = re.compile(r"\w+")

#: LightGBM settings (chosen by 4-fold cross-validation on every 2nd page; see docs/boilerplate.md)
PARAMS: dict[str, Any] = dict(n_estimators=200, num_leaves=31, max_depth=10, learning_rate=0.08,
                              min_child_samples=50, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                              reg_lambda=1.0, verbose=-1, n_jobs=2, random_state=7)
#: CatBoost settings (oblivious trees: the shipped backend, see docs/boilerplate.md)
CATBOOST_PARAMS: dict[str, Any] = dict(iterations=400, depth=7, learning_rate=0.1, l2_leaf_reg=3.0,
                                       verbose=0, thread_count=2, random_seed=7, allow_writing_files=False)
BACKEND = "catboost"
#: how far datasets are evened out (1: each weighs the same in all; 0: each page weighs the same)
BALANCE = 1.0


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
            items: list[tuple[dict, Document]] = pickle.loads(CACHE.read_bytes())
            return [x for x in items if zlib.crc32(x[0]["id"].encode()) % every == 0] if every > 1 else items
        except (AttributeError, TypeError, pickle.UnpicklingError) as exc:  # the Unit model changed
            print(f"  cache unusable ({exc}); preparing again", file=sys.stderr)
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        lines = [line for line in f if every <= 1 or zlib.crc32(json.loads(line)["id"].encode()) % every == 0]
    t0 = time.time()
    if jobs > 1:
        from multiprocessing import Pool

        with Pool(jobs) as pool:
            parts = pool.map(_prepare, lines, chunksize=8)
    else:
        parts = [_prepare(line) for line in lines]
    items = [x for part in parts for x in part]
    print(f"  prepared {len(lines)} pages in {time.time() - t0:.0f}s", file=sys.stderr)
    if every <= 1:
        CACHE.write_bytes(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))
    return items


def _labelled_lines(meta: dict, doc: Document) -> tuple[list[Unit], list[float]]:
    """The lines of a prepared document still kept, and their labels against the page's gold."""
    seq = [u for u in doc.units if u.kept]
    gold = _shingles(_TOKEN.findall(meta["gold"] or ""))
    return seq, _labels([_TOKEN.findall(u.visible) for u in seq], gold)


def cropped(items: list[tuple[dict, Document]]) -> list[tuple[dict, Document]]:
    """Augmentation: each plain rendering cut down to its article, from a few lines before the
    first body line to a few lines after the last (0, 2 or 5 lines each side, by page id), run
    through the pre-pipeline again. Without these, a page's last lines are always footer in
    training, and the trees learn that position alone makes chrome: the tail of an article
    after a mid-article box, or already-extracted text, would go."""
    pre = _pre_pipeline()
    out = []
    for meta, doc in items:
        if meta["rendering"] != "plain":
            continue
        seq, labels = _labelled_lines(meta, doc)
        body_at = [k for k, lab in enumerate(labels) if lab >= 0.5]
        if not body_at:
            continue
        h = zlib.crc32(meta["id"].encode())
        a = max(0, body_at[0] - (0, 2, 5)[h % 3])
        b = min(len(seq) - 1, body_at[-1] + (0, 2, 5)[(h // 3) % 3])
        text = doc.source[seq[a].start:seq[b].end]
        crop = Document(text)
        pre.run(crop)
        out.append(({**meta, "rendering": "cropped"}, crop))
    return out


def _noise_blocks(seq_texts: list[str], labels: list[float], longest: int = 12) -> list[list[str]]:
    """Runs of consecutive non-body lines (label < 0.5), each cut to its first ``longest`` lines."""
    blocks: list[list[str]] = []
    run: list[str] = []
    for text, lab in zip(seq_texts + [""], labels + [1.0]):
        if lab < 0.5 and text.strip():
            run.append(text.strip())
        elif run:
            blocks.append(run[:longest])
            run = []
    return blocks


def _spliced(paragraphs: list[str], blocks: list[list[str]], h: int) -> str:
    """``paragraphs`` with one to three of ``blocks`` put before, between or after them (the
    choice and the places follow the hash ``h``, so a page always gets the same copy)."""
    parts: list[str] = list(paragraphs)
    for k in range(1 + h % 3):
        block = "\n".join(blocks[(h // 7 + 5 * k) % len(blocks)])
        where = (0, len(parts), (h // 11 + 13 * k) % (len(parts) + 1))[(h // 3 + k) % 3]
        parts.insert(where, block)
    return _joined(parts, h)


def _joined(paragraphs: list[str], h: int) -> str:
    """Paragraphs separated by a blank line or, for every other page (by the hash ``h``), by a
    line break only, as extractors such as trafilatura write them: block features must not
    learn that only text with blank lines between its paragraphs is already clean."""
    return ("\n\n", "\n")[(h // 17) % 2].join(paragraphs)


def golden(items: list[tuple[dict, Document]]) -> list[tuple[dict, Document]]:
    """Augmentation shaped like the job (#20): text that has already been through an extractor.

    For each page, two documents run through the pre-pipeline: its gold body alone (``gold``:
    every line body, so an article with no noise teaches the trees to keep it whole) and its gold
    body with one to three blocks of its own plain rendering's non-body lines (menus, related
    lists, calls to action, footers, comment threads, in the page's language) put before, between
    or after its paragraphs (``spliced``). Both carry the page's dataset, so a held-out model
    never sees the held-out pages' text through them."""
    pre = _pre_pipeline()
    out = []
    for meta, doc in items:
        if meta["rendering"] != "plain" or not (meta["gold"] or "").strip():
            continue
        seq, labels = _labelled_lines(meta, doc)
        paragraphs = [p for p in meta["gold"].split("\n\n") if p.strip()]
        blocks = _noise_blocks([u.visible for u in seq], labels)
        h = zlib.crc32(meta["id"].encode())
        texts = [("gold", _joined(paragraphs, h // 2))]
        if blocks:
            texts.append(("spliced", _spliced(paragraphs, blocks, h)))
        for rendering, text in texts:
            made = Document(text)
            pre.run(made)
            out.append(({**meta, "rendering": rendering}, made))
    return out


def training_documents(items: list[tuple[dict, Document]], augment: bool = True) -> list[dict]:
    """What every model is trained on: the prepared renderings, their cropped copies and (with
    ``augment``) the gold and spliced copies of :func:`golden`, as feature rows with labels."""
    return extract(items + cropped(items) + (golden(items) if augment else []))


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

    X = np.concatenate([np.asarray(d[key], dtype=np.float64) for d in docs])
    y = np.array([1 if lab >= 0.5 else 0 for d in docs for lab in d["labels"]])
    per_set = Counter(d["dataset"] for d in docs)
    mean = len(docs) / max(1, len(per_set))
    w = []
    for d in docs:
        tot = sum(d["ntok"]) or 1
        scale = (mean / per_set[d["dataset"]]) ** BALANCE
        w += [scale * (t + 0.5) / tot for t in d["ntok"]]
    return X, y, np.array(w) * 100.0


def _fit(docs: list[dict], key: str = "rows"):
    X, y, w = _arrays(docs, key)
    if BACKEND == "catboost":
        import catboost

        model = catboost.CatBoostClassifier(**CATBOOST_PARAMS)
        model.fit(X, y, sample_weight=w)
        return model
    import lightgbm as lgb

    model = lgb.LGBMClassifier(**PARAMS)
    model.fit(X, y, sample_weight=w)
    return model


def export_oblivious(model: Any, digits: int = 9) -> dict[str, Any]:
    """A fitted CatBoostClassifier as the oblivious-tree layout of :class:`newsclean.forest.Forest`."""
    import os
    import tempfile

    fd, path = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        model.save_model(path, format="json")
        dump = json.loads(Path(path).read_text(encoding="utf-8"))
    finally:
        os.unlink(path)
    columns = {f["feature_index"]: f["flat_feature_index"] for f in dump["features_info"]["float_features"]}
    scale, bias = dump.get("scale_and_bias", [1.0, [0.0]])
    trees = dump["oblivious_trees"]
    depth = max(len(t["splits"]) for t in trees)
    feature: list[int] = []
    threshold: list[float] = []
    value: list[float] = []
    for t in trees:
        splits = t["splits"]
        leaves = [scale * v for v in t["leaf_values"]]
        if len(splits) < depth:  # a shallower tree: pad with levels that never set their bit
            pad = depth - len(splits)
            splits = splits + [{"float_feature_index": 0, "border": float("inf")}] * pad
            leaves = leaves + [0.0] * (len(leaves) * ((1 << pad) - 1))
        for sp in splits:
            if sp.get("split_type", "FloatFeature") != "FloatFeature":
                raise ValueError(f"unsupported split {sp.get('split_type')!r}")
            feature.append(columns.get(sp["float_feature_index"], sp["float_feature_index"]))
            threshold.append(float(sp["border"]) if sp["border"] != float("inf") else 1e300)
        value += [float(f"{v:.{digits}g}") for v in leaves]
    return {"kind": "oblivious", "depth": depth, "feature": feature, "threshold": threshold,
            "value": value, "base": float(bias[0] if isinstance(bias, list) else bias)}


def export(model: Any, digits: int = 9) -> dict[str, Any]:
    """A fitted model in the layout of :class:`newsclean.forest.Forest` (CatBoost: oblivious trees)."""
    if BACKEND == "catboost":
        return export_oblivious(model, digits)
    return export_nodes(model, digits)


def export_nodes(model: Any, digits: int = 9) -> dict[str, Any]:
    """A fitted LGBMClassifier as the JSON layout of :class:`newsclean.forest.Forest`."""
    dump = model.booster_.dump_model()
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0

    def add(node: dict, level: int) -> int:
        nonlocal depth
        i = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(i)
        right.append(i)
        value.append(0.0)
        if "leaf_value" in node:
            value[i] = float(f"{node['leaf_value']:.{digits}g}")
            depth = max(depth, level)
            return i
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported split {node.get('decision_type')!r}")
        feature[i] = int(node["split_feature"])
        threshold[i] = float(node["threshold"])  # exact: a threshold often equals a feature value
        left[i] = add(node["left_child"], level + 1)
        right[i] = add(node["right_child"], level + 1)
        return i

    for tree in dump["tree_info"]:
        roots.append(add(tree["tree_structure"], 0))
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value,
            "roots": roots, "depth": depth, "base": 0.0}


def _check_export(model: Any, spec: dict[str, Any], X) -> float:
    """Largest difference between the fitted model's probabilities and the exported forest's."""
    import numpy as np

    ours = Forest(spec).predict(X)
    theirs = model.predict_proba(X)[:, 1]
    return float(np.abs(ours - theirs).max())


def _split_probs(docs: list[dict], flat) -> list[list[float]]:
    out = []
    i = 0
    for d in docs:
        n = len(d["rows"])
        out.append(flat[i:i + n].tolist())
        i += n
    return out


def _stage1_scores(model: Any, docs: list[dict]) -> list[list[float]]:
    import numpy as np

    if not docs:
        return []
    X = np.concatenate([np.asarray(d["rows"], dtype=np.float64) for d in docs])
    return _split_probs(docs, model.predict_proba(X)[:, 1])


def _fold(page_id: str, k: int) -> int:
    return zlib.crc32(page_id.encode()) % k


def train(docs: list[dict], inner_folds: int = 3, margin: float = 0.5, check: bool = False) -> dict[str, Any]:
    """Both stages on ``docs``; stage 2 on out-of-fold stage-1 scores."""
    stage1 = _fit(docs)
    for g in range(inner_folds):
        part = [d for d in docs if _fold(d["id"], inner_folds) != g]
        rest = [d for d in docs if _fold(d["id"], inner_folds) == g]
        m = _fit(part)
        for d, s1 in zip(rest, _stage1_scores(m, rest)):
            d["rows2"] = stage2_features(d["words"], d["rows"], s1, margin)
    stage2 = _fit(docs, "rows2")
    spec = {"version": 3, "kind": f"gradient-boosted trees ({BACKEND}), exported for newsclean.forest",
            "features": list(FEATURES), "stage2_features": list(FEATURES + STAGE2),
            "stage1": export(stage1), "stage2": export(stage2), "run_margin": margin, "threshold": 0.5}
    if check:
        X1, _, _ = _arrays(docs[:200])
        X2, _, _ = _arrays(docs[:200], "rows2")
        print(f"  export check: stage 1 max |diff| {_check_export(stage1, spec['stage1'], X1):.2e}, "
              f"stage 2 {_check_export(stage2, spec['stage2'], X2):.2e}", file=sys.stderr)
    return spec


def predict(docs: list[dict], spec: dict[str, Any]) -> list[list[float]]:
    f1, f2 = Forest(spec["stage1"]), Forest(spec["stage2"])
    out = []
    for d in docs:
        s1 = f1.predict(d["rows"])
        out.append(f2.predict(stage2_features(d["words"], d["rows"], s1, spec["run_margin"])).tolist())
    return out


def body(d: dict, probs: list[float], t: float) -> str:
    return "\n".join(x for x, p, fixed in zip(d["texts"], probs, d["fixed"]) if fixed or p >= t)


def report(docs: list[dict], probs: list[list[float]], t: float) -> dict[str, tuple[float, float, float]]:
    by: dict[str, list] = {}
    for d, p in zip(docs, probs):
        c = page_prf(d["gold"], body(d, p, t))
        by.setdefault(d["rendering"], []).append(c)
        by.setdefault(f"{d['rendering']}/{d['dataset']}", []).append(c)
    return {k: f1_of(v) for k, v in sorted(by.items())}


def _fmt(res: dict[str, tuple[float, float, float]], keys: list[str]) -> str:
    return "  ".join(f"{k} F1 {res[k][0]:.3f} (P {res[k][1]:.3f} R {res[k][2]:.3f})" for k in keys if k in res)


def cross_validate(docs: list[dict], folds: int, margin: float) -> tuple[float, list[list[float]]]:
    """Out-of-fold probabilities for every document and the threshold that maximises the mean
    F1 over the four renderings."""
    probs: list[list[float] | None] = [None] * len(docs)
    for f in range(folds):
        t0 = time.time()
        tr = [d for d in docs if _fold(d["id"], folds) != f]
        te_idx = [i for i, d in enumerate(docs) if _fold(d["id"], folds) == f]
        spec = train(tr, margin=margin)
        for i, p in zip(te_idx, predict([docs[i] for i in te_idx], spec)):
            probs[i] = p
        print(f"  fold {f + 1}/{folds} in {time.time() - t0:.0f}s", file=sys.stderr)
    done = [p or [] for p in probs]
    best_t, best = 0.5, -1.0
    for t in THRESHOLDS:
        res = report(docs, done, t)
        mean = sum(res[r][0] for r in RENDERINGS if r in res) / len(RENDERINGS)
        print(f"  cv threshold {t:.2f}: " + _fmt(res, list(RENDERINGS)) + f"  mean {mean:.3f}", file=sys.stderr)
        if mean > best:
            best, best_t = mean, t
    return best_t, done


def main() -> None:
    global BACKEND, BALANCE
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=int, default=1, help="use one page in n (chosen by page id)")
    ap.add_argument("--cache", action="store_true", help=f"reuse the prepared documents in {CACHE}")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--folds", type=int, default=4, help="cross-validation folds (0: none; threshold 0.5)")
    ap.add_argument("--no-holdout", action="store_true")
    ap.add_argument("--margin", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, help="ship this threshold instead of the cross-validated one")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-augment", action="store_true", help="leave out the gold and spliced copies (golden())")
    ap.add_argument("--balance", type=float, default=BALANCE,
                    help="even the datasets out: 1 each weighs the same, 0 each page does (default %(default)s)")
    ap.add_argument("--backend", choices=("catboost", "lightgbm"), default=BACKEND,
                    help="catboost: oblivious trees (shipped, fastest to evaluate); lightgbm: node trees")
    args = ap.parse_args()
    BACKEND, BALANCE = args.backend, args.balance
    items = prepared(args.every, args.jobs, args.cache)
    docs = training_documents(items, augment=not args.no_augment)
    print(f"{len(docs)} documents, {sum(len(d['rows']) for d in docs)} lines", file=sys.stderr)
    threshold = 0.5
    if args.folds > 1:
        threshold, probs = cross_validate(docs, args.folds, args.margin)
        res = report(docs, probs, threshold)
        print(f"{args.folds}-fold cross-validated, threshold {threshold}:")
        for r in RENDERINGS:
            print(f"  {r:9} " + _fmt(res, [r] + [f"{r}/{ds}" for ds in ("dragnet", "cleaneval-dev", "readability")]))
    if not args.no_holdout:
        for held in ("dragnet", "cleaneval-dev", "readability"):
            train_docs = [d for d in docs if d["dataset"] != held]
            test_docs = [d for d in docs if d["dataset"] == held]
            spec = train(train_docs, margin=args.margin)
            res = report(test_docs, predict(test_docs, spec), threshold)
            print(f"held out {held:14} (threshold {threshold}): " + _fmt(res, list(RENDERINGS)))
    spec = train(docs, margin=args.margin, check=True)
    spec["threshold"] = args.threshold if args.threshold is not None else threshold
    res = report(docs, predict(docs, spec), spec["threshold"])
    print(f"trained on all (threshold {spec['threshold']}), in-sample: " + _fmt(res, list(RENDERINGS)))
    args.out.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
