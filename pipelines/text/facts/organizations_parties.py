"""Parties named after their country, and the governments of the special administrative
regions (facts/organizations.py).

- A foreign party whose name holds its country: a two-character modifier the segmenter reads
  as one word, a listed country, then 党 (`公正俄罗斯党`, `团结某某党`): one organisation
  (`organization.foreign`); the country inside it is no place (places nested in an
  organisation are dropped). A country printed right before such a party is a place of its
  own, so the foreign-organ reading spanning both (`某国|团结某国党`) gives way to the party.
- A special administrative region (a listed province-level place whose full name ends with
  特别行政区) followed by 政府 or 特区政府 is its government (`澳门特区政府`), one organisation
  (`organization.named`), the region not marked inside it.
"""

from __future__ import annotations

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import cut_window, organization_fact
from .gazetteer import place_index, scan
from .state import FactState

_STOP = "的了在是和与及或对把被从向为以于由将也都而且就还要会等各全该这那其我你他她们个多家"
#: What may not follow 党 in a party's name (党员, 党派, 党内: members, kinds, its inside).
_NOT_AFTER_PARTY = "员派内外组支工委"


def _level(name: str) -> tuple[str, str]:
    entry = place_index()[name][0]
    return entry.level, entry.canonical


def _party_start(folded: str, start: int) -> int | None:
    """Start of the two-character modifier before a country at `start` (公正|俄罗斯党), or None
    when the two characters are not one word for the segmenter or hold a function word."""
    lo = start - 2
    if lo < 0:
        return None
    mod = folded[lo:start]
    if any(not "\u4e00" <= c <= "\u9fff" or c in _STOP for c in mod):
        return None
    tokens, tags = cut_window(mod)
    return lo if len(tokens) == 1 and not tags[0].startswith(("ns", "m", "q")) else None


def country_parties(text: str, folded: str) -> list[Fact]:
    """Parties named `modifier + country + 党` (`公正俄罗斯党`); see the module docstring."""
    if "党" not in folded:
        return []
    out = []
    for h in scan(folded):
        if h.kind != "place" or not folded.startswith("党", h.end):
            continue
        if folded[h.end + 1 : h.end + 2] in tuple(_NOT_AFTER_PARTY):
            continue
        level, _ = _level(h.name)
        s = _party_start(folded, h.start) if level == "country" else None
        if s is not None:
            name = "".join(text[s : h.end + 1].split())
            out.append(
                organization_fact(text, s, h.end + 1, "organization.foreign", 0.8, name, None)
            )
    return out


def region_governments(text: str, folded: str) -> list[Fact]:
    """The government of a special administrative region (`澳门特区政府`, `香港政府`)."""
    if "政府" not in folded:
        return []
    out = []
    for h in scan(folded):
        if h.kind != "place" or _level(h.name)[0] != "province":
            continue
        if not _level(h.name)[1].endswith("特别行政区"):
            continue
        for tail in ("特区政府", "政府"):
            if folded.startswith(tail, h.end) and not folded.startswith("军", h.end + len(tail)):
                e = h.end + len(tail)
                name = "".join(text[h.start : e].split())
                out.append(
                    organization_fact(text, h.start, e, "organization.named", 0.9, name, None)
                )
                break
    return out


def _cut(f: Fact, parties: list[Fact]) -> bool:
    """Whether `f` ends where one of `parties` ends but starts before it (a country printed
    before the party)."""
    return any(f.start < p.start and f.end == p.end for p in parties)


@stage_pass(
    "facts.organizations_parties.with_parties",
    requires=("text", "folded", "facts"),
    assigns=("facts",),
)
def with_parties_pass(state: FactState, counters: Counters) -> FactState:
    """Parties named after their country and the governments of the special administrative
    regions added (`公正俄罗斯党`, `澳门特区政府`), an organisation ending where one ends but
    starting before it cut."""
    extra = country_parties(state.text, state.folded) + region_governments(state.text, state.folded)
    if not extra:
        return state
    kept = [f for f in state.facts if f.type != "organization" or not _cut(f, extra)]
    if len(kept) < len(state.facts):  # counted as the filters count what they drop
        counters.add("dropped", len(state.facts) - len(kept))
    return state.keeping(kept + extra)
