"""What a user of the published folder gets: a Hugging Face dataset that loads per table, a
valid Frictionless package and Croissant file, a DuckDB file that DuckDB 1.x opens, and the
figures. One build of the seeds, shared by the module."""

import io
import json
import shutil
import struct
import xml.etree.ElementTree as ET

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.build import build
from pipelines.outputs.database import HEADER_VERSION
from pipelines.paths import SEEDS_DIR
from pipelines.schema import TABLES, load_schema

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    import dagster as dg

    out = tmp_path_factory.mktemp("published")
    with dg.instance_for_test() as instance:
        build(SEEDS_DIR, out, instance=instance, log=lambda *_: None)
    return out


def test_every_table_loads_as_a_hugging_face_config_offline(published, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import get_dataset_config_names, load_dataset

    assert sorted(get_dataset_config_names(str(published))) == sorted(TABLES)
    for table in TABLES:
        data = load_dataset(str(published), table, split="train", cache_dir=str(tmp_path / "c"))
        assert (
            data.num_rows == pq.read_metadata(published / "parquet" / f"{table}.parquet").num_rows
        )
        assert data.column_names == load_schema(table).column_names


def test_the_card_header_declares_licence_language_and_sizes(published):
    from huggingface_hub import DatasetCard

    card = DatasetCard.load(published / "README.md")
    data = card.data.to_dict()
    assert data["language"] == ["zh"] and data["license"] == "other"
    assert (published / data["license_link"]).exists()
    assert data["size_categories"] == ["n<1K"] and data["task_categories"]
    assert {c["config_name"] for c in data["configs"]} == set(TABLES)
    text = card.text
    for heading in ("## Motivation", "## Source data", "## Licence", "## Limitations"):
        assert heading in text
    for heading in ("## Documents", "## Example queries", "## Schema", "## Citation"):
        assert heading in text
    con = duckdb.connect(str(published / "policy_corpus.duckdb"), read_only=True)
    bylined = con.execute(
        "select count(*) from documents where doc_type in ('article', 'news', 'commentary') "
        "and len(authors) > 0"
    ).fetchone()[0]
    total = con.execute("select count(*) from documents").fetchone()[0]
    assert bylined > 0 and f"**{bylined} of the {total} documents are bylined journalism**" in text
    assert "para_start" in text and "start` and `end` remain" in text


def test_every_table_reads_with_pandas_polars_and_duckdb(published):
    import pandas as pd
    import polars as pl

    for table in TABLES:
        path = published / "parquet" / f"{table}.parquet"
        rows = pq.read_metadata(path).num_rows
        assert len(pd.read_parquet(path)) == rows
        assert pl.read_parquet(path).height == rows
        assert duckdb.sql(f"select count(*) from read_parquet('{path}')").fetchall() == [(rows,)]


def _frictionless_with_arrow_parquet():
    """frictionless, reading Parquet through its byte stream with Arrow: its own parser goes
    through pandas (list cells arrive as numpy arrays, which its array type refuses) and
    around the byte stream (so the declared bytes and SHA-256 would not be checked)."""
    from typing import ClassVar

    import frictionless
    import pyarrow.parquet as pq_
    from frictionless import Parser, Plugin, system

    class ArrowParquetParser(Parser):
        requires_loader = True
        supported_types: ClassVar[list[str]] = [
            "array",
            "boolean",
            "date",
            "integer",
            "number",
            "string",
        ]

        def read_cell_stream_create(self):
            stream, chunks = self.loader.byte_stream, []
            while chunk := stream.read1(1 << 20):
                chunks.append(chunk)
            table = pq_.read_table(io.BytesIO(b"".join(chunks)))
            yield table.column_names
            for row in table.to_pylist():
                yield list(row.values())

    class ArrowParquetPlugin(Plugin):
        def create_parser(self, resource):
            return ArrowParquetParser(resource) if resource.format == "parquet" else None

    system.register("arrow-parquet", ArrowParquetPlugin())
    return frictionless


def test_the_datapackage_is_valid_frictionless_with_keys_sizes_and_hashes(published, tmp_path):
    frictionless = _frictionless_with_arrow_parquet()
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    facts = next(r for r in package["resources"] if r["name"] == "facts")
    assert {fk["reference"]["resource"] for fk in facts["schema"]["foreignKeys"]} == {
        "documents",
        "paragraphs",
        "sentences",
    }
    assert [s["sha256"] for s in package["sources"]] == [
        duckdb.sql(
            f"select sha256 from read_parquet('{published / 'parquet' / 'sources.parquet'}') "
            "order by file_name"
        ).fetchall()[i][0]
        for i in range(len(package["sources"]))
    ]
    assert package["version"] and package["policy_corpus"]["code_fingerprint"]
    report = frictionless.validate(published / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:10]
    # a tampered hash is caught: the check can fail
    copy = tmp_path / "copy"
    shutil.copytree(published, copy, ignore=shutil.ignore_patterns("*.duckdb"))
    facts["hash"] = "sha256:" + "0" * 64
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert not frictionless.validate(copy / "datapackage.json").valid


def test_the_croissant_file_validates_and_its_records_load_with_mlcroissant(published, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import mlcroissant as mlc

    dataset = mlc.Dataset(jsonld=published / "croissant.json")
    assert not dataset.metadata.issues.errors, dataset.metadata.issues.report()
    assert [r.name for r in dataset.metadata.record_sets] == list(TABLES)
    documents = list(dataset.records("documents"))
    assert len(documents) == pq.read_metadata(published / "parquet/documents.parquet").num_rows
    assert isinstance(documents[0]["documents/authors"], list)


def test_the_database_is_in_a_storage_format_duckdb_1_reads(published):
    header = (published / "policy_corpus.duckdb").read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert struct.unpack("<Q", header[12:20])[0] == HEADER_VERSION == 64


def test_the_database_opens_from_another_folder_with_keys_enums_and_unquoted_offsets(
    published, tmp_path
):
    copy = tmp_path / "elsewhere" / "corpus.duckdb"
    copy.parent.mkdir()
    shutil.copy(published / "policy_corpus.duckdb", copy)
    con = duckdb.connect(str(copy), read_only=True)
    pk = con.execute(
        "select columns from table_keys where table_name = 'facts' and kind = 'primary key'"
    ).fetchone()
    assert pk == (["fact_id"],)
    fk = con.execute(
        "select ref_table, ref_columns from table_keys "
        "where table_name = 'facts' and kind = 'foreign key' and columns = ['sent_id']"
    ).fetchone()
    assert fk == ("sentences", ["sent_id"])
    kind = con.execute(
        "select data_type from duckdb_columns() where table_name = 'paragraphs' "
        "and column_name = 'kind'"
    ).fetchone()[0]
    assert kind.startswith("ENUM(")
    same = con.execute(
        'select count(*) from facts where para_start = "start" and para_end = "end"'
    ).fetchone()[0]
    assert same == con.execute("select count(*) from facts").fetchone()[0] > 0
    row = con.execute(
        "select text, sentence_text, paragraph_text, doc_title from fact_context "
        "where sent_id is not null order by fact_id limit 1"
    ).fetchone()
    assert row[0] in row[1] and row[1] in row[2]
    path = con.execute(
        "select section_path from paragraph_context p join sections s "
        "on s.section_id = p.section_id where s.parent_id is not null limit 1"
    ).fetchone()[0]
    assert " › " in path
    info = dict(con.execute("select key, value from dataset_info").fetchall())
    assert (
        info["schema_version"]
        == load_schema("facts").arrow_schema.metadata[b"schema_version"].decode()
    )


def test_the_figures_are_svg_with_text_and_the_card_shows_them(published):
    card = (published / "README.md").read_text(encoding="utf-8")
    figures = sorted((published / "figures").glob("*.svg"))
    assert len(figures) >= 5
    for path in figures:
        root = ET.fromstring(path.read_text(encoding="utf-8"))
        assert root.tag.endswith("svg")
        assert [t for t in root.iter() if t.tag.endswith("text") and (t.text or "").strip()]
        assert f"(figures/{path.name})" in card
    con = duckdb.connect(str(published / "policy_corpus.duckdb"), read_only=True)
    top_type, n = con.execute(
        "select cast(type as varchar), count(*) from facts group by 1 order by 2 desc limit 1"
    ).fetchone()
    facts_svg = (published / "figures" / "facts_per_type.svg").read_text(encoding="utf-8")
    assert f">{top_type}</text>" in facts_svg and f">{n:,}</text>" in facts_svg


def test_the_card_lists_each_sources_publication_and_licence_from_the_sidecar(published, tmp_path):
    from pipelines.outputs.card import render_card
    from pipelines.outputs.database import build_database
    from pipelines.provenance import load_provenance, provenance_columns
    from pipelines.schema import to_arrow
    from pipelines.store.parquet import write_parquet

    parquet = tmp_path / "parquet"
    shutil.copytree(published / "parquet", parquet)
    provenance = load_provenance(SEEDS_DIR)
    rows = pq.read_table(parquet / "sources.parquet").to_pylist()
    for row in rows:
        row.update(provenance_columns(provenance.get(row["file_name"])))
    write_parquet(to_arrow("sources", rows), parquet / "sources.parquet")
    build_database(parquet, tmp_path / "db.duckdb")
    notes = {name: p.note for name, p in provenance.items() if p.note}
    card = render_card(tmp_path / "db.duckdb", source_notes=notes)
    sources = card[card.index("## Source data") : card.index("## Licence")]
    for name, entry in provenance.items():
        line = next(x for x in sources.splitlines() if x.startswith(f"| {name} |"))
        assert f"| {entry.publication or 'unknown'} |" in line
        assert f"| {entry.published or 'unknown'} |" in line
        assert (entry.extraction or "unknown") in sources
    licences = card[card.index("## Licence") : card.index("## Tables")]
    assert all((p.licence or "unknown") in licences for p in provenance.values())


def test_the_database_loaded_by_two_workers_holds_what_one_worker_loads(published, tmp_path):
    from pipelines.outputs.database import build_database
    from pipelines.schema import TABLES

    parquet = published / "parquet"
    counts = {w: build_database(parquet, tmp_path / f"w{w}.duckdb", workers=w) for w in (1, 2)}
    assert counts[1] == counts[2] and all(counts[1][t] for t in ("documents", "facts"))
    con = duckdb.connect()
    con.execute(f"attach '{tmp_path / 'w1.duckdb'}' as one (read_only)")
    con.execute(f"attach '{tmp_path / 'w2.duckdb'}' as two (read_only)")
    for table in [*TABLES, "table_keys", "dataset_info"]:
        differ = con.execute(
            f"select count(*) from (select rowid, * from one.{table} "
            f"except all select rowid, * from two.{table})"
        ).fetchone()[0]
        assert differ == 0, table
    comments = (
        "select table_name, column_name, comment from duckdb_columns() "
        "where database_name = ? order by all"
    )
    assert con.execute(comments, ["one"]).fetchall() == con.execute(comments, ["two"]).fetchall()


def test_the_generated_files_are_the_same_bytes_when_written_again(published, tmp_path):
    from pipelines.outputs.croissant import write_croissant
    from pipelines.outputs.datapackage import write_datapackage
    from pipelines.outputs.figures import write_figures
    from pipelines.outputs.precision import extractor_precision

    parquet = published / "parquet"
    assert (
        write_datapackage(parquet, tmp_path).read_bytes()
        == (published / "datapackage.json").read_bytes()
    )
    assert (
        write_croissant(parquet, tmp_path).read_bytes()
        == (published / "croissant.json").read_bytes()
    )
    write_figures(published / "policy_corpus.duckdb", tmp_path / "figures", extractor_precision())
    for path in (published / "figures").glob("*.svg"):
        assert (tmp_path / "figures" / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_card_reports_precision_and_recall_per_type_on_the_blind_held_out_texts(published):
    from pipelines.evaluation.facts import HELDOUT_GROUPS
    from pipelines.outputs.precision import heldout_figures

    text = (published / "README.md").read_text(encoding="utf-8")
    section = text.split("### Precision and recall on held-out texts", 1)[1].split("\n## ", 1)[0]
    header = next(line for line in section.splitlines() if line.startswith("| type"))
    assert [g for g, _ in HELDOUT_GROUPS] == ["development", "blind"]
    assert "blind P" in header and "blind R" in header
    figures = {g.group: g for g in heldout_figures() or []}
    blind = figures["blind"]
    assert blind.sources and all(s in section for s in blind.sources)
    # the row of a type carries the figures `make eval` computes for it
    place = blind.per_type["place"]
    row = next(line for line in section.splitlines() if line.startswith("| place |"))
    assert f"| {place['expected']} | {place['precision']:.3f} | {place['recall']:.3f} |" in row
