"""Party groups of an organ: one organisation with the organ.

An organ printed right before 党组 has that party group as an organisation of its own, the organ
inside it (`甘肃省政府党组成员`: 甘肃省政府党组; `甘肃省人大常委会党组书记`, `民政部党组`): the
organ's fact takes the ending, as the suffix grammar takes 委员会 (the held-out conventions mark
the party group). 党组织 (party organisations in general) is no such ending, and an organ's 党委
stays out (`浙江省司法厅党委书记`: the organ 浙江省司法厅, as the seed fixtures have it).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.text.model import Fact

_GROUP_RE = re.compile(r"党组(?!织)")


def with_party_groups(text: str, folded: str, facts: list[Fact]) -> list[Fact]:
    """`facts` with every organ followed by 党组 widened over it (`甘肃省政府|党组`)."""
    if "党组" not in folded:
        return facts
    out = []
    for f in facts:
        m = _GROUP_RE.match(folded, f.end)
        if m is not None and not folded.startswith("党", f.end - 1):
            e = m.end()
            canonical = f.canonical + m.group(0) if f.canonical else None
            f = replace(f, end=e, text=text[f.start : e], normalized=f.normalized + m.group(0),
                        canonical=canonical)  # fmt: skip
        out.append(f)
    return out
