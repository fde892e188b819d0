"""The general boilerplate classifier: every line no other cleaner decided on is scored as body or
boilerplate — menus, section lists, banners, share bars, "most read" boxes, footers, legal lines,
comment threads, pagination.

The design follows jusText (paragraph classification by length, stopword density and link density,
then context) and boilerpipe (shallow text features of a block and its neighbours), for text:

1. The page's language is guessed once, from its longest lines, with the pipeline's detector
   (:mod:`.pagelang`); its stoplist gives the stopword density of each line (by words, or by
   characters for zh/ja/th).
2. Each undecided line gets cheap shallow features (:mod:`.features`: computed for the whole page
   in one call to the compiled core, which reads characters with the interpreter's own Unicode
   facts from :mod:`.chars`) — length, sentence punctuation,
   stopword density, link density, capitalisation, digits and symbols, repetition in the page,
   position, its blank-line block — plus the same features averaged over windows of its
   neighbours, its distance to the nearest line that reads like running text, and the page's
   structure: comment signature lines (:mod:`.threads`) above and below it, and how many lines
   share its shape. Every feature is named in one table (:mod:`.table`) that the trainer shares.
3. Stage 1, a forest of gradient-boosted trees, scores every line; stage 2, a second forest, adds
   the stage-1 scores of the neighbours and the line's place relative to the page's main run
   (:mod:`.scoring`).
4. The cleaner (:mod:`.cleaner`) drops what scores below the threshold and the comment thread
   after the article, with a context pass and a gentler threshold on already-extracted text.

Both forests are trained by ``tools/train_boilerplate.py`` on the development pages (stage 2 on
out-of-fold stage-1 scores) and stored as plain JSON arrays (``data/boilerplate_model.json``,
read by :mod:`.model` and :mod:`newsclean.forest`).
"""
from __future__ import annotations

from .cleaner import Boilerplate
from .features import document_features
from .model import BoilerplateModel, load_model, model_from_json
from .pagelang import page_language
from .scoring import PageScores, score_document, stage2_features
from .table import BASE, CONTEXT, DESCRIPTIONS, FEATURES, STAGE2, STRUCTURE, column
from .threads import comment_thread, is_signature_line, signature_lines, verb_signature_lines

__all__ = ["BASE", "CONTEXT", "DESCRIPTIONS", "FEATURES", "STAGE2", "STRUCTURE", "Boilerplate", "BoilerplateModel",
           "PageScores", "column", "comment_thread", "document_features", "is_signature_line", "load_model",
           "model_from_json", "page_language", "score_document", "signature_lines", "stage2_features",
           "verb_signature_lines"]
