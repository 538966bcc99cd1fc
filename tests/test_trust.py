"""Trust at corpus scale: a source whose rows fail an ERROR expectation is quarantined and
the rest is published; one build at a time per output folder; an output folder that is not
a dataset is refused; file names that are not UTF-8, very long or unreadable files are
handled per file."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pyarrow.parquet as pq
import pytest
from builds import build_env, smallest_seeds

import pipelines.text.tables as text_tables
from pipelines.build import build
from pipelines.paths import REPO_ROOT
from pipelines.store.lock import MARKER
from pipelines.store.publication import PAUSE_ENV, PAUSE_FLAG_ENV

pytestmark = pytest.mark.slow

NOTICE = "关于做好防汛工作的通知\n各单位：\n要切实做好防汛工作，确保安全度汛。\n2020年7月1日\n"


def _small_inputs(folder: Path, count: int = 2) -> Path:
    return smallest_seeds(folder, count)


def _quiet(*_: object) -> None:
    return None


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        yield inst


def _corrupt(name: str):
    """A build_source_tables that gives one file a paragraph whose MD5 is wrong (rows a
    per-source expectation catches), the others untouched."""
    real = text_tables.build_source_tables

    def patched(file_name: str, data: bytes, *args, **kwargs):
        result = real(file_name, data, *args, **kwargs)
        if file_name == name and result.tables["paragraphs"]:
            result.tables["paragraphs"][0]["text_md5"] = "0" * 32
        return result

    return patched


def test_a_source_failing_an_error_expectation_is_quarantined_and_the_rest_published(
    tmp_path, instance, monkeypatch
):
    inputs = _small_inputs(tmp_path / "in")
    (inputs / "bad_notice.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setattr(text_tables, "build_source_tables", _corrupt("bad_notice.txt"))
    lines: list[str] = []
    out = tmp_path / "out"
    summary = build(inputs, out, workers=1, instance=instance, log=lines.append)
    [(sid, error)] = summary["quarantined"].items()
    assert "text_md5 is the MD5 of text" in error
    assert any(line.startswith("  QUARANTINED") and sid in line for line in lines)
    sources = {
        r["file_name"]: r for r in pq.read_table(out / "parquet" / "sources.parquet").to_pylist()
    }
    bad = sources["bad_notice.txt"]
    assert bad["status"] == "quarantined" and bad["source_id"] == sid and "MD5" in bad["error"]
    assert bad["document_count"] == bad["paragraph_count"] == bad["removed_count"] == 0
    assert all(r["status"] == "ok" for n, r in sources.items() if n != "bad_notice.txt")
    for table in ("documents", "paragraphs", "removed"):
        published = pq.read_table(out / "parquet" / f"{table}.parquet").column("source_id")
        assert sid not in published.to_pylist(), table
    assert pq.read_table(out / "parquet" / "paragraphs.parquet").num_rows > 10
    report = (out / "validation" / "index.html").read_text(encoding="utf-8")
    assert "Quarantined sources" in report and "bad_notice.txt" in report
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "quarantined" in card


def test_strict_mode_fails_on_a_quarantine_and_publishes_nothing(tmp_path, instance, monkeypatch):
    inputs = _small_inputs(tmp_path / "in", 1)
    (inputs / "bad_notice.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setattr(text_tables, "build_source_tables", _corrupt("bad_notice.txt"))
    out = tmp_path / "out"
    with pytest.raises(SystemExit, match="sources_strict"):
        build(inputs, out, workers=1, strict=True, instance=instance, log=_quiet)
    assert not (out / "parquet").exists()


def test_an_output_folder_that_is_not_a_dataset_is_refused_and_left_alone(tmp_path, instance):
    inputs = _small_inputs(tmp_path / "in", 1)
    (inputs / "README.md").write_text("my notes", encoding="utf-8")
    (inputs / "validation").mkdir()
    (inputs / "validation" / "mine.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="is the input folder"):
        build(inputs, inputs, instance=instance, log=_quiet)
    elsewhere = tmp_path / "mine"
    elsewhere.mkdir()
    (elsewhere / "README.md").write_text("my notes", encoding="utf-8")
    with pytest.raises(SystemExit, match="not a dataset of policy-corpus"):
        build(inputs, elsewhere, instance=instance, log=_quiet)
    assert (inputs / "README.md").read_text(encoding="utf-8") == "my notes"
    assert (inputs / "validation" / "mine.txt").exists()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["README.md"]
    fresh = tmp_path / "fresh"
    build(inputs, fresh, instance=instance, log=_quiet)
    assert (fresh / MARKER).exists()
    build(inputs, fresh, instance=instance, log=_quiet)  # a dataset of ours: rebuilt in place


def test_odd_file_names_and_an_unreadable_file_are_handled_per_file(
    tmp_path, instance, monkeypatch
):
    inputs = _small_inputs(tmp_path / "in", 1)
    gbk = os.fsencode(inputs) + b"/" + "防汛通知.txt".encode("gbk")
    Path(os.fsdecode(gbk)).write_text(NOTICE, encoding="utf-8")
    long_name = "关于" + "进一步做好防汛抗旱和安全度汛工作" * 4 + "的通知.txt"
    assert len(long_name) > 70
    (inputs / long_name).write_text(NOTICE.replace("防汛", "抗旱"), encoding="utf-8")
    (inputs / "locked.txt").write_text(NOTICE.replace("防汛", "防台"), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    build(inputs, out, workers=1, instance=instance, log=_quiet)
    sources = {
        r["file_name"]: r for r in pq.read_table(out / "parquet" / "sources.parquet").to_pylist()
    }
    assert sources["防汛通知.txt"]["status"] == "ok"
    assert sources["防汛通知.txt"]["file_name_bytes"] == "防汛通知.txt".encode("gbk").hex()
    assert sources[long_name]["status"] == "ok"
    locked = sources["locked.txt"]
    assert locked["status"] == "rejected" and "cannot be read" in locked["error"]
    assert "locked.txt" in locked["error"]


# ---------------------------------------------------------------------------------------------
# two builds at once


_env = build_env


def _run(inputs: Path, out: Path, env: dict[str, str], **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.build", "--input", str(inputs), "--output", str(out)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def _wait_for(flag: Path, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not flag.exists():
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
        assert time.monotonic() < deadline, "the build never reached its pause point"
        time.sleep(0.1)


def _describes(out: Path) -> set[str]:
    """The source files the published tables, DuckDB, card and report describe (all equal)."""
    parquet = set(
        pq.read_table(out / "parquet" / "sources.parquet").column("file_name").to_pylist()
    )
    con = duckdb.connect(str(out / "policy_corpus.duckdb"), read_only=True)
    database = {r[0] for r in con.execute("select file_name from sources").fetchall()}
    con.close()
    card = (out / "README.md").read_text(encoding="utf-8")
    report = (out / "validation" / "results.json").read_text(encoding="utf-8")
    assert parquet == database
    assert all(name in card for name in parquet)
    assert f'"rows": {len(parquet)}' in report
    return parquet


@pytest.mark.parametrize("same_input", [True, False], ids=["same input", "other input"])
def test_a_second_build_into_the_same_output_is_refused_while_the_first_runs(tmp_path, same_input):
    first_in = _small_inputs(tmp_path / "a", 2)
    second_in = first_in if same_input else _small_inputs(tmp_path / "b", 1)
    out, flag = tmp_path / "out", tmp_path / "paused"
    home = tmp_path / "home"
    first = _run(first_in, out, _env(home, **{PAUSE_ENV: "staging", PAUSE_FLAG_ENV: str(flag)}))
    try:
        _wait_for(flag, first)
        second = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipelines.build",
                "--input",
                str(second_in),
                "--output",
                str(out),
            ],
            cwd=REPO_ROOT,
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert second.returncode != 0
        assert "being written by another build" in second.stdout + second.stderr
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.build", "--input", str(second_in), "--output", str(out)],
        cwd=REPO_ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _describes(out) == {p.name for p in second_in.glob("*.txt")}


# ---------------------------------------------------------------------------------------------
# a published dataset proves it is intact (`make verify`)


@pytest.fixture(scope="module")
def small_dataset(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("verify")
    inputs, out = _small_inputs(root / "in", 2), root / "out"
    with dg.instance_for_test() as inst:
        build(inputs, out, instance=inst, log=_quiet)
    return inputs, out


def _verify(out: Path, inputs: Path | None = None) -> tuple[int, str]:
    import contextlib
    import io

    from pipelines.verify import main

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["--output", str(out), *(["--input", str(inputs)] if inputs else [])])
    return code, buffer.getvalue()


def _copy(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(out, target, ignore=shutil.ignore_patterns(".work", ".lock"))
    return target


def test_an_intact_dataset_verifies(small_dataset):
    inputs, out = small_dataset
    code, text = _verify(out, inputs)
    assert code == 0, text
    assert "every file matches its checksum" in text


def test_a_truncated_parquet_file_is_named(small_dataset, tmp_path):
    out = _copy(small_dataset[1], tmp_path)
    path = out / "parquet" / "sentences.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    code, text = _verify(out)
    assert code == 1
    assert "FILE parquet/sentences.parquet: changed" in text


def test_a_duplicated_id_is_named_by_file_and_expectation(small_dataset, tmp_path):
    import pyarrow as pa

    from pipelines.store.parquet import write_parquet

    out = _copy(small_dataset[1], tmp_path)
    path = out / "parquet" / "paragraphs.parquet"
    table = pq.read_table(path)
    write_parquet(pa.concat_tables([table, table.slice(0, 1)]), path)
    code, text = _verify(out)
    assert code == 1
    assert "FILE parquet/paragraphs.parquet: changed" in text
    assert "EXPECTATION paragraphs:" in text and "unique" in text


def test_a_deleted_file_is_named(small_dataset, tmp_path):
    out = _copy(small_dataset[1], tmp_path)
    (out / "validation" / "index.html").unlink()
    (out / "parquet" / "removed.parquet").unlink()
    code, text = _verify(out)
    assert code == 1
    assert "FILE validation/index.html: missing" in text
    assert "FILE parquet/removed.parquet: missing" in text
