"""Pipelines: an ordered list of named cleaners, run over a :class:`~newsclean.document.Document`.

A cleaner is any object with a ``name`` and a ``__call__(doc)`` that records decisions on the
document; the built-in ones are small dataclasses (configurable by their fields). A plain
function works too — give it a name with :func:`cleaner`::

    @newsclean.cleaner("no_weather")
    def drop_weather(doc):
        for unit in doc.undecided():
            if "weather" in unit.visible.lower():
                doc.drop(unit, "weather_line")

    pipeline = newsclean.Pipeline.default().insert_before("title", drop_weather)
    result = pipeline.clean(text)

Pipelines are immutable: ``without``, ``only``, ``insert_before``, ``replace``... return new
pipelines. They pickle, so they travel to worker processes.
"""
from __future__ import annotations

import dataclasses
import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any, Literal, Protocol, TypeVar, runtime_checkable

from .document import Document, check_reason_code
from .errors import ConfigError, DocumentTimeoutError, UnknownCleanerError
from .inputs import Prepared, prepare
from .language import LanguageDetector, get_detector
from .result import CleanerFailure, Result, assemble
from .settle import settle
from .workers import DEFAULT_DEADLINE, Deadline

__all__ = ["HTML_OPTIONS", "Cleaner", "FunctionCleaner", "InputFormat", "Pipeline", "cleaner", "declared_reasons"]

InputFormat = Literal["auto", "text", "markdown", "html"]
_F = TypeVar("_F", bound=Callable[[Document], None])

#: Options given to the built-in cleaners on text extracted from HTML (``Pipeline(html_options=...)``).
#: trafilatura has already cut the page down to the article with the whole DOM; what a line-shape
#: rule still takes out there is mostly the article's own first lines (headline, byline, date),
#: which the gold keeps, and trafilatura's text has no image alt text for the caption rule to
#: pair with a caption. Measured on all 1552 development pages (body F1 / P / R, HTML input,
#: the block classifier skipped as before; each row adds to the one above):
#:
#:   =============================================  ======  ======  ======
#:   on extracted HTML                               F1      P       R
#:   =============================================  ======  ======  ======
#:   every cleaner as on plain text                  0.906   0.918   0.894
#:   headline in ``Result.title`` and in the body    0.909   0.916   0.902
#:   byline/dateline lines kept (metadata still)     0.913   0.917   0.909
#:   no caption pairing (``near_window=0``)          0.913   0.917   0.910
#:   + headline put first by ``html.extract``        0.916   0.915   0.916
#:   =============================================  ======  ======  ======
#:
#: (the last row is ``benchmarks/quality.py --input html``; the others were measured on the same
#: extractions, cached.)
#:
#: Not adopted: skipping ``duplicates`` altogether (F1 0.914, but P 0.913: on news pages
#: it removes teasers repeated above the article; what it costs is forum quotes and the
#: synthetic lorem-ipsum fixtures) and skipping ``widgets`` (R +0.002, P unchanged, but the
#: "Tweet"/"Comments" labels it removes are noise to a reader).
HTML_OPTIONS: Mapping[str, Mapping[str, Any]] = MappingProxyType({
    "title": MappingProxyType({"in_body": True}),
    "bylines": MappingProxyType({"in_body": True, "datelines": False, "drop_unnamed": False, "drop_repeated": False}),
    "duplicates": MappingProxyType({"near_window": 0}),
})


class _GcPause:
    """Who paused the collector: the documents being cleaned now, in any thread of the process,
    and whether the first of them found it running (then the last one resumes it)."""

    lock = threading.Lock()
    cleaning = 0
    resume = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one document is cleaned.

    A document is tens of thousands of small objects (units, decisions, removals) that live
    until its result is built and form no reference cycles that need collecting mid-run; the
    collector would walk them again and again as they are allocated (on 200,000 one-character
    lines it was 70 % of segmentation and half of the cost of dropping). Reference counting
    still frees everything as usual; the collector resumes when the last document being
    cleaned, in any thread, is done (with threads, the first to finish used to resume it while
    the others were still cleaning). A collector the caller disabled stays disabled.
    """
    with _GcPause.lock:
        if _GcPause.cleaning == 0:
            _GcPause.resume = gc.isenabled()
            gc.disable()
        _GcPause.cleaning += 1
    try:
        yield
    finally:
        with _GcPause.lock:
            _GcPause.cleaning -= 1
            if _GcPause.cleaning == 0 and _GcPause.resume:
                gc.enable()


@runtime_checkable
class Cleaner(Protocol):
    """What the pipeline runs: a name, and a call that records decisions on a document.

    A cleaner may also declare ``reasons`` (code -> one-line description): the reason codes it
    drops and cuts with (see :meth:`Document.drop <newsclean.document.Document.drop>`).
    """

    @property
    def name(self) -> str:
        """The cleaner's name: what ``Removal.cleaner`` records and pipelines look it up by."""

    def __call__(self, doc: Document) -> None:
        """Look at ``doc`` and record decisions (``doc.drop``, ``doc.cut``, ``doc.keep``...)."""


