"""Decoding and normalisation of raw source files into numbered lines.

Decoding is strict: a file is UTF-8 (with or without BOM) or a UTF-16/32 file with a BOM,
else we ask charset-normalizer for a legacy Chinese encoding (GB18030 and friends). A file
we cannot decode with confidence, an empty file, or a binary file raises `SourceError` with
the problem named, so that the caller can reject it without half-ingesting it.

Raw line numbers (`Line.number`, and every `line_start`/`line_end` of the tables) count the
lines of the decoded file (BOM removed) as Python's universal newlines read them
(`open(path, encoding=..., newline=None)`) and as VS Code, Notepad++ or Notepad show them:
a line ends at CRLF, at a CR not followed by LF, or at an LF; the end of the file ends the
last line, and a final line end opens no empty line after it. So `\\r\\r\\n` (a CR, then a
CRLF: GBK web scrapes have it) is two line ends with an empty line between, as an editor
shows it. VT, FF, NEL and U+2028/U+2029 end no line. Tools that count LF only (`wc -l`,
`grep -n`, vim in DOS mode) number differently only the files that have a lone CR.

Normalisation (`normalize_line`) keeps the printed characters and takes out what prints
nothing (invisible, bidi and control characters), and it records what it changed, step by
step (`NormalizationStats`, published as the `chars_*` columns of `sources`). The
conservation invariants of the later stages are measured on the normalised lines.
"""

import codecs
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache
from typing import NamedTuple

import regex

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

