#!/usr/bin/env python3
"""Build the multilingual noise benchmark (issue #17): clean bodies with seed-like noise inserted.

Two steps, both deterministic:

``phrases``  (re)extracts the phrase table ``benchmarks/data/noise_phrases.json`` from local copies
             of the sources (Isso's i18n files, Shariff's service files, casper-i18n's locales, CLDR
             through Babel). Strings copied by hand from Ghost and Mastodon (read at the commits
             recorded in the table) are kept as they are in the table.
``build``    writes ``benchmarks/data/noise_bench.jsonl.gz`` in the scorer's record format from the
             phrase table, ``../shared/langid/sentences/<lang>.txt`` and, for English, the gold
             bodies of ``../shared/devdata/pages.jsonl.gz``.

Every inserted noise line goes into ``without`` (and under its kind in ``noise``), every body
sentence into ``with``; body sentences that merely mention following, sharing, subscribing or
reading are listed again under ``negatives``. See docs/noise-benchmark.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PHRASES = ROOT / "benchmarks" / "data" / "noise_phrases.json"
OUTPUT = ROOT / "benchmarks" / "data" / "noise_bench.jsonl.gz"

LANGS = ("en de fr es it pt nl pl cs ru uk bg mk sr el ar hi zh ja").split()
CJK = {"zh", "ja"}
DOCS_PER_LANG = 14
SEED = 17
# CLDR time zones whose exemplar city names the weather widget uses (one per language's region).
ZONES = {"en": "Europe/London", "de": "Europe/Berlin", "fr": "Europe/Paris", "es": "Europe/Madrid",
         "it": "Europe/Rome", "pt": "Europe/Lisbon", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw",
         "cs": "Europe/Prague", "ru": "Europe/Moscow", "uk": "Europe/Kyiv", "bg": "Europe/Sofia",
         "mk": "Europe/Skopje", "sr": "Europe/Belgrade", "el": "Europe/Athens", "ar": "Africa/Cairo",
         "hi": "Asia/Kolkata", "zh": "Asia/Shanghai", "ja": "Asia/Tokyo"}
TLD = {"en": "co.uk", "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nl": "nl", "pl": "pl",
       "cs": "cz", "ru": "ru", "uk": "ua", "bg": "bg", "mk": "mk", "sr": "rs", "el": "gr", "ar": "eg",
       "hi": "in", "zh": "cn", "ja": "jp"}
ISSO_FILE = {"el": "el_GR", "pt": "pt_PT", "zh": "zh_CN"}
ISSO_KEYS = {"postbox-text": "comment_form", "postbox-author": "comment_form",
             "postbox-email": "comment_form", "postbox-submit": "comment_form",
             "no-comments": "comment_form", "postbox-notification": "notify",
             "num-comments": "counter", "postbox-author-placeholder": "author"}
SHARIFF_SERVICES = ("facebook", "twitter", "whatsapp", "telegram", "linkedin", "mail")
AUTO_SOURCES = ("isso", "shariff", "casper-i18n", "cldr")
_END = re.compile(r"[.!?。！？…»”\"')]$")


# ------------------------------------------------------------------ phrase extraction
def _isso(isso_dir: Path, lang: str) -> list[dict[str, str]]:
    """Isso comment-widget strings of one language (``module.exports = {...}``)."""
    path = isso_dir / f"{ISSO_FILE.get(lang, lang)}.js"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    out = []
    for key, value in re.findall(r'"([a-z-]+)":\s*"((?:[^"\\]|\\.)*)"', text):
        if key in ISSO_KEYS and value:
            value = json.loads(f'"{value}"')
            for form in value.split("\n"):  # plural forms are newline-separated
                out.append({"slot": ISSO_KEYS[key], "text": form.replace("{{ n }}", "{amount}"),
                            "source": "isso", "key": key})
    return out


def _git_show(git_dir: Path, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"],
                          check=True, capture_output=True, text=True).stdout


def _shariff(git_dir: Path, lang: str) -> list[dict[str, str]]:
    """Shariff share-button titles ("Share on Facebook") and its bare share verb of one language."""
    out = []
    for service in SHARIFF_SERVICES:
        source = _git_show(git_dir, f"src/js/services/{service}.js")
        for field, slot in (("title", "share"), ("shareText", "share_word")):
            if field not in source or (slot == "share_word" and service != "facebook"):
                continue
            block = source.split(f"{field}:", 1)[1].split("}", 1)[0]
            found = re.search(rf"\n\s*{lang}: (['\"])(.+?)\1,", block)
            if found:
                out.append({"slot": slot, "text": found.group(2), "source": "shariff",
                            "key": f"{service}.{field}"})
    return out


def _casper(git_dir: Path, lang: str) -> list[dict[str, str]]:
    """casper-i18n theme strings: read time and the subscribe button."""
    try:
        table = json.loads(_git_show(git_dir, f"locales/{lang}.json"))
    except subprocess.CalledProcessError:
        return []
    out = []
    if table.get("% min read"):
        out.append({"slot": "read_time", "text": table["% min read"].replace("%", "{amount}"),
                    "source": "casper-i18n", "key": "% min read"})
    if table.get("Subscribe"):
        out.append({"slot": "subscribe", "text": table["Subscribe"], "source": "casper-i18n",
                    "key": "Subscribe"})
    return out


def _cldr(lang: str) -> list[dict[str, str]]:
    """CLDR (through Babel) unit patterns and an exemplar city of the language's region."""
    from babel import Locale
    from babel.units import format_unit
    out = [{"slot": "read_time_unit", "text": format_unit(7, "duration-minute", length="short",
                                                        locale=lang).replace("7", "{amount}"),
            "source": "cldr", "key": "unit duration-minute short"},
           {"slot": "celsius", "text": format_unit(7, "temperature-celsius", length="short",
                                                   locale=lang).replace("7", "{amount}"),
            "source": "cldr", "key": "unit temperature-celsius short"}]
    zone = ZONES[lang]
    city = Locale.parse(lang).time_zones.get(zone, {}).get("city") or zone.split("/")[-1]
    out.append({"slot": "city", "text": city, "source": "cldr", "key": f"exemplarCity {zone}"})
    return out


