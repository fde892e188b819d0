r"""Find every compiled regular expression in newsclean and derive attack strings from its structure.

Shared by ``tests/test_linear_patterns.py`` (the linear-time test) and ``benchmarks/patterns.py``
(time per megabyte at several sizes).

Patterns come from two places (the phrase lists are matched by the compiled core, which has no
backtracking: ``tests/test_linear_patterns.py`` times them separately):

* module-level ``re.Pattern`` / ``regex.Pattern`` objects of every ``newsclean`` submodule, and
  patterns in module-level dicts, tuples and lists;
* patterns built by functions (``calls_to_action._pointer_pattern``), listed in :data:`BUILDERS`.

Attack strings are derived from the pattern's parse tree, as ReDoS checkers (regexploit, recheck)
do: the source is parsed with Python's own regular-expression parser (``re._parser``; the
``regex`` module's ``\p{..}`` classes are stood in for by private-use characters that sample the
real class). For every quantified sub-pattern (``*``, ``+``, ``{m,n}`` with n > 1) an attack is
*prefix* + *pump* x n + *failing suffix*: the prefix is a string matching what comes before the
quantifier, the pump a string the quantified sub-pattern matches (each alternative, one or two
iterations of inner quantifiers, pairs of them, the pump followed by what comes next: the
overlaps that make nested and adjacent quantifiers backtrack), and the suffix a character that
makes the whole match fail at the very end, where backtracking engines are slowest. A linear
pattern's time grows like n on every attack; ``(?:<!--.*?-->\s*)*`` on ``"<!---->" * n + "\x00"``
grows like 2**n.
"""
from __future__ import annotations

import importlib
import itertools
import math
import pkgutil
import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

import newsclean

__all__ = ["BUILDERS", "Attack", "Growth", "NamedPattern", "Unparsable", "attacks", "discover_patterns", "growth",
           "parse", "run_pattern", "samples", "time_run", "worst_attacks"]

#: Functions in the package that build a pattern at run time: (module, function name).
BUILDERS: tuple[tuple[str, str], ...] = (
    ("newsclean.cleaners.calls_to_action", "_pointer_pattern"),
)

#: Modules not imported while discovering (entry points that run on import).
_SKIP_MODULES = frozenset({"newsclean.__main__"})


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
    for modname, func in BUILDERS:
        built: Callable[[], regex.Pattern[str] | None] = getattr(importlib.import_module(modname), func)
        p = built()
        if p is not None:
            found[f"{modname}.{func}()"] = NamedPattern(f"{modname}.{func}()", p)
    return [found[k] for k in sorted(found)]


# ----------------------------------------------------------------------------- parsing
# Characters tried against each character class, by kind; a class's samples are the first matching
# character of each kind, so that "[\\p{N}\\p{P}\\s]" gives a digit, a punctuation mark and a space.
_KINDS = (
    "aZéCm", "09١²", " \t\n\u00a0\x85\u200b\ufeff", ".,!?-_#*[]()<>/:;\"'&@%…。！—–•«»’”\\",
    "+=|~`^{}$°€™", "зЖ中あア한กعﬁＡ", "\u0301\x00\x1f",
)
_ALPHABET = "".join(_KINDS)
_SUFFIXES = ("\x00", "!")  # match almost nothing: the match must fail at the very end
_SAMPLES = 5  # strings kept per sub-pattern
_MAX_ATTACKS = 100  # per pattern
_PROPERTY = re.compile(r"\\\\|\\[pP]\{[^}]*\}")  # an escaped backslash, or \p{..} / \P{..}
_PLACEHOLDER_BASE = 0xF0000  # supplementary private use: absent from every pattern
_SRE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_CATEGORIES: dict[object, re.Pattern[str]] = {
    sre.CATEGORY_DIGIT: re.compile(r"\d"), sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    sre.CATEGORY_SPACE: re.compile(r"\s"), sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    sre.CATEGORY_WORD: re.compile(r"\w"), sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
    sre.CATEGORY_LINEBREAK: re.compile(r"\n"), sre.CATEGORY_NOT_LINEBREAK: re.compile(r"[^\n]"),
}


