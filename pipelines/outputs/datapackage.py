"""`datapackage.json`: the dataset as a Frictionless Data Package (v2), from `schemas/`.

One resource per Parquet table with its path, size, SHA-256 and Table Schema (field types and
descriptions, allowed values and ID forms as constraints, primary and foreign keys); the
package carries the licences, the source files with their SHA-256 and publication, and the
versions of the dataset, its schema and the code (PUDL publishes its data the same way).
Deterministic: no timestamps; the same tables give the same bytes.
"""

import hashlib
import json
from pathlib import Path
from typing import Any

import duckdb

from ..store.parquet import file_sha256
from ..schema import TABLES, Column, TableSchema, load_schema
from . import about

FILE_NAME = "datapackage.json"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLE_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"

_FIELD_TYPES = {
    "string": "string",
    "int32": "integer",
    "int64": "integer",
    "float64": "number",
    "bool": "boolean",
    "date32": "date",
    "list<string>": "array",
}


#: The SHA-256 of a file, as every published checksum is computed.
sha256_of = file_sha256


def field_descriptor(col: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": col.name,
        "type": _FIELD_TYPES[col.type],
        "description": col.description,
    }
    constraints: dict[str, Any] = {}
    if not col.nullable:
        constraints["required"] = True
    if col.unique:
        constraints["unique"] = True
    if col.allowed:
        constraints["enum"] = list(col.allowed)
    if col.id_format:
        constraints["pattern"] = col.id_format
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(schema: TableSchema) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "$schema": TABLE_PROFILE,
        "fields": [field_descriptor(c) for c in schema.columns],
        "missingValues": [],
        "primaryKey": list(schema.primary_key),
    }
    if schema.foreign_keys:
        descriptor["foreignKeys"] = [
            {
                "fields": [fk.column],
                "reference": {"resource": fk.table, "fields": [fk.ref_column]},
            }
            for fk in schema.foreign_keys
        ]
    return descriptor


def resource(parquet_dir: Path, table: str) -> dict[str, Any]:
    schema = load_schema(table)
    path = parquet_dir / f"{table}.parquet"
    return {
        "$schema": RESOURCE_PROFILE,
        "name": table,
        "type": "table",
        "path": f"parquet/{table}.parquet",
        "scheme": "file",
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256_of(path)}",
        "description": schema.description,
        "schema": table_schema(schema),
    }


def source_entries(parquet_dir: Path) -> list[dict[str, Any]]:
    """The input files, with their SHA-256 and, where known, publication and URL."""
    rows = duckdb.sql(
        "select file_name, sha256, bytes, status, publication, issue, published, url, licence "
        f"from read_parquet('{parquet_dir / 'sources.parquet'}') order by file_name"
    ).fetchall()
    entries = []
    for name, sha, size, status, publication, issue, published, url, licence in rows:
        entry: dict[str, Any] = {"title": publication or name, "file_name": name}
        if url:
            entry["path"] = url
        entry |= {"sha256": sha, "bytes": size, "status": status}
        extra = {"issue": issue, "published": published, "licence": licence}
        entry |= {k: v for k, v in extra.items() if v}
        entries.append(entry)
    return entries


def build_datapackage(parquet_dir: Path, facts_tagger: str = "") -> dict[str, Any]:
    info = about.build_info(facts_tagger)
    cff = about.citation()
    return {
        "$schema": PACKAGE_PROFILE,
        "name": "policy-corpus",
        "title": about.PRETTY_NAME,
        "description": cff["abstract"],
        "version": info["version"],
        "keywords": list(cff.get("keywords", [])),
        "languages": ["zh"],
        "licenses": [about.ANNOTATIONS_LICENCE, about.TEXTS_LICENCE],
        "contributors": [{"title": a["name"], "roles": ["creator"]} for a in cff["authors"]],
        "sources": source_entries(parquet_dir),
        "resources": [resource(parquet_dir, t) for t in TABLES],
        "policy_corpus": {
            "schema_version": info["schema_version"],
            "code_fingerprint": info["code_fingerprint"],
            "card": "README.md",
            "database": "policy_corpus.duckdb",
        },
    }


def write_datapackage(parquet_dir: Path, out_dir: Path, facts_tagger: str = "") -> Path:
    """Write `datapackage.json` into out_dir (beside `parquet/`)."""
    path = out_dir / FILE_NAME
    text = json.dumps(build_datapackage(parquet_dir, facts_tagger), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