@dataclasses.dataclass(frozen=True)
class FunctionCleaner:
    """A plain function ``f(doc) -> None`` used as a cleaner under ``name``.

    ``reasons`` (code -> one-line description) are the reason codes it may drop and cut with;
    None (the default) accepts any well-formed code (a lower-case identifier), so a quick
    function cleaner needs no declaration, while a declared one is held to its list.
    """

    name: str
    func: Callable[[Document], None]
    reasons: Mapping[str, str] | None = None

    def __call__(self, doc: Document) -> None:
        self.func(doc)


def cleaner(name: str, *, reasons: Mapping[str, str] | None = None) -> Callable[[_F], _F]:
    """Decorator naming a function as a cleaner; :class:`Pipeline` accepts the function itself.

    ``reasons``: the reason codes it uses, each with a one-line description (see
    :class:`FunctionCleaner`).
    """

    def wrap(func: _F) -> _F:
        func.cleaner_name = name  # type: ignore[attr-defined]
        func.cleaner_reasons = reasons  # type: ignore[attr-defined]
        return func

    return wrap


def declared_reasons(c: Cleaner) -> Mapping[str, str] | None:
    """The reason codes ``c`` declares (its ``reasons``), or None when it declares none.

    Raises:
        ReasonCodeError: a declared code is not a lower-case identifier.
    """
    reasons: Mapping[str, str] | None = getattr(c, "reasons", None)
    for code in reasons or ():
        check_reason_code(code)
    return reasons


def _merge_prepared(prepared: Prepared, result: Result) -> Result:
    """``result`` with what was learnt before cleaning (HTML metadata and title, encoding, an
    extraction failure) merged in; what the cleaners found wins over page metadata."""
    failures: tuple[CleanerFailure, ...] = ()
    error = prepared.extraction_error
    if error is not None:
        failures = (CleanerFailure("html", type(error).__name__, str(error)[:500]),)
    if not prepared.metadata and prepared.title is None and not failures:
        return result
    merged = dict(prepared.metadata)
    merged.update(result.metadata)
    title = result.title if result.title is not None else prepared.title
    return dataclasses.replace(result, metadata=merged, title=title, errors=failures + result.errors)


def _for_html(c: Cleaner, options: Mapping[str, Any] | None) -> Cleaner:
    """``c`` with its HTML ``options`` applied, or ``c`` itself when it lacks one of them."""
    if not options or not dataclasses.is_dataclass(c) or isinstance(c, type):
        return c
    fields = {f.name for f in dataclasses.fields(c) if f.init}
    if not set(options) <= fields:
        return c
    return dataclasses.replace(c, **options)


def _as_cleaner(obj: Any) -> Cleaner:
    if isinstance(obj, FunctionCleaner) or (hasattr(obj, "name") and callable(obj)):
        return obj  # type: ignore[no-any-return]
    name = getattr(obj, "cleaner_name", None)
    if callable(obj) and name:
        return FunctionCleaner(name, obj, getattr(obj, "cleaner_reasons", None))
    raise ConfigError(
        f"{obj!r} is not a cleaner: give it a `name` attribute and a `__call__(doc)`, "
        "or decorate a function with @newsclean.cleaner('its_name')"
    )


