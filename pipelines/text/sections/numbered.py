"""Numbered, markdown and bullet headings: the headings a block opens with by its printed
number (`一、`, `（一）`, `1．`, `第一章`), its markdown level (`## …`) or its bullet (`●`)."""

from __future__ import annotations

from ..documents.text import flat, plain, remove_layout_spaces
from ..passes import Counters, rule, stage_pass
from .numbering import ParsedHeading, parse_heading
from .state import Head, SectionState
from .subheads import heading_shape

NUMBERED = rule(
    "sections.numbered.scheme",
    "a heading numbered as printed (`一、`, `（一）`, `1．`, `第一章`): kind `numbered`",
)
MARKDOWN = rule("sections.numbered.markdown", "a markdown heading (`## …`): kind `markdown`")
BULLET = rule(
    "sections.numbered.bullet", "a ● subhead of a magazine article (`●领导带头 以上率下`)"
)
GLUED_BULLET = rule(
    "sections.numbered.glued_bullet",
    "a ● subhead line the reflow ran into its paragraph (`●突出“四下基层”推动解题破难` / "
    "`沉到一线，…`): the printed line is the title, the paragraph stays whole",
)


@stage_pass("sections.numbered.find", requires=("doc",), assigns=("heads",))
def find(state: SectionState, counters: Counters) -> SectionState:
    """Headings numbered as printed (`一、` `（一）` `1．` `第一章`), markdown headings and ● bullet
    subheads, after the document's title block; their sequences are checked by the tree."""
    found = []
    for k in range(state.body_start, len(state.blocks)):
        head = _head(state, k)
        if head is not None:
            found.append(head)
    return state.with_heads(found)


def _head(state: SectionState, k: int) -> Head | None:
    block = state.blocks[k]
    parsed = parse_heading(block)
    if parsed is None or (parsed.scheme == "bullet" and block.kind == "body"):
        return _glued_bullet(state, k) or _head_of(parsed, k)
    return _head_of(parsed, k)


def _head_of(parsed: ParsedHeading | None, k: int) -> Head | None:
    if parsed is None:
        return None
    if parsed.scheme.startswith("md"):
        kind, found = "markdown", MARKDOWN
    elif parsed.scheme == "bullet":
        kind, found = "bullet", BULLET
    else:
        kind, found = "numbered", NUMBERED
    return Head(
        index=k,
        kind=kind,
        scheme=parsed.scheme,
        label=parsed.label,
        title=parsed.title,
        rule=found.id,
        number=parsed.number,
        standalone=parsed.standalone,
    )


def _glued_bullet(state: SectionState, k: int) -> Head | None:
    """A body paragraph opening with `●` whose first printed line is a heading by its shape
    (no sentence mark, a phrase of its own): that line is the bullet's title."""
    block = state.blocks[k]
    if block.kind != "body" or not plain(block.text).startswith("●") or state.line_text is None:
        return None
    first = state.line_text(block.lines[0]) if block.lines else None
    if first is None or len(block.lines) < 2:
        return None
    title = remove_layout_spaces(plain(first).lstrip("●").strip())
    if not title or not flat(block.text).startswith("●" + flat(title)) or not heading_shape(title):
        return None
    return Head(k, "bullet", "bullet", "●", title, GLUED_BULLET.id)
