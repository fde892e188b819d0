"""The page's headline, found in its markup: the heading that is its whole ``<title>`` or the
title's longest part (see "Headline" in :mod:`newsclean.html`). Bounded linear scans; never
raises on odd markup."""
from __future__ import annotations

import regex

__all__ = ["page_headline"]

_TITLE_OPEN = regex.compile(r"<title\b[^<>]{0,500}>", regex.IGNORECASE)
_TITLE_CLOSE = regex.compile(r"</title\s{0,10}>", regex.IGNORECASE)
_H1_OPEN = regex.compile(r"<h1\b[^<>]{0,2000}>", regex.IGNORECASE)
_H1_CLOSE = regex.compile(r"</h1\s{0,10}>", regex.IGNORECASE)
_H2_OPEN = regex.compile(r"<h2\b[^<>]{0,2000}>", regex.IGNORECASE)
_H2_CLOSE = regex.compile(r"</h2\s{0,10}>", regex.IGNORECASE)
_INNER_TAG = regex.compile(r"<[^<>]{0,2000}>")
# What joins a headline and the site's name in <title>: "A | B", "A - B", "A – B", "A: B", "A » B".
_TITLE_SEPARATOR = regex.compile(r"\s[-|–—:»·•]{1,3}\s|\s?[|»·•]\s?")  # (on collapsed white space)
#: Longest element text read for <title> and <h1>; only the first few openings are looked at.
_HEADLINE_WINDOW = 3000
_MAX_HEADINGS = 10


def _element_text(fragment: str) -> str:
    """Text of a piece of markup: tags removed, entities decoded, white space collapsed."""
    import html as _html

    text = _html.unescape(_INNER_TAG.sub(" ", fragment))
    return " ".join(text.split())


def _elements(html: str, open_tag: regex.Pattern[str], close_tag: regex.Pattern[str],
              limit: int) -> list[str]:
    """Texts of the elements at the first *limit* matches of *open_tag*; each end is looked for
    within ``_HEADLINE_WINDOW`` characters, so the scan is bounded whatever the markup."""
    texts: list[str] = []
    pos = 0
    for _ in range(limit):
        m = open_tag.search(html, pos)
        if m is None:
            break
        end = close_tag.search(html, m.end(), min(len(html), m.end() + _HEADLINE_WINDOW))
        if end is None:
            pos = m.end()
            continue
        text = _element_text(html[m.end():end.start()])
        if text:
            texts.append(text)
        pos = end.end()
    return texts


def page_headline(html: str) -> str | None:
    """The page's headline: a heading that is its whole ``<title>`` or the title's longest part.

    ``<title>`` usually joins the headline and the site's name (``Headline | Site``,
    ``Site: Headline``); an ``<h1>`` equal to the longer part (more words than every other part)
    is the headline, while one equal to a shorter part is the site's name -- blogs often make
    the site's name the ``<h1>`` and the post's title an ``<h2>``, so the ``<h2>`` elements are
    tried when no ``<h1>`` fits. None when no heading of two words or more fits. Linear time;
    never raises on odd markup.
    """
    titles = _elements(html, _TITLE_OPEN, _TITLE_CLOSE, 1)
    if not titles:
        return None
    title = titles[0]
    parts = [p for p in (q.strip() for q in _TITLE_SEPARATOR.split(title)) if p]
    for open_tag, close_tag in ((_H1_OPEN, _H1_CLOSE), (_H2_OPEN, _H2_CLOSE)):
        for heading in _elements(html, open_tag, close_tag, _MAX_HEADINGS):
            words = len(heading.split())
            if words < 2:
                continue
            if heading == title:
                return heading
            if heading in parts and all(words > len(p.split()) for p in parts if p != heading):
                return heading
    return None