def extract_phrases(args: argparse.Namespace) -> int:
    """Refresh the automatically extracted part of the phrase table; keep hand-copied entries."""
    table = json.loads(PHRASES.read_text(encoding="utf-8"))
    for lang in LANGS:
        kept = [p for p in table["phrases"].get(lang, []) if p["source"] not in AUTO_SOURCES]
        fresh = (_isso(args.isso, lang) + _shariff(args.shariff, lang)
                 + _casper(args.casper, lang) + _cldr(lang))
        table["phrases"][lang] = kept + fresh
    table["mention_stems"] = {lang: mention_stems(table["phrases"][lang], lang) for lang in LANGS}
    table["missing"] = {lang: sorted(set(SLOTS) - {p["slot"] for p in table["phrases"][lang]})
                        for lang in LANGS}
    PHRASES.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {PHRASES}")
    return 0


SLOTS = ("subscribe", "signup", "follow", "share", "notify", "member_cta", "keep_reading",
         "read_time", "reaction", "counter", "comment_form", "byline", "author", "city", "celsius",
         "share_word", "mention_sentence")
_STEM_SLOTS = ("follow", "subscribe", "share_word", "keep_reading")


def words_of(text: str) -> list[str]:
    """White-space separated words without surrounding punctuation (keeps combining marks)."""
    return [w.strip(".,:;!?¡¿()[]{}«»\"'“”„’‘…–—-") for w in text.split()]


