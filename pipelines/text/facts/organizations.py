"""Organisations: Party, state and mass-organisation organs.

Scope: named organs of the Party and the state (中共中央, 国务院, 省委, 市委常委会,
中共绍兴市委, 浙江省人民政府, 财政部, 杭州市西湖区人民检察院…), from
data/facts_organs.txt, optionally prefixed by `中共` and listed places (data/places.txt:
full names, then a short form before an organ starting with 省/市/县/区). Companies, schools and generic nouns
(`各级党委`, `党组织`) are out of scope; bare `中央` counts only next to another organ
(`中央、省委`) or before 决策部署. Adjacent organs are separate facts
(`省委省政府` -> 省委, 省政府). Township organs are recognised after a listed county
(`浦江县郑宅镇党委`, extractor `organization.township`, 0.8). A CPPCC committee printed in
full (`中国人民政治协商会议第十三届浙江省委员会`) is one organisation; no `浙江省委` is read
inside `…省委员会`. `normalized` is the printed name, spaces removed.

Extractors and confidence: `organization.named` 0.9 (a national organ or a
place-prefixed one), `organization.centre` 0.7 (bare 中央), `organization.local` 0.8 (省委, 市委…: the organ of the
document's own place, which the text leaves implicit).
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import alternation, load_list
from .places import PLACES

ORGANS = load_list("facts_organs.txt")
_SHORT_PLACES = [p for p in PLACES if not p.endswith(("省", "市", "县", "区"))]
_FULL_PLACES = [p for p in PLACES if p.endswith(("省", "市", "县", "区"))]
ORG_RE = re.compile(
    rf"(?<![城都])(?P<cpc>中共)?(?P<place>(?:{alternation(_FULL_PLACES)})*(?:{alternation(_SHORT_PLACES)})?)"
    rf"(?P<org>{alternation(ORGANS)})"
    r"(?!(?<=[省市县区]委)(?:员会|会(?!议)))"  # 浙江省委员会 (CPPCC), 民建台州市委会 hold no 省委/市委
)
# A CPPCC committee, printed in full: 中国人民政治协商会议（第十三届）浙江省委员会.
CPPCC_RE = re.compile(
    r"中国人民政治协商会议(?:第[一二三四五六七八九十\d]+届)?(?:全国|[\u4e00-\u9fff]{2,8}?[省市县区])委员会"
)
_LOCAL = re.compile(r"^[省市县区]")
_NEEDS_PLACE = {"人民检察院", "人民法院"}
# Bare 中央 is an organ only next to another organ or before its decisions (中央、省委).
BARE_CENTRE_RE = re.compile(r"(?<![党共])中央(?=[、和及与](?:省委|国务院|地方|省)|决策部署)")


TOWN_ORG_RE = re.compile(
    rf"(?:{alternation([p for p in PLACES if p.endswith(('市', '县', '区'))])})"
    r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)(?:党委|党工委|人民政府|纪委)"
)


def extract_organizations(text: str, folded: str) -> list[Fact]:
    """All organisation facts of one paragraph."""
    out: list[Fact] = []

    def add(s: int, e: int, extractor: str, confidence: float, normalized: str | None = None):
        out.append(
            Fact(
                type="organization",
                start=s,
                end=e,
                text=text[s:e],
                normalized=normalized or "".join(text[s:e].split()),
                extractor=extractor,
                confidence=confidence,
            )
        )

    for m in ORG_RE.finditer(folded):
        if m["org"] == "中国共产党" and folded.startswith("党员", m.end()):
            continue
        if m["org"] in _NEEDS_PLACE and not m["place"]:
            continue  # 人民检察院 alone is generic; 西湖区人民检察院 is an organ
        local = bool(_LOCAL.match(m["org"])) and not m["place"]
        add(
            m.start(),
            m.end(),
            "organization.local" if local else "organization.named",
            0.8 if local else 0.9,
        )
    for m in CPPCC_RE.finditer(folded):
        add(m.start(), m.end(), "organization.named", 0.9)
    for m in TOWN_ORG_RE.finditer(folded):
        add(m.start(), m.end(), "organization.township", 0.8, text[m.start() : m.end()])
    for m in BARE_CENTRE_RE.finditer(folded):
        add(m.start(), m.end(), "organization.centre", 0.7, "中央")
    return out
