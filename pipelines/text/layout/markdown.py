"""Markdown in a source: the markup of a heading (`## `) or of a note (`> `, `- `) goes to a
removed block, so that the heading or note text is clean."""

from __future__ import annotations

from ..model import Block
from ..passes import Rule, rule
from .lines import md_note_parts, md_parts
from .shape import clean_spaces
from .state import LineItem

HEADING_MARKUP = rule(
    "layout.markdown.heading_markup", "markdown markup `##` stripped from the heading", "markup"
)
NOTE_MARKUP = rule(
    "layout.markdown.note_markup",
    "markdown markup `>` or `-` stripped from a source or metadata note",
    "markup",
)


def _markup_block(n: int, markup: str, what: str, found: Rule) -> Block:
    return Block(
        text=markup,
        line_start=n,
        line_end=n,
        kind="removed",
        removed_kind=found.removed_kind,
        reason=f"markdown markup `{markup}` stripped from {what}",
        lines=(n,),
        rule=found.id,
    )


def md_note_blocks(it: LineItem) -> list[Block] | None:
    """`> 原文：URL`, `- 数据源：…`: the markdown markup goes to a removed block, the rest
    is a note paragraph (kept: it says where the text comes from); None for another note."""
    parts = md_note_parts(it.text)
    if parts is None:
        return None
    markup, note = parts
    n = it.line.number
    return [
        _markup_block(n, markup, "a source or metadata note", NOTE_MARKUP),
        Block(
            text=clean_spaces(note), line_start=n, line_end=n, kind="note", lines=(n,), rule=it.rule
        ),
    ]


def markdown_blocks(it: LineItem) -> list[Block]:
    """`## Title`: the markup goes to a removed block so that the heading text is clean."""
    n = it.line.number
    parts = md_parts(it.text)
    if parts is None:  # pragma: no cover - the line rules only say md when it matches
        return [Block(text=it.text, line_start=n, line_end=n, lines=(n,))]
    level, markup, title = parts
    return [
        _markup_block(n, markup, "the heading", HEADING_MARKUP),
        Block(
            text=clean_spaces(title),
            line_start=n,
            line_end=n,
            kind="heading",
            md_level=level,
            lines=(n,),
            rule=it.rule,
        ),
    ]
