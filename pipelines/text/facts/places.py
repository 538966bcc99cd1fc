"""Places: administrative divisions, countries and regions, from the gazetteers.

Names come from facts/gazetteer.py (every division of the PRC with its code, the safe short
forms, countries and regions), matched leftmost-longest. A chain of adjacent names is one
place (`浙江省杭州市`, `杭州市西湖区`); a township-level unit is recognised by suffix (`镇`,
`乡`, `街道`) after a listed full name (`余姚市河姆渡镇` is one fact; `越城区斗门街道` too) or
after `、`/`和` right after such a chain (`斗门街道、迪荡街道`). A name followed by 湾, 岛 or
群岛 names a geographical feature, not the division (`杭州湾`, `黄岩岛`: one place, level
`region`, no code), and a bay or island after a lake or sea is part of it (`青海湖仙女湾`);
a name followed by 路, 街, 大道 names a street and is no place. A natural feature printed right
after a province or prefecture named short is one place with it (`甘肃祁连山`, `云南洱海`), as
after a full name; a common word for islands after a sea is no part of a name (`南海|孤岛`: the
sea). A country's formal name (`巴勒斯坦国`, `以色列国`: the other printed names of
places_world_cities.tsv) is one place, unless its 国 starts a word (`日本国内`: 日本).

`normalized` is the printed name; `canonical` the full name of the innermost division or
the listed name (浙江 → 浙江省, 长三角 → 长江三角洲, 浙江省杭州市 → 杭州市, a township → its
printed name); `division_code` the six-digit code of that division (the county's for a
township), or None for foreign places, regions, and names of several divisions that neither
the chain nor the document's own place tells apart (普陀区: Shanghai's or Zhoushan's);
`unit` the level (`province`, `city`, `county`, `township`, `country`, `region`). The
country itself (中国) is no place fact.

Places inside an organisation or a cited title are dropped by the entry point
(`中共绍兴市委`, `温州大学` are organisations).

Extractors and confidence: `place.list` 0.9 (full names) / 0.8 (short forms),
`place.world` 0.85 (countries and regions), `place.township` 0.8.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import alternation, cut_window, load_list
from .context import DocContext
from .gazetteer import CITY, PROVINCE, Hit, PlaceEntry, feature_names, place_index, scan
from .places_abbreviated import abbreviated_places
from .places_belts import economic_belts
from .places_counties import extend_chain, listed_counties, prefecture_names, repeated_counties
from .places_districts import district_shorts
from .places_foreign import EVENT_HOST_RE, extend_foreign, foreign_states, provincial_capitals
from .places_hometowns import hometown_townships, repeated_townships, village_townships
from .places_rivers import river_at_bank, river_basins
from .places_straddled import straddled
from .places_venues import VENUE, names_an_airport

_TOWN_RE = re.compile(r"(?!的)[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡)")  # 某县的某镇: the county alone
NEXT_TOWN_RE = re.compile(r"[、和及与](?P<t>[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡))")
#: Words no township's name holds; the counts opening a plural (某市多个乡镇, 某县部分乡镇).
_BAD_TOWN = ("城镇", "乡镇", "小镇", "村镇", "集镇", "城乡", "特色", "美丽", "中心", "各个")
_BAD_TOWN += ("多个", "几个", "数个", "部分", "所有")
_FEATURE_RE = re.compile(r"群岛|高原|[湾岛湖]")
#: A bay, island or peninsula of a lake or sea printed after it (青海湖|仙女湾, 南海|诸岛).
_BAY_RE = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:湾|半岛|岛)")
#: Islands and bays named by a common word, no name: 南海|孤岛 is the sea, the islands in it
#: unnamed (南海|诸岛 is a name).
_GENERIC_ISLANDS = {"孤岛", "小岛", "荒岛", "海岛", "岛屿", "岛礁", "大岛", "各岛", "海湾"}
_STREET_RE = re.compile(r"大道|大街|路|街(?!道)")
#: After a place, what makes it no place: an ethnic group (俄罗斯族), a time zone (北京时间),
#: a school's name (某某大学附中, 某某中学: not 大学生, students of the place), the rest of a
#: company's name (青海圣源地毯集团有限公司, a named airline: 某国国际航空公司, not 某国航空公司, the
#: country's airlines) or of a law's (海南自由贸易港法、): no function word
#: inside, the law's name ends the clause or the list item.
_NOT_PLACE_AFTER_RE = re.compile(  # a venue's name too (某市大剧院: places_venues.py)
    r"族|时间|大学(?!生)|学院|[中小]学(?!生)|(?:自由|(?![的了在是和与及或对把被从为以于由将也都就还要等各该这那其])[\u4e00-\u9fff]){0,12}?"
    r"(?:有限责任公司|有限公司|股份公司|集团|法(?=[、，。；和及与]|$))"
    r"|[\u4e00-\u9fff]{2,8}?航空公司|" + VENUE
)
#: After one city, a port named after it (天津港; not 港澳, 港口, 港区: the city's ports).
_PORT_RE = re.compile(r"港(?![澳台口区人])")
#: The level word printed after the short name of a foreign place (旁遮普|省, 光州|市).
#: After a country, a language or a nationality makes it none (西班牙语, 朝鲜文、, 3名德国人;
#: not 美国文化, 法国文学, 美国人民, 美国人口).
_LANGUAGE_RE = re.compile(r"[文语](?![化明物艺创旅博献联成学坛])|人(?![民口均大])")
#: After a city or division, a sports or exhibition event hosted there (北京冬奥会,
#: 北京2022年冬奥会: data/facts_events.txt): the place is part of the event's name. A country
#: before it is its host, a place (意大利2026年冬奥会).
_EVENT_RE = re.compile(rf"(?:\d{{4}}年)?(?:{alternation(load_list('facts_events.txt'))})")
_FOREIGN_LEVEL_RE = re.compile(r"[省州邦市县]")
_DIVISION_LEVELS = ("province", "city", "county")
_NUMERALS = set("0123456789.零〇一二两三四五六七八九十百千万亿")
#: The country itself (中国, 中华人民共和国) is no place fact: every document is about it, and
#: it is mostly part of a name (中国特色社会主义, 中国式现代化); it stays in the gazetteer so that
#: 中国期货业协会 is read as one organisation.
OWN_COUNTRY = "中国"


#: A company's branch named by its city, after the company's name (某某银行杭州分行).
_BRANCH_AFTER_RE = re.compile(r"分行|支行|分公司|营业部")
_COMPANY_BEFORE = ("银行", "公司", "集团")


def _part_of_a_name(folded: str, chain: list[Hit], s: int, e: int) -> bool:
    """Whether the place at s:e is part of another name: an ethnic group, a time zone, a
    school, a company or a law after it (_NOT_PLACE_AFTER_RE), a port or 国际机场 after one city, or a branch's city between a
    company and 分行 (光大银行|某某|分行). A chain of two divisions or more printed in full
    before a company is the company's description, a place (湖南省株洲市|某某集团)."""
    if folded.endswith(_COMPANY_BEFORE, 0, s) and _BRANCH_AFTER_RE.match(folded, e):
        return True
    if len(chain) == 1 and _PORT_RE.match(folded, e) and not _place_ends_at(folded, s):
        return True  # 天津港: a port's name (not 宁波舟山港, two cities' merged port)
    if len(chain) == 1 and names_an_airport(folded, e, chain[0].name):
        return True  # 某外国城市|国际机场: the airport's name (places_venues.py)
    m = _NOT_PLACE_AFTER_RE.match(folded, e)
    if m is None:
        return False
    described = (
        len(chain) >= 2 and folded[e - 1] in "省市县区" and m.group(0).endswith(("公司", "集团"))
    )
    return not described


