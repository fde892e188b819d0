"""One exception tree: everything newsclean raises on purpose is a ``NewscleanError``, exported
from ``newsclean`` and drawn in the tree of ``docs/usage.md`` (and of ``errors.py``), each under
its real parent."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import newsclean
from newsclean import errors

ROOT = Path(__file__).resolve().parents[1]
_NODE = re.compile(r"^(?P<indent>[ │]*)[├└]── (?P<name>\w+)")


def _tree(text: str) -> dict[str, str]:
    """``{class name: parent name}`` from a drawn tree (``NewscleanError`` at the root)."""
    parents: dict[str, str] = {}
    stack: list[tuple[int, str]] = [(-1, "NewscleanError")]
    for line in text.splitlines():
        m = _NODE.match(line.strip("\n"))
        if m is None:
            continue
        depth = len(m.group("indent"))
        while stack[-1][0] >= depth:
            stack.pop()
        parents[m.group("name")] = stack[-1][1]
        stack.append((depth, m.group("name")))
    return parents


def _package_errors() -> set[type[BaseException]]:
    """Every NewscleanError subclass defined anywhere in the package."""
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional integration whose dependency is missing
            continue
    found: set[type[BaseException]] = set()
    todo = [errors.NewscleanError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("newsclean"):
            found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


ERRORS_PY = {cls for _, cls in inspect.getmembers(errors, inspect.isclass)
             if issubclass(cls, BaseException) and cls.__module__ == errors.__name__}


@pytest.mark.parametrize("where", ["docs/usage.md", "src/newsclean/errors.py"])
def test_the_drawn_tree_is_the_class_tree(where: str) -> None:
    drawn = _tree((ROOT / where).read_text(encoding="utf-8"))
    for cls in _package_errors():
        if cls is errors.NewscleanError:
            continue
        assert cls.__name__ in drawn, f"{cls.__name__} is missing from the tree in {where}"
        parent = next(b for b in cls.__mro__[1:] if issubclass(b, errors.NewscleanError))
        assert drawn[cls.__name__] == parent.__name__, f"{cls.__name__} is drawn under the wrong parent"


def test_every_newsclean_exception_is_exported() -> None:
    assert ERRORS_PY and all(issubclass(cls, errors.NewscleanError) for cls in ERRORS_PY)
    for cls in _package_errors():
        assert getattr(newsclean, cls.__name__, None) is cls, f"newsclean.{cls.__name__} is not exported"
        assert cls.__name__ in newsclean.__all__


def test_exceptions_that_replace_built_in_ones_still_are_them() -> None:
    assert issubclass(newsclean.ConfigError, ValueError)
    assert issubclass(newsclean.UnknownCleanerError, KeyError)
    assert issubclass(newsclean.UnknownPhraseKindError, ValueError)
    assert issubclass(newsclean.ReasonCodeError, ValueError)
    assert issubclass(newsclean.DataFileError, ValueError)


def test_an_unknown_phrase_kind_names_the_known_ones() -> None:
    from newsclean.lexicon import PHRASE_KINDS, phrases

    with pytest.raises(newsclean.UnknownPhraseKindError, match=PHRASE_KINDS[0]) as info:
        phrases("en", "no_such_kind")
    assert info.value.kind == "no_such_kind"
