"""HTML input: extract the article text and metadata with trafilatura (recognising HTML is
``html_detect``'s; ``looks_like_html`` is re-exported here).

Public API::

    looks_like_html(text) -> bool
    extract(html, *, timeout=10.0, favor_recall=True, include_comments=False,
            include_tables=True, add_headline=True, url=None, max_chars=MAX_HTML_CHARS) -> Extraction
    extract_bytes(data, *, declared=None, **same keywords as extract) -> Extraction

Output text
    trafilatura's plain-text rendering: one block (paragraph, heading, list item, table row,
    ``<br>`` line) per line, with a blank line between them (so the cleaners read each as a
    block, and the body keeps them apart as paragraphs), its characters as the page wrote them.
    Settings favour recall (the text cleaners downstream remove what trafilatura leaves);
    the defaults were chosen by measurement on the development pages (table below the
    constants).

Time bound -- why it is built this way
    Measured with trafilatura 2.3.1 / lxml 6.1 on this machine:

    * a 5 MB article page: parsing 0.1 s, ``extract(favor_recall=True)`` 2.8 s, but
      metadata extraction 11 s, almost all of it htmldate's *extensive* date search
      (regexes over the whole text); with ``extensive_search=False`` metadata takes 1.6 s.
      On an ordinary 390 kB development page (dragnet/131) the extensive search handed 48
      strings to dateparser and took 47-90 s (trafilatura's text extraction: 0.4 s). So
      the extensive date search is never used: dates come from meta tags, JSON-LD,
      ``<time>``/``<abbr>`` elements and the URL. A 5 MB page now takes ~5 s in all.
    * 5,000 nested ``<div>``: libxml2 silently stops building the tree at depth 256, so
      everything after the first deep element is *lost* (and ``huge_tree=True`` only moves
      the limit; trafilatura then takes seconds and still loses text). We therefore flatten
      the markup before parsing: a linear scan of the tags drops the open/close tags that
      would nest deeper than ``markup.MAX_DEPTH`` (text is kept), so the tree stays shallow
      enough for libxml2 and for trafilatura's recursive code (no RecursionError).
    * Above ``max_chars`` (default 5,000,000) the HTML is first stripped of scripts, styles,
      comments, SVG and ``data:`` URIs, then truncated (``metadata["truncated"] = True``).
    * One tag with 200,000 attributes (3.2 MB) kept libxml2 busy for 84 s (it compares each
      attribute of a tag with the others) and its attributes came out as text: every tag is cut
      to its first 256 attributes and 100,000 characters before parsing
      (:func:`newsclean.markup.bound_tags`), so no single parser call runs long.

    The bound itself is enforced by a *deadline tracer*: ``sys.settrace`` installs, for the
    calling thread only, a global trace function that runs on every Python function call
    and raises once the deadline has passed -- a private ``BaseException`` subclass, so that
    trafilatura's ``except Exception`` blocks cannot swallow it (CPython uninstalls a tracer
    that raised), turned into :class:`ExtractionTimeout` on the way out. Unlike
    ``signal.alarm`` it works in any thread (and on Windows), needs no worker process,
    costs ~15-20 % on trafilatura and is removed afterwards (a previous tracer, e.g. a
    debugger or coverage, is chained and restored). The only code it cannot interrupt is a
    single long C call (one lxml parse or one regex over the page), and those are bounded
    by the size limits above (~0.1-0.3 s on 5 MB). The first call in a process also pays
    trafilatura's one-time initialisation (justext stoplists, ~3 s) *before* the deadline
    starts, so that a short timeout does not always fail on the first page.

Headline
    trafilatura often leaves the article's ``<h1>`` out of its text (the headline sits outside
    the element it takes as the article). The development gold, like a reader, counts the
    headline as the article's first line, so when the page's headline -- an ``<h1>`` (else an
    ``<h2>``) that is the whole ``<title>`` or its longest part around a separator
    (``Headline | Site``; a shorter part is the site's name, even when the site's name is the
    ``<h1>``) -- is missing from the text, it is put first (``metadata["headline_added"] =
    True``). Both are found by a bounded linear scan of the markup. Measured on all 1552
    development pages through ``clean()`` (cached extractions): with ``<h1>`` only, added on
    381 pages, body F1 0.913 -> 0.915, R 0.910 -> 0.915, P 0.917 -> 0.915; with ``<h2>`` as
    well, added on 453 pages (in the gold on 406 of them), F1 0.916, R 0.916, P 0.915. The
    Readability gold leaves headlines out: 32 of its pages lose a little precision.

Fallback
    When trafilatura returns nothing (or fails), the page's text by tag stripping
    (:func:`newsclean.markup.strip_tags`: no head, scripts, styles or form controls; the same
    stripper cleans a page whose extraction failed or timed out) is used, one block per line, and
    ``metadata["extraction"] == "fallback"`` (otherwise ``"trafilatura"``); if that is
    empty as well the text is ``""``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

import regex

from newsclean.decoding import decode_bytes
from newsclean.errors import ExtractionError, ExtractionTimeout
from newsclean.headline import page_headline
from newsclean.html_chars import c1_as_windows_1252, joiner_tables, translated, xml_compatible
from newsclean.html_detect import looks_like_html
from newsclean.markup import bound_tags, flatten, strip_payload, strip_tags
from newsclean.textshape import fenced_code

__all__ = ["MAX_HTML_CHARS", "Extraction", "extract", "extract_bytes", "looks_like_html", "page_headline"]

#: Inputs longer than this are stripped of non-text payload, then truncated.
MAX_HTML_CHARS = 5_000_000
#: how much of a page _as_document reads for an <html> or <body> tag
_SNIFF_CHARS = 65_536

# Settings measured on the development pages (every 3rd page, n=518; body F1 / P / R):
#   favor_recall  include_comments  include_tables   F1     P      R
#   True          False             True             0.913  0.920  0.906   <- default
#   True          False             False            0.910  0.919  0.901
#   False         False             True             0.907  0.911  0.902
#   True          True              True             0.854  0.808  0.905
#   False         True              True             0.850  0.803  0.902
# Comments cost ~0.06 F1 (the gold leaves reader comments out); recall mode and tables help a little.


# --------------------------------------------------------------------------- results
@dataclass
class Extraction:
    """The result of :func:`extract`.

    Attributes:
        text: main text, one block per line (``\\n``-separated), ``""`` when nothing was found.
        metadata: what was found about the page; lowercase keys, no None values. Possible
            keys: ``title``, ``author``, ``date`` (ISO ``YYYY-MM-DD``), ``url``, ``hostname``,
            ``sitename``, ``description``, ``categories`` and ``tags`` (lists of str),
            ``language``, ``license``, ``image``, ``pagetype``; always ``extraction``
            (``"trafilatura"`` or ``"fallback"``); ``truncated`` (True) when the input was
            cut to ``max_chars``; ``flattened`` (True) when deep nesting was flattened;
            ``encoding`` when produced by :func:`extract_bytes`; ``headline_added`` (True) when
            the page's headline was put first because trafilatura's text lacked it.
        title: the page title, or None.
    """

    text: str
    metadata: dict[str, object] = field(default_factory=dict)
    title: str | None = None


# --------------------------------------------------------------------------- deadline
class _DeadlinePassed(BaseException):
    """Raised by the deadline tracer inside trafilatura.

    A BaseException so that the ``except Exception`` blocks in trafilatura and htmldate
    cannot swallow it (CPython also uninstalls a tracer that raised, so a swallowed
    exception would leave the rest of the extraction unbounded). Converted to
    :class:`ExtractionTimeout` as it leaves :meth:`_Deadline.active`.
    """


class _Deadline:
    """Raise ExtractionTimeout in the current thread once ``time.monotonic()`` passes *at*."""

    def __init__(self, seconds: float | None) -> None:
        self.at = None if seconds is None else time.monotonic() + max(0.0, seconds)
        self.seconds = seconds
        self.expired = False

    def check(self) -> None:
        """Raise ExtractionTimeout if the deadline has passed."""
        if self.at is not None and (self.expired or time.monotonic() > self.at):
            self.expired = True
            raise ExtractionTimeout(f"HTML extraction exceeded {self.seconds:g} s")

    @contextmanager
    def active(self) -> Iterator[None]:
        """Enforce the deadline on every Python call made inside the block (this thread only)."""
        if self.at is None:
            yield
            return
        previous = sys.gettrace()
        at = self.at

        def tracer(frame: FrameType, event: Any, arg: Any) -> Any:
            if time.monotonic() > at:
                self.expired = True
                raise _DeadlinePassed
            return previous(frame, event, arg) if previous is not None else None

        sys.settrace(tracer)
        try:
            yield
        except _DeadlinePassed:
            raise ExtractionTimeout(f"HTML extraction exceeded {self.seconds:g} s") from None
        finally:
            sys.settrace(previous)
        self.check()


# --------------------------------------------------------------------------- pre-passes
#: a line break of the page's source that wraps a line of text: after 40 characters or more of the
#: line and before more text of the same run (not a blank line, not next to a tag, where the page's
#: style may start a new line; not after a short line: text with a few tags has its lines)
_SOURCE_BREAK = regex.compile(r"(?<=[^\n]{39}\S)[^\S\n]*+\n[^\S\n]*+(?=\S)")


def _shrink(html: str, max_chars: int) -> tuple[str, bool]:
    """Strip non-text payload from an over-long page, then truncate it. Returns (html, truncated)."""
    if len(html) <= max_chars:
        return html, False
    html = strip_payload(html)
    if len(html) <= max_chars:
        return html, False
    return html[:max_chars], True


def _as_document(html: str) -> str:
    """Wrap a fragment in ``<html><body>`` (trafilatura rejects bare single-block fragments)."""
    head = html[:_SNIFF_CHARS]
    if regex.search(r"<(?:html|body)\b", head, regex.IGNORECASE):
        return html
    return f"<html><body>{html}</body></html>"


# --------------------------------------------------------------------------- headline
def _with_headline(text: str, html: str) -> tuple[str, bool]:
    """*text* with the page's headline as its first line when trafilatura left it out."""
    headline = page_headline(html)
    if headline is None or headline in " ".join(text.split()):
        return text, False
    return f"{headline}\n{text}", True


