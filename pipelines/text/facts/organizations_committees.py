"""Organising committees of events: an event's name, its 会 dropped or not, then 组委会 or 组委.

Games and expos are run by organising committees that news items name by the event, often in
the short form that drops the event's 会 (`北京冬奥组委`, `杭州亚组委`: 亚运会 -> 亚; `北京2022年冬奥会组委会`).
The event is one of data/facts_events.txt (冬奥会, 亚运会, 世博会…), printed with the place that
holds it or not; the place is part of the name (no place fact: facts/__init__.py drops a
place inside an organisation). `organization.committee` 0.8.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.text.model import Fact

from ._common import load_list, organization_fact

_EVENTS = load_list("facts_events.txt")
#: An event's stems: the name (冬奥会), without its 会 (冬奥), and a games' first character
#: (亚运会 -> 亚, as in 杭州亚组委); longest first.
_STEMS = sorted(
    {
        stem
        for name in _EVENTS
        for stem in (name, name.removesuffix("会"), name[0] if name.endswith("运会") else name)
    },
    key=len,
    reverse=True,
)
_YEAR_RE = re.compile(r"\d{4}年$")


def organising_committees(text: str, folded: str, is_place: Callable[[str], bool]) -> list[Fact]:
    """Organising committees (北京冬奥组委, 杭州亚组委): the event's stem right before 组委, and
    the place right before it (two or three characters, a year between them or not)."""
    out = []
    end = folded.find("组委")
    while end >= 0:
        stem = next((st for st in _STEMS if folded.endswith(st, 0, end)), None)
        if stem is not None:
            s = end - len(stem)
            year = _YEAR_RE.search(folded, max(0, s - 5), s)
            before = year.start() if year else s
            for size in (3, 2):
                if before >= size and is_place(folded[before - size : before]):
                    s = before - size
                    break
            e = end + (3 if folded.startswith("组委会", end) else 2)
            out.append(organization_fact(text, s, e, "organization.committee", 0.8, text[s:e]))
        end = folded.find("组委", end + 2)
    return out
