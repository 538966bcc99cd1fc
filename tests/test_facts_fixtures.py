"""The extractors against the hand-written fixtures (tests/fixtures/facts/*.yaml).

Thresholds sit a little below what the extractors reached when they were written (see
pipelines/evaluation/facts.py), so that regressions fail and small changes do not.
"""

import pytest

from pipelines.evaluation.facts import HELDOUT, evaluate, load_cases
from pipelines.text.model import FACT_TYPES


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate()


def test_fixture_size() -> None:
    cases = [c for c in load_cases() if c["kind"] == "cases"]
    seeds = sum(len(c["facts"]) for c in cases if not str(c["source"]).startswith("ext_"))
    corpus = sum(len(c["facts"]) for c in cases if str(c["source"]).startswith("ext_"))
    sources = {c["source"] for c in cases}
    assert seeds >= 250 and corpus >= 40
    assert sum(1 for s in sources if not s.startswith("ext_")) == 5
    assert any(c["kind"] == "negatives" for c in load_cases())


def test_fixture_texts_are_in_their_contexts(result: dict) -> None:
    assert [p for p in result["problems"] if p.startswith("FIXTURE")] == []


@pytest.mark.parametrize("type_", FACT_TYPES)
def test_precision_and_recall_per_type(result: dict, type_: str) -> None:
    r = result["per_type"][type_]
    assert r["expected"] >= 10, f"too few {type_} facts annotated"
    assert r["precision"] >= 0.95, r
    assert r["recall"] >= 0.92, r


def test_normalised_values(result: dict) -> None:
    assert result["values_right_date_percent_money"] >= 0.98
    for t in ("date", "percent", "money", "quantity"):
        assert result["per_type"][t]["values_right"] >= 0.97


def test_negatives(result: dict) -> None:
    assert result["negatives"]["failed"] == 0, [
        p for p in result["problems"] if p.startswith("NEGATIVE")
    ]


def test_the_held_out_texts_do_not_regress() -> None:
    """The 2018–2021 texts annotated before the extractors ever ran on them. Two of them are a
    development pair whose misses were read to find categories of error, two stay blind (see
    `make eval`; HELDOUT_DEV, HELDOUT_BLIND). The floors only catch a regression (precision
    0.960, recall 0.916 over the four when set); the goal per type is not reached for every
    type yet (persons and places)."""
    heldout = evaluate(HELDOUT)
    assert heldout["expected_total"] >= 1000
    assert heldout["precision"] >= 0.94 and heldout["recall"] >= 0.89, (
        heldout["precision"],
        heldout["recall"],
    )


def test_every_held_out_fact_is_found_in_its_own_context() -> None:
    """All held-out files, blind round 4 included, are well-formed: each annotated text occurs
    in its case (the figures of the blind files are printed by `make eval`, never their misses)."""
    heldout = evaluate("heldout/*.yaml")
    assert heldout["expected_total"] >= 1200
    assert [p for p in heldout["problems"] if p.startswith("FIXTURE")] == []
