"""The schemas drive the writer: order, types and nullability are enforced; files are
deterministic."""

import datetime
import re

import pyarrow.parquet as pq
import pytest

from pipelines.schema import TABLES, load_enums, load_schema, to_arrow
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


def test_enums_are_defined_once_and_agree_with_the_text_stages_constants():
    from pipelines.text import model

    enums = load_enums()
    assert enums["paragraph_kind"] == model.PARAGRAPH_KINDS
    assert enums["removed_kind"] == model.REMOVED_KINDS
    assert enums["doc_type"] == model.DOC_TYPES
    assert enums["fact_type"] == model.FACT_TYPES
    used = {c.enum for t in TABLES for c in load_schema(t).columns if c.enum}
    assert used <= set(enums)
    assert load_schema("paragraphs").column("kind").allowed == model.PARAGRAPH_KINDS


def test_every_foreign_key_points_at_a_key_of_the_same_type():
    for table in TABLES:
        schema = load_schema(table)
        for fk in schema.foreign_keys:
            target = load_schema(fk.table)
            assert target.primary_key == (fk.ref_column,), (table, fk)
            assert target.column(fk.ref_column).type == schema.column(fk.column).type
    keys = {(fk.column, fk.table) for fk in load_schema("facts").foreign_keys}
    assert keys == {
        ("doc_id", "documents"),
        ("para_id", "paragraphs"),
        ("sent_id", "sentences"),
        ("cited_doc_id", "documents"),
    }
    parent = load_schema("sections").foreign_keys
    assert ("parent_id", "sections", "section_id") in {
        (k.column, k.table, k.ref_column) for k in parent
    }


def test_a_shared_field_keeps_the_tables_own_description_and_nullability():
    facts, sentences = load_schema("facts"), load_schema("sentences")
    assert facts.column("sent_id").field == sentences.column("sent_id").field == "sent_id"
    assert facts.column("sent_id").nullable and not sentences.column("sent_id").nullable
    assert sentences.column("sent_id").unique and sentences.foreign_keys[0].column == "para_id"
    assert facts.column("doc_id").description == "The document (documents.doc_id)."


def test_the_ids_the_text_stages_build_have_their_declared_forms(seeds_dir):
    from pipelines.text.tables import build_source_tables

    path = min(seeds_dir.glob("*.txt"), key=lambda p: p.stat().st_size)
    result = build_source_tables(path.name, path.read_bytes())
    checked = 0
    for table, rows in result.tables.items():
        schema = load_schema(table)
        for name, form in schema.id_formats.items():
            for row in rows:
                if row[name] is not None:
                    assert re.fullmatch(form, row[name]), (table, name, row[name])
                    checked += 1
    assert checked > 100
    column = load_schema("documents").column("doc_id")
    assert not column.matches_id_format("0123456789abcdef-p0001")


def test_a_malformed_column_is_named_with_its_file(tmp_path, monkeypatch):
    import pipelines.schema as schema_module

    bad = tmp_path / "keywords.yaml"
    bad.write_text(
        "name: keywords\ndescription: x\nprimary_key: [doc_id]\nsort_by: [doc_id]\n"
        "columns:\n  - {field: doc_id, colour: red}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"keywords.yaml: column 1: unknown keys \['colour'\]"):
        schema_module._parse(bad)
    bad.write_text(bad.read_text().replace("{field: doc_id, colour: red}", "{field: nope}"))
    with pytest.raises(ValueError, match="no field 'nope'"):
        schema_module._parse(bad)
