"""Every Python example in the README and in docs/ runs, so the documentation cannot drift.

The ``python`` blocks of one section (``## ``) of a file run in order in one namespace, after
the blocks before the file's first section, as a reader would paste them (each section is a test
of its own, so the slow ones -- Dask, Spark -- run side by side), from a scratch directory holding what the examples read (``scraped/``, ``data/scraped/``,
``pages/``). The names an example takes as given are there too: ``text``, ``data`` and ``page``
(a scraped page), ``texts`` (a few of them), ``read_texts()`` and ``save()``. A block written as
an interactive session (``>>>``) is checked as a doctest. A block that needs what a test cannot
have (a Slurm or Ray cluster, a remote scheduler) is preceded in the Markdown by
``<!-- docs-test: skip (why) -->``; the reason is required.
"""
from __future__ import annotations

import doctest
import json
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = ROOT / "examples"
_BLOCK = re.compile(r"(?P<skip><!-- docs-test: skip(?P<why>[^>]*)-->\s*\n)?```python\n(?P<code>.*?)\n```", re.S)


_SECTION = re.compile(r"^## (.+)$", re.M)


def python_blocks(path: Path) -> list[tuple[int, str, str | None]]:
    """``(line number, code, skip reason or None)`` for every ```python block of ``path``."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in _BLOCK.finditer(text):
        line = text.count("\n", 0, m.start("code"))
        why = m.group("why").strip() if m.group("skip") else None
        out.append((line, m.group("code"), why))
    return out


def sections(path: Path) -> list[tuple[str, int, int]]:
    """``(title, first line, end line)`` of each ``## `` section of ``path``; ``""`` for what
    comes before the first one."""
    text = path.read_text(encoding="utf-8")
    heads = [(m.group(1).strip(), text.count("\n", 0, m.start())) for m in _SECTION.finditer(text)]
    starts = [("", 0), *heads]
    ends = [line for _, line in heads] + [text.count("\n") + 1]
    return [(title, start, end) for (title, start), end in zip(starts, ends)]


def _cases() -> list[tuple[Path, str]]:
    """One test per (file, section) that holds a python block."""
    cases = []
    for path in DOCS:
        lines = [line for line, _, _ in python_blocks(path)]
        for title, start, end in sections(path):
            if any(start <= line < end for line in lines):
                cases.append((path, title))
    return cases


def _scratch(tmp: Path) -> dict[str, Any]:
    """What the examples read, in ``tmp``, and the names they take as given."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    (tmp / "scraped").mkdir()
    (tmp / "data" / "scraped").mkdir(parents=True)
    for i, page in enumerate(pages):
        (tmp / "scraped" / f"page{i}.html").write_text(page, encoding="utf-8")
    with open(tmp / "data" / "scraped" / "pages.jsonl", "w", encoding="utf-8") as f:
        for i, page in enumerate(pages):
            f.write(json.dumps({"id": f"page{i}", "text": page}) + "\n")
    (tmp / "scraped" / "pages.jsonl").write_text(
        (tmp / "data" / "scraped" / "pages.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    try:
        import pandas as pd

        (tmp / "pages").mkdir()
        pd.DataFrame({"id": [f"page{i}" for i in range(len(pages))], "html": pages}).to_parquet(
            tmp / "pages" / "part-0.parquet")
    except ImportError:
        pass
    saved: list[Any] = []

    def read_texts() -> Iterator[str]:
        yield from pages

    def save(*args: Any) -> None:
        saved.append(args)

    return {"text": pages[0], "data": pages[0], "page": pages[0], "texts": pages,
            "read_texts": read_texts, "save": save}


def _run(code: str, namespace: dict[str, Any], where: str) -> None:
    if code.lstrip().startswith(">>>"):
        parser = doctest.DocTestParser()
        test = parser.get_doctest(code, namespace, where, where, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test, clear_globs=False)
        assert runner.failures == 0, f"{where}: doctest failed (output above)"
        return
    exec(compile(code, where, "exec"), namespace)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()


@pytest.mark.parametrize(("path", "section"), _cases(), ids=lambda v: v.name if isinstance(v, Path) else v or "top")
def test_every_python_example_runs(path: Path, section: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bounds = {title: (start, end) for title, start, end in sections(path)}
    top, here = bounds[""], bounds[section]
    blocks = [b for b in python_blocks(path) if top[0] <= b[0] < top[1] or here[0] <= b[0] < here[1]]
    monkeypatch.chdir(tmp_path)
    module = types.ModuleType("docs_example")  # a real module, so dataclasses defined there work
    module.__dict__.update(_scratch(tmp_path))
    monkeypatch.setitem(sys.modules, module.__name__, module)
    namespace = module.__dict__
    for line, code, why in blocks:
        if why is not None:
            assert why.startswith("(") and len(why) > 4, f"{path.name}:{line}: a skipped example says why"
            continue
        _run(code, namespace, f"{path.name}:{line}")


def test_the_block_finder_sees_skips_and_code(tmp_path: Path) -> None:
    doc = tmp_path / "d.md"
    doc.write_text("x\n```python\na = 1\n```\n<!-- docs-test: skip (needs a cluster) -->\n```python\nb\n```\n")
    assert [(code, why) for _, code, why in python_blocks(doc)] == [("a = 1", None), ("b", "(needs a cluster)")]