class Unparsable(ValueError):
    """The pattern's syntax is not one Python's parser reads (a ``regex``-only construct)."""


@dataclass
class _Parsed:
    """A parse tree, the classes its placeholder characters stand for, and group samples."""

    tree: list[tuple[Any, Any]]
    dotall: bool
    properties: dict[str, regex.Pattern[str]] = field(default_factory=dict)
    groups: dict[int, str] = field(default_factory=dict)


def _source(pattern: re.Pattern[str] | regex.Pattern[str]) -> str:
    src = pattern.pattern
    return src if isinstance(src, str) else src.decode("latin-1")


def parse(pattern: re.Pattern[str] | regex.Pattern[str]) -> _Parsed:
    """Parse ``pattern`` with ``re._parser``; ``\\p{..}`` classes become placeholder characters.

    Raises:
        Unparsable: the syntax is ``regex``-only beyond ``\\p{..}``.
    """
    properties: dict[str, regex.Pattern[str]] = {}
    by_escape: dict[str, str] = {}

    def stand_in(m: re.Match[str]) -> str:
        escape = m.group()
        if escape == "\\\\":
            return escape
        if escape not in by_escape:
            char = chr(_PLACEHOLDER_BASE + len(by_escape))
            by_escape[escape] = char
            properties[char] = regex.compile(f"[{escape}]", pattern.flags & regex.IGNORECASE)
        return by_escape[escape]

    source = _PROPERTY.sub(stand_in, _source(pattern))
    try:
        tree = sre_parse.parse(source, pattern.flags & _SRE_FLAGS)
    except (re.error, OverflowError, RecursionError) as exc:
        raise Unparsable(str(exc)) from None
    return _Parsed(list(tree), bool(pattern.flags & re.DOTALL), properties)


# ----------------------------------------------------------------------------- samples
def _matches_class(char: str, items: list[tuple[Any, Any]], parsed: _Parsed) -> bool:
    negate = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            lit = chr(av)
            prop = parsed.properties.get(lit)
            if lit == char or (prop is not None and prop.fullmatch(char)):
                return not negate
        elif op is sre.RANGE:
            if av[0] <= ord(char) <= av[1]:
                return not negate
        elif op is sre.CATEGORY:
            cat = _CATEGORIES.get(av)
            if cat is not None and cat.fullmatch(char):
                return not negate
    return negate


def _class_samples(items: list[tuple[Any, Any]], parsed: _Parsed) -> list[str]:
    return _diverse(lambda c: _matches_class(c, items, parsed))


def _diverse(member: Callable[[str], bool]) -> list[str]:
    """The first character of each kind that is a member, then the other members (three in all)."""
    firsts = [next((c for c in kind if member(c)), "") for kind in _KINDS]
    rest = (c for c in _ALPHABET if member(c))
    return _unique((c for c in itertools.chain(firsts, rest) if c), 3)


def _unique(strings: Iterable[str], limit: int = _SAMPLES) -> list[str]:
    return list(dict.fromkeys(strings))[:limit]


def _node_samples(op: Any, av: Any, parsed: _Parsed) -> list[str]:
    """A few strings the node ``(op, av)`` matches (``[""]`` for zero-width nodes)."""
    if op is sre.LITERAL:
        prop = parsed.properties.get(chr(av))
        return _diverse(lambda c: prop.fullmatch(c) is not None) if prop is not None else [chr(av)]
    if op is sre.NOT_LITERAL:
        return [next(c for c in _ALPHABET if ord(c) != av)]
    if op is sre.ANY:
        return ["a", "\n"] if parsed.dotall else ["a"]
    if op is sre.IN:
        return _class_samples(av, parsed)
    if op is sre.SUBPATTERN:
        found = samples(av[3], parsed)
        if av[0] is not None and found:
            parsed.groups.setdefault(av[0], found[0])
        return found
    if op is sre.ATOMIC_GROUP:
        return samples(av, parsed)
    if op is sre.BRANCH:
        per_alt = (samples(alt, parsed)[:2] for alt in av[1])  # two of each alternative, in order
        return _unique(itertools.chain.from_iterable(per_alt), 2 * _SAMPLES)
    if op in _REPEATS:
        low, high, body = av
        found = samples(body, parsed)
        more = [b * (low + 1) for b in found] if high > low else []
        return _unique([*(b * low for b in found[:1]), *more, *(b * low for b in found[1:])])
    if op is sre.GROUPREF:
        return [parsed.groups.get(av, "")]
    if op is sre.GROUPREF_EXISTS:
        return samples(av[1], parsed)
    return [""]  # anchors, lookarounds: zero width


