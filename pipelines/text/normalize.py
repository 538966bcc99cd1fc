"""Decoding and normalisation of raw source files into numbered lines.

Decoding is strict: a file is UTF-8 (with or without BOM) or a UTF-16/32 file with a BOM,
else we ask charset-normalizer for a legacy Chinese encoding (GB18030 and friends). A file
we cannot decode with confidence, an empty file, or a binary file raises `SourceError` with
the problem named, so that the caller can reject it without half-ingesting it.

Raw line numbers (`Line.number`, and every `line_start`/`line_end` of the tables) count the
lines of the decoded file (BOM removed) as Python's universal newlines read them
(`open(path, encoding=..., newline=None)`) and as VS Code, Notepad++ or Notepad show them:
a line ends at CRLF, at a CR not followed by LF, or at an LF; the end of the file ends the
last line, and a final line end opens no empty line after it. So `\r\r\n` (a CR, then a
CRLF: GBK web scrapes have it) is two line ends with an empty line between, as an editor
shows it. VT, FF, NEL and U+2028/U+2029 end no line. Tools that count LF only (`wc -l`,
`grep -n`, vim in DOS mode) number differently only the files that have a lone CR.
"""

import codecs
import re
import unicodedata

from .model import Line

#: Longest line we accept; scraped reports put a whole report on one line (~100 k chars),
#: so the limit is generous, but a multi-megabyte line is not text extracted from a page.
MAX_LINE_CHARS = 1_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Zero-width and format characters that carry no printed text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# C0/C1 controls other than tab; they never belong to printed text.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Typographic spaces (en, em, thin, figure, no-break…) are layout, like an ASCII space; the
# ideographic space U+3000 is kept (its `　　` indentation is a reflow signal).
_SPACES = dict.fromkeys(
    (c for c in range(0x80, 0x3001) if c != 0x3000 and unicodedata.category(chr(c)) == "Zs"),
    " ",
)
#: A line end: CRLF, else a lone CR or a lone LF (Python's universal newlines).
_LINE_END = re.compile(r"\r\n|\r|\n")
# Controls that are line or page breaks in a text file, not signs of binary data.
_LAYOUT_CONTROLS = dict.fromkeys(map(ord, "\r\x0b\x0c"))


class SourceError(ValueError):
    """A source file that cannot be ingested; the message names the problem."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise SourceError."""
    if not data:
        raise SourceError("empty file (0 bytes)")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise SourceError(f"has a {name} BOM but does not decode: {exc}") from exc
    if b"\x00" in data:
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        nul, first = data.count(b"\x00"), data.index(b"\x00")
        raise SourceError(f"binary content: {nul} NUL byte(s), first at byte {first}")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        return _decode_legacy(data, utf8_error)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a BOM: most of its NUL bytes are the high halves of ASCII
    characters (newlines, digits), so they sit at odd (little-endian) or even (big-endian)
    offsets. Accept it only if it decodes strictly to mostly Chinese text without control
    characters (which binary data decoded as UTF-16 always has) that has line breaks or
    Chinese punctuation; None otherwise."""
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    for name in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        controls = _CONTROL_RE.search(text.translate(_LAYOUT_CONTROLS))
        breaks = any(c in text for c in "\n\r，。")
        if controls or "\x00" in text or not breaks or _share_of_cjk(text) < 0.5:
            continue
        return text, name
    return None


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise SourceError(
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no legacy "
            "encoding fits: binary or corrupted file"
        )
    encoding = best.encoding
    if encoding in {"gbk", "gb2312", "gb18030"}:
        encoding = "gb18030"  # a superset: decode with it, record what fits
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(f"detected as {encoding} but does not decode: {exc}") from exc
    if _share_of_cjk(text) < 0.2:
        raise SourceError(
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}); "
            f"{encoding} decodes it to text with too few Chinese characters: binary or corrupted"
        )
    return text, encoding


def _share_of_cjk(text: str) -> float:
    sample = [c for c in text[:20000] if not c.isspace()]
    if not sample:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" for c in sample) / len(sample)


def normalize_line(text: str) -> str:
    """NFC, invisible/control characters out, tabs and typographic spaces to spaces,
    trailing whitespace off.

    Full-width punctuation, full-width digits and ideographic spaces are kept: they are the
    printed characters (and `　　` indentation is a layout signal for the reflow).
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROL_RE.sub("", text).replace("\t", " ").translate(_SPACES)
    return text.rstrip()


def split_lines(text: str) -> list[str]:
    """The raw lines of a decoded text, numbered as the module docstring defines: a line
    ends at CRLF, at a lone CR or at a lone LF; a final line end opens no extra line.

    `甲\r\r\n乙` (a CR, then a CRLF) is three lines, `甲`, `` and `乙`, as an editor shows it.
    """
    lines = _LINE_END.split(text)
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def to_lines(text: str, *, file_name: str = "<text>") -> list[Line]:
    """Number and normalise the lines of a decoded text."""
    raw = split_lines(text)
    lines = []
    for i, line in enumerate(raw, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise SourceError(
                f"{file_name}: line {i} has {len(line):,} characters (limit {MAX_LINE_CHARS:,}): "
                "not text extracted from a page"
            )
        lines.append(Line(i, normalize_line(line)))
    if not any(line.text.strip() for line in lines):
        raise SourceError(f"{file_name}: no text (only whitespace)")
    return lines


def load_lines(data: bytes, *, file_name: str = "<bytes>") -> tuple[list[Line], str]:
    """Decode and normalise a source file's bytes: (lines, encoding)."""
    try:
        text, encoding = decode_bytes(data)
    except SourceError as exc:
        raise SourceError(f"{file_name}: {exc}") from exc
    return to_lines(text, file_name=file_name), encoding
