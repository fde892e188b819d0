"""The ``boilerplate`` cleaner: the decisions taken on a scored page (threshold, comment
thread, already-extracted text, the context pass, abstention) and the removals it records."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

import numpy as np

from ...document import Decision, Document, Unit
from ...language import default_detector
from ...page_regions import article_start, continues_paragraph
from ..bylines import Bylines
from .below import Mark, below_comments, end_marks
from .context import (
    extend,
    keep_between,
    keep_inside,
    keep_most,
    keep_whole,
    running_paragraphs,
    runs,
    spare_running_text,
    tables,
)
from .features import line_features
from .lists import numbered_lists
from .model import BoilerplateModel, load_model
from .posts import has_comment_count, load_counter_words, page_of_posts
from .references import reference_lists
from .scoring import Floats, PageScores, score_document
from .sequence import decide_lines
from .table import DETAIL, column
from .threads import (
    comment_thread,
    glued_signature_lines,
    has_clock_time,
    is_signature_line,
    long_signature_lines,
    verb_signature_lines,
)

__all__ = ["Boilerplate"]

@dataclass(frozen=True)
class Boilerplate:
    """Classify every undecided line as body or boilerplate and drop the boilerplate.

    Options:
        threshold: a line whose body probability is below this is dropped (the trained
            default balances precision and recall on the development pages; lower keeps more).
        min_keep_words: a line with at least this many words that ends like a sentence and has
            a body-like stopword density is never dropped (0 turns the guard off).
        rescue: when the lines the page keeps as body hold fewer than this many words of
            running text, the classifier has lost the article (a short story between long menus
            and teasers, a paywalled page whose paragraphs score like its teasers): every line of
            running text (it ends like a sentence, has a body-like stopword density and few
            links) of this many words or more stays. Held out, plain F1 on dragnet 0.851 ->
            0.855 (9 pages better, none worse), cleaneval-dev 0.833 -> 0.843, readability
            unchanged; 0 turns it off. (``min_keep_words`` below spares such lines on every
            page: held out, it kept teasers and comments on 128 dragnet pages.)
        language: the page language (ISO 639-1) instead of detecting it.
        near_good: a line that reads like running text (12+ words, sentence end, body-like
            stopword density) is kept, next to a kept line, when its probability is at least
            ``near_good`` times the threshold (0 turns the context pass off).
        clean_share, clean_factor: on a page whose words are at least ``clean_share`` in lines
            that read like running text (text another extractor already cleaned), the threshold
            of a line that ends like a sentence, has ``clean_min_words`` words or more or is a
            marked heading is multiplied by ``clean_factor`` (``clean_share=1`` turns this off).
            The default 0.36 puts that floor at 0.18 with the model's 0.5: a wire-service credit
            line under a clean article (stage-1 score 0.2) stays.
        clean_score: a page with half its words or more in running text, whose words score
            ``clean_score`` or more on average (weighted by their count), reads as extracted
            too, its floor that of ``clean_share``: an article with lists, steps and headings
            between its paragraphs (a recipe's ingredients) and nothing the trees doubt. On the
            development pages' gold bodies, a fifth of which have under ``clean_share`` of their
            words in running text, the median of that mean is 0.89; on whole pages in the same
            band, 0.69. Held out, gold bodies kept whole 1,136 -> 1,144 of 1,552; plain F1
            dragnet 0.8701 -> 0.8704, cleaneval-dev markdown 0.8514 -> 0.8518, html dragnet
            0.9170 -> 0.9172, readability unchanged; 1 turns it off.
        clean_short_lines, clean_short_score: a page with at most ``clean_short_lines`` of its
            lines short (three words or fewer) whose words score ``clean_short_score`` or more on
            average reads as extracted too, whatever its share of running text: an article of
            steps, list items or dialogue whose lines do not end like sentences, with none of the
            one- and two-word lines of a page's menus. Held out (every page, five renderings),
            gold bodies kept whole 1,152 -> 1,164 of 1,552; html F1 dragnet 0.9179 -> 0.9181,
            readability 0.9233 -> 0.9234; residual readability 0.9135 -> 0.9144; plain
            cleaneval-dev 0.8609 -> 0.8617, dragnet 0.8751 -> 0.8748; every other figure within
            0.0001. ``clean_short_lines=0`` turns it off.
        clean_keep_words: on such a page, a line that ends like a sentence and has this many
            words or more stays whatever its score: a paragraph of the article the trees score
            low for its place (a post quoted in full, a forum reply under the article, which
            CleanEval's gold keeps). Held out, cleaneval-dev plain F1 0.8535 -> 0.859,
            markdown 0.830 -> 0.837; dragnet and readability unchanged (every page, five
            renderings); 0 turns it off. (Without the page condition, ``min_keep_words=30``
            costs dragnet: see ``min_keep_words``.)
        clean_slope: the cleaner the page, the lower that floor: it is multiplied by
            ``((1 - share) / (1 - clean_share)) ** clean_slope``, where ``share`` is the page's
            share of words in running text (0.18 at ``clean_share``, 0.018 on a page that is 98%
            running text: the tail of a long story the trees score low for its place stays).
            Held out, residual F1 on cleaneval-dev 0.766 -> 0.780 and on readability 0.830 ->
            0.840 against 0 (no slope); 0 turns it off.
        comment_threads: drop a comment thread after the article (signature lines with a name
            and a date or time, three or more, each followed by text) whatever its score.
        below_comments: what a page prints under its article and comments is no part of the
            article (a blogroll, a sidebar of recent posts, the footer): below the first mark
            of the article's end (a comment thread, a comment-form line, the page's only comment
            count, the line of the article's tags, the post navigation) every line goes, when
            the kept words above the mark are 80 or more, and for a thread more than those below
            it (:mod:`~newsclean.cleaners.boilerplate.below`). Held out, plain F1 on dragnet
            0.832 -> 0.868, readability 0.871 -> 0.875, cleaneval-dev unchanged.
        min_confidence: abstain (drop nothing) on a page of text lines (three or more words a
            line on average) whose best-scored tenth of words scores below this; 0 (the
            default) turns it off: with the trees it kept whole menus on pages whose article is
            a line or two (held out, plain ALL F1 0.841 at 0.7 against 0.867 off).
        between: on already-extracted text, a line scoring at least ``between`` times the
            threshold stays when the lines right before and after it stay: a section heading, a
            sign-off or a line of dialogue inside the article, whose own words look like a menu
            item (0 turns it off). Other pages are decided as a sequence (``switch_cost``).
        switch_cost: body and boilerplate come in runs. On a page that is not already-extracted
            text (see ``clean_share``), the lines are decided together: each line's evidence (the
            log-odds of its score against the threshold, times ``log(1 + words)``) is weighed
            against this cost for every change between body and boilerplate along the page
            (:mod:`~newsclean.cleaners.boilerplate.sequence`, a two-state decode in the core),
            between the first and the last line that reach the threshold. A section heading or
            a table row inside the article stays; a short run of body-like lines inside a menu
            or a comment section goes. A line that reads like running text and reaches the
            threshold is body whatever its neighbours. 0 decides every line on its own score.
            Held out, against each line on its own score and ``between``: plain F1 dragnet 0.829
            -> 0.832, cleaneval-dev 0.832 -> 0.833, readability 0.860 -> 0.871; markdown on
            dragnet 0.823 -> 0.821 (``docs/benchmarks.md``).
        min_lines: with fewer lines than this still in the body, the classifier abstains: there
            is no page around them to judge by. This also keeps cleaning idempotent: cleaning a
            short result again keeps what the first pass kept.
        model: a model (:func:`~newsclean.cleaners.boilerplate.model_from_json`) instead of the
            shipped one, e.g. one trained on part of the pages to score the rest.
        whole_paragraphs: a paragraph hard-wrapped over several lines (each line after the first
            continues the one before: the same block, no sentence end above, a lowercase start)
            stays whole when any of its lines stays; the body joins it into one line, which a
            second cleaning judges whole. Held out, residual F1 on readability 0.860 -> 0.873.
            (Whatever this option says, each line of a wrapped paragraph of running text counts
            as running text for ``clean_share`` and ``near_good``, as the joined line would.)
        whole_tables: the rows of a table (two or more lines of cells, ``| a | b |``, in one
            block) stay together when any of them stays: a row reads like a menu item on its
            own. Not a table one of whose cells is a paragraph of running text: a page laid out
            in a table, the article in one of its cells. Held out, residual F1 on cleaneval-dev
            0.766 -> 0.769 and on readability 0.873 -> 0.876. A table between two kept lines
            stays even when none of its rows reaches the threshold (a query's output printed in
            the article: readability/toc-missing residual +0.03, no other page changes).
        reference_lists: a reference list under the article (three or more citations, each with a
            year in brackets, an ISBN or DOI, or a footnote's caret, at most one other line
            apart: :mod:`~newsclean.cleaners.boilerplate.references`) stays, whatever its
            lines' scores: the trees score a citation like a menu link.
        spare_kinds: lines of these kinds above the article's first paragraph are never dropped
            for their score: the ``bylines`` cleaner gives its kind to the byline and the
            article's own date it leaves in the body, and that decision is its own (``()`` lets
            the score decide them too). Lower down, a byline it leaves is a comment's signature
            or a teaser's, which the score judges in its context. Held out, gold bodies kept
            whole 1,078 -> 1,103 of 1,552; dragnet plain F1 +0.002.
        keep_posts: on a page of posts (a blog's front page, a news index: three or more post
            footers with an author, a time and a comment count, ``Posted by Ann at 04:16 |
            Comments (5)``, most with a paragraph or more between them), every line between the
            first footer and the last stays but the footers
            (:mod:`~newsclean.cleaners.boilerplate.posts`), and the comment-thread rule does not
            read the footers as comment signatures. A footer the bylines cleaner took (``--
            Affek @ 2:36PM Wed 19 Jul 2006``) counts where it stood, and so does the next post's
            title with its count that another cleaner took. Held out, cleaneval-dev plain F1
            0.815 -> 0.832, layout 0.804 -> 0.820, markdown 0.802 -> 0.820; with the footers and
            titles other cleaners took, plain 0.842 -> 0.848, layout 0.822 -> 0.830, markdown
            0.822 -> 0.828; no other dataset has such a page.
        whole_lists: the items of a numbered list (three or more lines next to each other, each
            numbered one more than the one before: ``1. Finland``, ``2. Norway``;
            :mod:`~newsclean.cleaners.boilerplate.lists`) all stay when half of them or more
            stay: a ranking or a list of steps is one piece of the article, and its short items
            score near the threshold one by one. Only inside the article (the lines right
            before and after the list stay): a table of contents or a sidebar's "most read" list
            at the article's edge is judged item by item. Held out, 5 page renderings of 7,760
            change, each for the better (readability/cnn residual F1 0.888 -> 0.915).
        max_running_loss: on a page read as already extracted (see ``clean_share``) that shows
            no sign of comments (no signature line, dated or not, kept or taken by the bylines
            cleaner), when the lines the scores would drop hold more than this share of the
            page's running text (lines of 12 words or more that end like a sentence), every line
            of running text stays: the trees have misread the article (a post quoting the
            replies it discusses reads like the comment sections they learnt to drop), not found
            noise in it. 1 turns it off. A safety net: held out, one page rendering of 7,760
            changes (readability/medium-3 residual F1 0.75 -> 0.87, a post that quotes tweets),
            and none of the multilingual noise benchmark's.

    The page language is guessed with the pipeline's detector (``Document.detector``), or the
    default detector when the pipeline has none.
    """

    name: ClassVar[str] = "boilerplate"
    reasons: ClassVar[dict[str, str]] = {
        "classifier": "scored below the threshold as boilerplate (menus, banners, share bars, footers, ...)",
        "comment_thread": "inside a comment thread after the article (three or more signature lines)",
        "below_comments": "below the article's end (comments, a comment form or count, its tags, the post navigation)",
    }
    threshold: float | None = None
    min_keep_words: int = 0
    rescue: int = 30
    language: str | None = None
    comment_threads: bool = True
    below_comments: bool = True
    near_good: float = 0.5
    clean_share: float = 0.8
    clean_factor: float = 0.36
    clean_min_words: int = 6
    clean_score: float = 0.9
    clean_short_lines: float = 0.2
    clean_short_score: float = 0.85
    clean_keep_words: int = 30
    min_lines: int = 3
    min_confidence: float = 0.0
    between: float = 0.3
    switch_cost: float = 8.0
    clean_slope: float = 1.0
    model: BoilerplateModel | None = None
    spare_kinds: tuple[str, ...] = ("byline", "dateline")
    whole_paragraphs: bool = True
    whole_tables: bool = True
    reference_lists: bool = True
    keep_posts: bool = True
    whole_lists: bool = True
    max_running_loss: float = 0.3

    def warm_up(self) -> None:
        """Load now what the first pages would: the model, the core's line features (with their
        character table), the default detector's language models and the comment counters'
        words. Every language's stoplist, which the page-language fallback votes with, is loaded
        by the first page that needs it (rare: a language the detector is unsure of; about 0.2
        s, which would be a fifth of the start of a command that cleans one file):
        :func:`~.pagelang.load_stoplists` loads them now."""
        if self.model is None:
            load_model()
        line_features()
        load_counter_words()
        warm = getattr(default_detector(), "warm_up", None)
        if callable(warm):
            warm()

    def __call__(self, doc: Document) -> None:
        if sum(1 for u in doc.units if u.kept) < self.min_lines:
            return
        model = load_model() if self.model is None else self.model
        page = score_document(doc, model, self.language)
        if not page.units:
            return
        probs: list[float] = page.probs.tolist()
        threshold = model.threshold if self.threshold is None else self.threshold
        if self._abstains(page.units, probs):
            return
        signed = _with_signed_bylines(doc, page.units, probs)  # read by the rules below
        keep = self._keep(doc, page, probs, threshold, comments=_comment_marks(page, signed))
        if not (self.keep_posts and self._keep_posts(doc, page, signed, keep)):
            thread = self._drop_thread(doc, page, signed, keep) if self.comment_threads else None
            if self.below_comments:
                self._drop_below(doc, page, probs, keep, end_marks(doc, thread))
        self._drop(doc, page, probs, keep)

    def _abstains(self, seq: Sequence[Unit], probs: Sequence[float]) -> bool:
        """Lines of text but nothing that reads confidently like body (a plain-text RFC, notes,
        commands): no article to tell the chrome from (a page of short menu lines is chrome)."""
        return bool(self.min_confidence) and sum(u.nwords for u in seq) >= 3 * len(seq) \
            and _top_score(seq, probs) < self.min_confidence

    @staticmethod
    def _drop_thread(doc: Document, page: PageScores, signed_lines: _SignedLines, keep: Sequence[bool]
                     ) -> tuple[Unit, Unit] | None:
        """Drop the comment thread after the article, if there is one; its first and last line.
        Its signature lines may already be gone (``Bylines(in_body=False)`` takes ``by Ann on
        April 16, 2012 at 4:56 am``): they still mark the thread, read among the kept lines in
        page order. The article above it is what ``keep`` keeps."""
        lines, scores, signed, at, undated = signed_lines
        body = [False] * len(lines)
        for k, kept in enumerate(keep):
            body[at[k]] = kept
        # a date alone is no signature (the dates of a related-articles list inside the article),
        # kept by the bylines cleaner or not
        heads = signed + [at[k] for k in np.flatnonzero(page.rows[:, column("hdr")]).tolist()
                          if page.units[k].kind != "dateline"]
        thread = comment_thread(lines, body, heads=sorted(set(heads).union(undated)))
        if thread is None:
            return None
        start, end, signatures = thread
        for k in range(start, end + 1):
            u = lines[k]
            if u.decision is Decision.UNDECIDED:
                doc.drop(u, "comment_thread", score=round(scores[k], 3), headers=signatures,
                         thread_lines=end - start + 1, words=u.nwords)
        return lines[start], lines[end]

    @staticmethod
    def _keep_posts(doc: Document, page: PageScores, signed_lines: _SignedLines, keep: list[bool]) -> bool:
        """On a page of posts, keep every line from the first post footer to the last but the
        footers themselves (which the scores decide): the posts after the first. The footers are
        read among the kept lines and, in page order, the signature lines the bylines cleaner
        took (``-- Affek @ 2:36PM Wed 19 Jul 2006``). True when the page is one."""
        lines, at = signed_lines.lines, signed_lines.at
        running = [0.0] * len(lines)
        for k, bodyish in enumerate(page.rows[:, column("bodyish")].tolist()):
            running[at[k]] = bodyish
        footers = page_of_posts(doc, lines, running)
        if footers is None:
            return False
        first, last, skip = footers[0], footers[-1], set(footers)
        for k, pos in enumerate(at):
            if first <= pos < last and pos not in skip:
                keep[k] = True
        return True

    @staticmethod
    def _drop_below(doc: Document, page: PageScores, probs: Sequence[float], keep: Sequence[bool],
                    marks: Sequence[Mark]) -> None:
        """Drop the lines below the article's end (:func:`~.below.below_comments`)."""
        for k in below_comments(doc, page.units, keep, marks):
            u = page.units[k]
            if u.decision is Decision.UNDECIDED:
                doc.drop(u, "below_comments", score=round(probs[k], 3), words=u.nwords)

    def _keep(self, doc: Document, page: PageScores, probs: list[float], threshold: float, *,
              comments: bool) -> list[bool]:
        """Which lines stay: on already-extracted text, each line on its own score (against a
        lower floor for sentences and headings) and its two neighbours'; on other pages, the
        lines decided together as a sequence; then the context pass, whole paragraphs and
        tables. ``comments``: the page shows signs of comments (``max_running_loss`` does not
        apply)."""
        seq = page.units
        paragraphs = runs([False, *map(continues_paragraph, seq, seq[1:])])
        bodyish = running_paragraphs(seq, paragraphs, page.rows[:, column("bodyish")].tolist())
        floor = self._clean_page_floor(seq, bodyish, threshold, probs)
        if floor < threshold:
            # already-extracted text: a borderline sentence or marked heading stays (a credit
            # line, a sign-off, a section title); a short fragment that does not end like a
            # sentence still needs the full score (a menu between paragraphs)
            end_sent = page.rows[:, column("end_sent")].tolist()
            long_words = self.clean_keep_words or math.inf  # (0: no line stays for its length alone)
            keep = [p >= threshold
                    or (p >= floor and (e > 0 or u.nwords >= self.clean_min_words or u.kind == "heading"))
                    or (e > 0 and u.nwords >= long_words)
                    for p, e, u in zip(probs, end_sent, seq)]
            if self.between > 0:
                keep_between(probs, keep, threshold * self.between)
            if self.max_running_loss < 1 and not comments:
                spare_running_text(seq, bodyish, keep, self.max_running_loss)
        else:
            fixed = [b > 0 and p >= threshold for b, p in zip(bodyish, probs)]
            keep = decide_lines(probs, threshold, [u.nwords for u in seq], fixed, self.switch_cost)
        if self.near_good > 0:
            extend(bodyish, probs, keep, floor * self.near_good)
        if self.whole_paragraphs:
            keep_whole(keep, paragraphs)
        if self.whole_tables:
            found = tables(seq)
            keep_inside(keep, found)
            keep_whole(keep, found)
        if self.whole_lists:
            keep_most(keep, numbered_lists(doc, seq))
        if self.reference_lists:
            for lines in reference_lists(doc, seq):
                if any(keep[:lines.start]):  # under an article
                    keep[lines.start:lines.stop] = [True] * len(lines)
        return keep

    def _clean_page_floor(self, seq: Sequence[Unit], bodyish: Sequence[float], threshold: float,
                          probs: Sequence[float]) -> float:
        """The floor of an already-extracted page (most of its words in lines that read like
        running text, or half of them and the scores sure of the rest: ``clean_score``, or few
        short lines and the scores sure: ``clean_short_lines``): the cleaner the page, the lower
        (``clean_slope=0``: a factor of 1). The threshold itself on any other page."""
        if self.clean_share >= 1.0:
            return threshold
        total = sum(u.nwords for u in seq) or 1
        running = sum(u.nwords for u, b in zip(seq, bodyish) if b)
        if running < self.clean_share * total:
            scored = sum(p * u.nwords for p, u in zip(probs, seq))
            # half the words in running text and the words' mean score at least ``clean_score``;
            # or few short lines and the mean score at least ``clean_short_score``
            half_sure = self.clean_score < 1.0 and 2 * running >= total and scored >= self.clean_score * total
            few_short = self.clean_short_lines > 0 and scored >= self.clean_short_score * total \
                and sum(u.nwords <= 3 for u in seq) <= self.clean_short_lines * len(seq)
            if half_sure or few_short:
                return threshold * self.clean_factor  # as at ``clean_share``
            return threshold
        cleanness = (1 - running / total) / (1 - self.clean_share)
        return threshold * self.clean_factor * float(cleanness ** self.clean_slope)

    def _drop(self, doc: Document, page: PageScores, probs: Sequence[float], keep: Sequence[bool]) -> None:
        """Drop the undecided lines not kept (but the sentences ``min_keep_words`` guards, the
        kinds ``spare_kinds`` names and the paragraphs of a lost article ``rescue`` finds),
        recording their score and key features."""
        seq, rows = page.units, page.rows
        stop_hi, link = rows[:, [column("stop_hi"), column("link")]].T.tolist()
        spared = _lost_article(seq, rows, keep, self.rescue)
        head = article_start(doc.units) if self.spare_kinds else 0
        drops = [k for k, (u, kp) in enumerate(zip(seq, keep))
                 if not kp and u.decision is Decision.UNDECIDED
                 and not (u.kind in self.spare_kinds and u.index < head)
                 and not (self.min_keep_words and u.nwords >= self.min_keep_words and stop_hi[k]
                          and link[k] < 0.3)
                 and k not in spared]
        if not drops:
            return
        details = np.round(rows[np.ix_(drops, [column(n) for n in DETAIL])], 3).tolist()
        for k, values in zip(drops, details):
            u = seq[k]
            detail: dict[str, Any] = {"score": round(probs[k], 3), "lang": page.lang, "words": u.nwords}
            detail.update(zip(DETAIL, values))
            doc.drop(u, "classifier", **detail)


