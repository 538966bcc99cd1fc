"""The whole Dagster graph, materialised in process on the seeds: outputs, determinism,
incremental partitions, blocking checks."""

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.build import build
from pipelines.card import EXAMPLE_QUERIES
from pipelines.defs.resources import CorpusSettings
from pipelines.paths import OUTPUTS_DIR, REPO_ROOT, SEEDS_DIR
from pipelines.schema import TABLES, load_schema
from pipelines.store.parquet import file_sha256, write_parquet
from pipelines.store.shards import plan_shards
from pipelines.store.workspace import Workspace

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def instance():
    with dg.instance_for_test() as inst:
        yield inst


@pytest.fixture(scope="module")
def built(tmp_path_factory, instance) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    build(SEEDS_DIR, out, instance=instance, log=lambda *_: None)
    return out


def test_build_writes_every_table_the_database_and_the_card(built):
    for table in TABLES:
        data = pq.read_table(built / "parquet" / f"{table}.parquet")
        assert data.schema.names == load_schema(table).column_names
    con = duckdb.connect(str(built / "policy_corpus.duckdb"), read_only=True)
    assert con.execute("select count(*) from sources where status = 'ok'").fetchone()[0] == 5
    assert con.execute("select count(*) from paragraphs").fetchone()[0] > 100
    for _title, sql in EXAMPLE_QUERIES:
        assert con.execute(sql).fetchall(), sql
    card = (built / "README.md").read_text(encoding="utf-8")
    assert "## Schema" in card and "## Example queries" in card
    assert not (built / ".staging").exists()


def test_each_table_asset_shows_rows_schema_preview_and_published_path(built, instance):
    """What a user sees in the UI for each table (runs before other builds reuse the instance)."""
    for table in TABLES:
        event = instance.get_latest_materialization_event(dg.AssetKey(table))
        meta = event.asset_materialization.metadata
        published = built / "parquet" / f"{table}.parquet"
        assert meta["dagster/row_count"].value == pq.read_metadata(published).num_rows, table
        columns = meta["dagster/column_schema"].schema.columns
        assert [c.name for c in columns] == load_schema(table).column_names
        assert all(c.description for c in columns), table
        assert meta["preview"].value.records or not meta["dagster/row_count"].value
        assert Path(meta["path"].path) == published and published.exists()


def test_rebuild_reproduces_the_committed_outputs_byte_for_byte(built):
    """The published dataset in outputs/ is exactly what the code builds from seeds/."""
    for table in TABLES:
        committed = OUTPUTS_DIR / "parquet" / f"{table}.parquet"
        assert committed.exists(), f"{committed.name} is not published; run make build"
        assert (built / "parquet" / f"{table}.parquet").read_bytes() == committed.read_bytes(), (
            table
        )
    fresh = duckdb.connect(str(built / "policy_corpus.duckdb"), read_only=True)
    published = duckdb.connect(str(OUTPUTS_DIR / "policy_corpus.duckdb"), read_only=True)
    for table in TABLES:
        q = f"select * from {table} order by all"
        assert fresh.execute(q).fetchall() == published.execute(q).fetchall(), table


def _shards(folder: Path, max_files: int) -> dict[str, list[str]]:
    files = CorpusSettings(input_dir=str(folder)).scan(hashed=False).files
    return {k: [f.name for f in v] for k, v in plan_shards(files, max_files=max_files).items()}


def test_a_new_file_processes_only_its_shard(built, instance, tmp_path):
    """Files are processed in shards (here of at most 2 files): adding files re-processes
    only the shards whose files changed; the others are reused from the work cache."""
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS_DIR, inputs)
    out = tmp_path / "out"
    first = build(inputs, out, shard_files=2, instance=instance, log=lambda *_: None)
    before = _shards(inputs, 2)
    assert first["processed_shards"] == sorted(before) and len(before) >= 3
    (inputs / "new_notice.txt").write_text(
        "关于做好防汛工作的通知\n各单位：\n要切实做好防汛工作。\n", encoding="utf-8"
    )
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    second = build(inputs, out, shard_files=2, instance=instance, log=lambda *_: None)
    after = _shards(inputs, 2)
    changed = sorted(k for k, files in after.items() if before.get(k) != files)
    assert second["processed_shards"] == changed
    assert 1 <= len(changed) < len(after)
    # a changed shard holds a new file, or is a half of a shard that the new files split
    assert all(k not in before or {"new_notice.txt", "broken.txt"} & set(after[k]) for k in changed)
    sources = pq.read_table(out / "parquet" / "sources.parquet").to_pylist()
    broken = next(s for s in sources if s["file_name"] == "broken.txt")
    assert broken["status"] == "rejected" and "NUL" in broken["error"]
    assert sum(s["status"] == "ok" for s in sources) == 6
    assert _published(out) == _published(built) | {"new_notice.txt", "broken.txt"}


