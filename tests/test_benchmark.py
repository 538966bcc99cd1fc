"""The benchmark's corpus generator (deterministic, varied, sizes right) and its harness, run
against a stub build that has the real build's command line."""

import json
import sys
from pathlib import Path

import pytest

from pipelines.benchmark.__main__ import format_report, main, run_benchmark
from pipelines.benchmark.corpus import (
    analyse_seeds,
    copy_rng,
    paragraph_order,
    small_files,
    vary_copy,
    write_corpus,
)

STUB_BUILD = """
import argparse, json, os, sys, time
from pathlib import Path

parser = argparse.ArgumentParser()
for name in ("--input", "--output", "--stats"):
    parser.add_argument(name, required=True)
parser.add_argument("--workers", type=int, required=True)
args = parser.parse_args()
mode = os.environ.get("STUB_MODE", "ok")
if mode == "fail":
    print("stub: the build broke")
    sys.exit(3)
if mode == "hang":
    time.sleep(60)
held = bytearray(80 * 2**20)
for i in range(0, len(held), 4096):
    held[i] = 1  # resident, not just reserved
time.sleep(0.4 / args.workers)
files = sorted(Path(args.input).glob("*.txt"))
Path(args.stats).write_text(json.dumps({
    "wall_s": 0.4, "files": len(files), "bytes": sum(f.stat().st_size for f in files),
    "stages": {"segment": 0.1 * args.workers, "facts": 0.25, "files": 0.4},
    "phases": {"scan": 0.01, "shards": 0.3, "publish": 0.09},
}))
"""


