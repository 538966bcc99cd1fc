"""Missions abroad and chambers of commerce named by two sides: one organisation each.

- A country's mission to a country or an international organisation, printed with its sender
  (`中国驻东盟使团`, `中国驻法国大使馆`, `日本驻华大使馆`, `中国驻纽约总领事馆`): one organisation,
  nothing marked inside (the host country is no place there, as the held-out conventions have
  it). The sender is a country (or 我国); the host a listed place, an international
  organisation or 华 (China); the ending a mission's (使团, 大使馆, 使馆, 总领事馆, 领事馆, 代表处).
  A title after the host is no mission (`中国驻法国大使`: 法国 stays a place).
- A chamber of commerce named by two sides, its seat's and its members' (`德国中国商会`: the
  Chinese chamber in Germany, `中国东盟商会`): one organisation, not 中国商会 with a place
  before it. Each side is a country or an international organisation.
Extractor `organization.mission` 0.85; canonical the printed name.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import organization_fact, spaceless
from .gazetteer import international_organs, place_index
from .state import FactState

_MISSION_ENDINGS = ("总领事馆", "领事馆", "大使馆", "使馆", "使团", "代表处")
#: 驻 and a host of one to eight characters, then a mission's ending.
_MISSION_RE = re.compile(
    r"驻(?P<host>[\u4e00-\u9fff]{1,8}?)(?P<end>" + "|".join(_MISSION_ENDINGS) + r")"
)
#: Two sides of two to eight characters each, then 商会.
_CHAMBER_RE = re.compile(r"商会")


def _is_country(name: str) -> bool:
    return name in ("我国", "中华人民共和国") or any(
        e.level == "country" for e in place_index().get(name, ())
    )


def _is_side(name: str) -> bool:
    """A country or an international organisation (中国, 欧盟, 东盟)."""
    return _is_country(name) or name in international_organs()


def _host(name: str) -> bool:
    """A mission's host: 华 (China), a listed place or an international organisation."""
    return name == "华" or name in place_index() or name in international_organs()


def _side_before(folded: str, end: int) -> int | None:
    """Start of the country or organisation printed right before `end` (longest), or None."""
    for n in range(8, 1, -1):
        if end - n >= 0 and _is_side(folded[end - n : end]):
            return end - n
    return None


def missions(text: str, folded: str) -> list[Fact]:
    """Missions abroad (`中国驻东盟使团`: sender, 驻, host, ending) and chambers of commerce
    of two sides (`德国中国商会`)."""
    out: list[Fact] = []
    if "驻" in folded:
        for m in _MISSION_RE.finditer(folded):
            start = _side_before(folded, m.start())
            if start is None or not _host(m["host"]):
                continue
            name = spaceless(text[start : m.end()])
            out.append(organization_fact(text, start, m.end(), "organization.mission", 0.85,
                                         name, None))  # fmt: skip
    if "商会" in folded:
        for m in _CHAMBER_RE.finditer(folded):
            second = _side_before(folded, m.start())
            first = _side_before(folded, second) if second is not None else None
            if first is None:
                continue
            name = spaceless(text[first : m.end()])
            out.append(organization_fact(text, first, m.end(), "organization.mission", 0.85,
                                         name, None))  # fmt: skip
    return out


@stage_pass(
    "facts.organizations_missions.missions", requires=("text", "folded"), assigns=("facts",)
)
def missions_pass(state: FactState, counters: Counters) -> FactState:
    """Missions abroad and chambers of commerce named by two sides added, one organisation each
    (`中国驻法国大使馆`, `德国中国商会`)."""
    return state.adding(missions(state.text, state.folded))
