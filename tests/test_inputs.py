"""The input folder as the build sees it: what is a source, what is skipped and why,
duplicates, names that are not UTF-8, and the shard plan."""

import os
from pathlib import Path

import pytest

from pipelines.store.inputs import display_name, raw_name, scan_inputs
from pipelines.store.shards import ROOT, SourceFile, plan_shards, shard_of

NOTICE = "关于做好防汛工作的通知\n各单位：\n要切实做好防汛工作。\n".encode()


def test_every_entry_that_is_not_a_source_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(NOTICE)
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(NOTICE)
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / ".hidden.txt").write_bytes(NOTICE)
    (tmp_path / "sources.yaml").write_text("{}")
    scan = scan_inputs(tmp_path)
    assert [f.name for f in scan.files] == ["a.txt"]
    reasons = dict(scan.skipped)
    assert set(reasons) == {
        "notes.md",
        "sub",
        "dir.txt",
        "dangling.txt",
        "loop.txt",
        ".hidden.txt",
        "sources.yaml",
    }
    assert "subfolder" in reasons["sub"] and "subfolder" in reasons["dir.txt"]
    assert "dangling" in reasons["dangling.txt"]
    assert "cannot follow" in reasons["loop.txt"]
    assert "not a source file" in reasons["notes.md"]


def test_a_symlink_and_a_byte_identical_copy_are_duplicates_of_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(NOTICE)
    (tmp_path / "b_copy.txt").write_bytes(NOTICE)
    (tmp_path / "c_link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "d_other.txt").write_bytes(NOTICE + "补".encode())
    files = {f.name: f for f in scan_inputs(tmp_path).files}
    assert files["a.txt"].duplicate_of is None
    assert files["b_copy.txt"].duplicate_of == "a.txt"
    assert files["c_link.txt"].duplicate_of == "a.txt"
    assert files["d_other.txt"].duplicate_of is None


def test_hashes_are_reused_when_size_and_time_are_unchanged(tmp_path: Path) -> None:
    folder, cache = tmp_path / "in", tmp_path / "hashes.json"
    folder.mkdir()
    (folder / "a.txt").write_bytes(NOTICE)
    first = scan_inputs(folder, cache).files[0]
    assert cache.exists()
    (folder / "a.txt").write_bytes(NOTICE.replace("防汛".encode(), "抗旱".encode()))
    second = scan_inputs(folder, cache).files[0]
    assert second.sha256 != first.sha256  # size equal, modification time changed


def test_a_gbk_file_name_is_shown_readable_and_kept_as_bytes() -> None:
    name = os.fsdecode("防汛通知.txt".encode("gbk"))
    assert display_name(name) == "防汛通知.txt"
    assert raw_name(name) == "防汛通知.txt".encode("gbk").hex()
    assert raw_name("防汛通知.txt") is None
    garbage = os.fsdecode(b"\xff\xfe\xfa.txt")
    assert display_name(garbage).endswith(".txt") and "\\x" in display_name(garbage)


def test_the_shard_plan_splits_by_name_hash_and_is_stable_when_files_are_added() -> None:
    files = [SourceFile(f"f{i:04d}.txt", 1000) for i in range(1000)]
    plan = plan_shards(files, max_files=100)
    assert all(len(v) <= 100 for v in plan.values())
    assert sorted(f.name for v in plan.values() for f in v) == sorted(f.name for f in files)
    assert all(shard_of(f.name, plan) == k for k, v in plan.items() for f in v)
    grown = plan_shards([*files, SourceFile("new.txt", 1000)], max_files=100)
    changed = [k for k in grown if grown[k] != plan.get(k)]
    assert 1 <= len(changed) <= 2  # the shard of the new file, or the two halves it split into
    assert plan_shards(files[:3]) == {ROOT: sorted(files[:3], key=lambda f: f.name)}


def test_a_shard_over_the_byte_limit_is_split_but_a_single_big_file_is_its_own_shard() -> None:
    big = [SourceFile("huge.txt", 10**9), SourceFile("small.txt", 10)]
    plan = plan_shards(big, max_bytes=10**6)
    assert sorted(len(v) for v in plan.values()) == [1, 1]
    with pytest.raises(ValueError):
        plan_shards(big, max_files=0)