def _headed(text: str, html: str, meta: dict[str, object], add_headline: bool) -> str:
    """trafilatura's *text*, with the page's headline first if asked and it was left out
    (recorded in *meta*)."""
    meta["extraction"] = "trafilatura"
    if add_headline:
        text, added = _with_headline(text, html)
        if added:
            meta["headline_added"] = True
    return text


# --------------------------------------------------------------------------- extraction
_META_FIELDS = ("title", "author", "date", "url", "hostname", "sitename", "description",
                "categories", "tags", "language", "license", "image", "pagetype")


def _metadata_of(document: Any) -> dict[str, object]:
    meta: dict[str, object] = {}
    for key in _META_FIELDS:
        value = getattr(document, key, None)
        if isinstance(value, str):
            value = value.strip()
            if value:
                meta[key] = value
        elif isinstance(value, (list, tuple)):
            items = [str(v).strip() for v in value if v is not None and str(v).strip()]
            if items:
                meta[key] = items
    return meta


def _fallback_text(html: str) -> str:
    """Crude body text, one block per line: used when trafilatura finds nothing."""
    return strip_tags(html)


def _date_params() -> dict[str, Any]:
    """htmldate settings: no extensive (full-text, dateparser) search -- see the module docstring."""
    import datetime

    today = datetime.datetime.now().astimezone().strftime("%Y-%m-%d")
    return {"original_date": True, "extensive_search": False, "max_date": today}