def _published(out: Path) -> set[str]:
    return set(pq.read_table(out / "parquet" / "sources.parquet").column("file_name").to_pylist())


def test_a_tampered_work_table_is_rebuilt_not_published(built, instance, tmp_path):
    """A cached shard table that no longer has the checksum its manifest records (a crash,
    a full disk, a hand edit) makes the shard be processed again."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    settings = CorpusSettings(input_dir=str(SEEDS_DIR), output_dir=str(out))
    path = Workspace(settings.work_path).part_path("paragraphs", "all")
    write_parquet(_duplicate_first_row(pq.read_table(path)), path)
    lines: list[str] = []
    result = build(SEEDS_DIR, out, instance=instance, log=lines.append)
    assert result["processed_shards"] == ["all"]
    assert any("fails its checksum" in line for line in lines), lines
    for table in TABLES:
        name = f"{table}.parquet"
        assert (out / "parquet" / name).read_bytes() == (built / "parquet" / name).read_bytes()


def test_a_broken_table_fails_its_blocking_check_and_nothing_is_published(
    built, instance, tmp_path
):
    """Rows that got past the per-shard validation (simulated: a duplicated row written into
    the cache with a matching checksum) are caught by the corpus-wide checks on the
    assembled table, and nothing is published."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = (out / "parquet" / "paragraphs.parquet").read_bytes()
    settings = CorpusSettings(input_dir=str(SEEDS_DIR), output_dir=str(out))
    workspace = Workspace(settings.work_path)
    path = workspace.part_path("paragraphs", "all")
    write_parquet(_duplicate_first_row(pq.read_table(path)), path)
    manifest = workspace.manifest("all")
    manifest["parts"]["paragraphs"].update(sha256=file_sha256(path), bytes=path.stat().st_size)
    workspace.write_manifest("all", manifest)
    lines: list[str] = []
    with pytest.raises(SystemExit, match="not published") as failure:
        build(SEEDS_DIR, out, instance=instance, log=lines.append)
    assert "paragraphs/paragraphs_integrity" in str(failure.value)
    failed = [line for line in lines if line.startswith("CHECK FAILED paragraphs/")]
    assert failed and any("para_id" in line for line in failed), lines
    assert (out / "parquet" / "paragraphs.parquet").read_bytes() == before


def _duplicate_first_row(table):
    import pyarrow as pa

    return pa.concat_tables([table, table.slice(0, 1)])


def test_the_code_location_loads():
    result = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-m", "pipelines.definitions"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cards_fact_queries_return_typed_normalised_values(built):
    """The card's queries over `facts` answer with values a program can compare."""
    from pipelines.card import run_examples

    results = {
        title: (cols, rows)
        for title, _sql, cols, rows in run_examples(built / "policy_corpus.duckdb")
    }
    by_year = next(v for k, v in results.items() if k.startswith("Percentages with the nearest"))
    cols, rows = by_year
    year, value = cols.index("year"), cols.index("value_num")
    # a fall is signed (下降3% is -0.03): values are fractions, never zero
    assert rows and all(r[year].isdigit() and 0 < abs(r[value]) < 100 for r in rows)
    cited = next(v for k, v in results.items() if k.startswith("Which documents cite"))
    assert all(r[cited[0].index("cited")] for r in cited[1])
    per_year = next(v for k, v in results.items() if k.startswith("How often each formula"))
    assert all(r[per_year[0].index("occurrences")] >= 1 for r in per_year[1])
