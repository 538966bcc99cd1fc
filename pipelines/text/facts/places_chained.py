"""Places printed as a chain the gazetteer does not list (round 24's misses).

- A district's two- or three-character short form right after its own province or
  municipality is one place with it (`浙江|某区短名` as `海南文昌`): the province fact is widened
  to the chain, with the district's full name and code, when the segmenter reads the short
  form as a noun and no airport's name follows (`北京大兴国际机场`: a facility's own name).
- A Korean province (…道, a closed list: `忠清北道`, `京畿道`), with a city of two characters
  and 市 or 郡 after it, is one foreign place (`全罗南道木浦市`); 道 alone after another word is
  no province (`人行道`, `知道`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from .places_districts import _districts, _noun_word
from .state import FactState

#: The provinces of both Koreas, then an optional city of two characters (某某市, 某某郡; not
#: 各城市, 的城市, 一些郡: a city's name holds no function or quantity word).
KOREAN_PROVINCE_RE = re.compile(
    r"(?:京畿|江原|忠清[南北]|全罗[南北]|庆尚[南北]|黄海[南北]|平安[南北]|咸镜[南北]|慈江|两江)道"
    r"(?:(?:(?![的各些等部一多])[\u4e00-\u9fff]){2}[市郡](?![场长民委政]))?"
)
_NOT_AFTER = ("机场", "国际机场")


def _chain(f: Fact, folded: str) -> Fact | None:
    """The province fact widened to its district's short form right after it, else None."""
    if not (f.division_code or "").endswith("0000"):
        return None
    for n in (3, 2):
        found = _districts().get(folded[f.end : f.end + n])
        if found is None or found[0].code[:2] != f.division_code[:2]:
            continue
        e = f.end + n
        if folded.startswith(_NOT_AFTER, e) or not _noun_word(folded[f.end : e + 4], n):
            return None
        text = f.text + folded[f.end : e]
        return replace(f, end=e, text=text, normalized=text, canonical=found[0].canonical,
                       division_code=found[0].code, unit="county")  # fmt: skip
    return None


def korean_provinces(text: str, folded: str) -> list[Fact]:
    """The Korean provinces of one paragraph, each with the city printed after it."""
    return [
        Fact(
            "place",
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            m.group(),
            "place.world",
            0.8,
            unit="foreign_division",
            canonical=m.group(),
        )
        for m in KOREAN_PROVINCE_RE.finditer(folded)
    ]


@stage_pass("facts.places_chained.chains", requires=("text", "folded", "facts"),
            assigns=("facts",))  # fmt: skip
def chains_pass(state: FactState, counters: Counters) -> FactState:
    """A province and its district's short form one place (`某省|某区短名`); Korean provinces
    added with their city (`忠清北道某某市`)."""
    folded = state.folded
    if any((f.division_code or "").endswith("0000") for f in state.facts):
        out = [(_chain(f, folded) if f.type == "place" else None) or f for f in state.facts]
        state = state.keeping(out)
    if "道" not in folded or KOREAN_PROVINCE_RE.search(folded) is None:
        return state
    return _joined(state, korean_provinces(state.text, folded))


def _joined(state: FactState, provinces: list[Fact]) -> FactState:
    """The Korean provinces added, each joined to the place printed right before it or ending
    inside it (`韩国|全罗南道某某市`, or the gazetteer's chain `韩国全罗南道` then `某某市`): a
    chain of adjacent divisions is one place (CONVENTIONS.md, place span)."""
    facts = list(state.facts)
    for k in provinces:
        head = next(
            (f for f in facts if f.type == "place" and f.start < k.start <= f.end <= k.end), None
        )
        if head is None:
            facts.append(k)
            continue
        text = state.text[head.start : k.end]
        facts[facts.index(head)] = replace(
            head, end=k.end, text=text, normalized="".join(text.split()),
            canonical=k.canonical, unit=k.unit,
        )  # fmt: skip
    return state.keeping(facts)
