"""Find every compiled regular expression in newsclean and build adversarial inputs for each.

Shared by ``tests/test_linear_patterns.py`` (a hang detector run in CI) and
``benchmarks/patterns.py`` (time per character at 10 KB and 1 MB).

Patterns come from three places:

* module-level ``re.Pattern`` / ``regex.Pattern`` objects of every ``newsclean`` submodule, and
  patterns in module-level dicts, tuples and lists;
* :func:`newsclean.textshape.phrase_matcher` over every lexicon phrase kind, plain and anchored;
* patterns built by functions (``bylines._month_pattern``), listed in :data:`BUILDERS`.

Adversarial strings are made from the pattern's own pieces: its literal runs (``"http://"``,
``"<!--"``, ``"!["``), a sample character of each character class (``[\\p{L}]`` → ``"a"``), pairs
and prefixes of consecutive pieces (``"°C"``, ``"#a"``), each repeated to the wanted length, once
as is and once followed by a character that makes the match fail at the very end — backtracking
engines are slowest when they almost match. The generic ones (``"a" * n``, spaces, digits,
``"[" * n``, ``"http://" * n``...) are added for every pattern.
"""
from __future__ import annotations

import codecs
import importlib
import itertools
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

import newsclean
from newsclean import lexicon
from newsclean.textshape import phrase_matcher

__all__ = ["BUILDERS", "NamedPattern", "adversarial_string", "adversarial_strings", "discover_patterns", "run_pattern",
           "time_run", "worst_cores"]

#: Functions in the package that build a pattern at run time: (module, function name).
BUILDERS: tuple[tuple[str, str], ...] = (
    ("newsclean.cleaners.bylines", "_month_pattern"),
)

#: Modules not imported while discovering (entry points that run on import).
_SKIP_MODULES = frozenset({"newsclean.__main__"})

# Characters tried against each character class; the first few that match become its samples.
_ALPHABET = (
    "a" "Z" "é" "0" "9" " " "\t" "\n" "." "," "!" "?" "-" "_" "#" "*" "[" "]" "(" ")" "<" ">" "/" ":" ";"
    "\"" "'" "&" "@" "%" "+" "=" "|" "~" "`" "^" "{" "}" "\\" "$" "°" "C" "m" "з" "Ж" "中" "あ" "ア" "한"
    "ก" "ع" "\u0301" "’" "”" "«" "»" "…" "。" "！" "—" "–" "•" "\u00a0" "\u200b" "\x00" "\x1f" "\x85"
    "\ufeff" "\ud800" "€" "™" "ﬁ" "Ａ" "١" "²"
)
_GENERIC_CORES = ("a", " ", "0", "#", "![", "[", "](", "http://", "<", "<a ", "*", "_", ".", "-", "\t", "a ",
                  "A", "é", "中", "\"", "'", "&", "<!--", "@")
_FAIL_TAIL = "\x00"  # matches almost nothing: the match must fail at the very end


@dataclass(frozen=True)
class NamedPattern:
    """A compiled pattern and where it lives (``module.NAME`` or ``phrase_matcher(kind)``)."""

    name: str
    pattern: re.Pattern[str] | regex.Pattern[str]


def _modules() -> Iterator[str]:
    yield newsclean.__name__
    for info in pkgutil.walk_packages(newsclean.__path__, prefix=newsclean.__name__ + "."):
        if info.name not in _SKIP_MODULES:
            yield info.name


