"""Bylines that the layout could not see: a `■杨 晨` line it took for a pull-quote, a run-in
newspaper byline at the start of a paragraph."""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, DocumentSpan
from ..passes import Counters, rule, stage_pass
from ..patterns import BYLINE_MARKS
from .names import parse_byline, parse_runin_byline
from .state import DocumentState

RESCUED = rule(
    "documents.bylines.rescued",
    "a `■杨 晨` line set aside as a pull-quote or furniture is a byline: back to the text",
)
RUN_IN = rule(
    "documents.bylines.run_in",
    "a run-in byline at a paragraph's start (`记者… 通讯员…报道`): a byline block",
)


@stage_pass("documents.bylines.rescue", requires=("blocks",), assigns=("blocks",))
def rescue(state: DocumentState, counters: Counters) -> DocumentState:
    """A `■杨 晨` line is a byline, not a pull-quote: give it back to the text."""
    blocks = []
    for block in state.blocks:
        text = block.text.strip()
        if (
            block.removed
            and block.removed_kind in {"pull_quote", "page_furniture"}
            and parse_byline(text)
            and text[:1] in BYLINE_MARKS
        ):
            block = replace(block, kind="byline", removed_kind=None, reason=None, rule=RESCUED.id)
        blocks.append(block)
    return replace(state, blocks=tuple(blocks))


@stage_pass("documents.bylines.split_run_in", requires=("kept",), assigns=("kept",))
def split_run_in(state: DocumentState, counters: Counters) -> DocumentState:
    """`记者… 通讯员…报道 “韩涛…` -> a byline block and the body block, same lines."""
    out: list[Block] = []
    for block in state.kept or ():
        found = parse_runin_byline(block.text) if block.kind == "body" else None
        if found:
            byline = found[0]
            rest = block.text[block.text.index(byline) + len(byline) :].lstrip()
            out.append(
                replace(
                    block,
                    text=byline,
                    kind="byline",
                    line_end=block.line_start,
                    lines=block.lines[:1],
                    rule=RUN_IN.id,
                )
            )
            if rest:
                out.append(replace(block, text=rest))
            continue
        out.append(block)
    return replace(state, kept=tuple(out))


def take_byline(doc: DocumentSpan, k: int, decided: str) -> None:
    """Block `k` of the document is its byline: its names and roles are the document's
    authors unless it has them already."""
    block = doc.blocks[k]
    if block.kind != "byline":
        doc.blocks[k] = replace(block, kind="byline", rule=decided)
    if doc.authors:
        return
    parsed = parse_byline(block.text)
    if parsed:
        doc.authors, doc.author_roles = parsed
        return
    runin = parse_runin_byline(block.text)
    if runin:
        doc.authors, doc.author_roles = runin[1], runin[2]
