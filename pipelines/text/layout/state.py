"""The state the layout passes hand on: the source's lines, then one item per non-blank
line with what the rules made of it, then the blocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..model import Block, Line
from ..passes import Counters, Pass, Rule, stage_pass


@dataclass(frozen=True, slots=True)
class LineItem:
    """A non-blank line with what the line and region rules made of it. Frozen: a pass
    that changes an item puts a new one in its place (`set_aside`, `decide`, `replace`)."""

    line: Line
    gap: int  # blank lines before it (since the previous non-blank line)
    text: str  # stripped text
    width: float  # `shape.width(text)`, worked out once (the rules read it, never the text's)
    kind: str = "text"  # text | removed | caption | note | heading | md
    removed_kind: str | None = None
    reason: str | None = None
    md_level: int | None = None
    group: int | None = None  # items sharing a group id form one block
    doubled: str | None = None  # second copy of a line the OCR read twice (set aside)
    rule: str | None = None  # the rule that set it aside or decided its kind

    def set_aside(self, found: Rule, group: int | None = None) -> LineItem:
        """The line removed by a rule (with the rule's reason), in a group or alone."""
        return replace(
            self,
            kind="removed",
            removed_kind=found.removed_kind,
            reason=found.reason,
            group=group,
            rule=found.id,
        )

    def decide(self, kind: str, found: Rule, group: int | None = None) -> LineItem:
        """The line with the kind a rule decided (a caption, a note, a heading)."""
        return replace(self, kind=kind, rule=found.id, group=self.group if group is None else group)


@dataclass(frozen=True, slots=True)
class LayoutState:
    """What the layout passes read and write.

    `lines`: the source's normalised lines (unwrapped when the source is a CSV export);
    `set_aside`: the CSV syntax taken out, merged into the blocks by the last pass;
    `items`: one per non-blank line until the reflow turns them into `blocks`."""

    lines: tuple[Line, ...]
    csv_metadata: dict[str, str] | None = None
    set_aside: tuple[Block, ...] = ()
    items: tuple[LineItem, ...] = ()
    blocks: tuple[Block, ...] = ()

    def units(self) -> tuple[Any, ...]:
        return self.set_aside + self.items + self.blocks


class Claims(list[LineItem]):
    """The list of items a region rule gets: it may put a new item in the place of a line
    it claims, never add, drop or move one; the list knows whether it did (`changed`)."""

    __slots__ = ("changed",)

    def __init__(self, items: tuple[LineItem, ...]) -> None:
        super().__init__(items)
        self.changed = False

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            raise TypeError("a region rule puts items in place one by one")
        self.changed = True
        super().__setitem__(index, value)

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a region rule never adds, drops or moves a line's item")

    append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __delitem__ = __iadd__ = __imul__ = _refuse


def region_pass(pass_id: str) -> Callable[[Callable[[list[LineItem]], None]], Pass]:
    """Register a region rule `(items) -> None` as a pass. The rule gets a list of its
    own (`Claims`), and puts a new item in the place of each line it claims (items are
    frozen), so that the state it was given stays as it was; a rule that claimed no line
    gives that state back."""

    def register(fn: Callable[[list[LineItem]], None]) -> Pass:
        def run(state: LayoutState, counters: Counters) -> LayoutState:
            items = Claims(state.items)
            fn(items)
            return replace(state, items=tuple(items)) if items.changed else state

        run.__doc__ = fn.__doc__
        run.__name__ = fn.__name__
        return stage_pass(pass_id, requires=("items",), assigns=("items",))(run)

    return register
