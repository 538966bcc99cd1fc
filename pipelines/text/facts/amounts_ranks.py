"""Ranks printed as a number and 位 (`全球第…` without 第): no quantity.

A number before 位 is a rank, not a head count, when a ranking word stands right before it
(全球, 世界, 排名, 位居, 上升到, 降至…: `营商环境排名全球30位`, `从世界15位升至9位`) and no noun
follows 位 (a verb of change or punctuation: `全球30位上升`, `升至9位。`); `全球30位科学家` counts
people.
"""

from __future__ import annotations

import re

_RANK_BEFORE_RE = re.compile(
    r"(?:全球|世界|全国|排名|(?<![安编并])排|位居|位列|(?<![邻民定移聚])居|跃居|升至|升到|上升到|上升至|提升到|提升至|跃升至|跃升到"
    r"|降至|降到|下降到|下降至|滑落至|滑落到)$"
)
#: After a rank's 位 (spaces skipped): punctuation, the end, or a verb of change.
_RANK_AFTER_RE = re.compile(r"\s*(?:[^\u4e00-\u9fff\s]|上升|下降|提升|跃升|升至|降至|滑落|$)")


def is_rank(folded: str, s: int, e: int, unit: str | None) -> bool:
    """Whether the number at folded[s:e] (its unit 位) is a rank: `全球78位` before 上升;
    not a count after a word ending in 排 or 居 (共安排30位。, 邻居30位。)."""
    return (
        unit == "位"
        and _RANK_BEFORE_RE.search(folded, max(0, s - 3), s) is not None
        and _RANK_AFTER_RE.match(folded, e) is not None
    )
