"""The schema suite of each table, built from `schemas/<table>.yaml`.

Every column: not null where the schema says so, unique IDs and primary keys, allowed values,
ranges of line numbers, ordinals and counts; across columns: `char_count == len(text)`,
`line_end >= line_start`, `end > start`, no empty text. The column list and the Arrow types of
the Parquet file are compared with the schema exactly (one outcome, no GX needed for that).

Long columns are not fetched: DuckDB hands GX `len(text)` and `len(tokens)` instead of the text
and the lists, which is all these expectations need, so the frame of a shard stays narrow.
"""

from typing import Any

import pyarrow as pa

from ..schema import TableSchema, load_schema
from .gx import SOURCE, expectation
from .outcomes import ERROR, Outcome

#: Columns whose values GX sees only as their length.
LONG_TYPES = ("list<string>",)
LONG_NAMES = ("text",)
POSITIVE = ("line_start", "line_end", "ordinal", "level", "rank")


def is_long(column: Any) -> bool:
    return column.type in LONG_TYPES or column.name in LONG_NAMES


def frame_column(column: Any) -> str:
    return f"len({column.name})" if is_long(column) else column.name


def frame_sql(schema: TableSchema, relation: str, source_expr: str | None) -> str:
    """The SELECT giving GX the frame of this table: short columns as they are, long ones as
    their length, and the source of each row."""
    items = []
    for c in schema.columns:
        if is_long(c):
            items.append(f'len("{c.name}") as "len({c.name})"')
        else:
            items.append(f'"{c.name}"')
    if source_expr and "source_id" not in schema.column_names:
        items.append(f"{source_expr} as {SOURCE}")
    return f"select {', '.join(items)} from {relation}"


def expectations(schema: TableSchema) -> list[Any]:
    """The GX expectations of the schema suite, in a stable order (every one ERROR)."""
    out: list[Any] = []
    add = out.append
    if len(schema.primary_key) > 1:
        add(
            expectation(
                "ExpectCompoundColumnsToBeUnique",
                ERROR,
                f"primary key ({', '.join(schema.primary_key)}) is unique",
                column_list=list(schema.primary_key),
            )
        )
    for col in schema.columns:
        name = frame_column(col)
        if not col.nullable:
            add(expectation("ExpectColumnValuesToNotBeNull", ERROR, "not null", column=name))
        if col.unique or schema.primary_key == (col.name,):
            add(expectation("ExpectColumnValuesToBeUnique", ERROR, "unique", column=name))
        if col.allowed:
            add(
                expectation(
                    "ExpectColumnValuesToBeInSet",
                    ERROR,
                    "an allowed value",
                    column=name,
                    value_set=list(col.allowed),
                )
            )
        low = 1 if col.name in POSITIVE else 0 if col.name == "char_count" else None
        if low is not None and col.type in ("int32", "int64"):
            add(
                expectation(
                    "ExpectColumnValuesToBeBetween",
                    ERROR,
                    f"at least {low}",
                    column=name,
                    min_value=low,
                )
            )
    names = set(schema.column_names)
    if {"text", "char_count"} <= names:
        add(
            expectation(
                "ExpectColumnPairValuesToBeEqual",
                ERROR,
                "char_count == len(text)",
                column_A="char_count",
                column_B="len(text)",
            )
        )
    if {"line_start", "line_end"} <= names:
        add(
            expectation(
                "ExpectColumnPairValuesAToBeGreaterThanB",
                ERROR,
                "line_end >= line_start",
                column_A="line_end",
                column_B="line_start",
                or_equal=True,
            )
        )
    if {"start", "end"} <= names:
        add(
            expectation(
                "ExpectColumnPairValuesAToBeGreaterThanB",
                ERROR,
                "end > start",
                column_A="end",
                column_B="start",
            )
        )
    if "text" in names and schema.name != "documents":
        add(
            expectation(
                "ExpectColumnValuesToBeBetween",
                ERROR,
                "text is not empty",
                column="len(text)",
                min_value=1,
            )
        )
    return out


def columns_outcome(table: str, arrow_schema: pa.Schema, rows: int) -> Outcome:
    """The file's columns and types against the schema's, in order."""
    schema = load_schema(table)
    want = [(c.name, c.arrow_type) for c in schema.columns]
    got = [(f.name, f.type) for f in arrow_schema]
    ok = [n for n, _ in got] == [n for n, _ in want] and all(
        g.equals(w) for (_, g), (_, w) in zip(got, want, strict=True)
    )
    sample = (
        [] if ok else [f"got {[f'{n}:{t}' for n, t in got]}, want {[f'{n}:{t}' for n, t in want]}"]
    )
    return Outcome(
        "expect_table_columns_to_match_ordered_list",
        None,
        ERROR,
        f"the columns of schemas/{table}.yaml, in order, with their types",
        ok,
        unexpected_count=0 if ok else 1,
        element_count=rows,
        sample=sample,
    )