def _run_trafilatura(html: str, *, url: str | None, favor_recall: bool, include_comments: bool,
                     include_tables: bool) -> tuple[str, dict[str, object], bool]:
    """(text, metadata, ok): ok is False when trafilatura returned nothing. The page's joiners go
    through trafilatura as stand-ins (:func:`~newsclean.html_chars.joiner_tables`)."""
    import trafilatura

    to_stand_ins, back = joiner_tables(html)
    document = trafilatura.bare_extraction(
        html.translate(to_stand_ins), url=url, favor_recall=favor_recall, include_comments=include_comments,
        include_tables=include_tables, with_metadata=True, date_extraction_params=_date_params(),
        output_format="python",
    )
    if document is None or isinstance(document, dict):
        return "", {}, False
    text = _flowing_text(document.body)
    if include_comments and (comments := _flowing_text(getattr(document, "commentsbody", None))):
        text = f"{text}\n{comments}".strip()
    meta = _metadata_of(document)
    if back:
        text, meta = text.translate(back), translated(meta, back)
    return text.strip(), meta, bool(text.strip())


def _flowing_text(tree: Any) -> str:
    """trafilatura's text of an extracted tree (its ``xmltotxt``, one line per block) with each line
    break that wraps the page's source (:data:`_SOURCE_BREAK`) made a space, as a browser flows
    it: a paragraph the page's author hard-wrapped at 80 columns is one line, not one per
    source line. Code and quotes keep their line breaks (trafilatura makes a ``<pre>`` a quote: a
    poem, a table drawn in characters), and a block of code goes between code fences.
    trafilatura chose the blocks on the page as it is: its choice is not changed by this."""
    from trafilatura.xml import xmltotxt

    if tree is None:
        return ""
    if len(tree) == 1 and not len(tree[0]):
        # trafilatura's baseline (when its extractors find nothing): one paragraph of the page's
        # text nodes, one per line; those line breaks are its blocks
        return str(xmltotxt(tree, False))
    stack = [(tree, False)]  # (element, inside a code block or a quote)
    while stack:
        el, verbatim = stack.pop()
        if not isinstance(el.tag, str):
            continue
        inner = verbatim or el.tag in ("code", "quote")
        if el.tag == "code" and not verbatim:
            _fence(el)
        if el.text and "\n" in el.text and not inner:
            el.text = _SOURCE_BREAK.sub(" ", el.text)
        if el.tail and "\n" in el.tail and not verbatim:
            el.tail = _SOURCE_BREAK.sub(" ", el.tail)
        stack.extend((child, inner) for child in el)
    return str(xmltotxt(tree, False))


