"""Metadata a user sees in the Dagster UI for a table: rows, schema, preview, path."""

from pathlib import Path
from typing import Any

import dagster as dg
import pyarrow as pa

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


def table_metadata(table: str, data: pa.Table, path: Path | None = None) -> dict[str, Any]:
    preview = [
        dg.TableRecord({k: _cell(v) for k, v in row.items()})
        for row in data.slice(0, PREVIEW_ROWS).to_pylist()
    ]
    meta: dict[str, Any] = {
        "dagster/row_count": data.num_rows,
        "dagster/column_schema": table_schema(table),
        "preview": dg.MetadataValue.table(preview, schema=_preview_schema(table)),
    }
    if path is not None:
        meta["path"] = dg.MetadataValue.path(str(path))
        if path.exists():
            meta["bytes"] = path.stat().st_size
    return meta


def _preview_schema(table: str) -> dg.TableSchema:
    types = {"int32": "int", "int64": "int", "float64": "float", "bool": "bool"}
    return dg.TableSchema(
        columns=[
            dg.TableColumn(c.name, types.get(c.type, "string")) for c in load_schema(table).columns
        ]
    )
