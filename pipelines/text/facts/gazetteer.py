"""Gazetteers of places and organs, matched in one pass over a paragraph.

The names are data (pipelines/text/data/): `divisions.tsv` (every province, prefecture
and county of the PRC with its six-digit division code, current and former names),
`places.txt` (the names safe to read on their own, short forms of counties included: 柯桥,
诸暨; one a line, also read by the segmenter),
`places_world.tsv` (countries, world regions and China's named regions: 美国, 中东欧, 长三角),
`places_world_cities.tsv` (every country, its capital and major cities, the first-level
divisions of foreign countries: generated from jionlp's and pycountry's lists, see
data/sources/; `places_world_extra.tsv` the ones they leave out, by hand), `places_features.tsv` (lakes, plateaus, seas, straits: 青海湖, 波罗的海),
`organs_national.tsv` (national organs with their printed abbreviations: 国家发展改革委 →
中华人民共和国国家发展和改革委员会; central media: 央视网, 新华社), `organs_international.tsv`
(international organisations and foreign organs known by a Chinese short form: 北约, 国际奥委会,
美联储), `organs_foreign.tsv` (foreign media and parties: 路透社, 工党) and `organs_local.tsv` (organs of a place: 省委, 市政府).

All names go into one Aho–Corasick automaton matched leftmost-longest, so a part is never
taken out of a longer listed name (`中央纪委国家监委` is one organ, not `中央纪委`;
`中国共产党` is no place `中国`) and the cost is one scan of the paragraph whatever the
size of the lists. Short forms of a division are its name without the level word (浙江省
→ 浙江, 绍兴市 → 绍兴) for provinces and prefectures, and only the curated list for
counties; short forms that are ordinary words (大同, 安康, 来宾) and two-character county
names (义县, 城区) are never matched on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import ahocorasick_rs

from ._common import load_list

#: Levels of the national division codes.
PROVINCE, CITY, COUNTY = "province", "city", "county"
#: Short forms that are ordinary words or names of other things: 大同 (世界大同), 安康
#: (well-being), 来宾 (guests), 中山 (孙中山), 日照 (sunshine), 长治 (长治久安).
NOT_SHORT = {
    "大同", "朝阳", "中山", "日照", "北海", "白山", "黄山", "长治", "安康", "来宾", "白银",
    "海东", "开封", "河源", "清远", "通化", "吉安", "三明", "永州", "常德", "宜春", "东方",
    "阳江", "江门", "云浮", "铜仁", "玉林", "定西", "金昌", "保山", "普洱", "泰安", "新乡",
    "信阳", "资阳", "巴中", "宁德", "南平", "晋中", "四平", "辽源", "松原", "七台河", "黑河",
    "阿里",
}  # fmt: skip
#: Full county names that are ordinary words or parts of them (新城区 "new urban area",
#: 海城市 in 沿海城市).
_NOT_FULL = {
    "海城市",
    "新城区",
    "老城区",
    "城中区",
    "市中区",
    "新市区",
    "郊区",
    "城区",
    "矿区",
    "新区",
}
_LEVEL_WORDS = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    "地区",
)
#: The level characters an organ of a place starts with (省委, 市政府, 县纪委, 区法院).
LEVEL_CHARS = "省市县区"


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A place a printed name may stand for."""

    canonical: str  # full name: 浙江省, 绍兴市, 美国, 长江三角洲
    code: str | None  # six-digit division code, None outside the national divisions
    level: str  # province, city, county, country, region, foreign_city, foreign_division
    current: bool = True  # False for abolished or renamed divisions (江干区, 临安市)
    country: str | None = None  # the country of a foreign city or division (老挝 for 万象)
    chain_only: bool = False  # an ordinary word too (万象): a place only after its country


def _division_level(code: str) -> str:
    if code.endswith("0000"):
        return PROVINCE
    return CITY if code.endswith("00") else COUNTY


def _read_tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in load_list(name)]


#: The peoples named in autonomous areas, longest first (布依 before 依-less matches).
_PEOPLES = sorted(
    (w for line in load_list("ethnic_groups.txt") for w in line.split()), key=len, reverse=True
)


def _prefecture_stem(name: str) -> str | None:
    """An autonomous prefecture's place name: its peoples stripped from the end, with or
    without 族 (黔东南苗族侗族自治州 -> 黔东南, 伊犁哈萨克自治州 -> 伊犁); a one-character
    people only with 族 (大理白族自治州 -> 大理)."""
    stem = name.removesuffix("自治州")
    while True:
        people = next(
            (p for p in _PEOPLES if stem.endswith(p + "族") or (len(p) > 1 and stem.endswith(p))),
            None,
        )
        if people is None:
            return stem if stem != name and len(stem) >= 2 else None
        stem = stem.removesuffix("族").removesuffix(people)