# Zero-width and format characters that carry no printed text; a zero-width joiner between
# two emoji (ZWJ sequences such as 👨‍👩‍👧, after the first one's variation selector or skin
# tone) is part of the printed sign and stays.
_INVISIBLE_RE = regex.compile(
    r"[\u200b\u200c\u2060\ufeff\u00ad]"
    r"|(?<!\p{Extended_Pictographic}\p{Grapheme_Cluster_Break=Extend}*)\u200d"
    r"|\u200d(?!\p{Extended_Pictographic})"
)
# Bidirectional controls: marks (ALM, LRM, RLM), embeddings and overrides (U+202A-U+202E),
# isolates (U+2066-U+2069). They steer display, print nothing, and can hide or reorder text.
_BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls other than tab; they never belong to printed text.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Tabs and typographic spaces (en, em, thin, figure, no-break…) are layout, like an ASCII
# space; the ideographic space U+3000 is kept (its `　　` indentation is a reflow signal).
_SPACE_RE = re.compile(
    "[\t"
    + "".join(
        chr(c) for c in range(0x80, 0x3001) if c != 0x3000 and unicodedata.category(chr(c)) == "Zs"
    )
    + "]"
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
        breaks = any(c in text for c in "\n\r，。")
        if "\x00" in text or not breaks or not _mostly_chinese(text):
            continue
        return text, name
    return None


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        strict = _decode_strictly_chinese(data)
        if strict is not None:
            return strict
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


#: Legacy encodings tried strictly, in this order, when charset-normalizer names none.
STRICT_LEGACY = ("gb18030", "big5")


def _decode_strictly_chinese(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer gives up on some short, repetitive texts (a GB18030 notice whose
    title is followed by blank lines and one heading said five times: `关于…的通知\\n\\n\\n各县
    （市、区）委组织部：…`). Such a text is taken in the first of STRICT_LEGACY that decodes it
    strictly to mostly Chinese text without control characters (binary data decoded so
    always has them); None otherwise."""
    for name in STRICT_LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _mostly_chinese(text):
            return text, name
    return None


def _mostly_chinese(text: str) -> bool:
    """Mostly Chinese text without control characters: what a wrong decoding of binary data
    never gives (it always holds control characters)."""
    return not _CONTROL_RE.search(text.translate(_LAYOUT_CONTROLS)) and _share_of_cjk(text) >= 0.5


def _share_of_cjk(text: str) -> float:
    sample = [c for c in text[:20000] if not c.isspace()]
    if not sample:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" for c in sample) / len(sample)


@dataclass(slots=True)
class NormalizationStats:
    """What normalisation changed in one source, in characters of the decoded text; these
    are the `chars_*` columns of `sources`."""

    #: rewritten by NFC: a CJK compatibility ideograph (`U+F9D1` -> `六`) counts 1, an `e` with
    #: a combining accent (-> `é`) counts 2
    nfc_changed: int = 0
    #: zero-width spaces, non-joiners, word joiners, stray BOMs, soft hyphens, and zero-width
    #: joiners outside an emoji sequence (the one in `👨‍👩‍👧` stays)
    invisible_removed: int = 0
    #: bidirectional controls (LRM/RLM/ALM, embeddings, overrides, isolates)
    bidi_removed: int = 0
    #: C0/C1 control characters other than the tab (a stray `\x07`, a form feed)
    control_removed: int = 0
    #: tabs and typographic spaces (no-break, en, em, thin…) made ASCII spaces
    space_normalized: int = 0

    def columns(self) -> dict[str, int]:
        """The counts under their `sources` column names."""
        return {f"chars_{f.name}": getattr(self, f.name) for f in fields(self)}


class DecodedSource(NamedTuple):
    """A source file read: its numbered, normalised lines and how they were obtained."""

    lines: list[Line]
    encoding: str
    stats: NormalizationStats
    text: str  # the decoded text before normalisation (for the quality checks)


def normalize_line(text: str, stats: NormalizationStats | None = None) -> str:
    """NFC, invisible, bidi and control characters out, tabs and typographic spaces to
    spaces, trailing whitespace off; what changed is added to `stats`.

    Full-width punctuation, full-width digits and ideographic spaces are kept: they are the
    printed characters (and `　　` indentation is a layout signal for the reflow). Emoji
    sequences stay whole: `👨‍👩‍👧` keeps its zero-width joiners (U+200D); `党`, U+200D, `建`
    loses its one.
    """
    stats = stats if stats is not None else NormalizationStats()
    if not unicodedata.is_normalized("NFC", text):
        stats.nfc_changed += _nfc_changed(text)
        text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text, removed = _INVISIBLE_RE.subn("", text)
        stats.invisible_removed += removed
        text, removed = _BIDI_RE.subn("", text)
        stats.bidi_removed += removed
    text, removed = _CONTROL_RE.subn("", text)
    stats.control_removed += removed
    text, replaced = _SPACE_RE.subn(" ", text)
    stats.space_normalized += replaced
    return text.rstrip()


def _nfc_changed(text: str) -> int:
    """Characters of `text` in the segments that NFC rewrites. A segment starts at a character
    that combines with nothing before it, so NFC works on each segment alone."""
    joins_previous = _joins_previous()
    changed = start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (
            unicodedata.combining(text[i]) == 0 and text[i] not in joins_previous
        ):
            if not unicodedata.is_normalized("NFC", text[start:i]):
                changed += i - start
            start = i
    return changed


@cache
def _joins_previous() -> frozenset[str]:
    """Starters that NFC may compose with the character before them: the second character
    of a canonical pair (U+0CD5 of Kannada), and the Hangul vowel and final jamo."""
    seconds = set()
    for code in range(0x30000):  # no canonical decomposition lies above
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    hangul = (chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)])
    return frozenset(c for c in [*seconds, *hangul] if unicodedata.combining(c) == 0)


def split_lines(text: str) -> list[str]:
    """The raw lines of a decoded text, numbered as the module docstring defines: a line
    ends at CRLF, at a lone CR or at a lone LF; a final line end opens no extra line.

    `甲\\r\\r\\n乙` (a CR, then a CRLF) is three lines, `甲`, `` and `乙`, as an editor shows it.
    """
    lines = _LINE_END.split(text)
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def to_lines(
    text: str, *, file_name: str = "<text>", stats: NormalizationStats | None = None
) -> list[Line]:
    """Number and normalise the lines of a decoded text (what changed is added to `stats`)."""
    stats = stats if stats is not None else NormalizationStats()
    raw = split_lines(text)
    lines = []
    for i, line in enumerate(raw, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise SourceError(
                f"{file_name}: line {i} has {len(line):,} characters (limit {MAX_LINE_CHARS:,}): "
                "not text extracted from a page"
            )
        lines.append(Line(i, normalize_line(line, stats)))
    if not any(line.text.strip() for line in lines):
        raise SourceError(f"{file_name}: no text (only whitespace)")
    return lines


def load_lines_with_stats(data: bytes, *, file_name: str = "<bytes>") -> DecodedSource:
    """Decode and normalise a source file's bytes: its lines, encoding and what the
    normalisation changed."""
    try:
        text, encoding = decode_bytes(data)
    except SourceError as exc:
        raise SourceError(f"{file_name}: {exc}") from exc
    stats = NormalizationStats()
    lines = to_lines(text, file_name=file_name, stats=stats)
    return DecodedSource(lines, encoding, stats, text)


def load_lines(data: bytes, *, file_name: str = "<bytes>") -> tuple[list[Line], str]:
    """Decode and normalise a source file's bytes: (lines, encoding)."""
    decoded = load_lines_with_stats(data, file_name=file_name)
    return decoded.lines, decoded.encoding
