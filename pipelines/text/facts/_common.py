"""Shared helpers for the fact extractors: numeral parsing and span bookkeeping.

Extractors run on a *digit-folded* copy of the paragraph (`fold`): full-width digits,
`．`, `％`, `，` between digits and similar are mapped one character to one character, so
offsets found in the folded copy are offsets in the original paragraph and `fact.text`
is always sliced from the original.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import cn2an

from pipelines.text.model import Fact

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_FOLD_MAP = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０-９
    "．": ".",
    "％": "%",
    "﹪": "%",
    "～": "~",
    "－": "-",
    "＋": "+",
    "／": "/",
    "\u00a0": " ",
    "\u3000": " ",
    "＂": '"',
}
_FOLD = str.maketrans(_FOLD_MAP)
#: Whether a text has anything to fold (most paragraphs have not: no translation then).
_FOLDED_RE = re.compile("[" + re.escape("".join(_FOLD_MAP)) + "]")
#: A full-width comma between digits: a thousands separator (１，０００). Written from the
#: comma (then looking back at the digit) so that the regex engine jumps from comma to comma.
_THOUSANDS_RE = re.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")

#: Chinese numeral characters (digits, units, the decimal point 点).
#: A dictionary word is a real word, not a piece of a transliteration, from this frequency on
#: (买买 3, 热合 2; 赞赏 581, 总理 8200): the rules that tell a foreign name's end or a
#: transliterated site from a common word (本土, 海外) read it.
WORD_MIN_FREQ = 20

#: Function words and pronouns no organisation's name holds between its parts (美国|的|协会):
#: the name grammars stop at them. `NAME_STOP_COUNTERS` adds the measure and quantity words
#: that end a name's run too (个, 多, 家, 所: 两家|协会).
NAME_STOPS = "的了在是和与及或对把被从向为以于由将也都而且就还要等各全该这那其我你他她们"
NAME_STOPS_COUNTERS = NAME_STOPS + "个多家所"

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUM_CHARS = CN_DIGITS + "十百千万亿点"

#: A run of Arabic digits with optional thousands separators and decimals.
ARABIC_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
#: A Chinese numeral as written in running text (一百一十四, 十八点五, 两千).
CN_NUM = (
    r"[零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*"
    r"(?:点[零〇一二三四五六七八九]+)?"
)

SCALES = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
}
SCALE_RE = "万亿|千亿|百亿|亿|千万|百万|十万|万"


def fold(text: str) -> str:
    """Map full-width digits and signs to ASCII, keeping the length (offsets stay valid)."""
    out = text.translate(_FOLD) if _FOLDED_RE.search(text) else text
    # A full-width comma between digits is a thousands separator (１，０００).
    if "，" in out:
        out = _THOUSANDS_RE.sub(",", out)
    assert len(out) == len(text)
    return out


@lru_cache(maxsize=4096)
def parse_number(s: str) -> Decimal | None:
    """Parse an Arabic or Chinese numeral (no scale word); None if it is not a number."""
    s = s.replace(",", "").strip()
    if not s:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return Decimal(s)
    if any(c not in CN_NUM_CHARS for c in s):
        return None
    if s.startswith("点") or s.endswith("点"):
        return None
    # Digit-by-digit spelling (二〇二〇, 一〇五) is read digit by digit, not by cn2an.
    if "〇" in s and not any(c in s for c in "十百千万亿点"):
        return _digit_string(s)
    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError and others on malformed numerals
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


_DIGIT_VAL = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_DIGIT_VAL["零"] = 0


def _digit_string(s: str) -> Decimal | None:
    """二〇二〇 -> 2020 (each character one digit)."""
    try:
        return Decimal("".join(str(_DIGIT_VAL[c]) for c in s))
    except KeyError:
        return None


def cn_year(s: str) -> int | None:
    """A four-digit year written digit by digit (二〇二〇, 2020); None otherwise."""
    if re.fullmatch(r"\d{4}", s):
        return int(s)
    if len(s) == 4 and all(c in _DIGIT_VAL for c in s):
        v = _digit_string(s)
        return int(v) if v is not None else None
    return None


def small_int(s: str) -> int | None:
    """A small integer (month, day, session number) in Arabic or Chinese numerals."""
    v = parse_number(s)
    if v is None or v != v.to_integral_value():
        return None
    return int(v)


def fmt_decimal(d: Decimal) -> str:
    """Plain decimal string without exponent or trailing zeros (7.4e12 -> 7400000000000)."""
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def load_list(name: str) -> list[str]:
    """One entry per line of pipelines/text/data/<name>; `#` starts a comment."""
    path = DATA_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first (so the longest wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def spaceless(text: str) -> str:
    """The text without its whitespace (a name printed across a line's spaces)."""
    return "".join(text.split())


def organization_fact(
    text: str,
    s: int,
    e: int,
    extractor: str,
    conf: float,
    canonical: str | None,
    code: str | None = None,
) -> Fact:
    """An organisation fact over text[s:e], normalised without spaces (`spaceless`)."""
    return Fact(
        type="organization",
        start=s,
        end=e,
        text=text[s:e],
        normalized=spaceless(text[s:e]),
        extractor=extractor,
        confidence=conf,
        canonical=canonical,
        division_code=code,
    )


@lru_cache(maxsize=16384)
def cut_window(window: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The segmenter's tokens and POS tags of a short window a fact rule reads (a candidate
    name and a few characters around it: `局长赵国强接受` -> 赵国|强|接受), cut once for every
    rule: the same windows recur across the rules and across a corpus, while the build cuts
    each sentence only once (tests/test_keywords.py)."""
    from pipelines.text.segment import get_segmenter

    tokens, tags = get_segmenter().cut(window)
    return tuple(tokens), tuple(tags)
