"""Repair a one-row CSV export saved as `.txt`: a header line of column names, then one
record whose last field (quoted, running over many lines) is the real document.

Why: the CSV header, the metadata fields and the quoting would otherwise end up as
paragraphs of the document (and `""` would double every ASCII quote). The CSV syntax goes
to removed `markup` blocks, so that the unwrapped lines and the removed blocks account for
every character; the other columns (`title`, `publish_date`) are handed to the caller.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Block, Line
from ..params import CSV_MIN_COLUMNS
from ..passes import Counters, Rule, rule, stage_pass

if TYPE_CHECKING:
    from ..layout.state import LayoutState

__all__ = ["CsvUnwrap", "unwrap_csv"]

HEADER = rule(
    "repair.csv_export.header",
    "the CSV header of a one-row CSV export (its column names)",
    "markup",
)
LEADING_FIELDS = rule(
    "repair.csv_export.leading_fields",
    "the CSV fields before the text field (kept as the export's metadata)",
    "markup",
)
DOUBLED_QUOTES = rule(
    "repair.csv_export.doubled_quotes",
    'a CSV escape: the second quote of each doubled quote "" in the text field',
    "markup",
)
CLOSING_QUOTE = rule(
    "repair.csv_export.closing_quote", "CSV quote closing the text field", "markup"
)

_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(slots=True)
class CsvUnwrap:
    """A source unwrapped from a one-row CSV export.

    `lines` has one Line per input line, same numbers, holding only the text field (the
    header line comes back empty; the blank lines around header and record are kept
    as they were); `removed` holds the CSV syntax that was taken out (kind "removed",
    removed_kind "markup"), so that `lines` + `removed` account for every non-whitespace
    character of the input; `metadata` maps the other columns' names to their values
    (e.g. title, publish_date).
    """

    lines: list[Line]
    removed: list[Block]
    metadata: dict[str, str]
    text_column: str
    header_line: int  # raw line number of the header
    record_lines: tuple[int, int] = (0, 0)  # first and last raw line of the record
    columns: list[str] = field(default_factory=list)


def unwrap_csv(lines: list[Line]) -> CsvUnwrap | None:
    """Unwrap a one-row CSV export whose last column is the document text, else None.
    Never raises: what cannot be unwrapped is no CSV export."""
    try:
        return _unwrap_csv(lines)
    except Exception:  # the stage must never raise: not unwrappable means "not a CSV"
        return None


@stage_pass(
    "repair.csv_export.unwrap",
    requires=("lines",),
    assigns=("lines", "csv_metadata", "set_aside"),
)
def unwrap(state: LayoutState, counters: Counters) -> LayoutState:
    """A one-row CSV export: the lines keep only its text field, the CSV syntax is set
    aside, the other columns are kept as the export's metadata."""
    found = unwrap_csv(list(state.lines))
    if found is None:
        return state
    return replace(
        state,
        lines=tuple(found.lines),
        csv_metadata=found.metadata,
        set_aside=state.set_aside + tuple(found.removed),
    )


@stage_pass(
    "repair.csv_export.merge_syntax",
    requires=("blocks", "set_aside", "csv_metadata"),
    assigns=("blocks", "set_aside"),
)
def merge_syntax(state: LayoutState, counters: Counters) -> LayoutState:
    """The CSV syntax set aside joins the blocks, all in raw-line order (a removed block
    before the text on its line)."""
    if state.csv_metadata is None:
        return state
    blocks = sorted(
        state.blocks + state.set_aside, key=lambda b: (b.line_start, 0 if b.removed else 1)
    )
    return replace(state, blocks=tuple(blocks), set_aside=())


