"""Why the body is what it is: a result's input line by line, each line marked with its fate.

A line is ``KEEP`` (in the body), ``DROP`` (removed whole), ``CUT`` (part of it removed, e.g. a
call to action at its end), ``TITLE`` (the headline) or ``BLANK``; a removed line names the
cleaner, the reason code and, when the cleaner gave one, its score. Three renderings of one
analysis (:func:`explain_lines`):

- :func:`explain_text`: plain text, for files and pipes;
- :func:`explain_renderables` / :func:`print_explanation`: ``rich`` text, coloured on a terminal
  and plain when the output is not one (needs ``newsclean[explain]``);
- :func:`report_html`: one self-contained HTML page, the source with each removed span
  highlighted by cleaner and its reason on hover, a legend with per-reason counts, and the body
  beside it.

Offsets are into ``result.source``: for HTML input that is the text extracted from the page.
"""
from __future__ import annotations

import bisect
import html
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Literal

from .result import Removal, Result

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["LineExplanation", "Mark", "explain_lines", "explain_renderables", "explain_text",
           "print_explanation", "reason_counts", "report_html"]

#: The fate of one input line.
Mark = Literal["KEEP", "DROP", "CUT", "TITLE", "BLANK"]

_STYLES: dict[str, str] = {"KEEP": "green", "DROP": "red", "CUT": "yellow", "TITLE": "bold cyan", "BLANK": "dim"}
# Background colours of the HTML report, one per cleaner (in order of first appearance).
_PALETTE = ("#ff9aa5", "#ffc57a", "#ffe15c", "#8fe3a6", "#94cbff", "#c7a2ff", "#ffa8e2", "#7fdcd3",
            "#d9c08a", "#b8b8f0", "#f0ad96", "#b5dc7a")


