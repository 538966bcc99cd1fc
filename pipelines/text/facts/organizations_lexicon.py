"""Institutions the segmenter's dictionary knows: jieba's organisation tag as a candidate.

jieba's dictionary tags many institutions `nt` that no gazetteer of the project lists and no
place anchors (`协和医院`, `国家气象中心`, `中国科学院`), but also companies and commercial
banks (out of the facts' scope) and words no institution (its `nt` are not all names). A
dictionary word is taken as an organisation when the project's grammar agrees: it is tagged
`nt` (or `ns` for a museum, a memorial hall or a university named after its site: 南京博物院),
it ends with an institution's ending of data/facts_org_suffixes.txt (医院, 中心, 大学,
研究院, 电视台…; the generic ones too: 委员会, 办公室), not a company's (公司, 集团, 银行), and
it is not the start of a longer word (`…中心城区`) nor a kind of institution (`公立医院`);
a generic ending needs two characters before it (`协商会` is a meeting). The lookup runs back from each ending
printed in the paragraph: the dictionary's words that pass these tests are matched in one
pass with the other listed words (facts/lexicon.py; leftmost-longest), no tagging. `organization.lexicon` 0.75; canonical the printed name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text.model import Fact

from ._common import load_list, organization_fact, spaceless
from .lexicon import scan_words

_WORDS = [w for line in load_list("facts_org_suffixes.txt") for w in line.split()]
_ENDINGS = sorted({w.lstrip("+") for w in _WORDS}, key=len, reverse=True)
_GENERIC = {w[1:] for w in _WORDS if w.startswith("+")}
_COMPANY = ("公司", "集团", "银行")
#: Endings of institutions that the dictionary tags as places (`ns`) when named after a site:
#: a museum, a memorial hall or a university (南京博物院, 鲁迅博物馆); not
#: 海关 (山海关 is a pass).
_SITE_ENDINGS = ("博物馆", "博物院", "纪念馆", "大学")
#: What may not follow an institution's name: it would be part of a longer word or a member,
#: or 附 of a school attached to it (某某大学附中: a school, no organ).
_NOT_AFTER = re.compile(r"[城区生员长门会附]")
#: A kind of institution, not one's name: a word of ownership, level, speciality or function
#: before the ending (公立医院, 县级医院, 社区卫生服务中心; a city's 定点医院 and 方舱医院 are the
#: hospitals designated or set up for an epidemic, not one hospital: facts/organizations.py).
INSTITUTION_KINDS = frozenset(
    {"公立", "私立", "公办", "民办", "民营", "县级", "市级", "省级", "基层", "乡镇", "社区", "定点"}
    | {"方舱"}
)


@lru_cache(maxsize=1)
def institution_words() -> tuple[str, ...]:
    """The dictionary's institutions that pass the static tests (matched by facts/lexicon.py)."""
    from pipelines.text.segment import get_segmenter

    tags = get_segmenter().postokenizer.word_tag_tab
    return tuple(
        sorted(
            w
            for w, tag in tags.items()
            if (tag == "nt" or (tag == "ns" and w.endswith(_SITE_ENDINGS))) and _is_institution(w)
        )
    )


def _is_institution(word: str) -> bool:
    ending = next((e for e in _ENDINGS if word.endswith(e)), None)
    if ending is None or word.endswith(_COMPANY) or not 2 <= len(word) <= 10:
        return False
    stem = word[: -len(ending)]
    if ending in _GENERIC and len(stem) < 2:
        return False  # 协商会: a meeting, not a 商会
    return len(stem) >= 1 and stem not in INSTITUTION_KINDS


def _inside_an_ending(folded: str, start: int, end: int) -> bool:
    """Whether a longer ending printed before `end` starts before `start` (民医院 in 人民医院)."""
    return any(folded.startswith(e, end - len(e)) for e in _ENDINGS if len(e) > end - start)


def lexicon_institutions(text: str, folded: str) -> list[Fact]:
    """The dictionary's institutions (`nt`, an institution's ending) printed in the paragraph."""
    out: list[Fact] = []
    last = 0
    # leftmost-longest, not overlapping: by start, the longest first
    for start, end in sorted(
        scan_words(folded).get("institution", ()), key=lambda x: (x[0], -x[1])
    ):
        if start < last:
            continue
        last = end
        if _NOT_AFTER.match(folded, end) or _inside_an_ending(folded, start, end):
            continue
        name = spaceless(text[start:end])
        out.append(organization_fact(text, start, end, "organization.lexicon", 0.75, name))
    return out
