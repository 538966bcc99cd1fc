"""The derived tables are validated in shares of rows (their frames are corpus-wide); the
shares' merged reports say what one pass over the whole table says."""

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.contract import dataset
from pipelines.contract.dataset import DERIVED, validate_derived
from pipelines.contract.report import merge_reports
from pipelines.paths import REPO_ROOT

PUBLISHED = REPO_ROOT / "outputs" / "parquet"


def _summary(reports) -> dict:
    return {
        (r.table, r.suite, o.key): (o.success, o.unexpected_count, o.element_count)
        for r in merge_reports(reports)
        for o in r.outcomes
    }, {(r.table, r.suite): r.rows for r in merge_reports(reports)}


@pytest.fixture
def staged(tmp_path: Path) -> dict[str, list[Path]]:
    """The published seed tables, with two faults in near_duplicates: one pair twice (a
    primary key that is not unique) and a similarity above 1."""
    for path in PUBLISHED.glob("*.parquet"):
        shutil.copy(path, tmp_path / path.name)
    pairs = pq.read_table(tmp_path / "near_duplicates.parquet")
    assert pairs.num_rows >= 3
    similarity = pairs.column("similarity").to_pylist()
    similarity[1] = 1.5
    pairs = pairs.set_column(
        pairs.schema.get_field_index("similarity"),
        pairs.schema.field("similarity"),
        pa.array(similarity, pairs.schema.field("similarity").type),
    )
    pairs = pa.concat_tables([pairs, pairs.slice(0, 1)])
    pq.write_table(pairs, tmp_path / "near_duplicates.parquet")
    return {p.stem: [p] for p in tmp_path.glob("*.parquet")}


def test_shares_of_a_few_rows_report_what_the_whole_table_reports(staged, monkeypatch):
    whole = _summary(validate_derived(staged, list(DERIVED)))
    monkeypatch.setattr(dataset, "DERIVED_SHARE_ROWS", 3)
    shared = validate_derived(staged, list(DERIVED))
    assert len(shared) > 2 * len(DERIVED) * 2  # several shares of each table, two suites each
    assert _summary(shared) == whole


def test_the_faults_are_found_across_shares(staged, monkeypatch):
    monkeypatch.setattr(dataset, "DERIVED_SHARE_ROWS", 3)
    outcomes, rows = _summary(validate_derived(staged, ["near_duplicates"]))
    failed = {key for key, (success, _, _) in outcomes.items() if not success}
    assert any("similarity" in str(key) for key in failed)
    assert any("primary key" in str(key) or "unique" in str(key) for key in failed)
    assert (
        rows[("near_duplicates", "schema")]
        == pq.read_metadata(staged["near_duplicates"][0]).num_rows
    )


def test_shares_validated_by_two_workers_report_what_one_worker_reports(staged, monkeypatch):
    monkeypatch.setattr(dataset, "DERIVED_SHARE_ROWS", 3)
    one = validate_derived(staged, list(DERIVED))
    two = validate_derived(staged, list(DERIVED), workers=2)
    assert [(r.table, r.suite, r.rows) for r in two] == [(r.table, r.suite, r.rows) for r in one]
    assert _summary(two) == _summary(one)
    assert any(not success for success, _, _ in _summary(two)[0].values())  # the faults


def test_a_derived_table_is_validated_once_while_the_other_is_staged(tmp_path, monkeypatch):
    for path in PUBLISHED.glob("*.parquet"):
        shutil.copy(path, tmp_path / path.name)
    calls: list[list[str]] = []
    real = dataset.validate_derived

    def counted(parquet, tables, workers=1):
        calls.append(list(tables))
        return real(parquet, tables, workers)

    monkeypatch.setattr(dataset, "validate_derived", counted)
    dataset._cache.clear()
    formulas = tmp_path / "formulas.parquet"
    formulas.rename(tmp_path / "formulas.later")
    first = [p.stem for p in tmp_path.glob("*.parquet")]
    dataset.dataset_reports([], tmp_path, first, "state")
    (tmp_path / "formulas.later").rename(formulas)
    every = [p.stem for p in tmp_path.glob("*.parquet")]
    reports = dataset.dataset_reports([], tmp_path, every, "state")
    assert calls == [["near_duplicates"], ["formulas"]]
    assert {r.table for r in reports} >= {"formulas", "near_duplicates"}