def _place_ends_at(folded: str, s: int) -> bool:
    """Whether a listed place ends at `s` (宁波|舟山港: the port of two cities)."""
    return any(h.end == s and h.kind == "place" for h in scan(folded))


def _state_word(folded: str, name: str, e: int) -> bool:
    """Whether the formal name `name` (巴勒斯坦国, 以色列国) ends at `e` with a 国 that starts a
    word of the segmenter's dictionary with the next character (日本国内: 国内, 以色列国防军)."""
    if not name.endswith("国") or len(name) < 3 or e >= len(folded):
        return False
    from pipelines.text.segment import get_segmenter

    return get_segmenter().has_word(folded[e - 1 : e + 1])


def _town_ok(t: str) -> bool:
    return not any(b in t for b in _BAD_TOWN)


def _scope(code: str) -> str:
    """The code prefix shared by the divisions inside `code` (33 for 330000, 3306 for 330600)."""
    if code.endswith("0000"):
        return code[:2]
    return code[:4] if code.endswith("00") else code


def choose(
    name: str, parent: str | None, context: DocContext | None, seen: tuple[str, ...] = ()
) -> PlaceEntry:
    """The division a printed name stands for: the one inside `parent` (the code of the
    place printed before it), else near a division named earlier in the paragraph (`seen`:
    舟山市委…普陀区), else in the document's province, else the only candidate; when
    several divisions remain in different provinces, an entry without code."""
    entries = place_index()[name]
    if len(entries) == 1:
        return entries[0]
    scopes: list[tuple[str, str | None]] = []
    if parent:
        scopes.append((_scope(parent), parent))
    scopes += [(_scope(code), None) for code in seen]
    if context is not None and context.division_code:
        scopes.append((context.division_code[:2], None))
    for scope, exclude in scopes:
        inside = [e for e in entries if e.code and e.code.startswith(scope) and e.code != exclude]
        if inside:
            return inside[0]
    if len({e.code[:2] if e.code else None for e in entries}) == 1:
        return entries[0]
    first = entries[0]
    return PlaceEntry(first.canonical, None, first.level, first.current)


