"""Code listings without fences: what an extractor left of a ``<pre>`` as plain lines (``WITH
series AS (``, ``SELECT``, ``FROM``, ``return x + y;``, ``}``). Their lines read like menu items to
every cleaner: they repeat, they are short, some are only signs. A listing is found by its shape,
in any programming language: a run of lines that mostly end like code or hold a call or an
operator, right after a line of prose ending with a colon ("Here is the query:"), as articles
introduce their listings. The ``markdown`` cleaner keeps them as it keeps fenced blocks."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from .textshape import LinePattern

__all__ = ["code_listings", "is_code_line"]

#: the shape of a line of code, read by the compiled core in one search: it ends like one (an
#: opened or closed block, a statement's ``;``) or starts by closing one; it holds a call
#: (``avg(n)``, ``now()``), written without a space before the bracket as code writes it, after an
#: ASCII name (Han and kana write a bracket after a word with no space, ``台北(台灣)``); or it holds
#: an operator between spaces or a scope ``::``, or starts with a comment, an include or a shell
#: prompt
_CODE_SHAPE = LinePattern(r"[{};(\[][ \t]*$|^[)}\]]"
                          r"|[A-Za-z0-9_\]]\("
                          r"|(?:^|[ \t])(?:=|==|!=|\+=|-=|<=|>=|=>|->|&&|\|\|)(?:[ \t]|$)|::"
                          r"|^(?://|/\*|#include|\$ |>>> )")
#: ends like a sentence with a full stop, a question or an exclamation (``textshape.ends_like_sentence``
#: also counts ``;`` and ``:``, which end lines of code)
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)]*$")


def is_code_line(text: str) -> bool:
    """Whether ``text`` is shaped like a line of code: it ends like one (``{``, ``;``, ``(``),
    starts by closing a block (``)``, ``}``), holds a call (``avg(n)``) or an operator (`` = ``,
    ``=>``, ``::``); and it is not a sentence (six words or more ending with a full stop), a line
    of more than 14 words, or a line with an address (a link, a citation)."""
    words = len(text.split())
    if words > 14 or "://" in text:
        return False
    if words >= 6 and _SENTENCE_END.search(text) and not text.endswith(");"):
        return False
    return _CODE_SHAPE.is_match(text)


def _introduces(text: str) -> bool:
    """A line of prose of three words or more ending with a colon: "The query looks like this:".
    Not a line shaped like code (``def area(w, h):``, ``]Total:``): a listing whose lines each
    ended with a colon would then introduce itself one line further each time its introduction
    went, and a second cleaning would find a shorter listing than the first."""
    return text.rstrip().endswith(":") and len(text.split()) >= 3 and not is_code_line(text)


def code_listings(lines: Sequence[str], min_lines: int = 3) -> list[range]:
    """The listings among ``lines``: right after a line that introduces them, runs of code-shaped
    lines with at most three other lines of three words or fewer before the first and between
    two of them (``SELECT``, ``FROM``, ``series``), holding ``min_lines`` code-shaped lines or
    more and at least as many as the others. Only the lines after an introduction are read."""
    found: list[range] = []
    n = len(lines)
    after = 1  # the first line a listing may start on: after the last one found
    for k in [i + 1 for i, text in enumerate(lines) if ":" in text and _introduces(text)]:
        if k < after or k >= n:
            continue
        last, count, j = k - 1, 0, k
        while j < n and j - last <= 4:
            if is_code_line(lines[j]):
                last, count = j, count + 1
            elif len(lines[j].split()) > 3:
                break
            j += 1
        if count >= min_lines and 2 * count >= last + 1 - k:
            found.append(range(k, last + 1))
        after = max(last + 1, k + 1)
    return found
