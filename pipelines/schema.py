"""The table schemas of `schemas/*.yaml`: the one source of truth for column names, types,
nullability, allowed values, keys, ID formats and descriptions.

`schemas/fields.yaml` defines the fields several tables share (IDs with their form and the
table they point to), `schemas/enums.yaml` the allowed values; a table's file lists its
columns, either written out or naming a shared field (`- {field: doc_id}`). The Parquet
writer, the Great Expectations suites, the Dagster table metadata, the DuckDB database, the
dataset card, `datapackage.json` and `croissant.json` all read them from here; nobody repeats
a column list.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .paths import REPO_ROOT
from .yaml_text import safe_load

SCHEMAS_DIR = REPO_ROOT / "schemas"
SCHEMA_VERSION = "1.1"

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


#: Keys a column may carry in a table's file (or in a shared field).
_COLUMN_KEYS = {
    "name",
    "field",
    "type",
    "nullable",
    "unique",
    "description",
    "allowed",
    "enum",
    "id_format",
    "references",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    description: str
    unique: bool = False
    allowed: tuple[str, ...] | None = None
    #: the named enum of schemas/enums.yaml the allowed values come from, if any
    enum: str | None = None
    #: the shared field of schemas/fields.yaml the column is, if any
    field: str | None = None
    #: regular expression every (non-null) value matches in full (IDs)
    id_format: str | None = None
    #: "table.column" the value must exist in (a foreign key), if any
    references: str | None = None

    @property
    def arrow_type(self) -> pa.DataType:
        return _TYPES[self.type]

    def matches_id_format(self, value: str) -> bool:
        """True when `value` has the column's ID form (always True without one)."""
        return self.id_format is None or re.fullmatch(self.id_format, value) is not None


@dataclass(frozen=True)
class ForeignKey:
    """`column` of a table holds values of `table.ref_column` (a reference by ID)."""

    column: str
    table: str
    ref_column: str


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
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        """The columns that reference another table's key (or another row of this one)."""
        keys = []
        for c in self.columns:
            if c.references:
                table, ref_column = c.references.split(".")
                keys.append(ForeignKey(c.name, table, ref_column))
        return tuple(keys)

    @property
    def id_formats(self) -> dict[str, str]:
        """Column name -> the regular expression its IDs match in full."""
        return {c.name: c.id_format for c in self.columns if c.id_format}

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


@cache
def load_fields() -> dict[str, dict[str, Any]]:
    """The shared fields of schemas/fields.yaml, by name."""
    raw = safe_load((SCHEMAS_DIR / "fields.yaml").read_text(encoding="utf-8"))
    return raw["fields"]


@cache
def _enums_file() -> dict[str, dict[str, Any]]:
    return safe_load((SCHEMAS_DIR / "enums.yaml").read_text(encoding="utf-8"))["enums"]


def load_enums() -> dict[str, tuple[str, ...]]:
    """The named enums of schemas/enums.yaml: name -> allowed values, in order."""
    return {name: tuple(e["values"]) for name, e in _enums_file().items()}


def enum_description(name: str) -> str:
    return _enums_file()[name]["description"]


def _column(table: str, spec: dict[str, Any], where: str) -> Column:
    """One column: a shared field (with the table's overrides) or written out in full."""
    unknown = set(spec) - _COLUMN_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    merged: dict[str, Any] = {}
    if "field" in spec:
        fields = load_fields()
        if spec["field"] not in fields:
            raise ValueError(f"{where}: no field {spec['field']!r} in schemas/fields.yaml")
        merged.update(fields[spec["field"]], name=spec["field"])
    merged.update(spec)
    for key in ("name", "type", "nullable", "description"):
        if key not in merged:
            raise ValueError(f"{where}: column without {key!r}")
    if merged["type"] not in _TYPES:
        raise ValueError(f"{where}: column {merged['name']} has unknown type {merged['type']!r}")
    allowed = merged.get("allowed")
    if merged.get("enum"):
        enums = load_enums()
        if merged["enum"] not in enums:
            raise ValueError(f"{where}: no enum {merged['enum']!r} in schemas/enums.yaml")
        allowed = enums[merged["enum"]]
    references = merged.get("references")
    if references == f"{table}.{merged['name']}":
        references = None  # the table's own key, not a reference
    return Column(
        name=merged["name"],
        type=merged["type"],
        nullable=bool(merged["nullable"]),
        description=merged["description"],
        unique=bool(merged.get("unique", False)),
        allowed=tuple(allowed) if allowed else None,
        enum=merged.get("enum"),
        field=merged.get("field"),
        id_format=merged.get("id_format"),
        references=references,
    )


def _parse(path: Path) -> TableSchema:
    raw = safe_load(path.read_text(encoding="utf-8"))
    columns = tuple(
        _column(raw["name"], c, f"{path.name}: column {i + 1}")
        for i, c in enumerate(raw["columns"])
    )
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