def _full(name: str) -> bool:
    return any(e.canonical == name and e.code for e in place_index()[name])


def _within(outer: str, inner: str) -> bool:
    """Whether a place printed as `inner` lies in the province or country printed as `outer`:
    a division in a province (云南|昆明, 浙江|镇海), a foreign city or division in its country
    (巴西|圣保罗). A city's short form and a county are two places (杭州|萧山国际机场)."""
    outers, inners = place_index()[outer], place_index()[inner]
    for o in outers:
        if o.level == "country":
            if any(i.country == o.canonical for i in inners):
                return True
        elif o.code and (o.level == PROVINCE or _full(inner)):
            # a province's short form, or any division before a full name (果洛州|玛多县)
            scope = _scope(o.code)
            if any(i.code and i.code != o.code and i.code.startswith(scope) for i in inners):
                return True
    return False


def _feature_of(outer: str, inner: str) -> bool:
    """Whether `inner` is a natural feature printed right after a province or prefecture
    named short (甘肃|祁连山, 云南|洱海): one place, as after a full name (青海省|青海湖)."""
    levels = (PROVINCE, CITY)
    return inner in feature_names() and any(o.level in levels for o in place_index()[outer])


def _river_after(outer: str, inner: str) -> bool:
    """Whether `inner` is a listed river (a feature ending in 江 or 河) printed right after a
    division of China (宜宾县|岷江|蔬菜产业园): the start of a name, not a place of its own."""
    return (
        inner in feature_names()
        and inner.endswith(("江", "河"))
        and any(o.code for o in place_index()[outer])
    )


def _chains(hits: tuple[Hit, ...], folded: str) -> list[list[Hit]]:
    """Runs of adjacent place hits after a full name (杭州市|西湖区; 宁波|舟山 are two; 某市|中国
    two, a park's name opening), or of a place and a place inside it (云南|昆明, 老挝|万象)."""
    chains: list[list[Hit]] = []
    for h in hits:
        if h.kind != "place":
            continue
        prev = chains[-1][-1] if chains else None
        own = any(p.canonical == OWN_COUNTRY for p in place_index().get(h.name, ()))
        adjacent = prev is not None and prev.end == h.start and not own  # 某市|中华人民共和国
        if adjacent and _river_after(prev.name, h.name) and not river_at_bank(folded, h.end):
            continue  # 某县|岷江|蔬菜产业园: a name after its county (某市某江畔: a place)
        if adjacent and (
            _full(prev.name) or _within(prev.name, h.name) or _feature_of(prev.name, h.name)
        ):
            chains[-1].append(h)
        elif not all(e.chain_only for e in place_index()[h.name]) or _where(folded, h):
            chains.append([h])
    return chains


#: A preposition or verb of place before a city named alone (在利马会见…, 抵达河内), or a
#: capital's title after its country (某国首都万象).
_WHERE_RE = re.compile(r"(?:在|抵达|飞抵|到达|前往|来到|途经|首都|首府)$")


