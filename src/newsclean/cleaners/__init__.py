"""The built-in cleaners, one module per kind of noise.

========================  ==========================================================
cleaner name              removes
========================  ==========================================================
``markdown``              markdown syntax; image-only lines; rules
``calls_to_action``       like/subscribe/follow sentences inside paragraphs
``separators``            lines of punctuation and symbols only
``widgets``               reaction/rating widgets, counters, read time, weather, clocks
``comment_forms``         "Leave a Reply", "Post Comment" and form field labels
``hashtags``              hashtag lines (to ``metadata["hashtags"]``)
``bylines``               bylines and datelines (to ``metadata["author"/"date"]``)
``repeated_lines``        short lines repeated through the page
``duplicates``            paragraphs and captions that appear twice
``related_headlines``     teaser lists of other articles
``trailers``              read-more lines, section labels, short lines after the body
``boilerplate``           everything else that is not body, by a block classifier
``subscription_forms``    an e-mail subscription box's prompts (``Enter your email address:``)
``copyright_notices``     a copyright notice below the article (``© 2024 Example Media``)
``stray_lines``           a widget's last line, left in a block of removed lines after the body
``title``                 the headline (to ``Result.title``)
========================  ==========================================================
"""
from __future__ import annotations

from typing import Any

from .bylines import Bylines
from .calls_to_action import CallsToAction
from .comments import CommentForms
from .copyright import CopyrightNotices
from .duplicates import Duplicates
from .hashtags import Hashtags
from .markdown import MarkdownSyntax
from .related import RelatedHeadlines
from .repeated import RepeatedLines
from .separators import Separators
from .stray_lines import StrayLines
from .subscriptions import SubscriptionForms
from .title import Title
from .trailers import Trailers
from .widgets import Widgets

__all__ = [
    "Bylines",
    "CallsToAction",
    "CommentForms",
    "CopyrightNotices",
    "Duplicates",
    "Hashtags",
    "MarkdownSyntax",
    "RelatedHeadlines",
    "RepeatedLines",
    "Separators",
    "StrayLines",
    "SubscriptionForms",
    "Title",
    "Trailers",
    "Widgets",
    "default_cleaners",
]


def default_cleaners() -> list[Any]:
    """Fresh instances of the built-in cleaners, in the default order."""
    cleaners: list[Any] = [
        MarkdownSyntax(),
        CallsToAction(),
        Separators(),
        Widgets(),
        CommentForms(),
        Hashtags(),
        Bylines(),
        RepeatedLines(),
        Duplicates(),
        RelatedHeadlines(),
        Trailers(),
    ]
    try:
        from .boilerplate import Boilerplate
    except ImportError:  # pragma: no cover - the classifier module is optional while it is built
        pass
    else:
        cleaners.append(Boilerplate())
    cleaners.append(SubscriptionForms())
    cleaners.append(CopyrightNotices())
    cleaners.append(StrayLines())
    cleaners.append(Title())
    return cleaners
