"""Whether a country's name before an institution's ending belongs to a name
(facts/organizations.py): 中国|外文出版社 is one name, 秘鲁|出版社 a kind of the country's.

Schools below university level are no organisation (某区中心小学, 某市第一中学: the held-out
headers' convention, round 15 and 20180612, the main set agreeing; their endings are not in
data/facts_org_suffixes.txt); universities and colleges are (温州大学)."""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import load_list, organization_fact
from .places_districts import named_district

_ENDINGS = tuple(
    w for line in load_list("facts_org_suffixes.txt") for w in line.split() if not w.startswith("+")
)


#: Kinds of institution a country has many of: printed right after the country's name they
#: name none (秘鲁出版社, 美国大学: a publisher, a university of it); a name adds its own word
#: (秘鲁国家图书馆, 日本早稻田大学).
_COMMON_KINDS = ("大学", "学院", "中学", "小学", "医院", "出版社", "图书馆", "博物馆", "报社")


def unnamed_kind(m: re.Match[str]) -> bool:
    """Whether a suffix match right after a country is a bare kind (美国|大学), not a name."""
    return not m["mid"] and m["suf"] in _COMMON_KINDS


def institution(name: str) -> bool:
    """Whether a listed organ is an institution by its ending (外文出版社, 人民银行), so that a
    country printed before it belongs to its name (中国外文出版社), unlike a state organ's
    (中国|全国人大, 以色列|外交部 stay as they are read)."""
    return name.endswith(_ENDINGS)


#: A kind of hospital set up in an epidemic (facts/organizations_lexicon.py INSTITUTION_KINDS):
#: a city's are many, a district's one (某区方舱医院).
_CABIN = "方舱医院"


def district_cabin_hospitals(text: str, folded: str) -> list[Fact]:
    """A district's short name right before 方舱医院, its city named in the paragraph, is one
    hospital named after it (武汉…江汉方舱医院-like names); after the city (武汉方舱医院) it is
    the city's hospitals of that kind, none."""
    out = []
    at = folded.find(_CABIN)
    while at > 0:
        for n in (3, 2):
            if at >= n and named_district(folded, at - n, n) is not None:
                name = folded[at - n : at + len(_CABIN)]
                out.append(organization_fact(text, at - n, at + len(_CABIN),
                                             "organization.suffix", 0.8, name, None))  # fmt: skip
                break
        at = folded.find(_CABIN, at + 1)
    return out