def _where(folded: str, h: Hit) -> bool:
    """Whether a city that is an ordinary word too (data/places_world_cities.tsv, `chain`) is
    printed after 在, a verb of arrival or 首都 and read by the segmenter as one word there
    (`在某某会见`: a place; `在万象更新之时`: 万象更新 is an idiom, none)."""
    if not _WHERE_RE.search(folded, max(0, h.start - 2), h.start):
        return False

    tokens, _tags = cut_window(folded[h.start : h.end + 3])
    return bool(tokens) and tokens[0] == h.name


def _fact(text: str, s: int, e: int, entry: PlaceEntry, level: str, extractor: str, conf: float):
    return Fact(
        type="place",
        start=s,
        end=e,
        text=text[s:e],
        normalized="".join(text[s:e].split()),
        extractor=extractor,
        confidence=conf,
        unit=level,
        canonical=entry.canonical if level != "township" else "".join(text[s:e].split()),
        division_code=entry.code,
    )


def _towns(text: str, folded: str, s: int, e: int, entry: PlaceEntry) -> list[Fact]:
    """The township printed after the full name at s:e (余姚市|河姆渡镇), and the townships
    listed after it (斗门街道、迪荡街道); none if no township follows."""
    town = _TOWN_RE.match(folded, e) if entry.level in _DIVISION_LEVELS else None
    if not town or not _town_ok(town.group(0)):
        return []
    out = [_fact(text, s, town.end(), entry, "township", "place.township", 0.8)]
    pos = town.end()
    while (n := NEXT_TOWN_RE.match(folded, pos)) and _town_ok(n["t"]):
        ts, te = n.span("t")
        out.append(_fact(text, ts, te, entry, "township", "place.township", 0.8))
        pos = te
    return out


def extract_places(text: str, folded: str, context: DocContext | None = None) -> list[Fact]:
    """All place facts of one paragraph."""
    out: list[Fact] = []
    seen: list[str] = []
    printed_full: list[PlaceEntry] = []
    for chain in _chains(scan(folded), folded):
        parent: str | None = None
        entry: PlaceEntry | None = None
        for h in chain:
            entry = choose(h.name, parent, context, tuple(seen))
            parent = entry.code or parent
        assert entry is not None
        s, e = chain[0].start, chain[-1].end
        if entry.code:
            seen.append(entry.code)
        if s > 0 and folded[s] in "十百千万亿" and folded[s - 1] in _NUMERALS:
            continue  # 22万山区: the place's first character ends a number
        if len(chain) == 1 and straddled(folded, s, e):
            continue  # 隆重|庆祝: no 重庆
        if _STREET_RE.match(folded, e) or _part_of_a_name(folded, chain, s, e):
            continue  # 温州路: a street; 俄罗斯族, 北京时间, 某某集团
        country = entry.level == "country"
        if country and _state_word(folded, chain[-1].name, e):
            e -= 1  # 日本国|内: the country's name, 国 starts a word (国内, 国防)
        if (_LANGUAGE_RE if country else _EVENT_RE).match(folded, e):
            continue  # 西班牙语: a language, 德国人: a nationality; 北京冬奥会: an event
        e, entry = _with_bay(folded, s, e, entry, chain[-1].name)
        feature = _FEATURE_RE.match(folded, e) if entry.code else None
        if feature:
            region = PlaceEntry(folded[s : feature.end()], None, "region")
            out.append(_fact(text, s, feature.end(), region, "region", "place.world", 0.85))
            continue
        full = chain[-1].name == entry.canonical
        if full:
            printed_full.append(entry)
        county = (
            extend_chain(folded, e, _scope(entry.code))
            if entry.code and entry.level in (PROVINCE, CITY)
            else None
        )
        if county:
            e, entry = county  # 山东|荣成, 云南|普洱: the county's short name
            out.append(_fact(text, s, e, entry, entry.level, "place.list", 0.85))
            continue
        towns = _towns(text, folded, s, e, entry) if full else []
        if towns:
            out += towns
            continue
        if entry.canonical == OWN_COUNTRY:
            continue
        level_word = _FOREIGN_LEVEL_RE.match(folded, e) if entry.country else None
        if level_word:
            e = level_word.end()  # 旁遮普|省, 光州|市: the level word is part of the name
        if entry.country or entry.level == "country":
            e = _foreign_end(folded, e, chain[-1].end, level_word is not None, entry)
        world = entry.level not in _DIVISION_LEVELS
        extractor = "place.world" if world else "place.list"
        conf = 0.85 if world else (0.9 if full else 0.8)
        out.append(_fact(text, s, e, entry, entry.level, extractor, conf))
    return out + _county_shorts(text, folded, out, printed_full)


