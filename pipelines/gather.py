"""Gather the per-source tables into the published tables, and derive corpus-wide ones."""

from collections import defaultdict
from typing import Any

import pyarrow as pa

from .schema import conform, load_schema, to_arrow


def concat(table: str, parts: list[pa.Table]) -> pa.Table:
    """All partitions of one table, cast to its schema, in its stable order."""
    schema = load_schema(table).arrow_schema
    if not parts:
        return schema.empty_table()
    return conform(table, pa.concat_tables([p.cast(schema) for p in parts]))


def formulas_table(facts: pa.Table, documents: pa.Table) -> pa.Table:
    """Corpus-wide index of formula facts: count, documents, first and last date seen."""
    dates = dict(
        zip(
            documents.column("doc_id").to_pylist(),
            documents.column("publish_date").to_pylist(),
            strict=True,
        )
    )
    count: dict[str, int] = defaultdict(int)
    docs: dict[str, set[str]] = defaultdict(set)
    rows = facts.filter(pa.compute.equal(facts.column("type"), "formula")).select(
        ["normalized", "doc_id"]
    )
    for formula, doc_id in zip(*(c.to_pylist() for c in rows.columns), strict=True):
        count[formula] += 1
        docs[formula].add(doc_id)
    out: list[dict[str, Any]] = []
    for formula in sorted(count):
        seen = sorted(d for d in (dates.get(doc) for doc in docs[formula]) if d is not None)
        out.append(
            {
                "formula": formula,
                "count": count[formula],
                "doc_count": len(docs[formula]),
                "first_date": seen[0] if seen else None,
                "last_date": seen[-1] if seen else None,
                "doc_ids": sorted(docs[formula]),
            }
        )
    return to_arrow("formulas", out)
