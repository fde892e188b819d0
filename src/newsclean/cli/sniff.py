"""Telling binary files from text by their first bytes, so the command skips images and archives."""
from __future__ import annotations

__all__ = ["SNIFF_BYTES", "sniff_binary"]

SNIFF_BYTES = 8192
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub)"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (doc/xls)"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"wOFF", "WOFF font"),
    (0, b"wOF2", "WOFF2 font"),
    (0, b"\x00asm", "WebAssembly"),
    (4, b"ftyp", "MP4/QuickTime media"),
    (8, b"WEBP", "WebP image"),
    (8, b"WAVE", "WAV audio"),
    (8, b"AVI ", "AVI video"),
)


def sniff_binary(head: bytes) -> str | None:
    """What binary format ``head`` (a file's first bytes) is, or None when it looks like text.

    Magic numbers of images, PDFs, archives, executables and media are recognised by name;
    otherwise a file whose first 8 KiB hold NUL bytes (more than 1 %, and not in the every-other
    -byte pattern of UTF-16 text) or many control characters (more than 10 %) is "binary data".
    UTF-16/32 byte-order marks mean text.
    """
    for offset, magic, name in _MAGIC:
        if head[offset:offset + len(magic)] == magic:
            return name
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bzip2 archive"
    if head[:3] == b"ID3" and len(head) > 3 and head[3] < 0x10:
        return "MP3 audio"
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        return None  # UTF-16/32 byte-order mark: text
    sample = head[:SNIFF_BYTES]
    if not sample:
        return None
    nuls = sample.count(0)
    if nuls:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        utf16_like = nuls > len(sample) // 4 and (even == 0 or odd == 0)
        if not utf16_like and nuls > len(sample) / 100:
            return "binary data (NUL bytes)"
        if utf16_like:
            return None
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    if controls > len(sample) / 10:
        return "binary data (control bytes)"
    return None
