"""Regenerate ``src/newsclean/data/calendar.json`` from the Unicode CLDR (through Babel).

Two closed word classes that date and widget lines are made of, for each language newsclean has
a stoplist for:

- ``weekdays``: day names, wide and abbreviated, format and stand-alone ("quinta-feira",
  "qui", "Donnerstag", "четверг");
- ``day_periods``: the words for a.m. and p.m. ("π", "μ" of "π.μ."/"μ.μ.", "下午", "ص");
- ``minute_units``: the word of CLDR's ``duration-minute`` unit in its long, short and narrow
  patterns ("minutes", "min", "мин", "λ", "分"), the word a read-time line counts in (the
  language's stopwords left out: Romanian's "{0} de minute" gives "minute", not "de");
- ``date_words``: the letters of the date and time formats that are not fields: quoted literals
  and letters outside the pattern alphabet ("г" of Bulgarian "d.MM.yy 'г'.", "年", "月", "日"
  of "y年M月d日", "gada"), what a numeric date is written with besides its digits;
- ``relative_times``: whole patterns, not words: how a time in the past is written relative to
  now, from seconds to years ("# hours ago", "vor # stunden", "# 時間前"; the count as ``#``).

Each of the others is stored as the words its names split into (``lexicon.normalize`` form, trailing dots
stripped), since a line is compared word by word. Usage:
``pip install babel && python tools/build_calendar.py``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import regex
from babel import Locale
from build_months import stoplist_locales

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from newsclean.lexicon import normalize, stopwords  # noqa: E402

OUT = ROOT / "src" / "newsclean" / "data" / "calendar.json"
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_NO_SPACES = regex.compile(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")


def _words(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        for word in _WORD.findall(normalize(name)):
            if word not in out:
                out.append(word)
    return out


def weekdays(locale: Locale) -> list[str]:
    """Day-name words; a one-letter abbreviation only in a script written without spaces ("月",
    "월"): elsewhere ("p", "e", "п") it is an initial or a unit more often than a day."""
    words = _words([name for context in ("format", "stand-alone") for width in ("wide", "abbreviated")
                    for name in locale.days[context][width].values()])
    return [w for w in words if len(w) > 1 or _NO_SPACES.match(w)]


def day_periods(locale: Locale) -> list[str]:
    names = [locale.day_periods[context][width].get(period) for context in ("format", "stand-alone")
             for width in ("wide", "abbreviated") for period in ("am", "pm")]
    return _words([name for name in names if name])


def minute_units(locale: Locale, code: str) -> list[str]:
    """The unit's words, without the language's stopwords ("{0} de minute": not "de")."""
    patterns = locale._data["unit_patterns"].get("duration-minute", {})
    stop = stopwords(code)
    return [w for w in _words([pattern.replace("{0}", " ") for width in ("long", "short", "narrow")
                               for form, pattern in patterns.get(width, {}).items() if form != "per"])
            if w not in stop]


_QUOTED = regex.compile(r"'([^']*)'")
_FIELD_LETTERS = regex.compile(r"[A-Za-z]+")


def date_words(locale: Locale) -> list[str]:
    """Literal words of the short to full date, time and date-time formats."""
    patterns = [formats[width].pattern for formats in (locale.date_formats, locale.time_formats)
                for width in ("short", "medium", "long", "full")]
    literals: list[str] = []
    for pattern in patterns:
        literals += _QUOTED.findall(pattern)
        literals.append(_FIELD_LETTERS.sub(" ", _QUOTED.sub(" ", pattern)))
    return _words(literals)


_RELATIVE_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


def relative_times(locale: Locale) -> list[str]:
    """The past relative-time patterns of the units from seconds to years, every width and plural
    form ("{0} hours ago", "vor {0} Stunden", "{0} 時間前"), the count written ``#``."""
    fields = locale._data["date_fields"]
    patterns = [pattern for unit in _RELATIVE_UNITS for width in ("", "-short", "-narrow")
                for pattern in fields.get(unit + width, {}).get("past", {}).values()]
    out: list[str] = []
    for pattern in patterns:
        text = normalize(pattern.replace("{0}", "#"))
        if text not in out:
            out.append(text)
    return out


def main() -> None:
    table: dict[str, dict[str, list[str]]] = {"weekdays": {}, "day_periods": {}, "minute_units": {},
                                              "date_words": {}, "relative_times": {}}
    for code, _, locale in stoplist_locales():
        for kind, words in (("weekdays", weekdays(locale)), ("day_periods", day_periods(locale)),
                            ("minute_units", minute_units(locale, code)),
                            ("date_words", date_words(locale)), ("relative_times", relative_times(locale))):
            known = table[kind].setdefault(code, [])
            known.extend(w for w in words if w not in known)
    parts = []
    for kind, by_lang in table.items():
        rows = ",\n".join(f"    {json.dumps(code)}: {json.dumps(words, ensure_ascii=False)}"
                          for code, words in by_lang.items() if words)
        parts.append(f' "{kind}": {{\n{rows}\n }}')
    OUT.write_text('{"source": "Unicode CLDR via Babel: days[format|stand-alone][wide|abbreviated], '
                   'day_periods[format|stand-alone][wide|abbreviated][am|pm], '
                   'unit_patterns[duration-minute][long|short|narrow], '
                   'date_formats and time_formats[short|medium|long|full] literals, '
                   'date_fields[second..year][|-short|-narrow][past]",\n' + ",\n".join(parts) + "\n}\n",
                   encoding="utf-8")
    print(f"{len(table['weekdays'])} languages -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
