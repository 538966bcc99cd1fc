"""Unnumbered subheads: the short heading lines a magazine article (or a news round-up)
prints between its paragraphs (`制度供给“靶向发力”`, `关键词 现代产业体系`,
`感悟思想伟力` / `锤炼理想信念`), and the second printed line of a ● subhead
(`●展现争先姿态` / `奋力打赢两场“硬仗”`). A subhead's label is empty.

A heading line is a subhead by its shape and its place: a phrase with no sentence mark,
not a title, subtitle or label the documents stage decided (those carry a `documents.*`
rule), after the document's first paragraph and followed by text."""

from __future__ import annotations

import re
from dataclasses import replace

from ..documents.text import flat, plain, remove_layout_spaces
from ..params import SUBHEAD_MAX_CHARS, SUBHEAD_MAX_LINES
from ..passes import Counters, rule, stage_pass
from ..patterns import BULLET_RE, HAN, SENTENCE_MARKS_RE
from .state import Head, SectionState

SUBHEAD = rule(
    "sections.subheads.heading_line",
    "an unnumbered heading line between paragraphs (`制度供给“靶向发力”`): kind `subhead`",
)
SECOND_LINE = rule(
    "sections.subheads.second_line",
    "the second printed line of a subhead (`●展现争先姿态` / `奋力打赢两场“硬仗”`): "
    "part of its title, no section of its own",
)
GLUED_LINE = rule(
    "sections.subheads.glued_line",
    "the second line of a subhead that the reflow ran into the paragraph under it "
    "(`●放大特色优势` / `凸显“政治味”“杭州味”“通过…`): part of the title, the paragraph stays whole",
)

_TEXT_KINDS = {"body", "quote"}
#: The speaker or subject a headline names before its colon (two to eight characters).
_HEADLINE_SOURCE_RE = re.compile(f"^[{HAN}·]{{2,8}}[：:](?=.)")
_QUOTES = ("“”", "‘’", "「」")


def heading_shape(text: str) -> bool:
    """A phrase that can be a heading line: short, no sentence mark, quotes closed, not a
    bullet or a dash subtitle (`制度供给“靶向发力”`, `关键词 现代产业体系`). A news
    headline may name who speaks or whom it portrays before a colon
    (`国际组织报告：全球童工人数增至1.6亿`, `包起帆：用智慧创造性地劳动`)."""
    squeezed = flat(plain(text))
    if not 2 <= len(squeezed) <= SUBHEAD_MAX_CHARS:
        return False
    marks = _HEADLINE_SOURCE_RE.sub("", squeezed).replace("《", "").replace("》", "")
    if SENTENCE_MARKS_RE.search(marks):
        return False  # a book title is no sentence mark: `电视剧《金色索玛花》今晚开播`
    if any(squeezed.count(a) != squeezed.count(b) for a, b in _QUOTES) or squeezed.count('"') % 2:
        return False
    return not (BULLET_RE.match(squeezed) or squeezed.startswith("—"))


def _line(text: str) -> str:
    return remove_layout_spaces(plain(text))


def _free_heading(state: SectionState, k: int, claimed: set[int]) -> bool:
    """A heading line no pass and no title decision took, shaped like a heading."""
    if k >= len(state.blocks) or k in claimed:
        return False
    block = state.blocks[k]
    from_documents = (block.rule or "").startswith("documents.")
    return block.kind == "heading" and not from_documents and heading_shape(block.text)


def _text_follows(state: SectionState, k: int) -> bool:
    """Text (after any captions) follows block k."""
    for block in state.blocks[k + 1 :]:
        if block.kind != "caption":
            return block.kind in _TEXT_KINDS
    return False


@stage_pass("sections.subheads.find", requires=("doc", "heads"), assigns=("heads",))
def find(state: SectionState, counters: Counters) -> SectionState:
    """Unnumbered subheads (one or two heading lines between paragraphs), and the second
    printed line of a subhead or ● bullet, kept apart by the reflow or run into the text."""
    claimed = state.claimed()
    heads: list[Head] = []
    for head in state.heads:
        if head.kind == "bullet" and head.standalone:
            head = _with_next_line(state, head, claimed, counters)
        heads.append(head)
    k = state.body_start
    while k < len(state.blocks):
        after_text = k == 0 or state.blocks[k - 1].kind != "heading"
        if _free_heading(state, k, claimed) and after_text:
            lines = _subhead_lines(state, k, claimed)
            if lines:
                title = "".join(_line(state.blocks[j].text) for j in lines)
                head = Head(k, "subhead", "subhead", "", title, SUBHEAD.id, standalone=True)
                head = replace(head, extra=tuple(lines[1:]))
                if len(lines) > 1:
                    counters.add(SECOND_LINE.id)
                heads.append(head)
                claimed.update(lines)
                k = lines[-1] + 1
                continue
        k += 1
    heads = _with_glued_lines(state, heads, counters)
    return type(state)(state.doc, state.line_text, tuple(sorted(heads, key=lambda h: h.index)))


def _with_glued_lines(state: SectionState, heads: list[Head], counters: Counters) -> list[Head]:
    """Where the other subheads (or bullets) of a document are printed on two lines, one
    printed on one line lost its second line to the paragraph under it."""
    out = []
    for head in heads:
        two_lines = sum(1 for h in heads if h.kind == head.kind and h.standalone and h.extra)
        alone = head.kind in {"bullet", "subhead"} and head.standalone and not head.extra
        if alone and two_lines >= 2:
            head = _with_glued_line(state, head, counters)
        out.append(head)
    return out


def _subhead_lines(state: SectionState, k: int, claimed: set[int]) -> list[int]:
    """The heading lines of a subhead starting at block k (one or two), when text follows."""
    lines = [k]
    while (
        len(lines) < SUBHEAD_MAX_LINES
        and _free_heading(state, lines[-1] + 1, claimed)
        and not _text_follows(state, lines[-1])
    ):
        lines.append(lines[-1] + 1)
    return lines if _text_follows(state, lines[-1]) else []


def _with_next_line(state: SectionState, head: Head, claimed: set[int], counters: Counters) -> Head:
    """A ● bullet line and the heading line printed under it are one title."""
    nxt = head.index + 1
    if _free_heading(state, nxt, claimed) and _text_follows(state, nxt):
        claimed.add(nxt)
        counters.add(SECOND_LINE.id)
        title = head.title + _line(state.blocks[nxt].text)
        return replace(head, title=title, extra=(nxt,))
    return head


def _with_glued_line(state: SectionState, head: Head, counters: Counters) -> Head:
    """A heading whose second printed line the reflow ran into the paragraph under it:
    the paragraph's first line is a phrase, no longer than its other lines."""
    nxt = head.index + 1
    if state.line_text is None or nxt >= len(state.blocks):
        return head
    block = state.blocks[nxt]
    if block.kind != "body" or len(block.lines) < 3:
        return head
    texts = [state.line_text(n) or "" for n in block.lines[:4]]
    first, rest = flat(texts[0]), [flat(t) for t in texts[1:-1]]
    if not first or not heading_shape(first) or not rest:
        return head
    if len(first) > min(len(t) for t in rest) or not flat(block.text).startswith(first):
        return head
    counters.add(GLUED_LINE.id)
    return replace(head, title=head.title + _line(texts[0]))