#: 部 after a region named by directions, not 部分, 部门, 部长…
_DIRECTION_PART_RE = re.compile(r"部(?![分门长队委署])")


def _with_bay(folded: str, s: int, e: int, entry: PlaceEntry, name: str) -> tuple[int, PlaceEntry]:
    """The end and entry of a lake or sea with the bay or island printed after it
    (青海湖|仙女湾: the bay is the place), unless a common word names the islands (南海|孤岛);
    of a region named by directions with 部 after it (中东|部地区: a part of the country, as
    中西部; not 中东|部分国家, some countries of the Middle East)."""
    directions = entry.level == "region" and set(name) <= set("东南西北中")
    if directions and _DIRECTION_PART_RE.match(folded, e):
        return e + 1, PlaceEntry(folded[s : e + 1], None, "region")
    lake = entry.level == "region" and name[-1] in "湖海洋"
    bay = _BAY_RE.match(folded, e) if lake else None
    if bay is None or bay.group(0) in _GENERIC_ISLANDS:
        return e, entry
    return bay.end(), PlaceEntry(folded[s : bay.end()], None, "region")


def _foreign_end(folded: str, e: int, hit_end: int, after_level: bool, entry: PlaceEntry) -> int:
    """The end of a foreign place with the smaller place printed after it (丹麦|博恩霍尔姆岛),
    unless that runs into the next listed name (美国|加拿大)."""
    end = extend_foreign(folded, e, after_level=after_level, country=entry.level == "country")
    if end > e and any(h.start < end and h.end > e for h in scan(folded) if h.start >= hit_end):
        return e
    return end


def _county_shorts(
    text: str, folded: str, found: list[Fact], printed_full: list[PlaceEntry]
) -> list[Fact]:
    """Counties printed by their short name in a list, again, or before 专区
    (facts/places_counties.py), a district after a verb of place (位于海淀的: facts/
    places_districts.py), abbreviated municipalities (在京举行), and foreign states
    (比哈尔邦, facts/places_foreign.py), economic belts (facts/places_belts.py), a
    hometown's township (家乡某某镇), a township named again or before its village
    (facts/places_hometowns.py),
    where no place was found."""
    taken = [(f.start, f.end) for f in found]
    out: list[Fact] = []
    candidates = [
        (*c, "place.county_short")
        for c in listed_counties(folded)
        + repeated_counties(folded, printed_full)
        + prefecture_names(folded)
    ] + [(*c, "place.abbreviation") for c in abbreviated_places(folded)]
    candidates += [(*c, "place.belt") for c in economic_belts(folded)]
    candidates += [(*c, "place.hometown") for c in hometown_townships(folded)]
    if "乡" in folded or "镇" in folded:
        towns = [f.text for f in found if f.extractor == "place.township"]
        candidates += [(*c, "place.township") for c in repeated_townships(folded, towns)]
        candidates += [(*c, "place.township") for c in village_townships(folded)]
    candidates += [(*c, "place.county_short") for c in district_shorts(folded)]
    candidates += [(*c, "place.river") for c in river_basins(folded)]
    candidates += [(*c, "place.world") for c in provincial_capitals(folded)]
    for m in EVENT_HOST_RE.finditer(folded) if "会" in folded or "节" in folded else ():
        host = PlaceEntry(m.group(0), None, "foreign_city")  # 戛纳|电影节: its host city
        candidates.append((m.start(), m.end(), host, "place.world"))
    for s, e, entry, extractor in candidates:
        if all(e <= ts or s >= te for ts, te in taken):
            taken.append((s, e))
            out.append(_fact(text, s, e, entry, entry.level, extractor, 0.75))
    for s, e in foreign_states(folded, scan(folded)):
        state = PlaceEntry(folded[s:e], None, "foreign_division")
        out.append(_fact(text, s, e, state, state.level, "place.world", 0.7))
    return out
