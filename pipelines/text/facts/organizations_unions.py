"""Bare 工会 listed with other organisations (facts/organizations.py)."""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import organization_fact

#: Bare 工会 (trade unions) is an organisation when listed with another one
#: (发挥工会、共青团、妇联等群团组织作用); alone it is mostly a common noun (企业工会会员).
_UNION_RE = re.compile(r"(?<![总])工会(?![会员])")
_EVERY_LEVEL = ("各级", "各地")


def listed_unions(text: str, folded: str, found: list[Fact]) -> list[Fact]:
    """Bare 工会 listed next to another organisation (`工会、共青团、妇联`), or after 各级 or 各地
    (the unions of every level: `各地工会组织职工开展…`): one too."""
    starts = {f.start for f in found}
    ends = {f.end for f in found}
    out = []
    for m in _UNION_RE.finditer(folded):
        s, e = m.span()
        after = folded.startswith("、", e) and e + 1 in starts
        before = s > 0 and folded[s - 1] == "、" and s - 1 in ends
        if after or before or folded.endswith(_EVERY_LEVEL, 0, s):
            out.append(organization_fact(text, s, e, "organization.named", 0.85, "工会", None))
    return out