class Pipeline:
    """An ordered, named list of cleaners plus the options of the whole run.

    Args:
        cleaners: the cleaners, run in order.
        detector: language detector for paragraphs, title and document: a name
            (``"fast"``, the default, or ``"langdetect"``), an object with
            ``detect(text) -> LanguageGuess``, or ``None`` to skip language labelling.
        html_timeout: seconds the HTML extraction of one document may take.
        skip_on_html: cleaners not run in the first pass over text extracted from HTML. By
            default the block classifier: trafilatura has already removed the page's
            boilerplate with the whole DOM, and on the development pages the classifier then
            costs more recall than it gains precision (body F1 0.890 with it, 0.907 without,
            every 3rd page). The settling looks run every cleaner, so that the result, cleaned
            again as plain text, stays as it is.
        html_options: per cleaner name, options (dataclass fields) that cleaner gets on text
            extracted from HTML; by default :data:`HTML_OPTIONS`: the headline stays in the body
            as well as in ``Result.title``, byline/dateline lines stay while their author and
            date are still recorded, and duplicates only drops exact copies (no caption
            pairing). A cleaner that lacks a named option (one of your own under a built-in
            name) is run unchanged. ``{}`` treats extracted HTML like plain text. The settling
            looks do not apply them: with ``settle_rounds`` above 0, what the other cleaners
            remove from plain text leaves an HTML body too (byline lines, caption pairs).
        catch_errors: when True (default), a cleaner that raises is recorded in
            ``Result.errors`` and its decisions on that document are undone; when False the
            exception propagates (useful while writing a cleaner).
        settle_rounds: how many times the pipeline may look again at the body it is about to
            return, as plain text of its own, and carry what that look removes back
            (:mod:`newsclean.settle`), so that cleaning the result again changes nothing.
            0 returns the first pass's body.
    """

    def __init__(self, cleaners: Iterable[Any], *, detector: str | LanguageDetector | None = "fast",
                 html_timeout: float = 10.0, catch_errors: bool = True,
                 skip_on_html: Iterable[str] = ("boilerplate",),
                 html_options: Mapping[str, Mapping[str, Any]] = HTML_OPTIONS, settle_rounds: int = 8) -> None:
        self._cleaners: tuple[Cleaner, ...] = tuple(_as_cleaner(c) for c in cleaners)
        names = [c.name for c in self._cleaners]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ConfigError(f"cleaner names must be unique; repeated: {', '.join(dupes)}")
        if isinstance(detector, str):
            get_detector(detector)  # validate early, with a helpful message
        self.detector = detector
        self.html_timeout = float(html_timeout)
        self.skip_on_html = tuple(skip_on_html)
        self.html_options: dict[str, dict[str, Any]] = {name: dict(opts) for name, opts in html_options.items()}
        self.catch_errors = catch_errors
        if settle_rounds < 0:
            raise ConfigError(f"settle_rounds must be 0 or more, not {settle_rounds!r}")
        self.settle_rounds = settle_rounds
        self._reasons = {c.name: declared_reasons(c) for c in self._cleaners}
        for c in self._cleaners:
            declared_reasons(c)  # well-formed codes, checked once
        self._html_cleaners = tuple(_for_html(c, self.html_options.get(c.name)) for c in self._cleaners
                                    if c.name not in self.skip_on_html)

    # ---- construction
    @classmethod
    def default(cls, **options: Any) -> Pipeline:
        """The default pipeline: every built-in cleaner in its default order."""
        from .cleaners import default_cleaners

        return cls(default_cleaners(), **options)

    def _with(self, cleaners: Iterable[Any]) -> Pipeline:
        return Pipeline(cleaners, detector=self.detector, html_timeout=self.html_timeout,
                        skip_on_html=self.skip_on_html, html_options=self.html_options,
                        catch_errors=self.catch_errors, settle_rounds=self.settle_rounds)

    @property
    def names(self) -> tuple[str, ...]:
        """Cleaner names, in order."""
        return tuple(c.name for c in self._cleaners)

    @property
    def cleaners(self) -> tuple[Cleaner, ...]:
        """The cleaners, in order."""
        return self._cleaners

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._cleaners)

    def __len__(self) -> int:
        return len(self._cleaners)

    def __getitem__(self, name: str) -> Cleaner:
        return self._cleaners[self._index(name)]

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.names)}], detector={self.detector!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Pipeline) and self._cleaners == other._cleaners
                and self.detector == other.detector and self.html_timeout == other.html_timeout
                and self.skip_on_html == other.skip_on_html and self.html_options == other.html_options
                and self.settle_rounds == other.settle_rounds)

    def _index(self, name: str) -> int:
        for i, c in enumerate(self._cleaners):
            if c.name == name:
                return i
        raise UnknownCleanerError(f"no cleaner named {name!r} in this pipeline; it has: {', '.join(self.names)}")

    def without(self, *names: str) -> Pipeline:
        """A pipeline without the named cleaners (unknown names raise UnknownCleanerError)."""
        for n in names:
            self._index(n)
        return self._with(c for c in self._cleaners if c.name not in names)

    def only(self, *names: str) -> Pipeline:
        """A pipeline of just the named cleaners, in the order given."""
        return self._with(self[n] for n in names)

    def reorder(self, names: Sequence[str]) -> Pipeline:
        """The same cleaners in a new order; ``names`` must name each exactly once."""
        if sorted(names) != sorted(self.names):
            raise ConfigError(f"reorder needs each of {', '.join(self.names)} exactly once")
        return self.only(*names)

    def insert_before(self, name: str, new: Any) -> Pipeline:
        """A pipeline with ``new`` inserted before the cleaner ``name``."""
        i = self._index(name)
        return self._with([*self._cleaners[:i], new, *self._cleaners[i:]])

    def insert_after(self, name: str, new: Any) -> Pipeline:
        """A pipeline with ``new`` inserted after the cleaner ``name``."""
        i = self._index(name) + 1
        return self._with([*self._cleaners[:i], new, *self._cleaners[i:]])

    def append(self, new: Any) -> Pipeline:
        """A pipeline with ``new`` added at the end."""
        return self._with([*self._cleaners, new])

    def replace(self, name: str, new: Any) -> Pipeline:
        """A pipeline with the cleaner ``name`` swapped for ``new``."""
        i = self._index(name)
        return self._with([*self._cleaners[:i], new, *self._cleaners[i + 1:]])

    def configure(self, name: str, **options: Any) -> Pipeline:
        """A pipeline whose cleaner ``name`` has the given options changed (dataclass fields)."""
        current = self[name]
        if not dataclasses.is_dataclass(current):
            raise ConfigError(f"cleaner {name!r} has no options to configure")
        fields = {f.name for f in dataclasses.fields(current) if f.init}
        bad = sorted(set(options) - fields)
        if bad:
            raise ConfigError(f"cleaner {name!r} has no option {', '.join(bad)}; its options: "
                              f"{', '.join(sorted(fields)) or '(none)'}")
        return self.replace(name, dataclasses.replace(current, **options))

    # ---- running
    def _detector(self) -> LanguageDetector | None:
        if self.detector is None:
            return None
        if isinstance(self.detector, str):
            return get_detector(self.detector)
        return self.detector

    def warm_up(self) -> Pipeline:
        """Load every model, table and word list now instead of on the first pages that need
        them (about a second in all), and return the pipeline.

        Useful before timing, before a latency-sensitive first request, and before forking
        worker processes (started by fork, the children then share the loaded tables). A cleaner takes part by
        having a ``warm_up()`` method; a detector likewise. The first document cleaned does the
        rest (phrase lists of the languages it meets).
        """
        for c in self._cleaners:
            warm = getattr(c, "warm_up", None)
            if callable(warm):
                warm()
        detector = self._detector()
        warm = getattr(detector, "warm_up", None)
        if callable(warm):
            warm()
        self.clean_text("Warm-up.\n\nA short text cleaned once, so that the tables of every cleaner are loaded.")
        return self

    def run(self, doc: Document, cleaners: Iterable[Cleaner] | None = None) -> tuple[CleanerFailure, ...]:
        """Run every cleaner (or the given ones) over ``doc``; return the failures (their
        decisions undone)."""
        failures: list[CleanerFailure] = []
        for c in self._cleaners if cleaners is None else cleaners:
            doc.begin(c.name, getattr(c, "reasons", None))
            try:
                c(doc)
            except Exception as exc:
                if not self.catch_errors:
                    raise
                doc.rollback()
                failures.append(CleanerFailure(c.name, type(exc).__name__, str(exc)[:500]))
            finally:
                doc.end()
        return tuple(failures)

    def _settle(self, doc: Document, *, reads_html: bool = False, extracted: bool = False) -> None:
        """Look again at the body until a look changes nothing (:mod:`newsclean.settle`)."""
        if not self.settle_rounds:
            return
        # the look runs every cleaner, the block classifier too on extracted HTML (which the first
        # pass skips): cleaning the result again reads it as plain text, so the result must be a
        # fixed point of the plain pipeline (held out, this costs HTML F1 0.004 on dragnet, 0.011
        # on cleaneval-dev and 0.029 on readability; see docs/benchmarks.md, "Cleaning twice")
        settle(doc, self.run, self._reasons, self.settle_rounds, reads_html=reads_html,
               first_pass_alike=not extracted)

    def clean_text(self, text: str) -> Result:
        """Clean a text (plain or markdown) and return the :class:`Result`."""
        with cyclic_gc_paused():
            detector = self._detector()
            doc = Document(text, detector=detector)
            failures = self.run(doc)
            self._settle(doc)
            result = assemble(doc, detector, failures)
            del doc  # freed before the collector resumes: it then has little new to look at
        return result

    def clean(self, data: str | bytes, *, input_format: InputFormat = "auto") -> Result:
        """Clean one document: text, markdown, HTML, or bytes of any of these.

        Args:
            data: the document. ``bytes`` are decoded (BOM, UTF-8, declared charset, then
                detection); offsets then refer to ``result.source``, the decoded text.
            input_format: ``"auto"`` (default) recognises HTML; ``"text"`` and
                ``"markdown"`` skip the HTML check; ``"html"`` forces extraction.

        Raises:
            TypeError: ``data`` is neither ``str`` nor ``bytes``.
            ConfigError: ``input_format`` is not one of the four values.
        """
        if input_format not in ("auto", "text", "markdown", "html"):
            raise ConfigError(f"input_format must be 'auto', 'text', 'markdown' or 'html', not {input_format!r}")
        prepared = prepare(data, input_format, timeout=self.html_timeout)
        with cyclic_gc_paused():
            detector = self._detector()
            doc = Document(prepared.text, detector=detector)
            cleaners = self._html_cleaners if prepared.input_format == "html" else self._cleaners
            failures = self.run(doc, cleaners)
            self._settle(doc, reads_html=input_format == "auto", extracted=prepared.input_format == "html")
            result = assemble(doc, detector, failures)
            del doc
        return _merge_prepared(prepared, result)

    __call__ = clean

    def clean_many(self, texts: Iterable[str | bytes], *, jobs: int = 1, threads: int = 1, chunksize: int = 8,
                   input_format: InputFormat = "auto", timeout: Deadline | None = DEFAULT_DEADLINE) -> Iterator[Result]:
        """Clean many documents lazily, results in input order.

        Each document is cleaned in a worker process (``jobs`` of them) under a hard
        ``timeout`` (default :data:`~newsclean.workers.DEFAULT_DEADLINE`: 5 s, or 3 s per MB
        for larger documents) that holds for C code too: a worker past it is killed and
        replaced, and the document's result is empty, with a ``DocumentTimeoutError`` entry in
        its ``errors``. ``timeout=None`` with ``jobs=1`` cleans in this process instead.
        At most a few chunks of ``chunksize`` documents are read ahead, whatever the input.

        ``threads > 1`` cleans in that many threads of this process instead (the compiled core
        releases the GIL for its per-page work): no worker processes, and so no hard deadline
        (a thread cannot be stopped; the HTML path keeps its own ``html_timeout``). Most of a
        page's time is still Python holding the GIL, so threads do not yet clean faster than
        one (``docs/benchmarks.md``, Threads): for throughput, use ``jobs``.

        Raises:
            WorkerCrashedError: a worker process died while cleaning a document.
            ConfigError: ``threads > 1`` together with ``jobs > 1`` or a ``timeout`` of one's own.
        """
        if threads > 1:
            if jobs > 1 or (timeout is not None and timeout is not DEFAULT_DEADLINE):
                raise ConfigError("clean_many(threads=...) cleans in this process, without worker processes "
                                  "or their deadline: pass jobs=1 and no timeout, or use jobs instead")
            from .parallel import thread_map
            return thread_map(lambda data: self.clean(data, input_format=input_format), texts, threads=threads)
        return self.clean_each(((t, input_format) for t in texts), jobs=jobs, chunksize=chunksize, timeout=timeout)

    def clean_each(self, items: Iterable[tuple[str | bytes, InputFormat]], *, jobs: int = 1, chunksize: int = 8,
                   timeout: Deadline | None = DEFAULT_DEADLINE) -> Iterator[Result]:
        """:meth:`clean_many` for ``(data, input_format)`` pairs: each document with its own format
        (a corpus whose records say which are HTML). Same workers, deadline and order."""
        from . import workers
        from .parallel import ordered_map

        def limit(item: tuple[str | bytes, InputFormat]) -> float:
            return timeout.seconds(len(item[0])) if timeout is not None else 0.0

        def timed_out(item: tuple[str | bytes, InputFormat]) -> Result:
            data = item[0]
            message = f"cleaning took longer than {limit(item):.1f} s; its worker process was stopped"
            return Result(source=data if isinstance(data, str) else "", text="",
                          errors=(CleanerFailure("newsclean", DocumentTimeoutError.__name__, message),))

        yield from ordered_map(workers.clean_one, items, jobs=jobs,
                               chunksize=chunksize, initializer=workers.install, initargs=(self, timeout is not None),
                               deadline=limit if timeout is not None else None, on_timeout=timed_out,
                               before_fork=self.warm_up)  # forked workers inherit the loaded models
