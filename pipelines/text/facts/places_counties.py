"""Counties printed by their short name, where the paragraph says it is a place.

The gazetteer matches a county's short form (柯桥, 诸暨) only when it is listed as safe
(data/places.txt), and a prefecture's only when it is no ordinary word (黑河, 普洱 are
not matched alone). The short form of any current county or county-level city (its name
without 县 or 市: 荣成, 玛多, 抚远), or of a district when three characters long (its name
without 区: `某省海拉尔`, `某市曹妃甸`; two-character ones are mostly words or landmarks, 南湖,
鼓楼), is a place where the paragraph shows it is one:
- right after its province or prefecture (`山东荣成人`, `云南普洱`): the chain is one place
  (see `extend_chain`);
- in a `、` list of three or more such names of one province (`黑河、抚远、虎林、密山`);
- when the paragraph prints the full name too (`玛多县…玛多地震灾区`).
A short name followed by 专区 (the prefectures of the 1950s to 1970s: `普洱专区`) is a place.
`place.county_short` 0.75; `canonical` and `division_code` are the county's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import NOT_SHORT, PlaceEntry, divisions, place_index

#: A `、` list of three or more items, tried once at the start of each run of characters (the
#: same matches as without the look-behind, which retried at every character of a run).
_LIST_RE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}")
_PREFECTURE_WORD = "专区"


@lru_cache(maxsize=1)
def county_shorts() -> dict[str, tuple[PlaceEntry, ...]]:
    """Short name -> the current counties (and word-like prefectures) it may stand for, for
    the names the gazetteer does not match alone."""
    index = place_index()
    out: dict[str, list[PlaceEntry]] = {}
    for code, (name, current) in divisions().items():
        if not current or code.endswith("0000") or code.startswith("71"):
            continue
        stem = name[:-1]
        prefecture = code.endswith("00")
        if prefecture and stem not in NOT_SHORT:
            continue
        if name[-1] not in "县市区" or len(stem) < 2 or stem in index or "自治" in name:
            continue
        if name[-1] == "区" and len(stem) < 3:
            continue  # a district's two-character stem is mostly a word or a landmark (南湖, 鼓楼)
        level = "city" if prefecture else "county"
        out.setdefault(stem, []).append(PlaceEntry(name, code, level))
    return {stem: tuple(entries) for stem, entries in out.items()}


def _inside(entries: tuple[PlaceEntry, ...], scope: str) -> PlaceEntry | None:
    return next((e for e in entries if e.code and e.code.startswith(scope)), None)


#: The last characters of a district's stem that name a landmark of its own (岳阳楼, 雨花台,
#: 山海关, 黄大仙, 西塞山, 北戴河, 青山湖): in a chain such a stem is the site, not the district.
_LANDMARK_KINDS = set("楼台关仙山河湖寺塔阁")
#: A site's or a building's ending after a short name: the name opens the site's (某市|某某
#: 烈士陵园, 某某景区), no county.
_SITE_RE = re.compile(r"陵园|烈士|景区|风景|公园|纪念|博物|遗址|故居|寺|楼|塔|阁|庙|宫")


def extend_chain(folded: str, e: int, scope: str) -> tuple[int, PlaceEntry] | None:
    """The county short name right after a place whose codes start with `scope` (山东|荣成),
    with 专区 after it if printed: (its end, its entry), or None; no district's stem that is
    a landmark (`_LANDMARK_KINDS`) and no short name before a site's ending (`_SITE_RE`)."""
    for n in (3, 2):
        entries = county_shorts().get(folded[e : e + n])
        entry = _inside(entries, scope) if entries else None
        district = entry is not None and entry.canonical.endswith("区")
        if entry is not None and (
            (district and folded[e + n - 1] in _LANDMARK_KINDS) or _SITE_RE.match(folded, e + n)
        ):
            return None
        if entry is not None:
            end = e + n
            if folded.startswith(_PREFECTURE_WORD, end):
                end += len(_PREFECTURE_WORD)
            return end, entry
    return None


@lru_cache(maxsize=1)
def _list_names() -> frozenset[str]:
    """The names a list item may be: county short names and the gazetteer's places."""
    return frozenset(county_shorts().keys() | place_index().keys())


def _item(folded: str, s: int, e: int, where: str) -> tuple[int, int] | None:
    """The span of a short name or a listed place in a list item: its end for the first
    item (深入|黑河), its start for the last (密山|边境), the whole item in between."""
    names = _list_names()
    if where == "middle":
        return (s, e) if folded[s:e] in names else None
    for n in (3, 2):
        span = (e - n, e) if where == "first" else (s, s + n)
        inside = span[0] >= s and span[1] <= e
        if inside and folded[span[0] : span[1]] in names:
            return span
    return None


def _province(name: str) -> set[str]:
    entries = county_shorts().get(name) or place_index().get(name) or ()
    return {e.code[:2] for e in entries if e.code}


def listed_counties(folded: str) -> list[tuple[int, int, PlaceEntry]]:
    """County short names in a `、` list of three or more places of one province."""
    out: list[tuple[int, int, PlaceEntry]] = []
    for m in _LIST_RE.finditer(folded) if folded.count("、") >= 2 else ():
        bounds = [(i.start(), i.end()) for i in re.finditer(r"[^、]+", m.group(0))]
        spans = []
        for k, (s, e) in enumerate(bounds):
            where = "first" if k == 0 else "last" if k == len(bounds) - 1 else "middle"
            spans.append(_item(folded, m.start() + s, m.start() + e, where))
        if any(sp is None for sp in spans):
            continue
        names = [folded[s:e] for s, e in spans]  # type: ignore[misc]
        shared = set.intersection(*(_province(n) for n in names))
        if len(shared) != 1 or not any(n in county_shorts() for n in names):
            continue
        scope = shared.pop()
        for (s, e), name in zip(spans, names, strict=True):  # type: ignore[misc]
            entries = county_shorts().get(name)
            entry = _inside(entries, scope) if entries else None
            if entry is not None:
                out.append((s, e, entry))
    return out


def repeated_counties(folded: str, full: list[PlaceEntry]) -> list[tuple[int, int, PlaceEntry]]:
    """The short name of a county printed in full in the paragraph (玛多县…玛多)."""
    out: list[tuple[int, int, PlaceEntry]] = []
    for entry in full:
        stem = entry.canonical[:-1]
        if entry.level != "county" or len(stem) < 2 or entry.canonical[-1] not in "县市":
            continue
        for m in re.finditer(re.escape(stem), folded):
            if not folded.startswith(entry.canonical[-1], m.end()):
                out.append((m.start(), m.end(), entry))
    return out


def prefecture_names(folded: str) -> list[tuple[int, int, PlaceEntry]]:
    """A short name before 专区 (普洱专区): a prefecture of the 1950s to 1970s."""
    out: list[tuple[int, int, PlaceEntry]] = []
    for m in re.finditer(_PREFECTURE_WORD, folded):
        for n in (3, 2):
            entries = county_shorts().get(folded[m.start() - n : m.start()])
            if entries and m.start() >= n:
                out.append((m.start() - n, m.end(), entries[0]))
                break
    return out