def _fence(code: Any) -> None:
    """Put a block of code (a ``code`` element of several lines, holding text or other ``code``
    elements only) between code fences, which the ``markdown`` cleaner keeps whole: its lines read
    like menu items and repeat (``SELECT``). trafilatura also makes an embedded post a ``code``
    element; its paragraphs and line breaks (``p``, ``lb``) are not code."""
    if any(el.tag != "code" for el in code.iterdescendants()):
        return
    text = "".join(code.itertext()).strip("\n")
    if "\n" not in text:
        return  # inline code, or one line
    for child in list(code):
        code.remove(child)
    code.text = f"```\n{text}\n```"


_warmed_up = False


def _warm_up() -> None:
    """Pay trafilatura's one-time initialisation outside the deadline.

    The first extraction that reaches trafilatura's justext fallback builds and lower-cases
    the union of all justext stoplists (~3-4 s, then cached), and compiles many regexes; a
    first call with a short timeout would otherwise always time out. A tiny extraction
    that takes that path warms all of it.
    """
    global _warmed_up
    if _warmed_up:
        return
    _warmed_up = True
    try:
        _run_trafilatura(
            "<html><body><div><p>Warm up.</p><p>Second line.</p></div></body></html>",
            url=None, favor_recall=True, include_comments=False, include_tables=True,
        )
    except Exception:  # noqa: BLE001, S110 - an optimisation only
        pass


def _metadata_only(html: str, url: str | None) -> dict[str, object]:
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return {}
    return _metadata_of(extract_metadata(tree, default_url=url, date_config=_date_params()))


def extract(
    html: str,
    *,
    timeout: float | None = 10.0,
    favor_recall: bool = True,
    include_comments: bool = False,
    include_tables: bool = True,
    add_headline: bool = True,
    url: str | None = None,
    max_chars: int = MAX_HTML_CHARS,
) -> Extraction:
    """Extract the main text and metadata of an HTML page (or fragment) with trafilatura.

    Args:
        html: the page, already decoded (see :func:`extract_bytes` for bytes).
        timeout: seconds the whole extraction may take; None for no bound.
        favor_recall: trafilatura's recall mode (keeps more; downstream cleaners trim).
        include_comments: append the user comments trafilatura finds.
        include_tables: keep text inside ``<table>``.
        add_headline: put the page's headline (:func:`page_headline`) first when trafilatura's
            text lacks it (see "Headline" in the module docstring).
        url: the page URL, if known (helps metadata and link resolution).
        max_chars: inputs longer than this are stripped of scripts/styles and then truncated.

    Returns:
        An :class:`Extraction`; ``text`` is ``""`` when the page has no text at all.

    Raises:
        ExtractionTimeout: the extraction did not finish within *timeout* seconds.
        ExtractionError: trafilatura and the fallback both failed with an internal error.
    """
    _warm_up()
    deadline = _Deadline(timeout)
    meta: dict[str, object] = {}
    html, truncated, flattened = _prepare_markup(html, max_chars)
    deadline.check()

    failure: BaseException | None = None
    try:
        with deadline.active():
            text, found, ok = _run_trafilatura(html, url=url, favor_recall=favor_recall,
                                               include_comments=include_comments,
                                               include_tables=include_tables)
        meta.update(found)
    except ExtractionTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - a trafilatura bug (or RecursionError): use the fallback
        text, ok, failure = "", False, exc

    text = _fallback(html, url, meta, deadline, failure) if not ok else _headed(text, html, meta, add_headline)
    meta.update({flag: True for flag, on in (("truncated", truncated), ("flattened", flattened)) if on})
    title = meta.get("title")
    return Extraction(text=_as_blocks(text), metadata=meta, title=title if isinstance(title, str) else None)


