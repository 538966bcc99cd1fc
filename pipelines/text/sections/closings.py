"""Closings: the concluding part of a report or speech after its last numbered item, found
by what opens it, so that it is not counted inside the last item.

* an address to the audience: `各位委员、同志们，在统筹推进疫情防控和经济社会发展这场大考中…`,
  `各位代表！`, `同志们，美好未来需要我们一起创造。`;
* closing remarks announced: `最后，我就全会决议稿、决定稿作个简要说明。`;
* the closing exhortation: `让我们更加紧密地团结在以习近平同志为核心的党中央周围…`.

An opener is only a candidate here: a closing must come after a heading of the document,
and the tree (`tree.py`) keeps it only where it ends a list (what follows it is a heading
of a higher level, or nothing), at the level of the part it closes: the document's
closing at the top, a part's closing under that part."""

from __future__ import annotations

from ..documents.text import plain, remove_layout_spaces
from ..passes import Counters, rule, stage_pass
from ..patterns import ADDRESS_OPENING_RE, EXHORTATION_RE, FINAL_REMARKS_RE
from .leads import lead_title
from .state import Head, SectionState

ADDRESS = rule(
    "sections.closings.address",
    "a closing opened by an address to the audience (`各位委员、同志们，…`): kind `closing`",
)
FINAL_REMARKS = rule(
    "sections.closings.final_remarks",
    "a closing opened by announced final remarks (`最后，我就…作个简要说明。`): kind `closing`",
)
EXHORTATION = rule(
    "sections.closings.exhortation",
    "a closing opened by the closing exhortation (`让我们…`): kind `closing`",
)


def closing_head(text: str, k: int) -> Head | None:
    """The closing a paragraph opens, if its opening words are those of a closing."""
    m = ADDRESS_OPENING_RE.match(text)
    if m:
        title = remove_layout_spaces(m.group(0))
        return Head(k, "closing", "closing", "", title, ADDRESS.id)
    for pattern, found in ((FINAL_REMARKS_RE, FINAL_REMARKS), (EXHORTATION_RE, EXHORTATION)):
        if pattern.match(text):
            title = lead_title(text)
            if title:
                return Head(k, "closing", "closing", "", title, found.id)
    return None


@stage_pass("sections.closings.find", requires=("doc", "heads"), assigns=("heads",))
def find(state: SectionState, counters: Counters) -> SectionState:
    """Paragraphs after the document's first heading that open like a closing (an address,
    announced final remarks, the exhortation): candidates the tree keeps where they end a
    list."""
    if not state.heads:
        return state
    first = state.heads[0].index
    claimed = state.claimed()
    found = []
    for k in range(first + 1, len(state.blocks)):
        block = state.blocks[k]
        if k in claimed or block.kind != "body":
            continue
        head = closing_head(plain(block.text), k)
        if head is not None:
            found.append(head)
    return state.with_heads(found)