@pytest.fixture(scope="module")
def stub(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("stub") / "build.py"
    path.write_text(STUB_BUILD, encoding="utf-8")
    return [sys.executable, str(path)]


def test_copy_zero_is_the_seed_and_copies_are_deterministic(seeds_dir: Path) -> None:
    seeds = analyse_seeds(seeds_dir)
    assert len(seeds) == 5
    for seed in seeds:
        assert vary_copy(seed, 0) == (seeds_dir / seed.name).read_bytes()
        assert vary_copy(seed, 7, rng_seed=1) == vary_copy(seed, 7, rng_seed=1)
        assert vary_copy(seed, 7, rng_seed=1) != vary_copy(seed, 7, rng_seed=2)


def test_copies_are_varied_so_no_paragraph_repeats(seeds_dir: Path) -> None:
    seeds = analyse_seeds(seeds_dir)
    for seed in seeds:
        original = vary_copy(seed, 0)
        copies = [vary_copy(seed, k) for k in (1, 2)]
        assert copies[0] != copies[1] != original
        for copy in copies:
            assert abs(len(copy) - len(original)) < 0.01 * len(original) + 200
        # every line with two CJK characters in a row changed: nothing a cache could reuse
        seen = {line for line in original.decode().split("\n") if len(line.strip()) > 8}
        again = [line for line in copies[0].decode().split("\n") if line in seen]
        assert len(again) <= 0.02 * len(seen) + 2, again[:5]
    titled = [s for s in seeds if s.titles]
    assert len(titled) == 5
    assert "（之1）".encode() in vary_copy(titled[1], 1)


def test_blocks_of_paragraphs_are_shuffled_inside_each_document(seeds_dir: Path) -> None:
    seed = max(analyse_seeds(seeds_dir), key=lambda s: len(s.units))
    order = paragraph_order(seed, copy_rng(seed, 1))
    assert sorted(order) == list(range(len(seed.units)))
    assert order != sorted(order)
    for first, last in seed.groups:
        assert order[first : first + 2] == [first, first + 1][: last - first]  # title stays
        assert sorted(order[first:last]) == list(range(first, last))  # nothing leaves
    moved = sum(1 for i, unit in enumerate(order) if unit != i)
    assert moved > 0.5 * len(order)
    # the copy is the varied units in that order: same lengths, plus the title markers
    copy = vary_copy(seed, 1)
    markers = len(seed.titles) * len("（之1）".encode())
    assert len(copy) == sum(len(u) for u in seed.units) + markers


def test_sizes_are_right(seeds_dir: Path, tmp_path: Path) -> None:
    seed_bytes = sum(p.stat().st_size for p in seeds_dir.glob("*.txt"))
    files, size = write_corpus("1", seeds_dir, tmp_path / "one")
    assert len(files) == 5 and size == seed_bytes
    files, size = write_corpus("3", seeds_dir, tmp_path / "three")
    assert len(files) == 15 and 3 * seed_bytes <= size < 3.01 * seed_bytes
    assert len({p.read_bytes() for p in files}) == 15
    files, size = write_corpus("small", seeds_dir, tmp_path / "small")
    assert len(files) == 1000 and size == seed_bytes
    joined = b"".join(p.read_bytes() for p in sorted(files))
    assert joined == b"".join(p.read_bytes() for p in sorted(seeds_dir.glob("*.txt")))
    assert all(p.read_bytes().strip() for p in files)
    assert max(p.stat().st_size for p in files) < 20 * seed_bytes / 1000


def test_small_files_split_large_paragraphs_when_there_are_too_few(seeds_dir: Path) -> None:
    seeds = analyse_seeds(seeds_dir)[:2]
    parts = small_files(seeds, count=300)
    assert len(parts) == 300
    assert b"".join(parts) == b"".join(vary_copy(s, 0) for s in seeds)


def test_harness_measures_each_size_and_the_speed_up(seeds_dir: Path, stub: list[str]) -> None:
    report = run_benchmark(
        sizes=["1", "small"],
        workers=[1, 2],
        build_cmd=stub,
        budget_s=300,
        jieba_sample_bytes=30_000,
        log=lambda _: None,
    )
    one, small, again = report["runs"]
    assert [r["status"] for r in report["runs"]] == ["ok", "ok", "ok"]
    assert (one["files"], small["files"]) == (5, 1000)
    assert one["bytes"] == small["bytes"] == one["build_stats"]["bytes"]
    for run in (one, small):
        assert run["workers"] == 1
        assert run["peak_rss_mb"] >= 80  # the stub holds 80 MB
        assert run["stages"] == {"segment": 0.1, "facts": 0.25, "files": 0.4}
        assert run["mb_per_s"] == pytest.approx(run["bytes"] / 1e6 / run["wall_s"], rel=0.01)
        jieba = run["jieba_lcut"]
        assert jieba["bytes"] >= 30_000 and jieba["sampled"] and jieba["mb_per_s"] > 0
        assert run["ratio"] == pytest.approx(run["mb_per_s"] / jieba["mb_per_s"], rel=0.01)
        # the per-file work alone (0.4 s) against jieba
        core = run["bytes"] / 1e6 / 0.4 / jieba["mb_per_s"]
        assert run["core_ratio"] == pytest.approx(core, rel=0.01)
    assert again["workers"] == 2 and again["stages"]["segment"] == 0.2
    speedup = report["speedup"]
    assert set(speedup["wall_s"]) == {"1", "2"}
    assert speedup["x"]["1"] == 1.0
    table = format_report(report)
    assert "| 1 | 5 |" in table and "text-core ratio" in table
    assert "phases 1 x1: scan 0.0 s, shards 0.3 s, publish 0.1 s" in table


def test_harness_reports_failed_timed_out_and_skipped_builds(
    stub: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = {"build_cmd": stub, "jieba_sample_bytes": 1, "log": lambda _: None}
    monkeypatch.setenv("STUB_MODE", "fail")
    (failed,) = run_benchmark(sizes=["1"], workers=[1], budget_s=60, **quiet)["runs"]
    assert failed["status"] == "failed" and failed["returncode"] == 3
    assert "the build broke" in failed["output_tail"]
    monkeypatch.setenv("STUB_MODE", "hang")
    (hung,) = run_benchmark(sizes=["1"], workers=[1], budget_s=1.5, **quiet)["runs"]
    assert hung["status"] == "timeout" and hung["wall_s"] < 10
    assert hung["peak_rss_mb"] is None  # killed: wait4 cannot see what it had started
    skipped = run_benchmark(sizes=["1", "30"], workers=[1, 2], budget_s=0, **quiet)
    assert [r["status"] for r in skipped["runs"]] == ["skipped", "skipped"]
    assert skipped["runs"][1]["files"] is None  # not even generated
    assert skipped["speedup"] is None


def test_the_command_line_writes_the_json(stub: list[str], tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    main(["--sizes", "1", "--workers", "1", "--jieba-sample-mb", "0.01", "--out", str(out),
          "--build-cmd", " ".join(stub)])  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["runs"][0]["status"] == "ok" and report["speedup"] is None


def test_the_report_table_has_a_header_cell_for_every_cell_of_a_row() -> None:
    from pipelines.benchmark.__main__ import format_report

    run = {
        "size": "1", "files": 5, "bytes": 334808, "workers": 1, "wall_s": 27.1,
        "mb_per_s": 0.0124, "peak_rss_mb": 734.8, "peak_tree_rss_mb": 743.6,
        "jieba_lcut": {"mb_per_s": 0.613}, "ratio": 0.0202, "status": "ok",
    }  # fmt: skip
    header, rule, row = format_report({"runs": [run]}).splitlines()[:3]
    assert header.count("|") == rule.count("|") == row.count("|")
    assert "peak tree RSS MB" in header
