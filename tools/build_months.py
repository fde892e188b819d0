"""Regenerate ``src/newsclean/data/months.json`` from the Unicode CLDR (through Babel).

Month names in every form a dateline uses — wide and abbreviated, format (genitive: "12 февраля")
and stand-alone ("февраль") — lowercased, trailing dots stripped, for each language newsclean has a
stoplist for. Usage: ``pip install babel && python tools/build_months.py``.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from babel import Locale, UnknownLocaleError

OUT = Path(__file__).resolve().parents[1] / "src" / "newsclean" / "data" / "months.json"
STOPLISTS = OUT.parent / "stoplists"


def forms(locale: Locale) -> list[list[str]]:
    months: list[list[str]] = [[] for _ in range(12)]
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = unicodedata.normalize("NFC", name).casefold().rstrip(".").strip()
                if name and not name.isdigit() and name not in months[number - 1]:
                    months[number - 1].append(name)
    return months


def stoplist_locales() -> Iterator[tuple[str, str, Locale]]:
    """``(code, tag, locale)`` for every language with a stoplist that the CLDR knows, Serbian
    twice (Cyrillic ``sr``, then Latin ``sr_Latn``)."""
    for path in sorted(STOPLISTS.glob("*.txt")):
        code = path.stem
        for tag in ([code, "sr_Latn"] if code == "sr" else [code]):
            try:
                yield code, tag, Locale.parse(tag)
            except (UnknownLocaleError, ValueError):
                continue


def main() -> None:
    table: dict[str, list[list[str]]] = {}
    for code, tag, locale in stoplist_locales():
        months = forms(locale)
        if tag == "sr_Latn":
            for i, names in enumerate(months):
                table["sr"][i].extend(n for n in names if n not in table["sr"][i])
        else:
            table[code] = months
    lines = [f"  {json.dumps(code)}: {json.dumps(months, ensure_ascii=False)}" for code, months in table.items()]
    OUT.write_text('{"source": "Unicode CLDR via Babel: months[format|stand-alone][wide|abbreviated]",\n'
                   ' "months": {\n' + ",\n".join(lines) + "\n}}\n", encoding="utf-8")
    print(f"{len(table)} languages -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
