"""`croissant.json`: the dataset described in Croissant 1.1 (MLCommons), from `schemas/`.

Croissant is what ML dataset hubs and loaders (mlcroissant, TFDS, Hugging Face) read: one
FileObject per Parquet file (with its SHA-256) and one RecordSet per table, whose fields say
their type, where they are extracted from, which are keys and which reference another table.
Deterministic: no timestamps.
"""

import json
from pathlib import Path
from typing import Any

from ..schema import TABLES, Column, TableSchema, load_schema
from . import about
from .datapackage import sha256_of

FILE_NAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
PARQUET_FORMAT = "application/x-parquet"

#: The JSON-LD context of Croissant 1.1 (as the specification and mlcroissant write it).
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "arrayShape": "cr:arrayShape",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "containedIn": "cr:containedIn",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isArray": "cr:isArray",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

_DATA_TYPES = {
    "string": "sc:Text",
    "int32": "sc:Integer",
    "int64": "sc:Integer",
    "float64": "sc:Float",
    "bool": "sc:Boolean",
    "date32": "sc:Date",
    "list<string>": "sc:Text",
}


def _file_id(table: str) -> str:
    return f"parquet/{table}.parquet"


def field_node(table: str, col: Column) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{col.name}",
        "name": col.name,
        "description": col.description
        + (f" One of: {', '.join(col.allowed)}." if col.allowed else ""),
        "dataType": _DATA_TYPES[col.type],
        "source": {"fileObject": {"@id": _file_id(table)}, "extract": {"column": col.name}},
    }
    if col.type.startswith("list<"):
        node["isArray"] = True
        node["arrayShape"] = "-1"
    ref_table, _, ref_column = (col.references or "").partition(".")
    if ref_table and ref_table != table:
        # a reference inside the same table (sections.parent_id, documents.continues_doc_id)
        # would make loaders join the record set with itself: it is left to datapackage.json
        node["references"] = {"field": {"@id": f"{ref_table}/{ref_column}"}}
    return node


def record_set(schema: TableSchema) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "cr:RecordSet",
        "@id": schema.name,
        "name": schema.name,
        "description": schema.description,
        "field": [field_node(schema.name, c) for c in schema.columns],
    }
    if schema.primary_key:
        node["key"] = [{"@id": f"{schema.name}/{c}"} for c in schema.primary_key]
    return node


def file_object(parquet_dir: Path, table: str) -> dict[str, Any]:
    path = parquet_dir / f"{table}.parquet"
    return {
        "@type": "cr:FileObject",
        "@id": _file_id(table),
        "name": f"{table}.parquet",
        "description": f"The {table} table.",
        "contentUrl": _file_id(table),
        "contentSize": f"{path.stat().st_size} B",
        "encodingFormat": PARQUET_FORMAT,
        "sha256": sha256_of(path),
    }


def build_croissant(parquet_dir: Path) -> dict[str, Any]:
    cff = about.citation()
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "policy-corpus",
        "alternateName": about.PRETTY_NAME,
        "description": cff["abstract"],
        "version": about.dataset_version(),
        "datePublished": str(cff["date-released"]),
        "inLanguage": "zh",
        "license": [about.ANNOTATIONS_LICENCE["path"], about.TEXTS_LICENCE["path"]],
        "url": "README.md",
        "citeAs": about.bibtex(),
        "creator": [{"@type": "sc:Organization", "name": a["name"]} for a in cff["authors"]],
        "keywords": list(cff.get("keywords", [])),
        "distribution": [file_object(parquet_dir, t) for t in TABLES],
        "recordSet": [record_set(load_schema(t)) for t in TABLES],
    }


def write_croissant(parquet_dir: Path, out_dir: Path) -> Path:
    """Write `croissant.json` into out_dir (beside `parquet/`)."""
    path = out_dir / FILE_NAME
    text = json.dumps(build_croissant(parquet_dir), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
