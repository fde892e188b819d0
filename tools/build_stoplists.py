#!/usr/bin/env python3
"""Regenerate ``src/newsclean/data/stoplists/<iso639-1>.txt`` from their source packages.

Sources (see ``src/newsclean/data/SOURCES.md`` for licences and per-language details):

* jusText 3.0.2 (BSD-2-Clause) ``justext/stoplists/<LanguageName>.txt`` -- the primary source,
  built by the jusText authors from Wikipedia; these are the lists jusText's stopword-density
  thresholds were tuned with, so they are kept whole (only normalised, never trimmed).
* stopwords-iso via the ``stopwordsiso`` PyPI package 0.7.1 (MIT) ``stopwordsiso/stopwords-iso.json``
  -- only for languages jusText lacks (ja, so, th, zh).
* ``HAND_WRITTEN`` below -- only for ``pa`` (Punjabi in Gurmukhi script), for which neither package
  (nor ``stop-words``, ``stopwords``, ``many-stop-words``) has a list.  jusText's
  ``Western_Panjabi`` is Shahmukhi (Perso-Arabic script) and would never match the Gurmukhi text
  that langdetect labels ``pa``.

Conversion applied to every entry: strip, Unicode NFC, typographic apostrophes
(U+2019, U+2018, U+02BC, U+0060, U+00B4) -> ASCII ``'``, ``str.lower()`` (what jusText itself
applies), drop empty entries and entries with no letter at all (punctuation/digits, present in
the stopwords-iso ``zh`` list), de-duplicate keeping the source order (jusText lists are ordered
by frequency).  ``sr`` additionally gets the standard Serbian Cyrillic->Latin transliteration of
every Cyrillic entry appended, because Serbian news is published in both scripts.

Usage::

    .venv/bin/python tools/build_stoplists.py                      # needs justext + stopwordsiso importable
    .venv/bin/python tools/build_stoplists.py --stopwordsiso /tmp/stopwordsiso-0.7.1-py3-none-any.whl

``pip download --no-deps stopwordsiso==0.7.1`` fetches the wheel without installing it.

A second sub-command prints WordPress core translations from ``.mo`` files (as shipped in
Debian's ``wordpress-l10n`` package), which is how the comment-form phrases in
``data/phrases/*.json`` were looked up::

    .venv/bin/python tools/build_stoplists.py wp-strings /path/to/wp-content/languages de_DE ru_RU

A variant prints WordPress's comment counters ("1 Comment", "% Comments", "No Comments") as
the ``comment_counts`` phrases they give (the counter's words, its number taken out), by
language, as JSON::

    .venv/bin/python tools/build_stoplists.py wp-counters /path/to/wp-content/languages
    .venv/bin/python tools/build_stoplists.py wp-taxonomy /path/to/wp-content/languages
    .venv/bin/python tools/build_stoplists.py wp-navigation /path/to/wp-content/languages
    .venv/bin/python tools/build_stoplists.py wp-headings /path/to/wp-content/languages

A third prints Movable Type's comment-form and TrackBack phrases from its catalogues
(``lib/MT/L10N/<lang>.pm`` of github.com/movabletype/movabletype at 4e3088c817, MT 4.1, the last
release with its European catalogues beside the Japanese one)::

    .venv/bin/python tools/build_stoplists.py mt-strings de.pm es.pm fr.pm ja.pm nl.pm
"""

from __future__ import annotations

import argparse
import gettext
import html
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "src" / "newsclean" / "data" / "stoplists"

#: ISO 639-1 code -> jusText stoplist name.  Every langdetect language jusText has, plus sr and bs.
JUSTEXT_NAMES: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian",
    "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "kn": "Kannada", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}

#: Languages jusText lacks, filled from stopwords-iso.
STOPWORDSISO_CODES: tuple[str, ...] = ("ja", "so", "th", "zh")

#: Languages written without spaces between words: density must be measured by characters.
CHAR_DENSITY: frozenset[str] = frozenset({"ja", "th", "zh"})