def _parse_csv_line(text: str) -> list[str] | None:
    """The fields of one complete CSV line, or None if it is not exactly one record."""
    try:
        rows = list(csv.reader([text], strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None


def _header(text: str) -> list[str] | None:
    text = text.lstrip("\ufeff").strip()
    if "," not in text or not text.isascii():
        return None
    cols = _parse_csv_line(text)
    if cols is None or len(cols) < CSV_MIN_COLUMNS:
        return None
    cols = [c.strip() for c in cols]
    if not all(_COLUMN.match(c) for c in cols) or len(set(cols)) != len(cols):
        return None
    return cols


def _text_field_start(text: str, n_before: int) -> int | None:
    """Offset where the last field starts: after `n_before` commas outside quotes."""
    if n_before == 0:
        return 0
    in_quotes = False
    commas = 0
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "," and not in_quotes:
            commas += 1
            if commas == n_before:
                return i + 1
    return None


def _next_text_line(lines: list[Line], i: int) -> int:
    while i < len(lines) and not lines[i].text.strip():
        i += 1
    return i


@dataclass(slots=True)
class _Unwrap:
    """The work in progress: the new text of each line and the syntax taken out."""

    lines: list[Line]
    columns: list[str]
    head: Line
    first: Line
    metadata: dict[str, str]
    out: dict[int, str] = field(default_factory=dict)
    removed: list[Block] = field(default_factory=list)

    def take(self, text: str, number: int, found: Rule, reason: str | None = None) -> None:
        self.removed.append(
            Block(
                text=text,
                line_start=number,
                line_end=number,
                kind="removed",
                removed_kind=found.removed_kind,
                reason=reason or found.reason,
                lines=(number,),
                rule=found.id,
            )
        )

    def result(self, last: int) -> CsvUnwrap:
        new_lines = [
            Line(ln.number, self.out.get(ln.number, ln.text).rstrip()) for ln in self.lines
        ]
        self.removed.sort(key=lambda b: b.line_start)
        return CsvUnwrap(
            lines=new_lines,
            removed=self.removed,
            metadata=self.metadata,
            text_column=self.columns[-1],
            header_line=self.head.number,
            record_lines=(self.first.number, last),
            columns=self.columns,
        )


def _unwrap_csv(lines: list[Line]) -> CsvUnwrap | None:
    idx = _next_text_line(lines, 0)
    if idx >= len(lines):
        return None
    head = lines[idx]
    columns = _header(head.text)
    if columns is None:
        return None
    rec = _next_text_line(lines, idx + 1)
    if rec >= len(lines):
        return None  # header only
    first = lines[rec]
    n_before = len(columns) - 1
    start = _text_field_start(first.text, n_before)
    if start is None:
        return None
    prefix = first.text[: start - 1] if n_before else ""
    values = _parse_csv_line(prefix) if n_before else []
    if values is None or len(values) != n_before:
        return None
    metadata = {c: v.strip() for c, v in zip(columns[:-1], values, strict=True)}
    work = _Unwrap(lines, columns, head, first, metadata)
    reason = f"CSV header of a one-row CSV export (columns: {', '.join(columns)})"
    work.take(head.text.strip(), head.number, HEADER, reason)
    work.out[head.number] = ""
    rest = first.text[start:]
    fields = ", ".join(f"{c}={v}" for c, v in metadata.items())
    if not rest.startswith('"'):
        # unquoted text field: the record is this one line
        if '"' in rest or any(ln.text.strip() for ln in lines[rec + 1 :]):
            return None
        if prefix.strip():
            reason = f"CSV fields before the text field: {fields}"
            work.take(first.text[:start], first.number, LEADING_FIELDS, reason)
        work.out[first.number] = rest
        return work.result(first.number)
    reason = f"CSV fields before the text field and its opening quote: {fields}"
    work.take(first.text[: start + 1].strip(), first.number, LEADING_FIELDS, reason)
    return _quoted_field(work, rec, start + 1)


def _quoted_field(work: _Unwrap, rec: int, pos: int) -> CsvUnwrap | None:
    """Scan the quoted text field from line `rec`, offset `pos`, over the following lines:
    `""` is a quote, `"` closes the field; None when it never closes or more follows."""
    lines = work.lines
    for k in range(rec, len(lines)):
        ln = lines[k]
        body, dropped, closed_at = _scan_quoted(ln.text, pos)
        if dropped:
            reason = (
                f'CSV escape: {dropped} doubled quote(s) "" in the text field kept as one "; '
                "the other quote of each pair dropped"
            )
            work.take('"' * dropped, ln.number, DOUBLED_QUOTES, reason)
        work.out[ln.number] = body
        if closed_at is not None:
            if ln.text[closed_at + 1 :].strip():
                return None  # more fields or junk after the text field
            if any(x.text.strip() for x in lines[k + 1 :]):
                return None  # more records: a table, not a wrapped document
            work.take('"', ln.number, CLOSING_QUOTE)
            return work.result(ln.number)
        pos = 0
    return None  # the quoted field never closes: malformed


def _scan_quoted(src: str, pos: int) -> tuple[str, int, int | None]:
    """(the field's text on this line, doubled quotes dropped, offset of the closing quote
    or None) from offset `pos` of a line inside a quoted field."""
    kept: list[str] = []
    dropped = 0
    i = pos
    while i < len(src):
        ch = src[i]
        if ch == '"':
            if i + 1 < len(src) and src[i + 1] == '"':
                kept.append('"')
                dropped += 1
                i += 2
                continue
            return "".join(kept), dropped, i
        kept.append(ch)
        i += 1
    return "".join(kept), dropped, None
