"""The record a corpus reader yields, and telling a corpus format from a file name."""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal, get_args

from ..errors import CorpusFormatError
from ..pipeline import InputFormat

__all__ = ["CORPUS_EXTENSIONS", "CorpusFormat", "Record", "require", "sniff_format"]

#: A corpus file format: JSON Lines (plain, gzip or zstandard), Apache Parquet, or WARC.
CorpusFormat = Literal["jsonl", "parquet", "warc"]

#: File name endings and the format each one means, longest first.
CORPUS_EXTENSIONS: tuple[tuple[str, CorpusFormat], ...] = (
    (".jsonl.gz", "jsonl"),
    (".jsonl.zst", "jsonl"),
    (".warc.gz", "warc"),
    (".jsonl", "jsonl"),
    (".parquet", "parquet"),
    (".warc", "warc"),
)

_INPUT_FORMATS: frozenset[str] = frozenset(get_args(InputFormat))


@dataclass(frozen=True, slots=True)
class Record:
    """One document of a corpus.

    Attributes:
        id: the record's id in the input (its id field, a WARC record's target URI, or
            ``"<file name>:<record number>"`` when the record has none).
        text: the document as read: ``str``, or ``bytes`` (WARC bodies, binary Parquet columns)
            that :meth:`~newsclean.Pipeline.clean` decodes.
        input_format: what to tell :meth:`~newsclean.Pipeline.clean` the text is.
        fields: the record's other fields, carried through to the output.
    """

    id: str
    text: str | bytes
    input_format: InputFormat = "auto"
    fields: dict[str, Any] = field(default_factory=dict)


def sniff_format(path: str | os.PathLike[str]) -> CorpusFormat:
    """The corpus format ``path``'s name says: ``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``,
    ``.parquet``, ``.warc`` or ``.warc.gz`` (case-insensitive).

    Raises:
        CorpusFormatError: the name ends otherwise.
    """
    name = os.fspath(path).lower()
    for ending, fmt in CORPUS_EXTENSIONS:
        if name.endswith(ending):
            return fmt
    endings = ", ".join(e for e, _ in CORPUS_EXTENSIONS)
    raise CorpusFormatError(f"cannot tell the corpus format of {os.fspath(path)} from its name "
                            f"(known endings: {endings}); give the format (--input-format jsonl|parquet|warc)")


def check_input_format(value: Any, where: str) -> InputFormat:
    """``value`` as an input format, or :class:`~newsclean.errors.RecordError` naming ``where``."""
    from ..errors import RecordError

    if isinstance(value, str) and value in _INPUT_FORMATS:
        return value  # type: ignore[return-value]
    known = ", ".join(sorted(_INPUT_FORMATS))
    raise RecordError(f"{where}: format {value!r} is not one of {known}; fix the record or leave --format-key out")


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import ``module`` or say which extra to install for ``what``.

    Raises:
        CorpusFormatError: the module is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CorpusFormatError(f"{what} needs the {module} package: pip install 'newsclean[{extra}]'") from exc
