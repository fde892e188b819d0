"""Behaviour of newsclean.decoding.decode_bytes: bytes in, text out, never an exception."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.decoding import DecodedText, decode_bytes, normalize_charset

CYRILLIC = "Москва. Президент заявил, что экономика страны растёт быстрее, чем ожидалось."
JAPANESE = "東京で記者会見が行われ、首相は新しい経済政策を発表した。"
CHINESE = "北京消息，政府今天宣布了新的经济政策，专家认为这将促进增长。"
FRENCH = (
    "Le président a déclaré mercredi que l'économie française était en très bonne santé, "
    "malgré les difficultés rencontrées cette année par les élèves et les enseignants à l'école."
)


def _page(body: str, head: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def test_plain_utf8_is_confident() -> None:
    result = decode_bytes("Grüße aus Köln — “quoted”".encode())
    assert result == DecodedText("Grüße aus Köln — “quoted”", "utf-8", True, None)


def test_empty_bytes_are_empty_utf8() -> None:
    assert decode_bytes(b"").text == ""
    assert decode_bytes(b"").encoding == "utf-8"


def test_utf8_bom_is_stripped() -> None:
    result = decode_bytes(codecs.BOM_UTF8 + "Zoë".encode())
    assert result.text == "Zoë"
    assert result.encoding == "utf-8"
    assert result.confident
    assert result.note == "byte-order mark"


def test_utf16_with_bom() -> None:
    for data, enc in (
        (codecs.BOM_UTF16_LE + CYRILLIC.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + CYRILLIC.encode("utf-16-be"), "utf-16-be"),
    ):
        result = decode_bytes(data)
        assert result.text == CYRILLIC
        assert result.encoding == enc
        assert result.confident


def test_utf32_bom_wins_over_utf16_prefix() -> None:
    data = codecs.BOM_UTF32_LE + "abc".encode("utf-32-le")
    assert decode_bytes(data).text == "abc"
    assert decode_bytes(data).encoding == "utf-32-le"


def test_windows_1251_html_with_meta_charset() -> None:
    html = _page(CYRILLIC, '<meta charset="windows-1251">')
    result = decode_bytes(html.encode("cp1251"))
    assert result.text == html
    assert result.encoding == "cp1251"
    assert result.confident
    assert result.note is not None and "windows-1251" in result.note


def test_http_equiv_content_type_charset() -> None:
    html = _page(CYRILLIC, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    result = decode_bytes(html.encode("koi8-r"))
    assert result.text == html
    assert result.encoding == "koi8-r"


def test_shift_jis_html_with_meta() -> None:
    html = _page(JAPANESE, '<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">')
    result = decode_bytes(html.encode("shift_jis"))
    assert result.text == html
    assert result.encoding == "cp932"  # WHATWG: Shift_JIS means windows-31j
    assert result.confident


def test_gbk_html_with_meta() -> None:
    html = _page(CHINESE, "<meta charset=gb2312>")
    result = decode_bytes(html.encode("gbk"))
    assert result.text == html
    assert result.encoding == "gb18030"  # WHATWG: gb2312 and gbk decode as gb18030
    assert result.confident


def test_xml_declaration() -> None:
    xml = f'<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>{FRENCH}</title></rss>'
    result = decode_bytes(xml.encode("latin-1"))
    assert result.text == xml
    assert result.encoding == "cp1252"


def test_latin1_declaration_means_windows_1252() -> None:
    # Curly quotes are 0x93/0x94 in windows-1252, C1 controls in real ISO-8859-1.
    data = b'<meta charset="ISO-8859-1"><p>\x93quoted\x94 caf\xe9</p>'
    assert decode_bytes(data).text == '<meta charset="ISO-8859-1"><p>“quoted” café</p>'


def test_caller_declared_charset_is_used_when_document_declares_none() -> None:
    result = decode_bytes(CYRILLIC.encode("cp1251"), declared="windows-1251")
    assert result.text == CYRILLIC
    assert result.confident
    assert result.note == "declared by caller: windows-1251"


def test_document_declaration_beats_caller_declaration() -> None:
    html = _page(CYRILLIC, '<meta charset="windows-1251">')
    assert decode_bytes(html.encode("cp1251"), declared="iso-8859-1").text == html


def test_wrong_declaration_that_cannot_decode_is_ignored() -> None:
    # GBK bytes claimed as UTF-16 (mapped to UTF-8 by WHATWG) do not decode; detection takes over.
    html = _page(CHINESE, '<meta charset="utf-16">') * 3
    result = decode_bytes(html.encode("gbk"))
    assert result.text == html


def test_latin1_text_without_declaration_is_guessed_as_windows_1252() -> None:
    result = decode_bytes(FRENCH.encode("latin-1"))
    assert result.text == FRENCH
    assert not result.confident
    assert result.note == "guessed: windows-1252"


def test_unknown_declaration_falls_through() -> None:
    result = decode_bytes(FRENCH.encode("latin-1"), declared="no-such-charset")
    assert result.text == FRENCH


def test_utf8_wins_over_a_wrong_declaration() -> None:
    html = _page("Zoë", '<meta charset="windows-1252">')
    assert decode_bytes(html.encode()).text == html


def test_normalize_charset() -> None:
    assert normalize_charset("ISO-8859-1") == "cp1252"
    assert normalize_charset(" Latin-1 ") == "cp1252"
    assert normalize_charset("US-ASCII") == "cp1252"
    assert normalize_charset("windows-1251") == "cp1251"
    assert normalize_charset("UTF8") == "utf-8"
    assert normalize_charset("rot13") is None
    assert normalize_charset("bogus") is None
    assert normalize_charset(None) is None
    assert normalize_charset("") is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.one_of(st.none(), st.text(max_size=20)))
def test_random_bytes_never_raise(data: bytes, declared: str | None) -> None:
    result = decode_bytes(data, declared=declared)
    assert isinstance(result.text, str)
    assert isinstance(result.encoding, str)
    codecs.lookup(result.encoding)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=500))
def test_any_utf8_text_round_trips(text: str) -> None:
    # (text without NUL: bytes with a NUL in every other byte read as UTF-16, which is what they
    # are when they come from a file; real UTF-8 text holds no NUL)
    result = decode_bytes(text.encode("utf-8"))
    assert result.confident
    assert result.text == (text.removeprefix("\ufeff"))


def test_utf8_cut_by_the_prescan_is_still_utf8() -> None:
    """A character cut at the end of the NUL-pattern prescan does not make valid UTF-8 look
    invalid (then one NUL in 16 bytes was enough to read it as UTF-16)."""
    text = "0\x00\x80\x80\U00010000\U00010000\U00010000"
    result = decode_bytes(text.encode("utf-8"))
    assert (result.encoding, result.text) == ("utf-8", text)


# --------------------------------------------------------------------------- no BOM, no declaration
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_told_by_their_nul_bytes(encoding: str) -> None:
    html = f"<html><body><p>{CYRILLIC}</p><p>Grüße aus Köln.</p></body></html>"
    result = decode_bytes(html.encode(encoding))
    assert (result.text, result.encoding, result.note) == (html, encoding, "NUL-byte pattern")


def test_a_utf16_page_without_bom_gives_its_article() -> None:
    import newsclean

    paragraph = "The harbour bridge reopened on Monday after two years of repairs, the council said."
    page = (f"<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body><article>"
            f"<h1>Bridge reopens</h1><p>{paragraph}</p><p>{paragraph.upper()}</p></article></body></html>")
    result = newsclean.clean(page.encode("utf-16-le"))
    assert paragraph in result.text
    assert result.metadata["encoding"] == "utf-16-le"
    assert "<" not in result.text and "\x00" not in result.text


@pytest.mark.parametrize("text", ["naïve", "Ceci est une idée naïve, déjà vue.", "Grüße aus Köln – größer.",
                                  "“Quoted” text — and a € price."])
def test_latin_text_in_windows_1252_is_not_read_as_an_exotic_code_page(text: str) -> None:
    result = decode_bytes(text.encode("cp1252"))
    assert (result.text, result.encoding, result.confident) == (text, "cp1252", False)


def test_nearly_utf8_stays_utf8_with_the_broken_bytes_replaced() -> None:
    data = "Grüße aus Köln — “quoted” and more words.".encode() + b"\xff" + " Naïve café.".encode()
    result = decode_bytes(data)
    assert result.encoding == "utf-8"
    assert result.text == "Grüße aus Köln — “quoted” and more words.\ufffd Naïve café."


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_without_declaration_is_still_detected(encoding: str) -> None:
    text = "Совет утвердил бюджет в понедельник, сообщили в мэрии города. " * 3
    result = decode_bytes(text.encode(encoding))
    assert result.text == text
    assert result.note == "detected by charset-normalizer"


def test_central_european_text_is_not_taken_for_windows_1252() -> None:
    text = "Zażółć gęślą jaźń. Rada miasta zatwierdziła budżet w poniedziałek. " * 2
    assert decode_bytes(text.encode("cp1250")).text == text
