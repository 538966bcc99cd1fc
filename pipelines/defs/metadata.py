"""Metadata a user sees in the Dagster UI for a table: rows, schema, preview, path."""

from pathlib import Path
from typing import Any

import dagster as dg
import pyarrow.parquet as pq

from ..schema import load_schema

PREVIEW_ROWS = 5
PREVIEW_CHARS = 80


def table_schema(table: str) -> dg.TableSchema:
    schema = load_schema(table)
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(
                    nullable=c.nullable,
                    unique=c.unique,
                    other=[f"one of: {', '.join(c.allowed)}"] if c.allowed else [],
                ),
            )
            for c in schema.columns
        ]
    )


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = "|".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def table_metadata(table: str, path: Path) -> dict[str, Any]:
    """Rows, schema, a preview of the first rows (read from the file's first row group
    only) and the size of a table's Parquet file."""
    meta: dict[str, Any] = {"dagster/column_schema": table_schema(table)}
    if not path.exists():
        return meta
    parquet = pq.ParquetFile(path)
    first = parquet.read_row_group(0) if parquet.num_row_groups else None
    rows = first.slice(0, PREVIEW_ROWS).to_pylist() if first is not None else []
    meta["dagster/row_count"] = parquet.metadata.num_rows
    meta["preview"] = dg.MetadataValue.table(
        [dg.TableRecord({k: _cell(v) for k, v in row.items()}) for row in rows],
        schema=_preview_schema(table),
    )
    meta["bytes"] = path.stat().st_size
    return meta


def _preview_schema(table: str) -> dg.TableSchema:
    types = {"int32": "int", "int64": "int", "float64": "float", "bool": "bool"}
    return dg.TableSchema(
        columns=[
            dg.TableColumn(c.name, types.get(c.type, "string")) for c in load_schema(table).columns
        ]
    )
