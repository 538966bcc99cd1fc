"""Titles that the reflow glued to a paragraph, or printed on one line with their
subtitle: split off as heading blocks of their own."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block
from ..passes import Counters, rule, stage_pass
from ..patterns import DELIVERED_RE, HEADING_NUMBER_RE
from .blocks import OFFICE_NAME_RE
from .state import DocumentState
from .text import ends_sentence, flat
from .toc import Contents, toc_key

CONTENTS_TITLE = rule(
    "documents.titles.contents_title",
    "a title the contents page confirms, glued to the end of a paragraph: a heading",
)
TITLE_WITH_SUBTITLE = rule(
    "documents.titles.title_with_subtitle",
    "a title and its delivery subtitle printed on one line: two headings",
)
GLUED_TITLE = rule(
    "documents.titles.glued_title",
    "a document's title (…的通知, …上的报告) glued to the paragraph after it: a heading",
)

# a title and its delivery subtitle printed on one line: `政府工作报告——2009年3月5日在…会议上`
_TITLE_WITH_SUBTITLE_RE = re.compile(r"^(?P<title>[^。！？；，：、《》—\s]{2,40}?)(?P<sub>——.+)$")
_GLUED_TITLE_RE = re.compile(
    r"^(?P<title>[^。！？；，：《》—\s]{6,80}?"
    r"(?:(?=——)|的通知|的意见|的决定|的报告|上的讲话|讲话摘要|的说明|纪实))"
    r"(?P<sub>——[^。！？；《》]{4,60}?(?:上的报告|上的讲话|上的说明))?"
    r"(?P<date>[（(]\d{4}年\d{1,2}月\d{1,2}日[）)])?"
    r"(?=[^》”）要精和及、，。—])"
)


@stage_pass(
    "documents.titles.split_contents_titles", requires=("kept", "contents"), assigns=("kept",)
)
def split_contents_titles(state: DocumentState, counters: Counters) -> DocumentState:
    """A title line the reflow glued to the end of a paragraph, when the contents page
    confirms it (`…成事之在思想淬炼中谱写新时代胆剑篇`): give it a block of its own."""
    kept = list(state.kept or ())
    if not state.contents:
        return state
    out: list[Block] = []
    for block in kept:
        multi = block.kind == "body" and len(block.lines) > 1
        cut = _contents_tail(block, state.contents) if multi else None
        if cut is None:
            out.append(block)
            continue
        head, tail = block.text[:cut].rstrip(), block.text[cut:].strip()
        per_line = max(1, len(flat(head)) // max(1, len(block.lines) - 1))
        n_tail = min(len(block.lines) - 1, max(1, round(len(flat(tail)) / per_line)))
        head_lines, tail_lines = block.lines[:-n_tail], block.lines[-n_tail:]
        out.append(replace(block, text=head, line_end=head_lines[-1], lines=head_lines))
        out.append(
            replace(
                block,
                text=tail,
                kind="heading",
                line_start=tail_lines[0],
                lines=tail_lines,
                rule=CONTENTS_TITLE.id,
            )
        )
    return replace(state, kept=tuple(out))


def _contents_tail(block: Block, contents: Contents) -> int | None:
    """Offset in block.text where a contents-page title ends the block, or None: the first
    entry (in contents order) whose key is that of a tail of the block at least as long as
    the key and at most about twice it (layout spaces and doubled art left out), at the
    shortest such tail. Each tail is looked up by its key, so that the work does not grow
    with the number of entries."""
    text = block.text.rstrip()
    if ends_sentence(text):
        return None
    positions = [i for i, c in enumerate(text) if not c.isspace()]
    squeezed = "".join(text[i] for i in positions)
    best: tuple[int, int] | None = None  # (entry index, tail length)
    for length in range(1, min(len(squeezed) - 1, 2 * contents.longest + 2) + 1):
        tail = squeezed[-length:]
        if tail[0] not in contents.first_chars:
            continue
        found = contents.index.get(toc_key(tail))
        if found is None or (best is not None and found >= best[0]):
            continue
        key = contents.entries[found].key
        if tail[0] == key[0] and len(key) <= length <= 2 * len(key) + 2:
            best = (found, length)
    return None if best is None else positions[len(squeezed) - best[1]]


@stage_pass("documents.titles.split_title_subtitle", requires=("kept",), assigns=("kept",))
def split_title_subtitle(state: DocumentState, counters: Counters) -> DocumentState:
    """A short title and its delivery subtitle printed on one line (`政府工作报告——2009年
    3月5日在…会议上`): two heading blocks on that line."""
    out: list[Block] = []
    for block in state.kept or ():
        squeezed = flat(block.text)
        heading_or_body = block.kind in {"body", "heading"}
        m = _TITLE_WITH_SUBTITLE_RE.match(squeezed) if heading_or_body else None
        speaker = _speaker_after(block.text) if m else None
        delivered = m is not None and bool(
            DELIVERED_RE.match(flat(speaker[0] if speaker else m.group("sub")))
        )
        if m is None or not delivered or HEADING_NUMBER_RE.match(squeezed):
            out.append(block)
            continue
        cut = block.text.index("——")
        decided = TITLE_WITH_SUBTITLE.id
        out.append(replace(block, text=block.text[:cut].strip(), kind="heading", rule=decided))
        sub_level = block.md_level + 1 if block.md_level is not None else None  # under its title
        sub = speaker[0] if speaker else block.text[cut:].strip()
        out.append(replace(block, text=sub, kind="heading", md_level=sub_level, rule=decided))
        if speaker:
            out.append(replace(block, text=speaker[1], kind="heading", md_level=None, rule=decided))
    return replace(state, kept=tuple(out))


def _speaker_after(text: str) -> tuple[str, str] | None:
    """A delivery subtitle with the speaker's office and name printed after it on the same
    line (`——2017年3月5日在…会议上国务院总理　李克强`): (the subtitle, the office and name)."""
    sub = text[text.index("——") :].strip()
    for k in range(len(sub) - 1, 1, -1):
        head, tail = sub[:k].strip(), sub[k:].strip()
        if tail and OFFICE_NAME_RE.match(tail) and DELIVERED_RE.match(flat(head)):
            return head, tail
    return None


@stage_pass("documents.titles.split_glued_titles", requires=("kept",), assigns=("kept",))
def split_glued_titles(state: DocumentState, counters: Counters) -> DocumentState:
    """A title the reflow glued to the paragraph after it (`…会议上的报告这次会议…`,
    `…的通知各区、县（市）党委…：`, `…奋斗——在…上的报告（2022年10月16日）…`): the title,
    its subtitle and its date become blocks of their own."""
    out: list[Block] = []
    for block in state.kept or ():
        text = block.text.strip()
        m = _GLUED_TITLE_RE.match(text) if block.kind in {"body", "heading"} else None
        if m and m.group("title").endswith(tuple("的之和与在对")):
            m = None
        rest = text[m.end() :].strip() if m else ""
        if not m or len(rest) < 4 or HEADING_NUMBER_RE.match(text) or len(block.lines) < 2:
            out.append(block)
            continue
        parts = [(p, "heading") for p in m.group("title", "sub", "date") if p] + [(rest, "body")]
        out.extend(_parts_on_lines(block, parts, len(text)))
    return replace(state, kept=tuple(out))


def _parts_on_lines(block: Block, parts: list[tuple[str, str]], total: int) -> list[Block]:
    """The parts of a block's text, each on its share of the block's lines (at least one)."""
    out = []
    lines = list(block.lines)
    total = max(1, total)
    for k, (part, kind) in enumerate(parts):
        left = len(parts) - k - 1
        if left == 0:
            take = lines
        else:
            share = round(len(part) / total * len(block.lines))
            take = lines[: max(1, min(len(lines) - left, share))]
        lines = lines[len(take) :] or take[-1:]
        decided = GLUED_TITLE.id if kind == "heading" else None
        out.append(
            replace(
                block,
                text=part,
                kind=kind,
                line_start=take[0],
                line_end=take[-1],
                lines=tuple(take),
                rule=decided,
            )
        )
    return out