@dataclass(frozen=True, slots=True)
class LineExplanation:
    """One line of ``result.source`` and what became of it.

    ``removals`` are the removals that touch the line (a removal spanning several lines is
    listed on each of them).
    """

    number: int
    start: int
    end: int
    text: str
    mark: Mark
    removals: tuple[Removal, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The ``cleaner/reason`` codes of the removals on this line, without repeats."""
        return tuple(dict.fromkeys(r.code for r in self.removals))

    @property
    def score(self) -> float | None:
        """The first classifier score among this line's removals (``detail["score"]``), if any."""
        for r in self.removals:
            score = r.detail.get("score")
            if isinstance(score, (int, float)):
                return float(score)
        return None


def explain_lines(result: Result) -> list[LineExplanation]:
    """Every line of ``result.source`` with its :data:`Mark` and the removals touching it."""
    source = result.source
    removed = sorted(result.removed, key=lambda r: (r.start, r.end))
    ends = [r.end for r in removed]
    title = result.title_span
    out: list[LineExplanation] = []
    start = 0
    for number, line in enumerate(source.split("\n"), 1):
        end = start + len(line)
        # removals are sorted and do not overlap, so their ends are sorted too
        first = bisect.bisect_right(ends, start)
        touching = []
        for r in removed[first:]:
            if r.start >= end:
                break
            if r.end > start and source[max(r.start, start):min(r.end, end)].strip():
                touching.append(r)
        out.append(LineExplanation(number, start, end, line, _mark(source, start, end, touching, title),
                                   tuple(touching)))
        start = end + 1
    return out


def _mark(source: str, start: int, end: int, touching: Sequence[Removal],
          title: tuple[int, int] | None) -> Mark:
    visible = len("".join(source[start:end].split()))
    if not visible:
        return "BLANK"
    covered = sum(len("".join(source[max(r.start, start):min(r.end, end)].split())) for r in touching)
    if covered >= visible:
        return "DROP"
    if title is not None and title[0] < end and title[1] > start:
        return "TITLE"
    return "CUT" if covered else "KEEP"


def reason_counts(result: Result) -> list[tuple[str, int, int]]:
    """``(code, removals, characters)`` for each ``cleaner/reason`` code, most characters first."""
    spans: Counter[str] = Counter(r.code for r in result.removed)
    chars = result.removed_by()
    return sorted(((code, n, chars[code]) for code, n in spans.items()), key=lambda t: (-t[2], t[0]))


def _label(line: LineExplanation) -> str:
    """``code [score]`` of a removed or cut line (``+N`` when several codes touch it)."""
    if line.mark not in ("DROP", "CUT") or not line.removals:
        return ""
    codes = line.codes
    label = codes[0] + (f" +{len(codes) - 1}" if len(codes) > 1 else "")
    score = line.score
    return f"{label} {score:.2f}" if score is not None else label


def _summary(result: Result) -> list[str]:
    total = len(result.source)
    gone = sum(r.end - r.start for r in result.removed)
    share = f"{100 * gone / total:.1f}%" if total else "0%"
    lines = [f"removed {len(result.removed)} spans, {gone:,} of {total:,} characters ({share})"]
    lines += [f"  {code:<44} {n:>5} spans {c:>8,} chars" for code, n, c in reason_counts(result)]
    return lines


def explain_text(result: Result, *, width: int | None = None, blank: bool = False) -> str:
    """The explanation as plain text: ``number MARK code score | line``, then per-reason totals.

    Args:
        result: a cleaning result.
        width: cut each line's text to this many characters (None: whole lines).
        blank: list blank lines too.
    """
    lines = explain_lines(result)
    label_width = max([len(_label(line)) for line in lines] + [4])
    out = []
    for line in lines:
        if line.mark == "BLANK" and not blank:
            continue
        text = line.text if width is None or len(line.text) <= width else line.text[: width - 1] + "…"
        out.append(f"{line.number:>5} {line.mark:<5} {_label(line):<{label_width}} | {text}".rstrip())
    return "\n".join(out + [""] + _summary(result)) + "\n"


def explain_renderables(result: Result, *, blank: bool = False) -> list[Text]:
    """The explanation as ``rich`` :class:`~rich.text.Text` lines: marks coloured, the removed
    parts of ``CUT`` lines struck through, and per-reason totals at the end.

    Raises:
        CorpusFormatError: ``rich`` is not installed (``pip install 'newsclean[explain]'``).
    """
    from .corpus.records import require

    text_mod: Any = require("rich.text", "explain", "a coloured explanation")
    lines = explain_lines(result)
    label_width = max([len(_label(line)) for line in lines] + [4])
    out: list[Text] = []
    for line in lines:
        if line.mark == "BLANK" and not blank:
            continue
        style = _STYLES[line.mark]
        row = text_mod.Text()
        row.append(f"{line.number:>5} ", style="dim")
        row.append(f"{line.mark:<5} ", style=style)
        row.append(f"{_label(line):<{label_width}} ", style="magenta")
        row.append("│ ", style="dim")
        at = len(row)
        row.append(line.text, style="dim" if line.mark == "DROP" else "")
        if line.mark == "CUT":
            for r in line.removals:
                s, e = max(r.start, line.start) - line.start, min(r.end, line.end) - line.start
                row.stylize("strike red", at + s, at + e)
        out.append(row)
    out.append(text_mod.Text(""))
    out.extend(text_mod.Text(s, style="bold" if i == 0 else "") for i, s in enumerate(_summary(result)))
    return out


def print_explanation(result: Result, file: IO[str] | None = None, *, color: bool | None = None,
                      blank: bool = False) -> None:
    """Print the explanation with ``rich``: coloured on a terminal, plain text otherwise.

    Args:
        result: a cleaning result.
        file: where to print (default standard output).
        color: force colour on or off (None: colour when ``file`` is a terminal).
        blank: list blank lines too.
    """
    from .corpus.records import require

    console_mod: Any = require("rich.console", "explain", "a coloured explanation")
    console = console_mod.Console(file=file, force_terminal=color, no_color=color is False, highlight=False,
                                  soft_wrap=True)
    for row in explain_renderables(result, blank=blank):
        console.print(row)


def report_html(result: Result, path: str | os.PathLike[str], *, title: str | None = None) -> None:
    """Write one self-contained HTML page explaining ``result`` to ``path``.

    The page has no script and loads nothing: the source with every removed span highlighted in
    its cleaner's colour (the code, score and evidence in its ``title``, shown on hover), the
    headline outlined, a legend with the spans and characters removed per reason, and the kept
    body beside the source.
    """
    page = _PAGE.format(
        css=_CSS,
        title=escape(title or result.title or "newsclean explain"),
        summary=escape(_summary(result)[0]),
        language=escape(result.language),
        legend=_legend(result),
        spans=_span_list(result),
        source=_marked_source(result),
        body=_body(result),
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def _marked_source(result: Result) -> str:
    """The source as HTML, each removal a ``<mark>`` and the headline a ``<span class="ttl">``."""
    source = result.source
    colour = colours(result)
    index = {name: i for i, name in enumerate(colour)}
    spans: list[tuple[int, int, str]] = []
    for r in sorted(result.removed, key=lambda r: (r.start, r.end)):
        spans.append((r.start, r.end, f'<mark class="rm c{index[r.cleaner]}" data-code="{escape(r.code)}" '
                                      f'title="{escape(hover_text(r))}">'))
    if result.title_span is not None:
        spans.append((*result.title_span, '<span class="ttl" title="headline">'))
        spans.sort(key=lambda t: (t[0], t[1]))
    out: list[str] = []
    pos = 0
    for start, end, tag in spans:
        start = max(start, pos)  # never nest: a span starting inside the previous one is clipped
        if end <= start:
            continue
        out.append(escape(source[pos:start]))
        close = "</mark>" if tag.startswith("<mark") else "</span>"
        out.append(f"{tag}{escape(source[start:end])}{close}")
        pos = end
    out.append(escape(source[pos:]))
    return "".join(out)


def _legend(result: Result) -> str:
    colour = colours(result)
    index = {name: i for i, name in enumerate(colour)}
    rows = []
    for code, n, chars in reason_counts(result):
        cleaner = code.partition("/")[0]
        reason = code.partition("/")[2]
        rows.append(f'<tr class="reason" data-code="{escape(code)}"><td class="code"><span class="sw c{index[cleaner]}">'
                    f'</span><span class="cl">{escape(cleaner)}</span>/<wbr>{escape(reason)}</td>'
                    f'<td class="n">{n}</td><td class="n">{chars:,}</td></tr>')
    if not rows:
        rows.append('<tr><td colspan="3">nothing removed</td></tr>')
    return "\n".join(rows)


def _span_list(result: Result) -> str:
    """The removed spans in input order: colour, code and the removed text."""
    index = {name: i for i, name in enumerate(colours(result))}
    items = []
    for r in result.removed:
        if not r.text:
            continue
        score = r.detail.get("score")
        shown = f" {score:.2f}" if isinstance(score, float) else ""
        items.append(f'<li title="{escape(hover_text(r))}"><span class="sw c{index[r.cleaner]}"></span>'
                     f'<span class="code">{escape(r.code)}{shown}</span> {escape(r.text)}</li>')
    return "\n".join(items) or "<li>none</li>"


def _body(result: Result) -> str:
    head = f"<h3>{escape(result.title)}</h3>\n" if result.title else ""
    paragraphs = "\n".join(f"<p>{escape(p.text)}</p>" for p in result.paragraphs)
    return head + (paragraphs or "<p><em>(empty body)</em></p>")


def _palette_css() -> str:
    return "\n".join(f".c{i}{{background:{c}}}" for i, c in enumerate(_PALETTE))


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f6f6f4}
header{padding:14px 24px;background:#23262b;color:#f2f2f2}
header h1{margin:0 0 4px;font-size:18px;font-weight:600}
header p{margin:0;color:#c3c6cc;font-size:13px}
main{display:grid;grid-template-columns:minmax(0,1.3fr) minmax(0,1fr) 340px;gap:14px;padding:14px 20px}
section{background:#fff;border:1px solid #dcdcd8;border-radius:6px;padding:12px 16px;min-width:0}
section h2.pane{margin:0 0 8px;font-size:12px;letter-spacing:.06em;text-transform:uppercase;color:#6b6f76}
#source pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:12.5px/1.55 ui-monospace,Menlo,Consolas,monospace}
#source,#body,#legend{max-height:calc(100vh - 104px);overflow:auto}
#body{font-size:13.5px}
mark.rm{color:#3c3f44;text-decoration:line-through;text-decoration-color:rgba(0,0,0,.4);border-radius:2px;cursor:help}
span.ttl{outline:2px solid #3d7bd9;border-radius:2px;font-weight:600}
#body h3{font-size:17px;margin:0 0 10px}
#body p{margin:0 0 10px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
td{padding:3px 4px;border-bottom:1px solid #eee;vertical-align:top}
td.code{padding-left:24px;text-indent:-20px}
.cl{font-weight:600}
td.n{text-align:right;white-space:nowrap;color:#444}
th{text-align:left;font-weight:600;color:#6b6f76;padding:3px 4px;font-size:11px;text-transform:uppercase}
th.n{text-align:right}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.15)}
.key{margin:10px 0 14px;font-size:12px;color:#6b6f76}
ol.spans{list-style:none;margin:0;padding:0;font-size:12px}
ol.spans li{padding:3px 0 3px 18px;text-indent:-18px;border-bottom:1px solid #f0f0ee;overflow-wrap:anywhere;cursor:help}
ol.spans .code{color:#6b6f76;font-weight:600;margin-right:4px}
""" + _palette_css()

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1><p>{summary} · body language: {language}</p></header>
<main>
<section id="source"><h2 class="pane">Source, removals highlighted</h2><pre>{source}</pre></section>
<section id="body"><h2 class="pane">Kept body</h2>{body}</section>
<section id="legend"><h2 class="pane">Removed, by reason</h2>
<table><thead><tr><th>cleaner/reason</th><th class="n">spans</th><th class="n">chars</th></tr></thead>
<tbody>
{legend}
</tbody></table>
<p class="key">Hover a highlighted span for its reason and evidence.
<span class="ttl">Outlined</span>: the headline.</p>
<h2 class="pane">Removed spans, in order</h2>
<ol class="spans">
{spans}
</ol>
</section>
</main>
</body>
</html>
"""


def colours(result: Result) -> dict[str, str]:
    """A background colour for each cleaner that removed something, in order of appearance."""
    names = dict.fromkeys(r.cleaner for r in result.removed)
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def hover_text(r: Removal) -> str:
    """What a removed span's tooltip says: code, score and evidence."""
    parts = [r.code]
    for key, value in r.detail.items():
        if value is None or key == "features":
            continue
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        parts.append(f"{key}={shown[:80]}")
    return " · ".join(parts)


def escape(text: str) -> str:
    """``text`` safe inside HTML elements and attributes."""
    return html.escape(text, quote=True)
