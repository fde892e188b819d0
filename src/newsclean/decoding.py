"""Bytes to text: decode scraped pages whatever their encoding, never raising.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes fall (the ASCII
   characters of markup and text are one non-NUL byte beside one or three NULs), when the bytes
   decode strictly so;
3. strict UTF-8 (valid UTF-8 of any length is almost never anything else);
4. a charset declared *in* the bytes when they look like HTML/XML
   (``<meta charset=...>``, ``<meta http-equiv="Content-Type" content="...; charset=...">``,
   ``<?xml ... encoding="..."?>``), then the ``declared`` argument (e.g. an HTTP header);
   each label goes through the WHATWG aliases (``latin-1``, ``iso-8859-1`` and ``ascii``
   mean windows-1252, ``gb2312``/``gbk`` mean gb18030, ``shift_jis`` means cp932, ...) and
   is used only if the bytes decode strictly with it;
5. guessing, where the common encodings win unless the evidence against them is strong:
   nearly UTF-8 (most non-ASCII bytes form valid UTF-8 sequences) is UTF-8 with the invalid
   bytes replaced; then windows-1252 when the bytes decode with it into text that reads like a
   Latin-script language (accented letters inside words, not runs of them and not symbols
   between letters, which is what Cyrillic, Greek or CJK bytes read as windows-1252 look like);
   only then charset-normalizer's answer (a hint: on short or mixed text it picks exotic code
   pages such as cp1125 or iso8859-10, ``naïve`` -> ``naďve``);
6. last resort: UTF-8 with replacement characters when the bytes are nearly UTF-8,
   windows-1252 with replacement otherwise.

``DecodedText.encoding`` is the Python codec name actually used (``codecs.lookup(x).name``:
``"utf-8"``, ``"cp1252"``, ``"cp1251"``, ``"cp932"``, ``"gb18030"``, ``"utf-16-le"``, ...).
``confident`` is True for steps 1-4 (the text decoded exactly as the evidence says) and
False for guesses (5-6) or when replacement characters had to be inserted.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

__all__ = ["DecodedText", "decode_bytes", "normalize_charset"]


@dataclass(frozen=True)
class DecodedText:
    """The result of :func:`decode_bytes`.

    Attributes:
        text: the decoded text (a BOM is not part of it).
        encoding: Python codec name that was used, e.g. ``"utf-8"`` or ``"cp1251"``.
        confident: True when a BOM, valid UTF-8 or a declaration that decodes cleanly decided it.
        note: a short human-readable word on how the encoding was chosen, or None.
    """

    text: str
    encoding: str
    confident: bool
    note: str | None = None


# BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard label -> the codec browsers really use (only the labels whose
# meaning differs from Python's codec of the same name).
_WHATWG_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        ["ascii", "us-ascii", "ansi_x3.4-1968", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591",
         "latin-1", "latin1", "l1", "cp819", "ibm819", "csisolatin1", "iso-ir-100", "x-cp1252",
         "iso_8859-1:1987", "x-user-defined"],
        "cp1252",
    ),
    **dict.fromkeys(["iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5", "iso-ir-148"], "cp1254"),
    **dict.fromkeys(["tis-620", "iso-8859-11", "iso8859-11", "dos-874"], "cp874"),
    **dict.fromkeys(["gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58",
                     "cp936", "ms936", "windows-936"], "gb18030"),
    **dict.fromkeys(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j",
                     "csshiftjis"], "cp932"),
    **dict.fromkeys(["euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean",
                     "windows-949", "csksc56011987", "iso-ir-149"], "cp949"),
    **dict.fromkeys(["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"], "big5hkscs"),
    # A page that reached us as ASCII-compatible bytes cannot really be UTF-16 (WHATWG: use UTF-8).
    **dict.fromkeys(["utf-16", "utf-16le", "utf-16be", "utf-16-le", "utf-16-be", "unicode",
                     "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff", "unicodefffe"], "utf-8"),
    **dict.fromkeys(["x-mac-roman", "macintosh", "mac", "csmacintosh"], "mac_roman"),
    **dict.fromkeys(["x-mac-cyrillic", "x-mac-ukrainian"], "mac_cyrillic"),
}

_PRESCAN_BYTES = 4096
_META_CHARSET = regex.compile(
    r"""<meta\b[^<>]{0,2000}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", regex.IGNORECASE
)
_XML_DECL = regex.compile(r"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9_.:\-]+)""",
                          regex.IGNORECASE)


def normalize_charset(label: str | None) -> str | None:
    """Map a charset label to the Python codec name a browser would use, or None if unknown.

    WHATWG aliases apply (``"ISO-8859-1"`` -> ``"cp1252"``, ``"GB2312"`` -> ``"gb18030"``,
    ``"Shift_JIS"`` -> ``"cp932"``); anything else goes through :func:`codecs.lookup`.
    """
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if not key:
        return None
    key = _WHATWG_ALIASES.get(key, key)
    try:
        info = codecs.lookup(key)
    except (LookupError, ValueError):
        return None
    # Codecs that are not text encodings (rot13, base64, ...) are not charsets, nor is Python's
    # "undefined" codec, which raises on every input (found by test_random_bytes_never_raise).
    if not getattr(info, "_is_text_encoding", True) or info.name == "undefined":
        return None
    return info.name


