"""Hypothesis strategies for scraped-looking input: news lines and noise, markdown and HTML
fragments, lexicon phrases (so every cleaner gets triggered), and hostile characters.

Used by ``tests/test_fuzz_properties.py`` (short, in CI) and ``fuzz/hypothesis_long.py``.
"""
from __future__ import annotations

from hypothesis import strategies as st

from newsclean import lexicon

__all__ = ["HOSTILE_CHARS", "documents", "documents_bytes", "lines"]

#: Characters that have broken text tools before: NUL and C0/C1 controls, lone surrogates,
#: bidi controls, zero-width and soft hyphen, BOM, line/paragraph separators, combining marks,
#: fullwidth and ligature forms ftfy rewrites, replacement character, non-BMP emoji.
HOSTILE_CHARS: tuple[str, ...] = (
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1f", "\x7f", "\x85", "\x9f",
    "\ud800", "\udfff", "\udc80", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
    "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\u00ad", "\u2028", "\u2029", "\u0301", "\u0308", "\u0327", "\u0489", "\u20dd", "\u3099", "\ufffd",
    "\ufb01", "\uff21", "\u00a0", "\u3000", "\u2009", "\r", "\n", "\t", "\U0001f600", "\U0001f1fa\U0001f1f8",
    "Ã©", "â€™", "&amp;", "&#8217;", "&nbsp;", "&", "\u0130", "\u00df", "\u0345",
)

_NEWS = (
    "The council met on Monday and approved the budget.",
    "Subscribers rose to 5 million, the company said.",
    "By Jane Smith", "Posted by admin on March 3, 2012", "LONDON (Reuters) -",
    "Share this:", "Related Articles", "Read more", "Leave a Reply", "Your email address will not be published.",
    "12 comments", "5 min read", "Tags: politics, economy", "#news #breaking", "Copyright 2024 Example Corp.",
    "Follow us on Twitter", "Click here to subscribe to our newsletter!", "Advertisement",
    "Der Stadtrat hat am Montag den Haushalt beschlossen.", "Le conseil municipal a voté le budget lundi.",
    "市议会周一批准了预算。", "Совет утвердил бюджет в понедельник.", "وافق المجلس على الميزانية يوم الاثنين.",
)
_MARKUP = (
    "# ", "## ", "### ", "* ", "- ", "+ ", "1. ", "> ", "---", "***", "___", "| a | b |", "|---|---|", "```", "`code`",
    "![", "![]", "![alt](http://x.com/a.png)", "[", "]", "](", "[text](http://example.com/a?b=c)", "[![](i.png)words](u)", "[[x]](/w)", "[x]:", "<", ">",
    "<p>", "</p>", "<div class='x'>", "<br>", "<script>alert(1)</script>", "<style>p{}</style>", "<!--", "-->",
    "<html><body>", "</body></html>", "<a href='http://x'>", "</a>", "<h1>", "</h1>", "<![CDATA[", "]]>",
    "http://", "https://www.example.com/path/to/article.html", "www.", "@user", "#", "**", "__", "~~", "\\",
)


def _phrases() -> list[str]:
    out: list[str] = []
    for kind in lexicon.PHRASE_KINDS:
        out.extend(lexicon.all_phrases(kind))
    return sorted(set(out))


_PHRASES = _phrases()

any_char = st.characters(codec=None, categories=None)  # everything, lone surrogates included
atoms = st.one_of(
    st.sampled_from(_NEWS),
    st.sampled_from(_MARKUP),
    st.sampled_from(_PHRASES),
    st.sampled_from(HOSTILE_CHARS),
    st.text(any_char, max_size=12),
    st.text(st.sampled_from("aAé0 .,!?#[]()<>/:-*_|\t"), max_size=20),
    st.integers(0, 10**9).map(str),
)


@st.composite
def lines(draw: st.DrawFn) -> str:
    """One line: a few atoms glued with nothing or a space, sometimes repeated many times."""
    parts = draw(st.lists(atoms, max_size=8))
    sep = draw(st.sampled_from(["", " ", "  ", "\u00a0"]))
    line = sep.join(parts)
    if line and draw(st.integers(0, 40)) == 0:  # now and then a long run of one line
        line = line * draw(st.integers(2, 400))
    return line


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document: lines separated by one of the line breaks the segmenter knows, blank lines mixed in."""
    parts = draw(st.lists(lines(), max_size=25))
    breaks = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u2028", "\x85", "\x0c", "\n \n"])
    out: list[str] = []
    for p in parts:
        out.append(p)
        out.append(draw(breaks))
    return "".join(out)


@st.composite
def documents_bytes(draw: st.DrawFn) -> bytes:
    """Bytes: an encoded document (several encodings, BOMs, a declared charset) or raw bytes."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=400))
    text = draw(documents())
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "shift_jis", "koi8-r", "gb18030"]))
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    if kind == 2:
        data = b'<meta charset="' + encoding.encode() + b'">' + data
    if kind == 3 and data:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data