def mention_stems(phrases: list[dict[str, str]], lang: str) -> list[dict[str, str]]:
    """Stems of the follow / subscribe / share / read words, to find body sentences mentioning them.

    Space-separated languages: the first five characters of every word of 6+ characters, the
    first four of 4-5 character words; zh/ja: the whole word. Placeholders and handles are skipped.
    """
    stems: dict[str, str] = {}
    for p in phrases:
        if p["slot"] not in _STEM_SLOTS:
            continue
        text = re.sub(r"\{[a-z]+\}|@\S+", "", p["text"])
        if lang in CJK:
            words = [w for w in words_of(text) if 2 <= len(w) <= 4]
        else:
            words = [w[: 5 if len(w) >= 6 else 4].lower() for w in words_of(text) if len(w) >= 4]
        for w in words:
            stems.setdefault(w, f"{p['source']}:{p['key']}")
    return [{"stem": s, "from": f} for s, f in stems.items()]


# ------------------------------------------------------------------ sentence pools
def _good_sentence(s: str, lang: str) -> bool:
    lo, hi = (15, 120) if lang in CJK else (40, 260)
    junk = re.search(r"https?:|www\.|[#@]|Facebook|Twitter|Pinterest|WhatsApp"
                     r"|[\x80-\x9f\xad]|Ã[\x80-\xbf]|â€", s)  # C1 controls, soft hyphens, mojibake
    starts = s[:1].isalnum() or s[:1] in "\"'“„«(¿¡"  # not a list bullet or a fragment
    return lo <= len(s) <= hi and bool(_END.search(s)) and starts and not junk


def sentence_pool(lang: str) -> list[str]:
    lines = (SHARED / "langid" / "sentences" / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if _good_sentence(s.strip(), lang)]


def english_bodies(limit: int) -> list[list[str]]:
    """Paragraph lists from development gold bodies (dragnet pages with 4+ long paragraphs)."""
    bodies = []
    with gzip.open(SHARED / "devdata" / "pages.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            paras = [p.strip() for p in page["gold"].split("\n\n")]
            paras = [p for p in paras if len(p) >= 80 and _END.search(p) and p[0].isalnum()]
            if page["dataset"] == "dragnet" and len(paras) >= 4:
                bodies.append(paras[:8])
            if len(bodies) >= limit * 5:
                break
    return bodies[::5][:limit]


def split_sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z“\"(])", paragraph)
    return [s.strip() for s in parts if s.strip()]