def discover_patterns() -> list[NamedPattern]:
    """Every pattern newsclean compiles, by a stable name, sorted by name.

    A module that fails to import (a module under construction) is skipped, not an error: the
    import tests of that module say what is wrong.
    """
    found: dict[str, NamedPattern] = {}
    seen: set[int] = set()
    pattern_types = (re.Pattern, regex.Pattern)
    for modname in _modules():
        try:
            module = importlib.import_module(modname)
        except ImportError:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, pattern_types):
                candidates = [(f"{modname}.{attr}", value)]
            elif isinstance(value, dict):  # tables of patterns: {"script": re.compile(...)}
                candidates = [(f"{modname}.{attr}[{k!r}]", v) for k, v in value.items()]
            elif isinstance(value, (tuple, list)):
                candidates = [(f"{modname}.{attr}[{i}]", v) for i, v in enumerate(value)]
            else:
                continue
            for name, p in candidates:
                if isinstance(p, pattern_types) and id(p) not in seen:
                    seen.add(id(p))
                    found[name] = NamedPattern(name, p)
    for kind in lexicon.PHRASE_KINDS:
        for anchored in (False, True):
            matcher = phrase_matcher(lexicon.all_phrases(kind), anchored=anchored)
            p = getattr(matcher, "regex", matcher)  # a PhraseMatcher wraps its compiled pattern
            if p is not None:
                name = f"phrase_matcher({kind}{', anchored' if anchored else ''})"
                found[name] = NamedPattern(name, p)
    for modname, func in BUILDERS:
        built: Callable[[], regex.Pattern[str] | None] = getattr(importlib.import_module(modname), func)
        p = built()
        if p is not None:
            found[f"{modname}.{func}()"] = NamedPattern(f"{modname}.{func}()", p)
    return [found[k] for k in sorted(found)]


# ----------------------------------------------------------------------------- pattern pieces
_CLASS_ESCAPES = frozenset("dDwWsShHvVpPX")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGmM")


def _class_samples(class_source: str, flags: int, limit: int = 3) -> list[str]:
    try:
        cls = regex.compile(class_source, flags & (regex.IGNORECASE | regex.UNICODE))
    except regex.error:
        return []
    return [c for c in _ALPHABET if cls.fullmatch(c)][:limit]


