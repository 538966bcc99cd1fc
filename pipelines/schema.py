"""The table schemas of `schemas/*.yaml`: the one source of truth for column names, types,
nullability, allowed values and descriptions.

The Parquet writer, the Great Expectations suites, the Dagster table metadata and the dataset
card all read them from here; nobody repeats a column list.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import yaml

from .paths import REPO_ROOT

SCHEMAS_DIR = REPO_ROOT / "schemas"
SCHEMA_VERSION = "1.0"

#: Tables in publication order (the contract's seven, then the derived ones).
TABLES = (
    "sources",
    "documents",
    "sections",
    "paragraphs",
    "sentences",
    "facts",
    "removed",
    "keywords",
    "formulas",
    "near_duplicates",
)

_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "list<string>": pa.list_(pa.string()),
    "list<int64>": pa.list_(pa.int64()),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    description: str
    unique: bool = False
    allowed: tuple[str, ...] | None = None

    @property
    def arrow_type(self) -> pa.DataType:
        return _TYPES[self.type]


@dataclass(frozen=True)
class TableSchema:
    name: str
    description: str
    primary_key: tuple[str, ...]
    sort_by: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def arrow_schema(self) -> pa.Schema:
        fields = [
            pa.field(
                c.name, c.arrow_type, nullable=c.nullable, metadata={"description": c.description}
            )
            for c in self.columns
        ]
        return pa.schema(
            fields,
            metadata={
                "table": self.name,
                "description": self.description,
                "schema_version": SCHEMA_VERSION,
            },
        )


def _parse(path: Path) -> TableSchema:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    columns = tuple(
        Column(
            name=c["name"],
            type=c["type"],
            nullable=bool(c["nullable"]),
            description=c["description"],
            unique=bool(c.get("unique", False)),
            allowed=tuple(c["allowed"]) if c.get("allowed") else None,
        )
        for c in raw["columns"]
    )
    for c in columns:
        if c.type not in _TYPES:
            raise ValueError(f"{path.name}: column {c.name} has unknown type {c.type!r}")
    return TableSchema(
        name=raw["name"],
        description=raw["description"],
        primary_key=tuple(raw["primary_key"]),
        sort_by=tuple(raw["sort_by"]),
        columns=columns,
    )


@cache
def load_schema(table: str) -> TableSchema:
    return _parse(SCHEMAS_DIR / f"{table}.yaml")


def empty_rows(table: str) -> dict[str, list[Any]]:
    """Column-oriented empty rows in schema order, for stages to append to."""
    return {name: [] for name in load_schema(table).column_names}


def to_arrow(table: str, rows: dict[str, list[Any]] | list[dict[str, Any]]) -> pa.Table:
    """Build an Arrow table that conforms to the schema: column order, types, nullability,
    and the schema's stable sort order.

    Raises ValueError naming the column when rows miss a column, carry an unknown one, or
    hold a null in a non-nullable column.
    """
    schema = load_schema(table)
    if isinstance(rows, list):
        columns = (
            {name: [r[name] for r in rows] for name in schema.column_names}
            if rows
            else empty_rows(table)
        )
        extra = set(rows[0]) - set(schema.column_names) if rows else set()
    else:
        missing = set(schema.column_names) - set(rows)
        if missing:
            raise ValueError(f"{table}: missing columns {sorted(missing)}")
        extra = set(rows) - set(schema.column_names)
        columns = {name: rows[name] for name in schema.column_names}
    if extra:
        raise ValueError(f"{table}: columns not in schemas/{table}.yaml: {sorted(extra)}")
    arrays = []
    for col in schema.columns:
        values = columns[col.name]
        try:
            array = pa.array(values, type=col.arrow_type)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise ValueError(f"{table}.{col.name}: {exc}") from exc
        if not col.nullable and array.null_count:
            raise ValueError(
                f"{table}.{col.name}: {array.null_count} null(s) in a non-nullable column"
            )
        arrays.append(array)
    result = pa.Table.from_arrays(arrays, schema=schema.arrow_schema)
    return sort_table(table, result)


def sort_table(table: str, data: pa.Table) -> pa.Table:
    """Apply the schema's stable row order (so that rebuilds give identical files)."""
    schema = load_schema(table)
    if data.num_rows == 0:
        return data
    keys = [(name, "ascending", "at_start") for name in schema.sort_by]
    indices = pc.sort_indices(data, sort_keys=keys)
    return data.take(indices)


def conform(table: str, data: pa.Table) -> pa.Table:
    """Cast an Arrow table (e.g. gathered from partitions) to the schema and sort it."""
    schema = load_schema(table)
    if data.column_names != schema.column_names:
        raise ValueError(
            f"{table}: columns {data.column_names} differ from schemas/{table}.yaml {schema.column_names}"
        )
    return sort_table(table, data.cast(schema.arrow_schema))