def _sniff_declared(data: bytes) -> str | None:
    """Charset declared by an XML declaration or HTML ``<meta>`` in the first bytes, if any."""
    head = data[:_PRESCAN_BYTES].decode("latin-1")
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1) if m else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode page bytes to text, choosing the encoding from the strongest evidence.

    Args:
        data: the raw bytes (HTML, XML or plain text).
        declared: an encoding declared outside the bytes, e.g. from an HTTP
            ``Content-Type`` header; used after a declaration found in the document itself.

    Returns:
        A :class:`DecodedText`. Never raises: undecodable bytes become U+FFFD.
    """
    data = bytes(data)

    # 1. byte-order mark
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = _strict(body, enc)
            if text is not None:
                return DecodedText(text, enc, True, "byte-order mark")
            return DecodedText(body.decode(enc, errors="replace"), enc, False,
                               "byte-order mark; invalid sequences replaced")

    # 2. UTF-16/32 without a byte-order mark
    wide = _wide_encoding(data)
    if wide is not None:
        text = _strict(data, wide)
        if text is not None:
            return DecodedText(text, wide, True, "NUL-byte pattern")

    # 3. strict UTF-8
    text = _strict(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8", True, None)

    # 4. declarations: in the document first, then the caller's
    sniffed = _sniff_declared(data)
    for label, where in ((sniffed, "declared in document"), (declared, "declared by caller")):
        codec = normalize_charset(label)
        if codec is None:
            continue
        declared_text = _strict(data, codec)
        if declared_text is not None:
            return DecodedText(declared_text, codec, True, f"{where}: {label}")

    # 5. guesses: nearly UTF-8, Latin text in windows-1252, then the detector's hint
    return _guess(data)


def _wide_encoding(data: bytes) -> str | None:
    """``"utf-16-le"``, ``"utf-16-be"``, ``"utf-32-le"`` or ``"utf-32-be"`` when the NUL bytes of the
    first 4 KiB fall where that encoding puts the high bytes of ASCII characters, else None."""
    head = data[:_PRESCAN_BYTES]
    head = head[:len(head) - len(head) % 4]
    # (valid UTF-8 holds NULs only as text; UTF-16 of markup is a quarter NULs or more)
    if len(head) < 16 or head.count(0) < len(head) // (4 if _utf8_prefix(head) else 20):
        return None
    quarter = len(head) // 4
    nuls = [head[i::4].count(0) / quarter for i in range(4)]  # share of NULs at each offset mod 4
    # (a BMP character in UTF-32 has two NUL bytes; a third for Latin-1 only)
    if min(nuls[2:]) > 0.9 and nuls[0] < 0.1:
        return "utf-32-le"
    if min(nuls[:2]) > 0.9 and nuls[3] < 0.1:
        return "utf-32-be"
    odd, even = (nuls[1] + nuls[3]) / 2, (nuls[0] + nuls[2]) / 2
    # (other scripts than Latin have no NUL high bytes: markup and spaces give enough of them)
    if odd > 0.1 and even < 0.02:
        return "utf-16-le"
    if even > 0.1 and odd < 0.02:
        return "utf-16-be"
    return None


def _utf8_prefix(head: bytes) -> bool:
    """Whether ``head`` is valid UTF-8 but for a character cut at its end (the prescan's cut)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes) -> DecodedText:
    """Steps 5 and 6 of the module docstring: bytes that are not valid UTF-8 and declare nothing usable."""
    if _nearly_utf8(data):
        return DecodedText(data.decode("utf-8", errors="replace"), "utf-8", False,
                           "nearly utf-8: invalid bytes replaced")
    latin = _strict(data, "cp1252")
    if latin is not None and _reads_as_latin(latin):
        return DecodedText(latin, "cp1252", False, "guessed: windows-1252")
    detected = _detect(data)
    if detected is not None:
        return detected
    return _last_resort(data)


_UTF8_SEQUENCE = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = regex.compile(rb"[\x80-\xff]")


def _nearly_utf8(data: bytes) -> bool:
    """Most bytes above 0x7F are parts of valid UTF-8 sequences (a few broken ones among them)."""
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    high = len(_HIGH_BYTE.findall(data))
    return valid > 0 and valid >= 0.8 * high


# In a windows-1252 reading: three non-ASCII letters in a row ("Ñîâåò" is Cyrillic read as
# windows-1252), or a non-ASCII symbol between two letters ("za¿ó³æ" is Polish in windows-1250).
_FOREIGN_RUN = regex.compile(r"[^\x00-\x7f]{3,}")
_SYMBOL_IN_WORD = regex.compile(r"(?<=\p{L})[^\x00-\x7f\p{L}](?=\p{L})")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")


def _reads_as_latin(text: str) -> bool:
    """True when the non-ASCII characters of ``text`` look like a Latin-script language's."""
    non_ascii = len(_NON_ASCII.findall(text))
    if non_ascii == 0:
        return True
    odd = sum(len(m) for m in _FOREIGN_RUN.findall(text)) + len(_SYMBOL_IN_WORD.findall(text))
    return odd <= 0.1 * non_ascii


def _detect(data: bytes) -> DecodedText | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a detector bug must not break decoding
        return None
    if best is None:
        return None
    enc = normalize_charset(best.encoding)
    if enc is None:
        return None
    text = _strict(data, enc)
    if text is None:
        return None
    return DecodedText(text, enc, False, "detected by charset-normalizer")


def _last_resort(data: bytes) -> DecodedText:
    as_utf8 = data.decode("utf-8", errors="replace")
    if as_utf8.count("\ufffd") <= max(1, len(as_utf8) // 100):
        return DecodedText(as_utf8, "utf-8", False, "fallback: utf-8 with replacement characters")
    return DecodedText(data.decode("cp1252", errors="replace"), "cp1252", False,
                       "fallback: windows-1252 with replacement characters")
