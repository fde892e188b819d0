"""Where the documentation is: the address ``--help`` gives, which works after ``pip install``.

The address is written once, in ``pyproject.toml`` (``[project.urls] Documentation``), and read from
the installed package's metadata when help is shown (``importlib.metadata`` is imported then, not at
every start). :data:`DOCS_URL` is the fallback for a source tree run without installing it; a test
keeps it equal to ``pyproject.toml``. The site is ``docs/`` built with MkDocs (``mkdocs.yml``).
"""
from __future__ import annotations

import argparse

__all__ = ["DOCS_URL", "DocumentedParser", "docs_url", "documentation_line"]

DOCS_URL = "https://newsclean.github.io/newsclean/"


def docs_url() -> str:
    """The ``Documentation`` entry of the package's ``Project-URL`` metadata, else :data:`DOCS_URL`."""
    import importlib.metadata

    try:
        entries: list[str] = importlib.metadata.metadata("newsclean").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        entries = []
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return DOCS_URL


def documentation_line() -> str:
    """The sentence that ends ``--help``."""
    return f"Documentation: {docs_url()} (built from docs/ with mkdocs)."


class DocumentedParser(argparse.ArgumentParser):
    """An argument parser whose help ends with :func:`documentation_line`, looked up only for help."""

    def format_help(self) -> str:
        epilog = self.epilog
        self.epilog = f"{epilog} {documentation_line()}" if epilog else documentation_line()
        try:
            return super().format_help()
        finally:
            self.epilog = epilog