def _short_form(name: str) -> str | None:
    if name.endswith("自治州"):
        return _prefecture_stem(name)  # 果洛藏族自治州 -> 果洛 (and 果洛州, see place_index)
    for word in _LEVEL_WORDS:
        if name.endswith(word) and len(name) - len(word) >= 2:
            return name[: -len(word)]
    return None


def _add(index: dict[str, list[PlaceEntry]], name: str, entry: PlaceEntry) -> None:
    entries = index.setdefault(name, [])
    if entry not in entries:
        entries.append(entry)


@lru_cache(maxsize=1)
def divisions() -> dict[str, tuple[str, bool]]:
    """Division code -> (name, current)."""
    return {code: (name, status == "current") for code, name, status in _read_tsv("divisions.tsv")}


@lru_cache(maxsize=1)
def place_index() -> dict[str, tuple[PlaceEntry, ...]]:
    """Every matchable place name -> the places it may stand for (best first)."""
    index: dict[str, list[PlaceEntry]] = {}
    by_full: dict[str, list[PlaceEntry]] = {}
    for code, (name, current) in divisions().items():
        if code.startswith("71") and code != "710000":
            continue  # Taiwan's own subdivisions collide with words (新社区 "new community")
        entry = PlaceEntry(name, code, _division_level(code), current)
        by_full.setdefault(name, []).append(entry)
        if len(name) >= 3 and name not in _NOT_FULL:
            _add(index, name, entry)
        short = _short_form(name) if entry.level != COUNTY else None
        if short and short not in NOT_SHORT:
            _add(index, short, entry)
        if short and name.endswith("自治州"):
            _add(index, short + "州", entry)  # 果洛州, 大理州
    for short in (w for line in load_list("places.txt") for w in line.split()):
        for suffix in ("", "市", "县", "区", "自治县"):
            for entry in by_full.get(short + suffix, []):
                _add(index, short, entry)
    for row in _read_tsv("places_world.tsv"):
        canonical, level = row[0], row[1]
        for name in [canonical, *(row[2].split("|") if len(row) > 2 else [])]:
            _add(index, name, PlaceEntry(canonical, None, level))
    for row in _read_tsv("places_features.tsv"):
        for name in [row[0], *(row[1].split("|") if len(row) > 1 else [])]:
            _add(index, name, PlaceEntry(row[0], None, "region"))
    _add_world_cities(index)
    rank = {PROVINCE: 0, CITY: 1, COUNTY: 2}
    return {
        name: tuple(sorted(es, key=lambda e: (not e.current, rank.get(e.level, 3), e.code or "")))
        for name, es in index.items()
    }


def _add_world_cities(index: dict[str, list[PlaceEntry]]) -> None:
    """Countries, foreign cities and first-level divisions of places_world_cities.tsv and of
    its hand-written complement places_world_extra.tsv (a country already listed by
    places_world.tsv keeps that row's canonical name)."""
    for row in _read_tsv("places_world_cities.tsv") + _read_tsv("places_world_extra.tsv"):
        row += [""] * (5 - len(row))
        name, level, country, other, chain = row[:5]
        names = [name, *(n for n in other.split("|") if n)]
        if level == "country":
            listed = next(
                (e for n in names for e in index.get(n, ()) if e.level == "country"), None
            )
            for n in names:  # a listed country takes the formal names too (巴勒斯坦国)
                if listed is None or n not in index:
                    _add(index, n, listed or PlaceEntry(name, None, "country"))
            continue
        if any(n in index for n in names):
            continue  # a Chinese division or a listed region of the same name wins
        kind = "foreign_city" if level == "city" else "foreign_division"
        entry = PlaceEntry(name, None, kind, country=country, chain_only=chain == "chain")
        for n in names:
            _add(index, n, entry)


@lru_cache(maxsize=1)
def feature_names() -> frozenset[str]:
    """The printed names of natural features (places_features.tsv: 祁连山, 洱海, 青海湖)."""
    names = set()
    for row in _read_tsv("places_features.tsv"):
        names.update(n for n in [row[0], *(row[1].split("|") if len(row) > 1 else [])] if n)
    return frozenset(names)


@lru_cache(maxsize=1)
def national_organs() -> dict[str, str]:
    """Printed name of a national or international organ -> its canonical name."""
    out: dict[str, str] = {}
    rows = _read_tsv("organs_national.tsv") + _read_tsv("organs_international.tsv")
    for row in rows + _read_tsv("organs_foreign.tsv"):
        for name in _row_names(row):
            out.setdefault(name, row[0])
    for name, canonical in _party_committees():
        out.setdefault(name, canonical)
    return out