def norm_ws(text: str) -> str:
    """As the scorer compares snippets: NFC, no-break spaces as spaces, collapsed white space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


def mentioning(pool: list[str], stems: list[str], lang: str) -> list[str]:
    """Sentences with a word starting with a selective stem (one in at most a tenth of the pool).

    zh/ja have no word boundaries: there the stem may occur anywhere.
    """
    def has(sentence: str, stem: str) -> bool:
        if lang in CJK:
            return stem in sentence
        return any(w.lower().startswith(stem) for w in words_of(sentence))

    selective = [st for st in stems if sum(has(s, st) for s in pool) <= len(pool) // 10]
    return [s for s in pool if any(has(s, st) for st in selective)]


# ------------------------------------------------------------------ one language's material
class Kit:
    """Everything the documents of one language are made from, drawn with one seeded RNG."""

    def __init__(self, lang: str, phrases: list[dict[str, str]], stems: list[dict[str, str]],
                 fallback_authors: list[str], rng: random.Random) -> None:
        self.lang = lang
        self.rng = rng
        self.slots: dict[str, list[str]] = {}
        for p in phrases:
            self.slots.setdefault(p["slot"], []).append(p["text"])
        self.authors = self.slots.get("author") or fallback_authors
        pool = sentence_pool(lang)
        self.negatives = (mentioning(pool, [s["stem"] for s in stems], lang)
                          + self.slots.get("mention_sentence", []))
        rest = [s for s in pool if s not in set(self.negatives)]
        rng.shuffle(rest)
        cut = int(len(rest) * 0.7)
        self.body_pool, self.extra_pool = rest[:cut], rest[cut:]
        # outlet names: capitalised words inside sentences (not sentence-initial): mostly names
        tokens = sorted({t for s in pool for t in re.findall(r"(?<=\s)[A-Z][a-z]{3,9}\b", s)})
        self.outlets = tokens or [f"{lang}{n}" for n in range(10, 20)]

    def pick(self, slot: str) -> str | None:
        options = self.slots.get(slot)
        return self.rng.choice(options) if options else None

    def sentences(self, pool: list[str], n: int) -> list[str]:
        """n different sentences of the pool (fewer if the pool is smaller)."""
        return self.rng.sample(pool, min(n, len(pool)))


def fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return re.sub(r"\s{2,}", " ", text).strip()


class Doc:
    """One benchmark document under construction: body paragraphs plus noise blocks."""

    def __init__(self, kit: Kit, paragraphs: list[list[str]]) -> None:
        self.kit = kit
        self.paragraphs = paragraphs          # sentences per paragraph
        self.top: list[list[str]] = []        # widget blocks before the body
        self.tail: list[list[str]] = []       # widget blocks after the body
        self.caption: list[str] = []
        self.glued: str | None = None
        self.noise: dict[str, list[str]] = {}
        outlet = kit.rng.choice(kit.outlets)
        self.outlet, self.handle = outlet, outlet.lower()
        self.domain = f"{outlet.lower()}.{TLD[kit.lang]}"
        self.author = kit.rng.choice(kit.authors)
        self.when = dt.datetime(2025, 1, 1, 6, 0) + dt.timedelta(minutes=kit.rng.randrange(525600))

    def add(self, kind: str, lines: list[str], where: str = "tail") -> None:
        lines = [ln for ln in lines if ln]
        if not lines:
            return
        (self.top if where == "top" else self.tail).append(lines)
        self.noise.setdefault(kind, []).extend(lines)

    def body_text(self, glue: bool) -> list[str]:
        """The body paragraphs: with the glued call to action and both caption copies (the page),
        or without the call to action and with one caption copy (the gold)."""
        paras = [" ".join(p) for p in self.paragraphs]
        if glue and self.glued:
            paras[-1] += " " + self.glued
        if self.caption:
            paras.insert(2, "\n".join(self.caption) if glue else self.caption[1])
        return paras

    def plain(self) -> str:
        blocks = ["\n".join(b) for b in self.top] + self.body_text(glue=True)
        blocks += ["\n".join(b) for b in self.tail]
        return "\n\n".join(blocks) + "\n"


# ------------------------------------------------------------------ noise kinds
def _date(doc: Doc, fmt: str) -> str:
    from babel.dates import format_date, format_datetime
    if fmt == "datetime":
        return format_datetime(doc.when, "short", locale=doc.kit.lang)
    return format_date(doc.when, fmt, locale=doc.kit.lang)


def cta_lines(doc: Doc) -> None:
    """Calls to subscribe / follow / share / turn on notifications as whole lines after the body."""
    k = doc.kit
    follow, share, notify = k.pick("follow"), k.pick("share"), k.pick("notify")
    found = [k.pick("subscribe"), k.pick("signup"), f"{follow} @{doc.handle}" if follow else None,
             fill(share, name=doc.handle) if share else None,
             fill(notify, name=doc.handle) if notify else None]
    options = [o for o in found if o]
    doc.add("cta_line", k.rng.sample(options, min(len(options), k.rng.randint(1, 3))))


def cta_glued(doc: Doc) -> None:
    """A call to action glued to the last sentence of the last paragraph."""
    k = doc.kit
    member, notify, share = k.pick("member_cta"), k.pick("notify"), k.pick("share")
    found = [fill(member, publication=doc.outlet) if member else None,
             fill(notify, name=doc.handle) if notify else None,
             fill(share, name=doc.handle) if share else None]
    options = [o for o in found if o]
    if options:
        glued = k.rng.choice(options)
        doc.glued = glued
        doc.noise.setdefault("cta_glued", []).append(glued)


def read_more(doc: Doc) -> None:
    """A trailer naming the domain where the rest of the story is."""
    keep = doc.kit.pick("keep_reading")
    if keep:
        sep = doc.kit.rng.choice([": ", " ", " → "])
        doc.add("read_more", [f"{keep}{sep}{doc.domain}"])


def read_time(doc: Doc) -> None:
    pattern = doc.kit.pick("read_time") or doc.kit.pick("read_time_unit")
    if pattern:
        doc.add("read_time", [fill(pattern, amount=str(doc.kit.rng.randint(2, 12)))], "top")


def reactions(doc: Doc) -> None:
    """A reaction widget: short labels each followed by a counter."""
    more, less = doc.kit.slots.get("reaction", [None, None])[:2] or [None, None]
    if more and less:
        r = doc.kit.rng
        lines = [more, f"{r.randint(0, 40)} %", less, f"{r.randint(0, 40)} %"]
        doc.tail.append(lines)
        doc.noise.setdefault("reaction_widget", []).extend([more, less])


def counters(doc: Doc) -> None:
    forms = doc.kit.slots.get("counter", [])
    if forms:
        r = doc.kit.rng
        lines = [fill(f, amount=str(r.randint(2, 99))) for f in r.sample(forms, min(2, len(forms)))]
        doc.add("counter_widget", lines)


def comment_form(doc: Doc) -> None:
    lines = doc.kit.slots.get("comment_form", [])
    if lines:
        n = min(len(lines), doc.kit.rng.randint(2, 5))
        doc.add("comment_form", [fill(x, publication=doc.outlet) for x in doc.kit.rng.sample(lines, n)])


def related(doc: Doc) -> None:
    """A run of headline-like lines, each followed by the same author line."""
    k = doc.kit
    lines: list[str] = []
    for head in k.sentences(k.extra_pool, k.rng.randint(3, 6)):
        lines += [head.rstrip(".!?。！？"), doc.author]
    doc.tail.append(lines)
    doc.noise.setdefault("related_headlines", []).extend(lines[::2] + [doc.author])


def bylines(doc: Doc) -> None:
    """The same byline at the top and again after the body."""
    by = doc.kit.pick("byline")
    name = fill(by, authors=doc.author) if by else doc.author
    line = f"{name} | {_date(doc, 'medium')}"
    doc.top.append([line])
    doc.add("repeated_byline", [line])


def hashtags(doc: Doc) -> None:
    words = words_of(" ".join(s for p in doc.paragraphs for s in p))
    if doc.kit.lang in CJK:
        words = [w[:doc.kit.rng.randint(2, 4)] for w in words if len(w) >= 2 and not w.isdigit()]
    else:
        words = [w[:1].upper() + w[1:] for w in words
                 if len(w) >= 5 and not any(c.isdigit() or c in "/&%$@" for c in w)]
    if words:
        tags = doc.kit.rng.sample(sorted(set(words)), min(len(set(words)), doc.kit.rng.randint(3, 7)))
        doc.add("hashtags", [" ".join("#" + t for t in tags)])


def caption(doc: Doc) -> None:
    """A photo caption with credit printed twice: alt text (plain hyphen), then visible caption.

    As in seed 000, exactly one copy belongs to the body (either is acceptable: they differ only
    in punctuation, which the body metric ignores), so the gold body holds one copy and the
    snippet lists hold neither; tools/noise_report.py counts how many copies a cleaner keeps.
    """
    sentence = doc.kit.sentences(doc.kit.extra_pool, 1)[0]
    doc.caption = [f"{sentence} - {doc.author}/{doc.outlet}", f"{sentence} – {doc.author}/{doc.outlet}"]
    doc.noise.setdefault("caption_twice", []).append(doc.caption[1])


def weather(doc: Doc) -> None:
    city, celsius = doc.kit.pick("city"), doc.kit.pick("celsius")
    if city and celsius:
        r = doc.kit.rng
        from babel.numbers import get_decimal_symbol
        number = str(round(r.uniform(-9, 35), 1)).replace(".", get_decimal_symbol(doc.kit.lang))
        temp = fill(celsius, amount=number)
        doc.add("weather_widget", [city, temp], "top")


def clock(doc: Doc) -> None:
    doc.add("clock_widget", [_date(doc, "datetime"), _date(doc, "full")], "top")


KINDS = {"cta_line": cta_lines, "cta_glued": cta_glued, "read_more": read_more, "read_time": read_time,
         "reaction_widget": reactions, "counter_widget": counters, "comment_form": comment_form,
         "related_headlines": related, "repeated_byline": bylines, "hashtags": hashtags,
         "caption_twice": caption, "weather_widget": weather, "clock_widget": clock}
TOP_ORDER = ("clock_widget", "weather_widget", "repeated_byline", "read_time")


# ------------------------------------------------------------------ documents
def _paragraphs(kit: Kit, english: list[str] | None) -> list[list[str]]:
    if english is not None:
        return [[p] for p in english[:-1]] + [split_sentences(english[-1])]
    r = kit.rng
    sizes = [r.randint(2, 4) for _ in range(r.randint(4, 8))]
    drawn = kit.sentences(kit.body_pool, sum(sizes))
    return [drawn[sum(sizes[:i]):sum(sizes[:i + 1])] for i in range(len(sizes))]


def make_doc(kit: Kit, index: int, english: list[str] | None) -> dict[str, Any]:
    """One record: a clean body, a few negatives inside it, and a seeded subset of noise kinds."""
    r = kit.rng
    doc = Doc(kit, _paragraphs(kit, english))
    negatives = kit.sentences(kit.negatives, r.randint(1, 2)) if kit.negatives else []
    for sentence in negatives:
        para = doc.paragraphs[r.randrange(len(doc.paragraphs))]
        para.insert(r.randint(0, len(para)), sentence)
    kinds = [k for i, k in enumerate(KINDS) if (index + i) % 3 == 0 or r.random() < 0.5]
    for kind in TOP_ORDER + tuple(k for k in KINDS if k not in TOP_ORDER):
        if kind in kinds:
            KINDS[kind](doc)
    gold = "\n\n".join(doc.body_text(glue=False))
    body = norm_ws(gold)
    noise = {kind: sorted({s for s in snippets if kind == "caption_twice" or norm_ws(s) not in body})
             for kind, snippets in doc.noise.items()}
    noise = {kind: snippets for kind, snippets in noise.items() if snippets}
    without = {s for kind, snippets in noise.items() if kind != "caption_twice" for s in snippets}
    return {"id": f"noise/{kit.lang}/{index:02d}", "dataset": kit.lang, "url": None, "html": None,
            "renderings": {"plain": doc.plain()}, "gold": gold, "gold_title": None,
            "with": [s for p in doc.paragraphs for s in p],
            "without": sorted(without),
            "noise": noise, "negatives": sorted(set(negatives))}


def build(args: argparse.Namespace) -> int:
    table = json.loads(PHRASES.read_text(encoding="utf-8"))
    english = english_bodies(args.docs)
    fallback = [p["text"] for p in table["phrases"]["en"] if p["slot"] == "author"]
    records = []
    for lang in LANGS:
        kit = Kit(lang, table["phrases"][lang], table["mention_stems"][lang], fallback,
                  random.Random(f"{SEED}/{lang}"))
        for i in range(args.docs):
            records.append(make_doc(kit, i, english[i] if lang == "en" else None))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "wb") as raw, \
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        for rec in records:
            gz.write((json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    print(f"wrote {len(records)} records to {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    ph = sub.add_parser("phrases", help="re-extract the phrase table from local source copies")
    ph.add_argument("--isso", type=Path, required=True, help="isso-0.14.0/isso/js/app/i18n directory")
    ph.add_argument("--shariff", type=Path, required=True, help="git dir of heiseonline/shariff")
    ph.add_argument("--casper", type=Path, required=True, help="git dir of GenZmeY/casper-i18n")
    bd = sub.add_parser("build", help="write the benchmark file")
    bd.add_argument("--docs", type=int, default=DOCS_PER_LANG, help="documents per language")
    bd.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    return extract_phrases(args) if args.command == "phrases" else build(args)


if __name__ == "__main__":
    sys.exit(main())