def _as_blocks(text: str) -> str:
    """Each line of ``text`` a block of the page (a blank line between lines, as between paragraphs
    of text), but the lines of a block of code (:func:`_fence`) and the rows of a table (``| a |
    b |``) on consecutive lines: one block each."""
    lines = text.split("\n")
    in_code = {k for block in fenced_code(lines) for k in block[1:]} if "```" in text else set()
    parts: list[str] = []
    row = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        next_row = stripped.startswith("|") and stripped.endswith("|")
        if parts:
            parts.append("\n" if k in in_code or row and next_row else "\n\n")
        parts.append(line)
        row = next_row
    return "".join(parts)


def _prepare_markup(html: str, max_chars: int) -> tuple[str, bool, bool]:
    """What libxml2 is given: XML-incompatible characters gone and C1 controls read as
    Windows-1252 (:mod:`newsclean.html_chars`), the page shrunk to ``max_chars``, every tag
    bounded, deep nesting flattened, the text of each ``<pre>`` marked as code (trafilatura makes
    a bare ``<pre>`` a quote, which :func:`_fence` leaves), a document around a fragment. Returns
    the markup and whether it was truncated and flattened."""
    html = c1_as_windows_1252(xml_compatible(html))
    html, truncated = _shrink(html, max_chars)
    html, _ = bound_tags(html)
    html, flattened = flatten(html)
    html = _PRE_OPEN.sub(r"\g<0><code>", html)
    html = _PRE_CLOSE.sub(r"</code>\g<0>", html)
    return _as_document(html), truncated, flattened


#: the opening and closing tags of a ``<pre>``, around whose text a ``<code>`` goes (a ``<pre><code>``
#: then holds two: the fence reads nested code as one)
_PRE_OPEN = regex.compile(r"<pre\b[^<>]{0,2000}>", regex.IGNORECASE)
_PRE_CLOSE = regex.compile(r"</pre\s*>", regex.IGNORECASE)


def _fallback(html: str, url: str | None, meta: dict[str, object], deadline: _Deadline,
              failure: BaseException | None) -> str:
    """The page's text by the tag stripper when trafilatura found none or failed, with what
    metadata can still be read (``meta`` is updated in place)."""
    try:
        with deadline.active():
            if not meta:
                try:
                    meta.update(_metadata_only(html, url))
                except ExtractionTimeout:
                    raise
                except Exception:  # noqa: BLE001, S110 - metadata is optional
                    pass
            text = _fallback_text(html)
    except ExtractionTimeout:
        raise
    except Exception as exc:  # noqa: BLE001
        raise ExtractionError(f"HTML extraction failed: {exc!r}") from (failure or exc)
    meta["extraction"] = "fallback"
    return text


def extract_bytes(data: bytes, *, declared: str | None = None, **options: Any) -> Extraction:
    """Decode page bytes with :func:`newsclean.decoding.decode_bytes`, then :func:`extract`.

    Args:
        data: raw page bytes.
        declared: charset declared outside the bytes (e.g. HTTP ``Content-Type``).
        **options: keyword arguments of :func:`extract` (``timeout``, ``favor_recall``, ...).

    Returns:
        The :class:`Extraction`, with ``metadata["encoding"]`` set to the codec used.

    Raises:
        ExtractionTimeout, ExtractionError: as :func:`extract`.
    """
    decoded = decode_bytes(data, declared=declared)
    result = extract(decoded.text, **options)
    result.metadata["encoding"] = decoded.encoding
    return result