def samples(items: Iterable[tuple[Any, Any]], parsed: _Parsed) -> list[str]:
    """A few strings a sequence of nodes matches: the first sample of each node, then each node's
    other samples in turn (a node with no sample, an empty class, contributes nothing)."""
    per_node = [_node_samples(op, av, parsed) or [""] for op, av in items]
    base = [s[0] for s in per_node]
    out = ["".join(base)]
    for i, node in enumerate(per_node):
        out.extend("".join([*base[:i], alt, *base[i + 1:]]) for alt in node[1:])
    return _unique(out)


# ----------------------------------------------------------------------------- attacks
@dataclass(frozen=True)
class Attack:
    """``prefix + pump * n + suffix``: an attack on one quantified sub-pattern."""

    prefix: str
    pump: str
    suffix: str

    @property
    def label(self) -> str:
        """How the attack reads: ``'<' + '!'*n + '\\x00'``."""
        return f"{self.prefix!r} + {self.pump!r}*n + {self.suffix!r}"

    def text(self, n: int) -> str:
        """The attack string with the pump repeated ``n`` times."""
        return self.prefix + self.pump * n + self.suffix

    def pumps_for(self, length: int) -> int:
        """How many pumps make the string about ``length`` characters long (at least one)."""
        return max(1, (length - len(self.prefix) - len(self.suffix)) // len(self.pump))


def _quantified(items: list[tuple[Any, Any]], prefix: str, parsed: _Parsed,
                out: list[tuple[str, list[str], list[str]]]) -> None:
    """Append ``(prefix, pumps, follow)`` for every quantified node under ``items``, in order."""
    for i, (op, av) in enumerate(items):
        if op in _REPEATS:
            low, high, body = av
            follow = samples(items[i + 1:i + 2], parsed) if i + 1 < len(items) else [""]
            if high > 1:
                out.append((prefix, samples(body, parsed), follow))
            _quantified(list(body), prefix + "".join(samples(body, parsed)[:1]) * max(0, low - 1), parsed, out)
        elif op is sre.SUBPATTERN:
            _quantified(list(av[3]), prefix, parsed, out)
        elif op is sre.ATOMIC_GROUP:
            _quantified(list(av), prefix, parsed, out)
        elif op is sre.BRANCH:
            for alt in av[1]:
                _quantified(list(alt), prefix, parsed, out)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _quantified(list(av[1]), prefix, parsed, out)
        prefix += _node_samples(op, av, parsed)[0] if _node_samples(op, av, parsed) else ""


def attacks(pattern: re.Pattern[str] | regex.Pattern[str]) -> list[Attack]:
    """The attack strings derived from ``pattern``'s structure (see the module docstring).

    Raises:
        Unparsable: see :func:`parse`.
    """
    parsed = parse(pattern)
    found: list[tuple[str, list[str], list[str]]] = []
    _quantified(parsed.tree, "", parsed, found)
    out: dict[tuple[str, str, str], None] = {}
    for prefix, pumps, follow in found:
        pumps = [p for p in pumps if p]
        candidates = [*pumps, *(a + b for a, b in itertools.permutations(pumps, 2)),
                      *(pumps[0] + f for f in follow[:1] if f and pumps)]
        for pump in candidates:
            for suffix in _SUFFIXES:
                out.setdefault((prefix, pump, suffix), None)
    return [Attack(*key) for key in out][:_MAX_ATTACKS]


# ----------------------------------------------------------------------------- timing
class _Overtime(Exception):
    pass


#: Shortest CPU time told apart from nothing (the process clock ticks every 4 ms on some kernels).
RESOLUTION = 0.01


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


def time_run(pattern: re.Pattern[str] | regex.Pattern[str], text: str, limit: float = 5.0) -> float:
    """CPU seconds :func:`run_pattern` takes (CPU time, so a busy machine does not inflate it);
    ``math.inf`` when it runs past ``limit`` CPU seconds (a profiling timer: both engines check
    for signals while matching, so an exponential pattern is stopped, in the main thread)."""
    guarded = threading.current_thread() is threading.main_thread()
    if guarded:
        def overtime(signum: int, frame: object) -> None:
            raise _Overtime

        previous = signal.signal(signal.SIGPROF, overtime)
        signal.setitimer(signal.ITIMER_PROF, limit)
    started = time.process_time()
    try:
        run_pattern(pattern, text)
    except _Overtime:
        return math.inf
    finally:
        if guarded:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
    return time.process_time() - started


def _best(pattern: re.Pattern[str] | regex.Pattern[str], text: str, limit: float, runs: int = 2) -> float:
    best = math.inf
    for _ in range(runs):
        best = min(best, time_run(pattern, text, limit))
        if best == math.inf:
            break
    return best


def worst_attacks(pattern: re.Pattern[str] | regex.Pattern[str], *, screen_length: int = 10_000,
                  keep: int = 1, limit: float = 0.5) -> list[tuple[Attack, float]]:
    """The ``keep`` attacks slowest at about ``screen_length`` characters, as ``(attack, seconds)``.

    A super-linear pattern is slowest on the strings that make it backtrack, at any length, so a
    cheap screen at a few kilobytes picks the attacks worth growing.
    """
    timed = []
    for attack in attacks(pattern):
        seconds = time_run(pattern, attack.text(attack.pumps_for(screen_length)), limit)
        if seconds == math.inf:  # stopped: nothing can be worse
            return [(attack, seconds)]
        timed.append((attack, seconds))
    timed.sort(key=lambda t: t[1], reverse=True)
    return timed[:keep]


@dataclass(frozen=True)
class Growth:
    """Time at ``n`` pumps and at ``4 n`` pumps; ``ratio`` is about 4 for a linear pattern."""

    n: int
    seconds: float
    seconds_4n: float

    @property
    def ratio(self) -> float:
        """``seconds_4n / seconds`` (infinite when the longer run was stopped); a time below
        :data:`RESOLUTION` counts as that (CPU clocks may tick every few milliseconds)."""
        if self.seconds_4n == math.inf or self.seconds == math.inf:
            return math.inf
        return self.seconds_4n / max(self.seconds, RESOLUTION)


def growth(pattern: re.Pattern[str] | regex.Pattern[str], attack: Attack, *, min_seconds: float = 0.1,
           max_length: int = 1_000_000, limit: float = 5.0, runs: int = 2) -> Growth:
    """Time ``attack`` at ``n`` and ``4 n`` pumps, ``n`` doubled from a few hundred characters until a
    run takes ``min_seconds`` (so timer noise is small) or the string reaches ``max_length / 4``.

    Every run is stopped after ``limit`` seconds (and counts as infinite), so an exponential
    pattern costs at most that. Each length is timed ``runs`` times and the best time kept.
    """
    n = attack.pumps_for(200)
    seconds = time_run(pattern, attack.text(n), limit)
    while seconds < min_seconds and len(attack.text(4 * n)) <= max_length:
        n, seconds = 2 * n, time_run(pattern, attack.text(2 * n), limit)
    if seconds == math.inf:
        return Growth(n, seconds, seconds)
    return Growth(n, _best(pattern, attack.text(n), limit, runs), _best(pattern, attack.text(4 * n), limit, runs))