def _skip_group_rest(source: str, i: int) -> int:
    """Offset of the ``)`` closing the group that contains offset ``i``."""
    depth, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(source, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return n


def _class_end(source: str, i: int) -> int:
    """Offset just after the character class opening at ``source[i] == "["``."""
    n = len(source)
    j = i + 1
    if j < n and source[j] == "^":
        j += 1
    if j < n and source[j] == "]":
        j += 1
    depth = 1
    while j < n and depth:
        if source[j] == "\\":
            j += 2
            continue
        if source[j] == "[":
            depth += 1
        elif source[j] == "]":
            depth -= 1
        j += 1
    return j


def _pieces(source: str, flags: int) -> list[list[list[str]]]:
    """The pattern's top-level alternatives, each a sequence of pieces (lists of sample strings).

    A literal character gives ``[char]``; a character class, ``.`` or ``\\p{..}`` gives samples of
    what it matches; groups, quantifiers and anchors are skipped; inside a group only the first
    alternative is followed, so a sequence reads like one string the pattern could match.
    """
    verbose = bool(flags & regex.VERBOSE)
    alternatives: list[list[list[str]]] = [[]]
    out = alternatives[0]
    depth = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if verbose and c.isspace():
            i += 1
        elif verbose and c == "#":
            while i < n and source[i] != "\n":
                i += 1
        elif c == "\\" and i + 1 < n:
            e = source[i + 1]
            if e in "pP" and i + 2 < n and source[i + 2] == "{":
                j = source.find("}", i) + 1 or n
                out.append(_class_samples(source[i:j], flags))
                i = j
            elif e in _CLASS_ESCAPES:
                out.append(_class_samples(source[i:i + 2], flags))
                i += 2
            elif e in _ZERO_WIDTH_ESCAPES:
                i += 2
            elif e in "xuUN":
                m = re.match(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})", source[i:])
                if m:
                    out.append([codecs.decode(m.group(), "unicode_escape")])
                    i += len(m.group())
                else:
                    i += 2
            elif e.isdigit():  # a back reference
                i += 2
            else:
                out.append([{"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}.get(e, e)])
                i += 2
        elif c == "[":
            j = _class_end(source, i)
            out.append(_class_samples(source[i:j], flags))
            i = j
        elif c == "(":
            m = re.match(r"\((?:\?(?:P?<\w+>|<=|<!|[:=!>|]|[a-zA-Z]+[:)])?)?", source[i:])
            depth += 1
            i += len(m.group()) if m else 1
        elif c == ")":
            depth = max(0, depth - 1)
            i += 1
        elif c == "|":
            if depth == 0:
                out = []
                alternatives.append(out)
                i += 1
            else:
                i = _skip_group_rest(source, i + 1)
        elif c == "{":
            m = re.match(r"\{\d*(?:,\d*)?\}", source[i:])
            if m:
                i += len(m.group())
            else:
                out.append([c])
                i += 1
        elif c in "*+?^$":
            i += 1
        elif c == ".":
            out.append(["a", "\n" if flags & regex.DOTALL else "."])
            i += 1
        else:
            out.append([c])
            i += 1
    return [[p for p in alt if p] for alt in alternatives]


def _literal_runs(source: str) -> list[str]:
    """Runs of two or more literal characters in the source (``http://``, ``<!--``, ``![``)."""
    source = re.sub(r"\{\d*(?:,\d*)?\}", " ", source)  # quantifiers are not literals
    runs = re.findall(r"(?:\\[^\w\s]|[^\\\[\](){}|*+?^$.\s])+", source)
    out = []
    for r in runs:
        text = re.sub(r"\\([^\w\s])", r"\1", r)
        if len(text) >= 2:
            out.append(text)
    return out


def _cores(np: NamedPattern, max_cores: int) -> list[str]:
    pattern = np.pattern
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    alternatives = _pieces(source, pattern.flags)
    cores: dict[str, None] = {}

    def add(s: str) -> None:
        if s and len(cores) < max_cores:
            cores.setdefault(s, None)

    if source.count("|") > 40:  # a phrase list: use its phrases, their words and near misses
        phrases = [p for p in regex.split(r"(?<!\\)\|", source) if p]
        phrases = [re.sub(r"\\(.)", r"\1", re.sub(r"^.*\(\?:", "", p)) for p in phrases]
        phrases = [re.sub(r"\)\(\?!.*$", "", p) for p in phrases]
        for p in sorted(phrases, key=len, reverse=True)[:8]:
            add(p + " ")
            add(p[:-1])
            add(p.split(" ")[0] + " ")
    for pieces in alternatives[:20]:
        for k in range(3, min(len(pieces), 12) + 1):
            add("".join(p[0] for p in pieces[:k]))
        for a, b in itertools.pairwise(pieces):
            add(a[0] + b[0])
            if len(a) > 1 or len(b) > 1:
                add(a[-1] + b[-1])
    for pieces in alternatives[:20]:
        for p in pieces:
            for s in p:
                add(s)
    for run in _literal_runs(source):
        add(run)
    for g in _GENERIC_CORES:
        add(g)
    return list(cores)


def adversarial_strings(np: NamedPattern, length: int, *, max_cores: int = 60) -> Iterator[tuple[str, str]]:
    """``(label, text)`` pairs of adversarial inputs of exactly ``length`` characters."""
    for core in _cores(np, max_cores):
        body = (core * (length // len(core) + 1))[:length]
        yield f"{core!r}*n", body
        yield f"{core!r}*n+fail", body[: length - 1] + _FAIL_TAIL


def run_pattern(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> None:
    """Exercise ``pattern`` on ``text`` the ways newsclean uses patterns: search from every start
    position (``findall``) and an anchored ``match``."""
    if isinstance(pattern.pattern, bytes):
        data = text.encode("utf-8", "surrogatepass")
        pattern.findall(data)
        pattern.match(data)
    else:
        pattern.findall(text)
        pattern.match(text)


def time_run(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> float:
    """CPU seconds :func:`run_pattern` takes (CPU time, so a busy machine does not inflate it)."""
    started = time.process_time()
    run_pattern(pattern, text)
    return time.process_time() - started


def worst_cores(np: NamedPattern, *, screen_length: int = 2_000, keep: int = 3) -> list[tuple[str, float]]:
    """The ``keep`` adversarial strings slowest at ``screen_length``, as ``(label, seconds)``.

    A super-linear pattern is slowest on the strings that make it backtrack, at any length, so a
    cheap screen at a few kilobytes picks the strings worth running at full length.
    """
    timed = [(label, time_run(np.pattern, text)) for label, text in adversarial_strings(np, screen_length)]
    timed.sort(key=lambda t: t[1], reverse=True)
    return timed[:keep]


def adversarial_string(np: NamedPattern, label: str, length: int) -> str:
    """The adversarial string called ``label`` (from :func:`adversarial_strings`) at ``length``."""
    for lab, text in adversarial_strings(np, length):
        if lab == label:
            return text
    raise KeyError(label)
