"""A city's district printed by its short name after a verb of place, its city in the paragraph.

News items write a district without 区 (`位于海淀的中关村`, `在顺义举行`, `落户房山`) once
their city is named (北京…). The short form of a current district (its name without 区, two
or three characters, not already listed as a place) is a place when
- the paragraph names the district's city or, for a municipality's district, the municipality
  (北京 for 海淀, 杭州 for 萧山, by any of the gazetteer's names of it);
- a verb of place is printed right before it (位于, 地处, 坐落于, 在, 来到, 落户, 走进, 扎根),
  or it is listed with 、 next to another district of the same city (`北京…怀柔、平谷降雪`);
- the segmenter reads it as one word there, and not as a verb, an adjective or a
  distinguishing word (`在大兴调查研究`: 大兴 "to promote" is no place).
`place.county_short` 0.75, with the district's full name and code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ._common import cut_window
from .gazetteer import PlaceEntry, divisions, place_index

_BEFORE_RE = re.compile(r"(?:位于|地处|坐落于|来到|落户|走进|扎根|在)$")
#: The segmenter's tags a district's short name may carry: nouns of any kind.
_NOUN_TAGS = ("n", "ns", "nr", "nz", "nt")


@lru_cache(maxsize=1)
def _districts() -> dict[str, tuple[PlaceEntry, str]]:
    """Short name -> (the district, the code of its city: a municipality's province code)."""
    index = place_index()
    out: dict[str, tuple[PlaceEntry, str]] = {}
    for code, (name, current) in divisions().items():
        stem = name[:-1]
        if not current or not name.endswith("区") or code.endswith("00") or "自治" in name:
            continue
        if not 2 <= len(stem) <= 3 or stem in index or stem in out:
            continue
        city = code[:2] + "0000" if code[:2] in ("11", "12", "31", "50") else code[:4] + "00"
        out[stem] = (PlaceEntry(name, code, "county"), city)
    return out


@lru_cache(maxsize=1)
def _city_names() -> dict[str, tuple[str, ...]]:
    """Code of a city or a municipality -> its printed names of two characters or more."""
    out: dict[str, list[str]] = {}
    for name, entries in place_index().items():
        for e in entries:
            if e.code and e.code.endswith("00") and len(name) >= 2:
                out.setdefault(e.code, []).append(name)
    return {code: tuple(names) for code, names in out.items()}


@lru_cache(maxsize=2048)
def _noun_word(window: str, n: int) -> bool:
    """Whether the segmenter reads the first `n` characters of `window` as one noun; cached."""

    tokens, tags = cut_window(window)
    return bool(tokens) and len(tokens[0]) == n and tags[0].startswith(_NOUN_TAGS)


def district_shorts(folded: str) -> Iterator[tuple[int, int, PlaceEntry]]:
    """(start, end, entry) of a district's short name after a verb of place (位于海淀的)."""
    for n in (3, 2):
        for s in range(len(folded) - n + 1):
            found = _districts().get(folded[s : s + n])
            if found is None:
                continue
            if not _BEFORE_RE.search(folded, max(0, s - 3), s) and not _listed(
                folded, s, n, found[1]
            ):
                continue
            names = _city_names().get(found[1], ())
            if any(c in folded for c in names) and _noun_word(folded[s : s + n + 4], n):
                yield s, s + n, found[0]


def _listed(folded: str, s: int, n: int, city: str) -> bool:
    """Whether the short name at `s` is listed with 、 next to another district's short name of
    the same city (`怀柔、平谷迎来降雪`: each names the other's city)."""
    for k in (2, 3):
        after = folded[s + n + 1 : s + n + 1 + k] if folded.startswith("、", s + n) else ""
        before = folded[s - 1 - k : s - 1] if s > k and folded[s - 1] == "、" else ""
        for other in (after, before):
            found = _districts().get(other)
            if found is not None and found[1] == city:
                return True
    return False


def named_district(folded: str, s: int, n: int) -> PlaceEntry | None:
    """The district whose short name is folded[s:s+n] when its city is named in the paragraph
    (海淀 with 北京 printed), else None."""
    found = _districts().get(folded[s : s + n])
    if found is None or not any(c in folded for c in _city_names().get(found[1], ())):
        return None
    return found[0]
