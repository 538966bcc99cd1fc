"""The reflow: the lines of each printed paragraph joined into one block, in raw-line order.

A text line opens a new paragraph when a break rule says so (`breaks.BREAK_RULES`); a
paragraph goes on across removed furniture, and across titles, labels and captions that a
flattened page set in its middle (`insertions`); lines that a region grouped become one
block; captions, notes and markdown headings are blocks of their own.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block
from ..params import SHORT_LINE_MARGIN
from ..passes import Counters, rule, stage_pass
from ..patterns import ORG_LINE_RE, PLACE_LABEL_RE, SENTENCE_MARKS_RE
from . import columns
from .breaks import LineShape, Pair, decide_break
from .credits import second_copy
from .insertions import (
    LABEL_WORD,
    body_like,
    is_insertion,
    open_line,
    printed_twice,
    resumption,
    titles_over_labels,
)
from .markdown import markdown_blocks, md_note_blocks
from .regions.captions import SECOND_COPY
from .shape import join_lines, looks_like_heading
from .state import LayoutState, LineItem

HEADING_SHAPE = rule(
    "layout.reflow.heading_shape",
    "a short paragraph that does not end a sentence: an obvious title or heading",
)
TITLE_OVER_LABEL = rule(
    "layout.reflow.title_over_label",
    "a title printed over a place label stands alone; the paragraph it cut does not go on",
)
ACROSS_FURNITURE = rule(
    "layout.reflow.across_furniture",
    "a title or label line never continues a paragraph across removed furniture",
)
INSERTED = rule(
    "layout.reflow.inserted",
    "a title, label or display line the page set in the middle of a cut paragraph: its own "
    "block, and the paragraph goes on after it",
)
RUNNING_ORGANISATION = rule(
    "layout.reflow.running_organisation",
    "an organisation's name the page prints at its foot or head, set in the middle of a cut "
    "paragraph with a caption (`…砥` / `国家税务总局浙江省税务局` / caption / `砺奋进力量。`)",
    "page_furniture",
)


def _removed_block(its: list[LineItem]) -> Block:
    first = its[0]
    return Block(
        text="\n".join(it.text for it in its),
        line_start=first.line.number,
        line_end=its[-1].line.number,
        kind="removed",
        removed_kind=first.removed_kind,
        reason=first.reason,
        lines=tuple(it.line.number for it in its),
        rule=first.rule,
    )


def _para_block(its: list[LineItem], kind: str, decided: str | None = None) -> Block:
    text = join_lines([it.text for it in its])
    if kind == "body" and looks_like_heading(text):
        kind, decided = "heading", HEADING_SHAPE.id
    return Block(
        text=text,
        line_start=its[0].line.number,
        line_end=its[-1].line.number,
        kind=kind,
        lines=tuple(it.line.number for it in its),
        rule=decided,
    )


class _Reflow:
    """The reflow of one source's items, line by line."""

    def __init__(self, items: list[LineItem], counters: Counters) -> None:
        self.items = items
        self.counters = counters
        self.per_line = columns.paragraph_per_line(items)
        self.per_line_at = columns.per_line_here(items, self.per_line)
        self.base_gap = columns.base_gap(items)
        self.cols = columns.local_widths(items)
        self.alone = titles_over_labels(items)
        self.alone_ids = {id(items[i]) for i in self.alone}
        self.labels = printed_twice(items)
        self.blocks: list[Block] = []
        self.current: list[LineItem] = []  # the lines of the open paragraph
        self.prev_text: LineItem | None = None  # its last text line
        self.prev_index = -1
        self.groups: dict[int, list[LineItem]] = {}
        self.crossed = False  # removed furniture since the last text line of the paragraph
        self.inserted: set[int] = set()  # lines the page set in the middle of a cut sentence
        self.resume_at = -1  # the line where that sentence goes on
        self.title: list[LineItem] = []  # the lines of the last inserted block
        self.shapes: list[LineShape | None] = [None] * len(items)  # of the text lines

    def shape(self, i: int) -> LineShape:
        """What the break rules read of text line `i` (worked out once)."""
        found = self.shapes[i]
        if found is None:
            found = self.shapes[i] = LineShape(self.items[i])
        return found

    def run(self) -> list[Block]:
        for i, it in enumerate(self.items):
            if it.group is not None:
                self.groups.setdefault(it.group, []).append(it)
                if it.kind in ("heading", "md"):
                    self.flush()
                    self.prev_text = None
            elif it.kind == "removed":
                self.blocks.append(_removed_block([it]))
                self.crossed = bool(self.current)
            elif it.kind in ("caption", "note"):
                self.caption_or_note(it)
            elif it.kind == "md":
                self.flush()
                self.prev_text = None
                self.blocks.extend(markdown_blocks(it))
            else:
                self.text_line(i, it)
        self.flush()
        for its in self.groups.values():
            self.blocks.append(self.group_block(its))
        return self.blocks

    def flush(self, cut: bool = False) -> None:
        """Close the open paragraph. cut: it goes on after a title set in its middle (a
        body, then)."""
        if self.current:
            block = _para_block(self.current, "body")
            if cut and SENTENCE_MARKS_RE.search(block.text):
                block.kind, block.rule = "body", None
            self.blocks.append(block)
        self.current = []

    def caption_or_note(self, it: LineItem) -> None:
        if it.doubled:
            self.blocks.append(second_copy(it.doubled, it.line.number, SECOND_COPY))
        notes = md_note_blocks(it) if it.kind == "note" else None
        if notes:
            self.blocks.extend(notes)
        else:
            self.blocks.append(_para_block([it], it.kind, it.rule))

    def group_block(self, its: list[LineItem]) -> Block:
        head = its[0]
        if head.kind == "removed":
            return _removed_block(its)
        if head.kind == "heading":
            return _para_block(its, "heading", head.rule)
        kind = head.kind if head.kind != "text" else "body"
        return _para_block(its, kind, head.rule if kind != "body" else None)

    def text_line(self, i: int, it: LineItem) -> None:
        if (
            self.current
            and self.prev_text is not None
            and i not in self.inserted
            and i != self.resume_at
        ):
            self.find_insertion(i, it)
        if i in self.inserted:  # its own block; the cut paragraph stays open
            self.inserted_line(i, it)
            return
        if i == self.resume_at:
            pass  # the cut sentence goes on here
        elif self.current and self.prev_text is not None:
            if self.breaks_before(i, it, self.prev_text):
                self.flush()
        elif self.current:
            self.flush()
        self.current.append(it)
        self.prev_text, self.prev_index = it, i
        self.crossed = False

    def find_insertion(self, i: int, it: LineItem) -> None:
        """Lines set in the middle of the open paragraph from `i` on, and where it goes on."""
        items, prev_text = self.items, self.prev_text
        assert prev_text is not None
        col = self.cols[self.prev_index]
        if (
            (it.gap <= self.base_gap or items[i - 1] is not prev_text)  # no paragraph gap
            and open_line(self.shape(self.prev_index), col, first=len(self.current) == 1)
            and (i in self.alone or (self.shape(i).unpunctuated and is_insertion(it, col)))
            and body_like(self.current, col, self.alone_ids)
        ):
            r = resumption(items, i, col, self.alone, self.labels)
            if r is not None:
                self.inserted.update(k for k in range(i, r) if items[k].kind == "text")
                self.resume_at = r

    def inserted_line(self, i: int, it: LineItem) -> None:
        """A line set in a cut paragraph: a block of its own (a title over two lines one);
        an organisation's name alone there is the page's running head, set aside."""
        if ORG_LINE_RE.match("".join(it.text.split())):
            self.counters.add(RUNNING_ORGANISATION.id)
            self.blocks.append(_removed_block([it.set_aside(RUNNING_ORGANISATION)]))
            self.title = []
            return
        self.counters.add(INSERTED.id)
        items = self.items
        if (
            i - 1 in self.inserted
            and self.title  # (not after a running head set aside)
            and not any(LABEL_WORD.fullmatch(x.text) for x in (items[i - 1], it))
            and not PLACE_LABEL_RE.match(it.text)
        ):  # the next line of a title printed over two lines
            self.blocks.pop()
            self.title.append(it)
        else:
            self.title = [it]
        self.blocks.append(_para_block(self.title, "body"))

    def breaks_before(self, i: int, it: LineItem, prev: LineItem) -> bool:
        """Does a new paragraph start at text line `i`? Counts the rule that decided."""
        col = self.cols[i]
        a, b = self.shape(self.prev_index), self.shape(i)
        if i in self.alone:
            self.counters.add(TITLE_OVER_LABEL.id)
            self.flush(cut=not a.final)
            return False
        title_before = a.width <= col - SHORT_LINE_MARGIN and a.unpunctuated
        label_after = b.width <= col - SHORT_LINE_MARGIN and b.unpunctuated
        if self.crossed and (title_before or label_after):
            self.counters.add(ACROSS_FURNITURE.id)
            return True
        if id(prev) in self.alone_ids:
            self.counters.add(TITLE_OVER_LABEL.id)
            return True
        pair = Pair(a, b, col, self.per_line, self.base_gap, self.per_line_at[i])
        decision, rule_id = decide_break(pair)
        self.counters.add(rule_id)
        return decision


@stage_pass("layout.reflow.paragraphs", requires=("items", "blocks"), assigns=("items", "blocks"))
def reflow(state: LayoutState, counters: Counters) -> LayoutState:
    """Reflow the items into paragraph blocks and removed blocks (the blocks already made,
    the escapes at lines' starts, come after them)."""
    blocks = _Reflow(list(state.items), counters).run() if state.items else []
    return replace(state, items=(), blocks=tuple(blocks) + state.blocks)


@stage_pass("layout.reflow.line_order", requires=("blocks",), assigns=("blocks",))
def line_order(state: LayoutState, counters: Counters) -> LayoutState:
    """Blocks in raw-line order; on one line, a removed block before the text."""
    blocks = sorted(state.blocks, key=lambda b: (b.line_start, 0 if b.removed else 1))
    return replace(state, blocks=tuple(blocks))
