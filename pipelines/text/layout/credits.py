"""Photo credits and captions glued to the end of a paragraph's last line: split off as a
caption of that line."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block
from ..passes import Counters, Rule, rule, stage_pass
from ..patterns import FULL_STOPS, HAN, TRAILING_CREDIT_RE
from .regions.captions import split_doubled
from .state import LayoutState

TRAILING_CREDIT = rule(
    "layout.credits.trailing_credit",
    "a photo credit at the end of a paragraph's last line (`…安全出行。 记者张浩星 摄`): a caption",
)
TRAILING_DOUBLED = rule(
    "layout.credits.trailing_doubled",
    "a bold photo caption read twice and glued after a paragraph's last sentence: a caption",
)
SECOND_COPY = rule(
    "layout.credits.second_copy",
    "second copy of a bold photo caption that the OCR extracted twice",
    "duplicate",
)

#: A photo caption in bold type read twice and glued after a paragraph's last sentence
#: (`…低于18%。杭州市…治疗室杭州市…治疗室`).
_TRAILING_DOUBLED = re.compile(rf"(?<=[{FULL_STOPS}”」])\s*([{HAN}“”]{{16,}})$")


def second_copy(text: str, n: int, found: Rule) -> Block:
    """The second copy of a caption in bold type, which the OCR extracted twice
    (`许许 旭旭 摄摄`): set aside so that the caption reads once."""
    return Block(
        text=text,
        line_start=n,
        line_end=n,
        kind="removed",
        removed_kind=found.removed_kind,
        reason=found.reason,
        lines=(n,),
        rule=found.id,
    )


@stage_pass("layout.credits.split_trailing", requires=("blocks",), assigns=("blocks",))
def split_trailing(state: LayoutState, counters: Counters) -> LayoutState:
    """A body paragraph ending with a photo credit, or with a bold caption read twice:
    the caption becomes a caption block of the last line (its second copy a removed
    duplicate), and the paragraph keeps its line range."""
    out: list[Block] = []
    for b in state.blocks:
        body = b.kind in ("body", "heading")
        credit = TRAILING_CREDIT_RE.search(b.text) if body else None
        twice = _TRAILING_DOUBLED.search(b.text) if body and credit is None else None
        found = split_doubled(twice.group(1)) if twice else None
        if credit is not None:
            start, caption, decided = credit.start(1), credit.group(1), TRAILING_CREDIT
        elif twice is not None and found is not None:
            start, caption, decided = twice.start(1), found, TRAILING_DOUBLED
        else:
            out.append(b)
            continue
        out.append(replace(b, text=b.text[:start].rstrip(), kind="body", rule=None))
        last = b.lines[-1]
        on_last = {"line_start": last, "line_end": last, "lines": (last,)}
        out.append(replace(b, text=caption, kind="caption", rule=decided.id, **on_last))
        if found is not None:
            out.append(second_copy(found, last, SECOND_COPY))
    return replace(state, blocks=tuple(out))