def _row_names(row: list[str]) -> list[str]:
    """The printed names of a gazetteer row: its canonical name, then its `|`-separated aliases."""
    return [row[0], *(n for n in (row[1].split("|") if len(row) > 1 else []) if n)]


def _party_committees() -> list[tuple[str, str]]:
    """A foreign party's central committee by each printed name of the party (某国劳动党中央,
    某党中央委员会 -> canonical 某党中央委员会): one organ, not the party cut out of it."""
    out = []
    for row in _read_tsv("organs_foreign.tsv"):
        committee = row[0] + "中央委员会"
        for name in _row_names(row):
            if name.endswith("党"):
                out += [(name + "中央", committee), (name + "中央委员会", committee)]
    return out


@lru_cache(maxsize=1)
def international_organs() -> frozenset[str]:
    """The printed names of the international organisations (organs_international.tsv)."""
    return frozenset(n for row in _read_tsv("organs_international.tsv") for n in _row_names(row))


@lru_cache(maxsize=1)
def foreign_outlets() -> frozenset[str]:
    """The printed names of foreign media outlets and parties (organs_foreign.tsv: 某某通讯社,
    某某报, 某某党): a country printed right before one is a place of its own."""
    return frozenset(n for row in _read_tsv("organs_foreign.tsv") for n in _row_names(row))


@lru_cache(maxsize=1)
def local_stems() -> dict[str, str]:
    """An organ of a place after its level character (委, 人民政府) -> canonical template."""
    return {stem: template for stem, template in _read_tsv("organs_local.tsv")}


def local_canonical(stem: str, place: str | None) -> str | None:
    """The canonical name of the organ `stem` of the place `place` (full name), or None."""
    template = local_stems().get(stem)
    if template is None or place is None:
        return None
    return template.replace("{p}", place)


class Hit(NamedTuple):
    """A listed name found in a paragraph (a named tuple: a paragraph holds many, made fast)."""

    start: int
    end: int
    name: str
    kind: str  # place, organ (national), local (省委, 市政府: an organ of a place), compound


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[str, str], ...]]:
    patterns: dict[str, str] = {}
    for name in place_index():
        patterns[name] = "place"
    for name in national_organs():
        patterns[name] = "organ"
    for stem in local_stems():
        for level in LEVEL_CHARS:
            patterns.setdefault(level + stem, "local")
    for name in load_list("places_compounds.txt"):
        patterns[name] = "compound"  # 中南海: matched so that 南海 inside it is not
    ordered = tuple(sorted(patterns.items()))
    automaton = ahocorasick_rs.AhoCorasick(
        [name for name, _ in ordered], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    return automaton, ordered


#: A listed name cut out of a word by the character after it: 某某社|交 (社交), 某某社|区, 某某社|团,
#: 某某会|议 (同盟会|议: 军事同盟|会议; not 安理会|议程, the council's agenda); the name is no hit and
#: the names inside it stand (中东|社交媒体: 中东 a place).
_CUT_WORD = re.compile(r"(?<=社)[交区团]|(?<=会)议(?![程题席案])")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4)
def scan(folded: str) -> tuple[Hit, ...]:
    """The listed places and organs of a paragraph, leftmost-longest, not overlapping; an
    organ cut out of a word (`_CUT_WORD`) or a Latin name out of a longer Latin word (CNN in
    CNNIC, NBC in CNBC) is none, the names inside the former read instead."""
    automaton, ordered = _automaton()
    hits = [Hit(s, e, *ordered[i]) for i, s, e in automaton.find_matches_as_indexes(folded)]
    if not any(h.kind == "organ" for h in hits):
        return tuple(hits)
    out: list[Hit] = []
    for h in hits:
        if h.kind == "organ" and h.name.isascii() and _in_latin_word(folded, h):
            continue
        if h.kind == "organ" and _CUT_WORD.match(folded, h.end):
            inner = folded[h.start : h.end - 1]
            found = automaton.find_matches_as_indexes(inner)
            out += [Hit(h.start + s, h.start + e, *ordered[i]) for i, s, e in found]
            continue
        out.append(h)
    return tuple(out)


def _in_latin_word(folded: str, h: Hit) -> bool:
    """Whether the Latin name of `h` is part of a longer Latin word (CNNIC, CNBC)."""
    before = folded[h.start - 1 : h.start]
    return bool(_ASCII_LETTER.match(before) or _ASCII_LETTER.match(folded[h.end : h.end + 1]))


def party_before(folded: str, dash: int) -> int | None:
    """Start of the listed place or organ that ends at `dash`: the first party of a name joined
    by a dash (中国—|欧盟领导人会晤, 欧盟—|乌克兰理事会), else None."""
    for h in scan(folded):
        if h.end == dash and h.kind in ("place", "organ"):
            return h.start
    return None
