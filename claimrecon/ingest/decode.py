"""Bytes -> text.

Order of evidence: an explicit ``--encoding``; a byte-order mark (UTF-8, UTF-16, UTF-32); file
signatures of binary formats; NUL patterns of BOM-less UTF-16 (other NULs: binary); strict UTF-8 (by far the common
case, and cheap); UTF-8 with a handful of stray bytes; then the single-byte code pages used for
our languages (Windows-1250, ISO-8859-2, Windows-1252), chosen by how well each decoding fits the
Polish or Spanish alphabet, with charset-normalizer as the well-kept detector for the rest.

Why the alphabet fit: charset-normalizer alone reads Spanish Windows-1252 as Windows-1250
("señal" becomes "seńal"), since every byte is valid in both. A wrong code page shows up as
letters that belong to no language we read ("¹" for "ą", "ń" beside "á").
"""

from __future__ import annotations

import codecs
import re

from .problems import NotAnArticle

#: file signatures -> what the file probably is (said in the skip reason)
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", ""),  # checked below with more care: plain text may start with "BM"
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, OpenDocument or EPUB file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", ""),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", ""),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_POLISH = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_SPANISH = frozenset("áéíóúñüÁÉÍÓÚÑÜ¿¡ºª")
#: non-ASCII characters every candidate code page decodes alike: they tell nothing
_NEUTRAL = frozenset("\u00a0\u00ad“”„‘’‚‹›«»–—…•€°·§©®™†‡‰×÷")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)
_CODE_PAGES = ("cp1250", "iso8859-2", "cp1252")


def binary_kind(head: bytes) -> str | None:
    """What a binary file seems to be, from its first bytes; None when it may be text."""
    for sig, what in SIGNATURES:
        if head.startswith(sig):
            if what:
                return what
            if sig == b"BZh" and head[3:4].isdigit() and b"1AY&SY" in head[:16]:
                return "a bzip2 archive"
            if sig == b"MZ" and b"\x00" in head[:64]:
                return "a Windows program"
            if sig == b"BM" and b"\x00" in head[:14]:
                return "a BMP image"
    if head[4:8] == b"ftyp":
        return "an MP4, MOV or HEIC file"
    return None


def _utf16_order(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs sit on every other byte, as in BOM-less UTF-16 text."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _alphabet_fit(text: str) -> float:
    """Share of the non-ASCII characters that belong to the Polish or the Spanish alphabet."""
    chars = [c for c in _NON_ASCII.findall(text) if c not in _NEUTRAL]
    if not chars:
        return 0.0
    pl = sum(1 for c in chars if c in _POLISH)
    es = sum(1 for c in chars if c in _SPANISH)
    return max(pl, es) / len(chars)


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


#: codecs Python calls text encodings that read something else than text in an encoding: escape
#: sequences, domain names, or nothing at all
NOT_TEXT = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"})


def text_encoding(name: str) -> str | None:
    """The canonical name of ``name`` when it is a text encoding (bytes to text: ``cp1250``,
    ``utf-16``), else None: unknown names, bytes-to-bytes codecs (``hex``, ``zlib``, ``base64``),
    text-to-text ones (``rot13``) and ``NOT_TEXT``."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_TEXT:
        return None
    try:
        b"text".decode(info.name)
    except (UnicodeError, LookupError, TypeError):
        return None
    return info.name


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if it is a text encoding Python knows."""
    m = _META_CHARSET.search(head[:4096])
    if not m:
        return None
    try:
        return text_encoding(m.group(1).decode("ascii"))
    except UnicodeDecodeError:
        return None


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (UTF-7 can encode one; no UTF-8 file can hold it) as U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _nearly_utf8(raw: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a bad copy-paste): decoded, strays replaced by U+FFFD."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - bad
    if bad <= 16 and good >= 20 * bad:
        return text
    return None


def _control_share(text: str) -> float:
    """Share of control characters (other than line and page breaks) in the first 64 KiB."""
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = len(_CONTROL.findall(sample))
    return bad / len(sample) if bad > 2 else 0.0


def decode(raw: bytes, encoding: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """(text, encoding used). Raises ``NotAnArticle`` for binary or undecodable bytes."""
    text, used = _decode(raw, encoding, html)
    if _control_share(text) > 0.01:
        raise NotAnArticle("binary data, not text: it holds control characters (try --encoding if it is text)")
    return text, used


def _decode(raw: bytes, encoding: str | None, html: bool) -> tuple[str, str]:
    if encoding:
        try:
            return without_surrogates(raw.decode(encoding)), _canonical(encoding)
        except UnicodeDecodeError as e:
            raise NotAnArticle(
                f"undecodable bytes: byte 0x{raw[e.start]:02x} at offset {e.start} is not {encoding} "
                "(try another --encoding, or leave it out to detect the encoding)"
            ) from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as e:
                raise NotAnArticle(f"undecodable bytes after a {name} byte-order mark (offset {e.start})") from None
    kind = binary_kind(raw[:64])
    if kind:
        raise NotAnArticle(f"binary file, not text: {kind}")
    order = _utf16_order(raw)
    if order:
        try:
            return raw.decode(order), order
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:65536]:
        raise NotAnArticle("binary file, not text: it holds NUL bytes (try --encoding if it is UTF-16 or UTF-32 text)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    nearly = _nearly_utf8(raw)
    if nearly is not None:
        return nearly, "utf-8"
    return _single_byte(raw, declared_charset(raw) if html else None)


def _single_byte(raw: bytes, declared: str | None) -> tuple[str, str]:
    """Pick among the code pages by alphabet fit; charset-normalizer when none fits."""
    candidates: list[tuple[float, int, str, str]] = []
    names = ([declared] if declared else []) + [c for c in _CODE_PAGES if c != declared]
    for rank, name in enumerate(names):
        try:
            text = without_surrogates(raw.decode(name))
        except (UnicodeError, LookupError):
            continue
        candidates.append((_alphabet_fit(text), -rank, name, text))
    if candidates:
        fit, _, name, text = max(candidates)
        if fit >= 0.9:
            return text, name
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise NotAnArticle("undecodable bytes: not UTF-8, and no known encoding fits (try --encoding, e.g. cp1250)")
    return str(best), _canonical(best.encoding)
