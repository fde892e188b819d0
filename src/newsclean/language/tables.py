"""The data the detectors decide with: tunable thresholds, the script of every letter, which
languages each script can be, and the letters that tell the Cyrillic languages apart.

Codes are langdetect's ISO 639-1 codes ("zh-cn"/"zh-tw" become "zh" in answers); Norwegian is
"no" (langdetect's single Norwegian profile); "sr" is FastDetector's Serbian Cyrillic profile,
derived from langdetect's Croatian one (see :mod:`newsclean.language.profiles`).
"""
from __future__ import annotations

#: Code returned when the language is not determined.
UND = "und"

#: Letter units below which a text is "und" (about three short words; see WIDE_LETTER_WEIGHT).
MIN_LETTER_WEIGHT = 12

#: Weight of one ideograph, kana or Hangul syllable in the letter count (about one word each,
#: so four CJK characters pass MIN_LETTER_WEIGHT).
WIDE_LETTER_WEIGHT = 3

#: At most this many characters of a text are examined.
MAX_SAMPLE_CHARS = 4000

#: A longer text is sampled as this many evenly spaced chunks (deterministic).
SAMPLE_CHUNKS = 4

#: Fraction of a script's letters that may lie outside a Cyrillic language's alphabet (names,
#: quotations) before that language is excluded.
FOREIGN_LETTER_TOLERANCE = 0.02

#: Script of a letter, by code point range (inclusive). Letters outside every range count
#: toward no script but still dilute shares.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0x24F),
              (0x250, 0x2AF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
              (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),
    "Greek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
    "Cyrillic": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Armenian": ((0x530, 0x58F), (0xFB13, 0xFB17)),
    "Hebrew": ((0x590, 0x5FF), (0xFB1D, 0xFB4F)),
    "Arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Thaana": ((0x780, 0x7BF),),
    "Devanagari": ((0x900, 0x97F), (0xA8E0, 0xA8FF)),
    "Bengali": ((0x980, 0x9FF),),
    "Gurmukhi": ((0xA00, 0xA7F),),
    "Gujarati": ((0xA80, 0xAFF),),
    "Oriya": ((0xB00, 0xB7F),),
    "Tamil": ((0xB80, 0xBFF),),
    "Telugu": ((0xC00, 0xC7F),),
    "Kannada": ((0xC80, 0xCFF),),
    "Malayalam": ((0xD00, 0xD7F),),
    "Sinhala": ((0xD80, 0xDFF),),
    "Thai": ((0xE00, 0xE7F),),
    "Lao": ((0xE80, 0xEFF),),
    "Myanmar": ((0x1000, 0x109F),),
    "Georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
    "Hangul": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF),
               (0xD7B0, 0xD7FF), (0xFFA0, 0xFFDC)),
    "Khmer": ((0x1780, 0x17FF), (0x19E0, 0x19FF)),
    "Kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)),
    "Han": ((0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3100, 0x312F),
            (0x31A0, 0x31BF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
            (0x20000, 0x2FA1F), (0x30000, 0x3134F)),
}

#: Latin letters count this much when choosing the dominant script: Latin boilerplate, names
#: and URLs are common inside non-Latin paragraphs, the reverse is rare.
LATIN_DOMINANCE_WEIGHT = 0.5

#: Scripts whose letters count WIDE_LETTER_WEIGHT each.
WIDE_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})

#: Scripts that one language dominates: a text in such a script skips the model.
SCRIPT_LANGUAGE: dict[str, str] = {
    "Greek": "el",
    "Hebrew": "he",
    "Armenian": "hy",
    "Georgian": "ka",
    "Thai": "th",
    "Hangul": "ko",
    "Kana": "ja",
    "Bengali": "bn",
    "Gurmukhi": "pa",
    "Gujarati": "gu",
    "Oriya": "or",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Khmer": "km",
    "Lao": "lo",
    "Myanmar": "my",
    "Thaana": "dv",
}

#: Scripts shared by several languages: the statistical model chooses among these profiles
#: (langdetect profile names; "sr" is FastDetector's profile derived from "hr").
SCRIPT_GROUPS: dict[str, tuple[str, ...]] = {
    "Latin": ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id",
              "it", "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw",
              "tl", "tr", "vi"),
    "Cyrillic": ("bg", "mk", "ru", "uk", "sr"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Han": ("zh-cn", "zh-tw", "ja"),
}

#: In a Han/kana text, kana at or above this share of Han+kana letters means Japanese.
KANA_SHARE_FOR_JAPANESE = 0.1

#: Lower-case alphabets of the Cyrillic languages told apart. A language is excluded when more
#: than FOREIGN_LETTER_TOLERANCE of the text's Cyrillic letters are not in its alphabet.
#: be, kk and mn have no profile: they are chosen only when no profiled language fits,
#: the smallest fitting alphabet winning.
CYRILLIC_ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "mn": "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя",
}

#: Letters only Serbian uses (among sr/mk): their presence excludes Macedonian outright.
SERBIAN_ONLY_LETTERS = "ђћЂЋ"

#: Letters only Macedonian uses (among sr/mk): their presence excludes Serbian outright.
MACEDONIAN_ONLY_LETTERS = "ѓќѕЃЌЅ"

#: Letters Serbian and Macedonian share and Russian, Ukrainian, Bulgarian lack.
SERBO_MACEDONIAN_LETTERS = "јљњџЈЉЊЏ"

#: Latin (Gaj) to Serbian Cyrillic, digraphs first; used to derive the "sr" profile from "hr".
SERBIAN_LATIN_DIGRAPHS: dict[str, str] = {
    "dž": "џ", "Dž": "Џ", "DŽ": "Џ", "lj": "љ", "Lj": "Љ", "LJ": "Љ", "nj": "њ", "Nj": "Њ", "NJ": "Њ",
}
SERBIAN_LATIN_LETTERS: dict[str, str] = dict(zip(
    "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ",
    "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ",
))
