"""Characters of a page that trafilatura would lose, kept through its extraction.

Public API::

    xml_compatible(html) -> str           without the characters XML forbids (libxml2 refuses them)
    c1_as_windows_1252(html) -> str       C1 control characters read as Windows-1252
    joiner_tables(html) -> (to, back)     ``str.translate`` tables: joiners to stand-ins and back
    translated(meta, table) -> dict       metadata with ``table`` applied to its strings

trafilatura drops every character ``str.isprintable`` refuses. Two kinds of them are text:

- C1 control characters (U+0080-U+009F) in a page are Windows-1252 decoded as Latin-1, as
  browsers read them (``s\\x92engager`` is ``s’engager``, as the plain-text path reads it too);
  dropped, they join two words. They are read as Windows-1252 before the page is parsed.
- The zero-width non-joiner and joiner (``normalize.JOINERS``) are spelling inside words: Persian
  ``می‌شود`` (most Persian sentences hold one), Indic conjuncts, emoji sequences. They go through
  trafilatura as printable stand-ins and come back after it.
"""
from __future__ import annotations

import regex
from ftfy.fixes import fix_c1_controls

from .normalize import JOINERS

__all__ = ["c1_as_windows_1252", "joiner_tables", "translated", "xml_compatible"]

#: characters XML 1.0 forbids: C0 controls but tab and line breaks, surrogates, U+FFFE and U+FFFF
_XML_INCOMPATIBLE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Printable characters that stand in for the joiners while trafilatura reads the page: Yijing
#: hexagrams (symbols, not word characters); a page's are the first two it does not hold.
_STAND_INS = [chr(c) for c in range(0x4DC0, 0x4E00)]


def joiner_tables(html: str) -> tuple[dict[int, str], dict[int, str]]:
    """``str.translate`` tables that put a stand-in for each joiner ``html`` holds and take it
    back; empty when it holds none (or all the stand-ins already: the joiners are then lost)."""
    joiners = [j for j in JOINERS if j in html]
    if not joiners:
        return {}, {}
    free = [c for c in _STAND_INS if c not in html][:len(joiners)]
    if len(free) < len(joiners):
        return {}, {}
    return ({ord(j): c for j, c in zip(joiners, free)}, {ord(c): j for j, c in zip(joiners, free)})


def xml_compatible(html: str) -> str:
    """``html`` without the characters XML 1.0 forbids (lxml refuses a string that holds one)."""
    return _XML_INCOMPATIBLE.sub("", html)


def c1_as_windows_1252(html: str) -> str:
    """``html`` with its C1 control characters read as the Windows-1252 characters they stand for
    (those Windows-1252 leaves undefined stay)."""
    return fix_c1_controls(html)


def translated(meta: dict[str, object], table: dict[int, str]) -> dict[str, object]:
    """``meta`` with ``table`` (``str.translate``'s) applied to its strings and lists of strings."""
    return {key: value.translate(table) if isinstance(value, str)
            else [v.translate(table) if isinstance(v, str) else v for v in value] if isinstance(value, list)
            else value for key, value in meta.items()}
