"""The documentation site: every page of docs/ is in mkdocs.yml's nav, and ``--help`` gives the
site's address, written once in pyproject.toml and read from the package metadata.

The build itself (``mkdocs build --strict``: dead links, dead anchors) is run by ``.ci/run``, not here.
"""
from __future__ import annotations

import email.message
import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsclean
from newsclean.cli import build_parser, main
from newsclean.cli.docs import DOCS_URL, docs_url

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
SRC = str(Path(newsclean.__file__).resolve().parents[1])
_NAV_PAGE = re.compile(r"^\s*-\s*(?:[^:\n]+:\s*)?(?P<page>[\w./-]+\.md)\s*$", re.M)


def nav_pages() -> list[str]:
    """The pages named in mkdocs.yml's ``nav:`` (read without a YAML parser: the test extra has none)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = re.search(r"^nav:\s*$", text, re.M)
    assert start is not None, "mkdocs.yml has no nav"
    nav = re.split(r"^\S", text[start.end():], maxsplit=1, flags=re.M)[0]  # up to the next top-level key
    return [m.group("page") for m in _NAV_PAGE.finditer(nav)]


def pyproject_docs_url() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        url: str = tomllib.load(f)["project"]["urls"]["Documentation"]
    return url


def test_every_page_in_docs_is_in_the_nav_once() -> None:
    pages = nav_pages()
    on_disk = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert sorted(pages) == on_disk, "add the new page to mkdocs.yml's nav (or remove the stale entry)"
    assert len(pages) == len(set(pages)) and pages[0] == "index.md"


def test_the_address_is_written_once() -> None:
    """pyproject.toml holds it; the fallback constant and mkdocs.yml's site_url repeat it exactly."""
    url = pyproject_docs_url()
    assert url == DOCS_URL and url.startswith("https://")
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert site_url is not None and site_url.group(1) == url


@pytest.mark.parametrize("args", [["--help"], ["explain", "--help"]])
def test_help_names_the_documentation_address(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""), "COLUMNS": "100"}
    proc = subprocess.run([sys.executable, "-m", "newsclean", *args], check=False, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"Documentation: {docs_url()} (built from docs/ with mkdocs)" in " ".join(proc.stdout.split())
    assert "docs/cli.md" not in proc.stdout  # not in a pip-installed package


def test_an_installed_package_names_the_address_of_its_pyproject() -> None:
    """Once installed from this tree (CI), the metadata and pyproject.toml agree; an older editable
    install without the entry falls back to the same address."""
    assert docs_url() == pyproject_docs_url()


def test_the_address_comes_from_the_package_metadata(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    meta = email.message.Message()
    meta["Name"] = "newsclean"
    meta["Project-URL"] = "Homepage, https://example.org/"
    meta["Project-URL"] = "Documentation, https://example.org/newsclean-docs/"
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: meta)
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    assert "Documentation: https://example.org/newsclean-docs/ " in " ".join(capsys.readouterr().out.split())


def test_without_metadata_the_fallback_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> None:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "metadata", missing)
    assert docs_url() == DOCS_URL


def test_the_metadata_is_read_only_for_help(monkeypatch: pytest.MonkeyPatch) -> None:
    """``importlib.metadata`` costs ~35 ms to import: a cleaning run neither imports nor reads it."""
    code = ("import sys; before = 'importlib.metadata' in sys.modules; import newsclean.cli; "
            "print(before or 'importlib.metadata' not in sys.modules)")
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True).stdout
    assert out.strip() == "True"

    def unwanted(name: str) -> None:
        raise AssertionError("the package metadata was read outside --help")

    monkeypatch.setattr(importlib.metadata, "metadata", unwanted)
    assert build_parser().parse_args(["page.txt"]).paths == ["page.txt"]
