"""Places: administrative divisions, from a list plus township patterns.

Names come from data/places.txt (Zhejiang's cities, districts, counties and
county-level cities with their safe short forms, the provincial-level divisions and a
few other cities). A township-level unit is recognised by suffix (`镇`, `乡`, `街道`)
when it follows a listed place (`余姚市河姆渡镇` is one fact; `越城区斗门街道` too) or
follows `、`/`和` right after such a chain (`斗门街道、迪荡街道`). `normalized` is the
printed name; `unit` is the level (`province`, `city`, `county`, `township`, `name`
for a short form without suffix).

A listed name that is part of a longer Han word is still a place mention (`绍兴风景`
names the city); places inside an organisation or a cited title are dropped by the
entry point (`中共绍兴市委` is an organisation).

Extractors and confidence: `place.list` 0.9 (full names) / 0.8 (short forms),
`place.township` 0.8.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import alternation, load_list

PLACES = load_list("places.txt")
_PLACE_ALT = alternation(PLACES)
_TOWN = r"[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡)"
_FULL_ALT = alternation([p for p in PLACES if p.endswith(("省", "市", "县", "区"))])
# A chain of full names (杭州市西湖区) ending in any listed name, then maybe a township.
PLACE_RE = re.compile(rf"(?P<p>(?:{_FULL_ALT})*(?:{_PLACE_ALT}))(?P<t>{_TOWN})?")
NEXT_TOWN_RE = re.compile(rf"[、和及与](?P<t>{_TOWN})")
_BAD_TOWN = ("城镇", "乡镇", "小镇", "村镇", "集镇", "城乡", "特色", "美丽", "中心", "各个")


def _level(name: str) -> str:
    if name.endswith(("省", "自治区", "特别行政区")) or name in (
        "北京市",
        "天津市",
        "上海市",
        "重庆市",
    ):
        return "province"
    if name.endswith(("区", "县")):
        return "county"
    if name.endswith("市"):
        return "city"
    if name.endswith(("镇", "乡", "街道")):
        return "township"
    return "name"


def _town_ok(t: str) -> bool:
    return not any(b in t for b in _BAD_TOWN)


def extract_places(text: str, folded: str) -> list[Fact]:
    """All place facts of one paragraph."""
    out: list[Fact] = []
    for m in PLACE_RE.finditer(folded):
        e = m.end() if m["t"] and _town_ok(m["t"]) else m.end("p")
        s = m.start()
        name = text[s:e]
        lvl = _level(name)
        full = lvl != "name"
        out.append(
            Fact(
                type="place",
                start=s,
                end=e,
                text=name,
                normalized=name,
                extractor="place.township" if lvl == "township" else "place.list",
                confidence=0.9 if full else 0.8,
                unit=lvl,
            )
        )
        if lvl == "township":
            pos = e
            while (n := NEXT_TOWN_RE.match(folded, pos)) and _town_ok(n["t"]):
                ts, te = n.start("t"), n.end("t")
                out.append(
                    Fact(
                        type="place",
                        start=ts,
                        end=te,
                        text=text[ts:te],
                        normalized=text[ts:te],
                        extractor="place.township",
                        confidence=0.8,
                        unit="township",
                    )
                )
                pos = te
    return out
