"""The layout stage: the passes from a source's lines to its blocks, in order.

Repairs of wrapped or scrambled sources run around the layout proper: a CSV export is
unwrapped before it, collapsed paragraphs are split and repeated pages set aside after it.
"""

from __future__ import annotations

from ..model import Block, Line
from ..passes import Pass, Stats, run_passes
from ..repair import collapsed, csv_export, repeated_pages
from . import credits, lines, reflow
from .regions import REGION_PASSES
from .state import LayoutState

#: From lines to reflowed blocks: the layout proper.
RECOVERY_PASSES: tuple[Pass, ...] = (
    lines.read_lines,
    lines.classify_lines,
    *REGION_PASSES,
    reflow.reflow,
    credits.split_trailing,
    reflow.line_order,
)

#: The whole stage, as the build runs it.
LAYOUT_PASSES: tuple[Pass, ...] = (
    csv_export.unwrap,
    *RECOVERY_PASSES,
    collapsed.split_collapsed,
    repeated_pages.mark_copies,
    csv_export.merge_syntax,
)


def recover_layout(source_lines: list[Line], stats: Stats | None = None) -> list[Block]:
    """Reflow raw lines into paragraph blocks and removed blocks, in raw-line order.

    Never raises: on an internal error the lines come back one block per line, so that a
    bad input degrades the output instead of stopping the pipeline.
    """
    try:
        state = run_passes(RECOVERY_PASSES, LayoutState(tuple(source_lines)), stats)
    except Exception:  # pragma: no cover - defensive: the stage must never raise
        return _one_block_per_line(source_lines)
    return list(state.blocks)


def layout_blocks(
    source_lines: list[Line], stats: Stats | None = None
) -> tuple[list[Block], dict[str, str] | None]:
    """The blocks of one source as the documents stage sees them (a CSV export unwrapped,
    the layout recovered, collapsed paragraphs split, repeated pages set aside), and the
    CSV export's metadata columns (None when the source is no CSV export). Never raises."""
    try:
        state = run_passes(LAYOUT_PASSES, LayoutState(tuple(source_lines)), stats)
    except Exception:  # pragma: no cover - defensive: the stage must never raise
        return _one_block_per_line(source_lines), None
    return list(state.blocks), state.csv_metadata


def _one_block_per_line(source_lines: list[Line]) -> list[Block]:
    return [
        Block(text=ln.text.strip(), line_start=ln.number, line_end=ln.number, lines=(ln.number,))
        for ln in source_lines
        if ln.text.strip()
    ]
