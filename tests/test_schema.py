"""The schemas drive the writer: order, types and nullability are enforced; files are
deterministic."""

import datetime

import pyarrow.parquet as pq
import pytest

from pipelines.schema import TABLES, load_schema, to_arrow
from pipelines.store.parquet import write_parquet

ROW = {
    "doc_id": "d2",
    "method": "tfidf",
    "rank": 1,
    "word": "八八战略",
    "weight": 0.5,
}


def test_every_table_has_a_schema_with_descriptions():
    for table in TABLES:
        schema = load_schema(table)
        assert schema.columns, table
        assert all(c.description for c in schema.columns), table
        assert set(schema.primary_key) <= set(schema.column_names)
        assert set(schema.sort_by) <= set(schema.column_names)


def test_contract_columns_are_present():
    contract = {
        "sources": "source_id file_name sha256 bytes encoding line_count status error",
        "documents": "doc_id source_id file_name ordinal title subtitle authors issuer rubric doc_type publish_date date_inferred line_start line_end char_count paragraph_count text",
        "sections": "section_id doc_id parent_id level ordinal label title line_start",
        "paragraphs": "para_id doc_id section_id ordinal kind text char_count line_start line_end tokens",
        "sentences": "sent_id para_id doc_id ordinal text start end tokens pos",
        "facts": "fact_id doc_id para_id sent_id type text start end value_num unit value_date normalized extractor confidence",
        "removed": "source_id line_start line_end kind text reason",
    }
    for table, columns in contract.items():
        assert set(columns.split()) <= set(load_schema(table).column_names), table


def test_writer_orders_columns_and_rows():
    data = to_arrow("keywords", [dict(ROW, doc_id="d2"), dict(ROW, doc_id="d1")])
    assert data.column_names == load_schema("keywords").column_names
    assert data.column("doc_id").to_pylist() == ["d1", "d2"]
    assert data.schema.field("doc_id").metadata[b"description"]


def test_writer_rejects_nulls_unknown_and_missing_columns():
    with pytest.raises(ValueError, match="non-nullable"):
        to_arrow("keywords", [dict(ROW, word=None)])
    with pytest.raises(ValueError, match="not in schemas"):
        to_arrow("keywords", [dict(ROW, extra=1)])
    with pytest.raises(ValueError, match="missing"):
        to_arrow("keywords", {"doc_id": ["x"]})
    with pytest.raises(ValueError, match="rank"):
        to_arrow("keywords", [dict(ROW, rank="first")])


def test_parquet_is_byte_identical_across_writes(tmp_path):
    rows = [
        {
            "formula": f"公式{i}",
            "count": i,
            "doc_count": 1,
            "first_date": datetime.date(2020, 1, i + 1),
            "last_date": None,
            "doc_ids": ["a", "b"],
        }
        for i in range(5)
    ]
    a = write_parquet(to_arrow("formulas", rows), tmp_path / "a.parquet")
    b = write_parquet(to_arrow("formulas", list(reversed(rows))), tmp_path / "b.parquet")
    assert a.read_bytes() == b.read_bytes()
    meta = pq.ParquetFile(a).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    assert b"pandas" not in (meta.metadata or {})
