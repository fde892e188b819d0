"""Reason codes are declared: each cleaner lists the codes it removes with, and the document holds
it to that list.

A built-in cleaner declares ``reasons: ClassVar[dict[str, str]]`` (code -> one-line
description); a function cleaner declares them with ``@newsclean.cleaner("name", reasons=...)``,
or declares none and may then use any lower-case identifier. ``docs/cleaners.md`` is generated
from the declarations.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import seed_cases

import newsclean
from newsclean import Document, Pipeline, ReasonCodeError
from newsclean.cleaners import default_cleaners

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"[a-z][a-z0-9_]*")


def _cleaner_params() -> list[Any]:
    params = []
    for c in default_cleaners():
        marks = ()
        if c.name == "boilerplate" and not hasattr(type(c), "reasons"):
            # declared by the boilerplate cleaner's restructuring, merged from its own branch
            marks = (pytest.mark.xfail(strict=True, reason="boilerplate declares its reasons on its branch"),)
        params.append(pytest.param(c, id=c.name, marks=marks))
    return params


@pytest.mark.parametrize("cleaner", _cleaner_params())
def test_every_built_in_cleaner_declares_well_formed_reasons(cleaner: Any) -> None:
    reasons = type(cleaner).reasons
    assert reasons, f"{cleaner.name} declares no reason codes"
    for code, description in reasons.items():
        assert CODE.fullmatch(code), code
        assert description and "\n" not in description


def test_constants_naming_another_cleaners_removals_are_declared_by_it() -> None:
    found = 0
    for c in default_cleaners():
        cls = type(c)
        for attr, value in vars(cls).items():
            if attr.isupper() and isinstance(value, tuple) and len(value) == 2:
                assert value == (c.name, value[1]) and value[1] in cls.reasons, f"{cls.__name__}.{attr}"
                found += 1
    assert found >= 5  # the chrome removals the related-headlines cleaner looks for


def test_every_removal_on_the_seeds_has_a_declared_code() -> None:
    declared = {c.name: getattr(c, "reasons", None) for c in default_cleaners()}
    pipeline = Pipeline.default(detector=None)
    codes: set[tuple[str, str]] = set()
    for text, _ in seed_cases():
        for r in pipeline.clean_text(text).removed:
            codes.add((r.cleaner, r.reason))
    assert len(codes) > 5
    for cleaner, reason in codes:
        if cleaner in ("normalize", "newsclean") or declared.get(cleaner) is None:
            continue  # the core's own records; a cleaner not declaring yet
        assert reason in declared[cleaner], f"{cleaner}/{reason}"


def test_docs_cleaners_md_is_generated_from_the_declarations() -> None:
    spec = importlib.util.spec_from_file_location("gen_cleaners_doc", ROOT / "tools" / "gen_cleaners_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_cleaners_doc"] = module
    spec.loader.exec_module(module)
    current = (ROOT / "docs" / "cleaners.md").read_text(encoding="utf-8")
    assert current == module.render(), "docs/cleaners.md is stale: run tools/gen_cleaners_doc.py"


@newsclean.cleaner("weather", reasons={"weather_line": "a weather report"})
def weather(doc: Document) -> None:
    for unit in doc.undecided():
        if "sunny" in unit.visible:
            doc.drop(unit, "weather_line")
        if "rain" in unit.visible:
            doc.drop(unit, "rain_line")  # not declared


TEXT = "It is sunny today.\n\nThe council met on Monday and approved the budget for the schools."


def test_a_declared_code_is_accepted_and_an_undeclared_one_rejected() -> None:
    pipeline = Pipeline([weather], detector=None, catch_errors=False)
    assert [r.code for r in pipeline.clean_text(TEXT).removed] == ["weather/weather_line"]
    with pytest.raises(ReasonCodeError, match="rain_line"):
        pipeline.clean_text("Heavy rain tomorrow.")


def test_a_rejected_code_is_a_cleaner_failure_and_its_decisions_are_undone() -> None:
    result = Pipeline([weather], detector=None).clean_text("sunny, then rain\n\nBody text here.")
    assert [(e.cleaner, e.error) for e in result.errors] == [("weather", "ReasonCodeError")]
    assert result.removed == () and "sunny, then rain" in result.text


@pytest.mark.parametrize("code", ["bad reason/Has Spaces", "Upper", "1st", "", "dash-ed"])
def test_a_cleaner_that_declares_nothing_may_use_any_lower_case_identifier(code: str) -> None:
    @newsclean.cleaner("free")
    def free(doc: Document) -> None:
        doc.drop(doc.units[0], "made_up_here")
        doc.cut(doc.units[1], 0, 3, code)

    pipeline = Pipeline([free], detector=None, catch_errors=False)
    with pytest.raises(ReasonCodeError, match="lower-case identifiers"):
        pipeline.clean_text("one line\n\nanother line")


def test_a_malformed_declaration_is_refused_when_the_pipeline_is_built() -> None:
    @newsclean.cleaner("bad", reasons={"Bad Code": "a code with spaces"})
    def bad(doc: Document) -> None:
        pass

    with pytest.raises(ReasonCodeError):
        Pipeline([bad])


def test_a_document_outside_a_pipeline_checks_the_shape_only() -> None:
    doc = Document("one line")
    doc.drop(doc.units[0], "any_code_2")
    with pytest.raises(ReasonCodeError):
        doc.drop(doc.units[0], "bad reason/Has Spaces")