class _SignedLines(NamedTuple):
    """The scored lines of a page with the signature lines the bylines cleaner took, in page order."""

    lines: list[Unit]
    scores: list[float]
    """each line's score (0 for a line the bylines cleaner took)"""
    signed: list[int]
    """positions in ``lines`` of the lines the bylines cleaner took"""
    at: list[int]
    """position in ``lines`` of each scored line"""
    undated: list[int]
    """positions in ``lines`` of the signature lines the features do not mark: a commenter's name
    and date with the thread's reply labels (:func:`~.threads.long_signature_lines`), an undated
    ``Darya Pino says:`` (:func:`~.threads.verb_signature_lines`)"""


def _with_signed_bylines(doc: Document, seq: list[Unit], probs: Sequence[float]) -> _SignedLines:
    """The kept lines ``seq`` with, in page order, the signature-shaped lines the bylines cleaner
    dropped; the scores of them all (0 for a dropped line); the positions of the dropped ones;
    and where each line of ``seq`` now is. What it drops that can sign a comment: a byline (a name
    and a date), and a date line with a time of day (``August 8th, 2012 at 8:46 am`` under a
    commenter's name); not a date alone (the dates of a related-articles list inside the article
    are not signatures)."""
    signed = {id(u) for u in doc.units if u.decision is Decision.DROP
              and ((u.cleaner, u.reason) == Bylines.BYLINE
                   or (u.cleaner, u.reason) == Bylines.DATELINE and has_clock_time(u))
              and is_signature_line(u)}
    if not signed:
        return _SignedLines(seq, list(probs), [], list(range(len(seq))), _undated_signatures(doc, seq))
    score = {id(u): p for u, p in zip(seq, probs)}
    lines = [u for u in doc.units if id(u) in score or id(u) in signed]
    return _SignedLines(lines, [score.get(id(u), 0.0) for u in lines],
                        [k for k, u in enumerate(lines) if id(u) in signed],
                        [k for k, u in enumerate(lines) if id(u) in score], _undated_signatures(doc, lines))


