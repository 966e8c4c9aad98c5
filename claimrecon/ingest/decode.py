"""Bytes -> text: BOMs first, then UTF-8, then a well-kept detector (charset-normalizer)."""

from __future__ import annotations

import codecs


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")):
        return True
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(raw: bytes, encoding: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(text, encoding used, problem). ``text`` is None when the bytes are not text."""
    if encoding:
        try:
            return raw.decode(encoding), encoding, None
        except (LookupError, UnicodeDecodeError) as e:
            return None, None, f"cannot decode as {encoding}: {e}"
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name, None
            except UnicodeDecodeError as e:
                return None, None, f"undecodable bytes after a {name} byte-order mark: {e.reason}"
    if _looks_binary(raw):
        return None, None, "binary file (not text): an image, a PDF or an archive?"
    try:
        return raw.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1250", "iso8859_2", "cp1252", "iso8859_1", "utf_16"]).best()
    if best is None:
        return None, None, "undecodable bytes: not UTF-8 and no known encoding fits (try --encoding)"
    return str(best), best.encoding, None
