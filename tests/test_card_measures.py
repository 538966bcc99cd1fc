"""The card's measured figures are kept per code and fixtures: read back as they were measured,
measured again when the key changes or the kept file is damaged."""

import pytest

from pipelines.outputs import measured
from pipelines.outputs.precision import ExtractorPrecision, HeldOutFigures

PRECISION = [
    ExtractorPrecision("date.absolute", 12, 11, 5, 4),
    ExtractorPrecision("place.list", 3, 3, 0, 0),
]
HELDOUT = [
    HeldOutFigures(
        "blind",
        ("a.txt", "b.txt"),
        {
            "percent": {"expected": 2, "predicted": 2, "precision": 1.0, "recall": 1.0},
            "date": {"expected": 7, "predicted": 6, "precision": 1.0, "recall": 0.857142857142857},
        },
        0.9523809523809523,
        None,
    )
]


@pytest.fixture
def measuring(monkeypatch):
    calls = []

    def precision():
        calls.append("precision")
        return PRECISION

    def heldout():
        calls.append("heldout")
        return HELDOUT

    monkeypatch.setattr(measured, "extractor_precision", precision)
    monkeypatch.setattr(measured, "heldout_figures", heldout)
    monkeypatch.setattr(measured, "measures_key", lambda: "k1")
    return calls


def _measure(tmp_path):
    return measured.card_measures.__wrapped__(tmp_path)


def test_kept_figures_read_back_equal_to_what_was_measured(tmp_path, measuring) -> None:
    first = _measure(tmp_path)
    assert measuring == ["precision", "heldout"]
    second = _measure(tmp_path)
    assert measuring == ["precision", "heldout"]  # read, not measured again
    assert second == first == measured.CardMeasures(PRECISION, HELDOUT)
    assert isinstance(second.heldout[0].sources, tuple)
    assert list(second.heldout[0].per_type) == ["percent", "date"]  # the card's row order
    assert [p.name for p in (tmp_path / "card-figures").iterdir()] == ["k1.json"]


def test_a_new_key_measures_again_and_drops_the_old_file(tmp_path, measuring, monkeypatch) -> None:
    _measure(tmp_path)
    monkeypatch.setattr(measured, "measures_key", lambda: "k2")
    _measure(tmp_path)
    assert measuring == ["precision", "heldout"] * 2
    assert [p.name for p in (tmp_path / "card-figures").iterdir()] == ["k2.json"]


def test_a_damaged_file_is_measured_again(tmp_path, measuring) -> None:
    (tmp_path / "card-figures").mkdir()
    (tmp_path / "card-figures" / "k1.json").write_text('{"precision": [', encoding="utf-8")
    assert _measure(tmp_path) == measured.CardMeasures(PRECISION, HELDOUT)
    assert measuring == ["precision", "heldout"]


def test_the_key_changes_with_a_fixture_or_the_evaluation_code(tmp_path, monkeypatch) -> None:
    fixture = tmp_path / "tests" / "fixtures" / "facts" / "one.yaml"
    code = tmp_path / "pipelines" / "evaluation" / "facts.py"
    for path in (fixture, code, tmp_path / "pipelines" / "outputs" / "precision.py"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a", encoding="utf-8")
    monkeypatch.setattr(measured, "REPO_ROOT", tmp_path)
    keys = [measured.measures_key()]
    fixture.write_text("b", encoding="utf-8")
    keys.append(measured.measures_key())
    code.write_text("b", encoding="utf-8")
    keys.append(measured.measures_key())
    assert len(set(keys)) == 3 and keys[-1] == measured.measures_key()