def _undated_signatures(doc: Document, lines: list[Unit]) -> list[int]:
    """:attr:`_SignedLines.undated` of ``lines`` (units of ``doc``), in order."""
    # a signature glued to a line that also counts comments is a post's footer (a blog's front page)
    glued = [k for k in glued_signature_lines(doc, lines) if not has_comment_count(lines[k])]
    return sorted(set(long_signature_lines(doc, lines)).union(verb_signature_lines(doc, lines), glued))


def _comment_marks(page: PageScores, signed_lines: _SignedLines) -> bool:
    """Whether the page shows any sign of comments: a signature line, dated (kept or taken by
    the bylines cleaner) or undated (``Darya Pino says:``), or a commenter's longer signature."""
    return bool(signed_lines.signed or signed_lines.undated or page.rows[:, column("hdr")].any())


def _lost_article(seq: Sequence[Unit], rows: Floats, keep: Sequence[bool], words: int) -> set[int]:
    """When the lines of ``seq`` kept as body (``keep``, and not taken by a rule since) hold
    fewer than ``words`` words of running text, the positions of the lines of running text of
    ``words`` words or more with few links: the article the classifier lost (none with
    ``words=0``)."""
    if words <= 0:
        return set()
    running, ends, stop_hi, link = rows[:, [column(c) for c in ("bodyish", "end_sent", "stop_hi", "link")]].T.tolist()
    kept = sum(u.nwords for u, kp, r in zip(seq, keep, running)
               if kp and r > 0 and u.decision is Decision.UNDECIDED)
    if kept >= words:
        return set()
    return {k for k, u in enumerate(seq)
            if running[k] > 0 and ends[k] > 0 and stop_hi[k] and u.nwords >= words and link[k] < 0.3}


def _top_score(seq: Sequence[Unit], probs: Sequence[float], share: float = 0.1) -> float:
    """The score reached by the best-scored ``share`` of the page's words."""
    total = sum(u.nwords for u in seq)
    acc = 0
    for p, w in sorted(zip(probs, [u.nwords for u in seq]), reverse=True):
        acc += w
        if acc >= share * total:
            return p
    return 0.0