#: Hand-written, reviewed lists for languages no packaged source covers.
#: pa (Gurmukhi): postpositions, genitive/case markers, copula forms, pronouns, conjunctions,
#: light verbs and common auxiliaries of standard Eastern Punjabi.
HAND_WRITTEN: dict[str, tuple[str, ...]] = {
    "pa": (
        "ਦੇ", "ਦੀ", "ਦਾ", "ਦੀਆਂ", "ਨੂੰ", "ਨੇ", "ਵਿੱਚ", "ਵਿਚ", "ਤੇ", "ਅਤੇ", "ਹੈ", "ਹਨ", "ਸੀ", "ਸਨ",
        "ਇਸ", "ਉਸ", "ਇਹ", "ਉਹ", "ਇਨ੍ਹਾਂ", "ਉਨ੍ਹਾਂ", "ਤੋਂ", "ਲਈ", "ਨਾਲ", "ਕਿ", "ਵੀ", "ਕੇ", "ਜੋ", "ਜਿਸ",
        "ਜਿਨ੍ਹਾਂ", "ਕਰ", "ਕਰਨ", "ਕਰਦੇ", "ਕਰਦਾ", "ਕਰਦੀ", "ਕੀਤਾ", "ਕੀਤੀ", "ਕੀਤੇ", "ਹੋ", "ਹੋਇਆ", "ਹੋਈ",
        "ਹੋਏ", "ਹੋਣ", "ਹੁੰਦਾ", "ਹੁੰਦੀ", "ਹੁੰਦੇ", "ਗਿਆ", "ਗਈ", "ਗਏ", "ਰਿਹਾ", "ਰਹੀ", "ਰਹੇ", "ਜਾਂ", "ਪਰ",
        "ਇੱਕ", "ਇਕ", "ਕੋਈ", "ਨਹੀਂ", "ਨਾ", "ਤਾਂ", "ਹੀ", "ਉੱਤੇ", "ਉਤੇ", "ਵੱਲੋਂ", "ਵਲੋਂ", "ਤੱਕ", "ਤਕ",
        "ਜਦੋਂ", "ਜਦ", "ਜੇ", "ਜੇਕਰ", "ਆਪਣੇ", "ਆਪਣੀ", "ਆਪਣਾ", "ਸਾਰੇ", "ਬਾਅਦ", "ਪਹਿਲਾਂ", "ਕਈ", "ਹੋਰ",
        "ਵਾਲੇ", "ਵਾਲਾ", "ਵਾਲੀ", "ਦੌਰਾਨ", "ਬਾਰੇ", "ਅਨੁਸਾਰ", "ਕੁਝ", "ਸਭ", "ਕਿਉਂਕਿ", "ਇਸੇ", "ਉਸੇ", "ਅਸੀਂ",
        "ਤੁਸੀਂ", "ਮੈਂ", "ਸਾਡੇ", "ਤੁਹਾਡੇ", "ਮੇਰੇ", "ਜਾ", "ਜਾਂਦਾ", "ਜਾਂਦੀ", "ਜਾਂਦੇ", "ਦਿੱਤਾ", "ਦਿੱਤੀ", "ਦਿੱਤੇ",
        "ਲਿਆ", "ਗੱਲ", "ਵਜੋਂ", "ਰਾਹੀਂ", "ਕੋਲ", "ਅੰਦਰ", "ਬਾਹਰ", "ਹੁਣ", "ਫਿਰ", "ਕਦੇ", "ਕਿਵੇਂ", "ਕੀ",
        "ਕਿੱਥੇ", "ਕਿਉਂ", "ਜਿਵੇਂ", "ਏਨਾ", "ਬਹੁਤ", "ਸਿਰਫ਼", "ਵੱਖ", "ਦੂਜੇ", "ਨਾਲ਼",
    ),
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Serbian Cyrillic -> Latin (gaj's alphabet), the official 1:1 mapping (digraphs lj, nj, dž).
_SR_CYR2LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c",
    "ч": "č", "џ": "dž", "ш": "š",
}


def normalise_entry(word: str) -> str:
    """The per-entry conversion described in the module docstring."""
    return unicodedata.normalize("NFC", word.strip()).translate(_APOSTROPHES).lower()


def has_letter(word: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in word)


def sr_latin(word: str) -> str:
    return "".join(_SR_CYR2LAT.get(ch, ch) for ch in word)


def clean(words: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for raw in words:
        w = normalise_entry(raw)
        if not w or not has_letter(w) or any(ch.isspace() for ch in w) or w in seen:
            continue
        seen.add(w)
        out.append(w)
    return out


def justext_dir() -> Path:
    import justext  # type: ignore[import-untyped]

    return Path(justext.__file__).resolve().parent / "stoplists"


def justext_version() -> str:
    from importlib.metadata import version

    return version("jusText")


def load_stopwordsiso(path: str | None) -> tuple[dict[str, list[str]], str]:
    """Return (data, description) from an installed package, a wheel, or a bare JSON file."""
    if path is None:
        from importlib.metadata import version
        from importlib.resources import files

        text = files("stopwordsiso").joinpath("stopwords-iso.json").read_text(encoding="utf-8")
        return json.loads(text), f"stopwordsiso {version('stopwordsiso')}"
    p = Path(path)
    if p.suffix == ".whl":
        with zipfile.ZipFile(p) as zf:
            text = zf.read("stopwordsiso/stopwords-iso.json").decode("utf-8")
        ver = p.name.split("-")[1]
        return json.loads(text), f"stopwordsiso {ver}"
    return json.loads(p.read_text(encoding="utf-8")), f"stopwords-iso JSON {p.name}"


def write_list(code: str, words: list[str], source: str, out_dir: Path) -> int:
    header = [f"# source: {source}", "# converted by tools/build_stoplists.py (NFC, ASCII apostrophe, lower())"]
    if code in CHAR_DENSITY:
        header.append("# density: char")
    text = "\n".join(header + words) + "\n"
    (out_dir / f"{code}.txt").write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def build(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    jdir = justext_dir()
    jver = justext_version()
    total = 0
    rows: list[tuple[str, int, int, str]] = []
    for code, name in sorted(JUSTEXT_NAMES.items()):
        raw = (jdir / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        words = clean(raw)
        source = f"jusText {jver} stoplists/{name}.txt (BSD-2-Clause)"
        if code == "sr":
            latin = [sr_latin(w) for w in words]
            words = clean(words + latin)
            source += " + Serbian Cyrillic->Latin transliteration"
        size = write_list(code, words, source, out_dir)
        rows.append((code, len(words), size, source))
        total += size
    swi, swi_desc = load_stopwordsiso(args.stopwordsiso)
    for code in STOPWORDSISO_CODES:
        words = clean(swi[code])
        source = f"{swi_desc} stopwords-iso.json[{code!r}] (MIT)"
        size = write_list(code, words, source, out_dir)
        rows.append((code, len(words), size, source))
        total += size
    for code, hand in HAND_WRITTEN.items():
        words = clean(list(hand))
        source = "hand-written, reviewed (tools/build_stoplists.py HAND_WRITTEN)"
        size = write_list(code, words, source, out_dir)
        rows.append((code, len(words), size, source))
        total += size
    for code, n, size, source in sorted(rows):
        print(f"{code}\t{n}\t{size}\t{source}")
    print(f"total\t{sum(r[1] for r in rows)}\t{total}\t{len(rows)} languages")
    return 0


def wp_catalog(folder: Path, locale: str) -> dict[object, str]:
    """The translations of WordPress core's ``<locale>.mo`` in ``folder``, by msgid."""
    with open(folder / f"{locale}.mo", "rb") as fh:
        return gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined,no-any-return]


def wp_strings(args: argparse.Namespace) -> int:
    """Print the translations of the comment-form msgids from WordPress core ``.mo`` files."""
    msgids = [
        "Leave a Reply", "Leave a Reply to %s", "Your email address will not be published.",
        "Required fields are marked %s", "Post Comment", "Cancel reply", "Leave a comment",
        "Leave a Comment", "Your comment is awaiting moderation.", "Comments are closed.",
        'You must be <a href="%s">logged in</a> to post a comment.', "Log in to Reply",
        "&laquo; Older Comments", "Newer Comments &raquo;", "Recent Posts", "Recent Comments",
        "Save my name, email, and website in this browser for the next time I comment.",
        'You may use these <abbr title="HyperText Markup Language">HTML</abbr> tags and attributes: %s',
    ]
    for locale in args.locales:
        catalog = wp_catalog(Path(args.dir), locale)
        print(f"== {locale}")
        for msgid in msgids:
            text = catalog.get(msgid)
            print(f"  {msgid!r} -> {text!r} (phrase: {wp_phrase(text) if text else None!r})")
    return 0


#: WordPress core's comment counters (``comments_number()``, ``get_comments_number_text()``)
WP_COUNTERS = ("1 Comment", "% Comments", "No Comments")
#: WordPress locale -> the ``data/phrases/<code>.json`` it feeds
WP_LOCALES: dict[str, str] = {
    "de_DE": "de", "fr_FR": "fr", "es_ES": "es", "it_IT": "it", "pt_PT": "pt", "pt_BR": "pt",
    "nl_NL": "nl", "ru_RU": "ru", "uk": "uk", "mk_MK": "mk", "sr_RS": "sr", "bg_BG": "bg",
    "pl_PL": "pl", "cs_CZ": "cs", "tr_TR": "tr", "ar": "ar", "zh_CN": "zh", "zh_TW": "zh", "ja": "ja",
}


#: WordPress's count placeholder in a counter (``%``, ``%s``, ``%d``)
_WP_COUNT = re.compile(r"%[sd]?")


def counter_phrase(text: str) -> str:
    """A comment counter as a ``comment_counts`` phrase: its count (a digit, WordPress's
    placeholder) and brackets taken out, normalised as the phrase lists are."""
    return as_phrase(re.sub(r"[\d()（）]", " ", _WP_COUNT.sub(" ", text)))


def count_glued(text: str) -> bool:
    """Whether the counter's count touches a letter ("%件のコメント"): its label then has no word
    boundary to be matched at."""
    return re.search(r"[#\d][^\W\d_]|[^\W\d_][#\d]", _WP_COUNT.sub("#", text)) is not None


def wp_counters(args: argparse.Namespace) -> int:
    """Print the ``comment_counts`` phrases WordPress's comment counters give, by phrase-file code, as JSON
    (English from the msgids themselves)."""
    out: dict[str, list[str]] = {"en": [counter_phrase(m) for m in WP_COUNTERS]}
    for locale, code in WP_LOCALES.items():
        if not (Path(args.dir) / f"{locale}.mo").exists():
            continue
        catalog = wp_catalog(Path(args.dir), locale)
        found = out.setdefault(code, [])
        for msgid in WP_COUNTERS:
            text = catalog.get(msgid)
            if not text or count_glued(text):
                continue
            phrase = counter_phrase(text)
            # Serbian pages are written in both scripts: the Latin form too (as sr's stoplist)
            for form in (phrase, sr_latin(phrase)) if code == "sr" else (phrase,):
                if form not in found:
                    found.append(form)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


#: WordPress core's taxonomy labels: the label of a post's tag and category lists (``Tags: a, b``)
WP_TAXONOMY = ("Tags: ", "Tags", "Categories", "taxonomy general name\x04Tags",
               "taxonomy singular name\x04Tag", "taxonomy general name\x04Categories",
               "taxonomy singular name\x04Category")


#: WordPress core's post navigation under a single post (``the_post_navigation()``)
WP_NAVIGATION = ("Previous Post", "Next Post")

#: WordPress core's message of a form whose e-mail address field is wrong: what a subscription
#: box under or beside an article prints (``subscription_form``)
WP_SUBSCRIPTION = ("Please enter a valid email address.",)


def wp_labels(folder: Path, msgids: tuple[str, ...]) -> dict[str, list[str]]:
    """The phrases WordPress core's labels ``msgids`` give, by phrase-file code (English from the
    msgids themselves, their gettext context taken off; entities decoded; sr also in Latin)."""
    out: dict[str, list[str]] = {"en": []}
    for msgid in msgids:
        phrase = as_phrase(msgid.split("\x04")[-1])
        if phrase not in out["en"]:
            out["en"].append(phrase)
    for locale, code in WP_LOCALES.items():
        if not (folder / f"{locale}.mo").exists():
            continue
        catalog = wp_catalog(folder, locale)
        found = out.setdefault(code, [])
        for msgid in msgids:
            text = catalog.get(msgid)
            if not text:
                continue
            phrase = as_phrase(html.unescape(text).replace("\xa0", " "))
            for form in (phrase, sr_latin(phrase)) if code == "sr" else (phrase,):
                if form and form not in found:
                    found.append(form)
    return out


def wp_taxonomy(args: argparse.Namespace) -> int:
    """Print the ``taxonomy_labels`` phrases WordPress core's tag and category labels give, by
    phrase-file code, as JSON."""
    print(json.dumps(wp_labels(Path(args.dir), WP_TAXONOMY), ensure_ascii=False, indent=1))
    return 0


def wp_navigation(args: argparse.Namespace) -> int:
    """Print the ``post_navigation`` phrases WordPress core's post navigation gives, by
    phrase-file code, as JSON."""
    print(json.dumps(wp_labels(Path(args.dir), WP_NAVIGATION), ensure_ascii=False, indent=1))
    return 0


def wp_subscription(args: argparse.Namespace) -> int:
    """Print the ``subscription_form`` phrases WordPress core's e-mail address message gives, by
    phrase-file code, as JSON."""
    print(json.dumps(wp_labels(Path(args.dir), WP_SUBSCRIPTION), ensure_ascii=False, indent=1))
    return 0


#: WordPress core's heading over a post's comments (the theme-compat ``comments.php``), singular
#: and plural: ``12 Responses to “Title”``
WP_HEADING = "One Response to %2$s"
#: the same heading in the default themes since 2011 (their own text domains, English only here):
#: Twenty Eleven to Twenty Sixteen and ``_s`` (``One thought on &ldquo;%2$s&rdquo;``), Twenty
#: Seventeen and later (``One Reply to &ldquo;%s&rdquo;``), as their ``comments.php`` prints them
WP_THEME_HEADINGS = ("One thought on &ldquo;%2$s&rdquo;", "%1$s thought on &ldquo;%2$s&rdquo;",
                     "%1$s thoughts on &ldquo;%2$s&rdquo;", "One Reply to &ldquo;%s&rdquo;",
                     "%1$s Reply to &ldquo;%2$s&rdquo;", "%1$s Replies to &ldquo;%2$s&rdquo;")
#: quotation marks a heading's translation puts around the post's title
_TITLE_QUOTES = "\"'“”„«»‘’‚‹›「」"


def heading_template(text: str) -> str:
    """A comment heading as a ``comment_headings`` template: the count as ``{n}``, the post's
    title (without the quotation marks around it) as ``{title}``, normalised as the phrase lists
    are."""
    plain = html.unescape(text).replace("\xa0", " ")
    plain = re.sub(rf"[{_TITLE_QUOTES}]*%(?:2\$)?s[{_TITLE_QUOTES}]*", "{title}", plain.replace("%1$s", "{n}"))
    return as_phrase(plain)


def wp_headings(args: argparse.Namespace) -> int:
    """Print the ``comment_headings`` templates of WordPress core's heading over a post's comments
    (every plural form), by phrase-file code, as JSON; English adds the default themes' headings."""
    english = [heading_template(m) for m in ("One Response to %2$s", "%1$s Responses to %2$s", *WP_THEME_HEADINGS)]
    out: dict[str, list[str]] = {"en": english}
    for locale, code in WP_LOCALES.items():
        if not (Path(args.dir) / f"{locale}.mo").exists():
            continue
        catalog = wp_catalog(Path(args.dir), locale)
        found = out.setdefault(code, [])
        forms = [text for key, text in catalog.items() if isinstance(key, tuple) and key[0] == WP_HEADING]
        for text in forms:
            template = heading_template(text)
            for form in (template, sr_latin(template)) if code == "sr" else (template,):
                if "{title}" in form and form not in found:
                    found.append(form)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def as_phrase(text: str) -> str:
    """A catalogue string's leading text as the phrase lists store it: normalised, casefolded, no
    trailing punctuation."""
    return normalise_entry(text).casefold().strip(" :：.?？¿¡。")


def wp_phrase(text: str) -> str:
    """A WordPress string as a phrase: entities decoded, tags dropped (their text kept), cut at its
    first placeholder, normalised as the phrase lists are (casefolded, no trailing punctuation)."""
    plain = re.sub(r"<[^<>]*>", "", html.unescape(text)).replace("\xa0", " ")
    return as_phrase(plain.split("%s", 1)[0])


#: Movable Type msgids of its comment form and TrackBack section (``lib/MT/L10N/<lang>.pm``)
MT_MSGIDS = (
    "TrackBack URL for this entry: <span id=\"trackbacks-link\">[_1]</span>",
    "Listed below are links to blogs that reference this entry: <a href=\"[_1]\">[_2]</a>.",
    "Listed below are links to weblogs that reference",  # MT 3's wording (build/sample.pm)
    "Previewing your Comment",
    "Remember personal info?",
)
_MT_ENTRY = re.compile(r"^\s*'((?:[^'\\]|\\.)*)'\s*=>\s*'((?:[^'\\]|\\.)*)'", re.M)


def mt_phrase(text: str) -> str:
    """A Movable Type string as a phrase: what comes before its first placeholder or tag,
    normalised as the phrase lists are (casefolded, no trailing punctuation)."""
    head = re.split(r"<|\[_\d\]", text.replace("\\'", "'"), maxsplit=1)[0]
    return as_phrase(head)


def mt_strings(args: argparse.Namespace) -> int:
    """Print the comment-form and TrackBack phrases of Movable Type's catalogues as JSON (the
    English msgid and each language's translation, as ``phrases/<code>.json`` stores them)."""
    out: dict[str, list[str]] = {"en": [mt_phrase(m) for m in MT_MSGIDS]}
    for path in args.files:
        catalog = {k.replace("\\'", "'"): v for k, v in _MT_ENTRY.findall(Path(path).read_text(encoding="utf-8"))}
        out[Path(path).stem] = [mt_phrase(catalog[m]) for m in MT_MSGIDS if catalog.get(m)]
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd")
    parser.add_argument("--out", default=str(OUT_DIR), help="output directory (default: package data)")
    parser.add_argument("--stopwordsiso", default=None, help="stopwordsiso wheel or JSON (default: import it)")
    wp = sub.add_parser("wp-strings", help="print WordPress comment-form translations from .mo files")
    wp.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    wp.add_argument("locales", nargs="+")
    wc = sub.add_parser("wp-counters", help="print WordPress comment counters as comment_counts phrases (JSON)")
    wc.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    wt = sub.add_parser("wp-taxonomy", help="print WordPress tag and category labels as taxonomy_labels phrases (JSON)")
    wt.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    wn = sub.add_parser("wp-navigation", help="print WordPress post navigation labels as post_navigation phrases (JSON)")
    wn.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    ws = sub.add_parser("wp-subscription", help="print WordPress's e-mail address message as subscription_form phrases (JSON)")
    ws.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    wh = sub.add_parser("wp-headings", help="print WordPress comment headings as comment_headings templates (JSON)")
    wh.add_argument("dir", help="directory holding <locale>.mo (e.g. Debian wordpress-l10n's languages dir)")
    mt = sub.add_parser("mt-strings", help="print Movable Type comment-form phrases from its L10N catalogues")
    mt.add_argument("files", nargs="+", help="lib/MT/L10N/<lang>.pm files")
    args = parser.parse_args(argv)
    if args.cmd == "mt-strings":
        return mt_strings(args)
    if args.cmd == "wp-strings":
        return wp_strings(args)
    if args.cmd == "wp-counters":
        return wp_counters(args)
    if args.cmd == "wp-taxonomy":
        return wp_taxonomy(args)
    if args.cmd == "wp-navigation":
        return wp_navigation(args)
    if args.cmd == "wp-subscription":
        return wp_subscription(args)
    if args.cmd == "wp-headings":
        return wp_headings(args)
    return build(args)


if __name__ == "__main__":
    sys.exit(main())
