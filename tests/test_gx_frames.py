"""Great Expectations judges the narrow frames DuckDB computed, without fingerprinting them."""

import pandas as pd
import pytest

from pipelines.contract.gx import expectation, new_suite, run_suite
from pipelines.contract.outcomes import ERROR


def _suite():
    return new_suite(
        "tiny_fingerprint",
        [
            expectation(
                "ExpectColumnValuesToBeBetween",
                ERROR,
                "counts are positive",
                column="n",
                min_value=1,
            )
        ],
    )


def test_a_validated_frame_is_not_hashed_for_a_batch_fingerprint(monkeypatch):
    from great_expectations.execution_engine import pandas_execution_engine

    suite = _suite()  # (the context is set up before the hash is guarded)

    def hashing(frame):
        raise AssertionError("GX hashed the whole frame to fingerprint its batch")

    monkeypatch.setattr(pandas_execution_engine, "hash_pandas_dataframe", hashing)
    frame = pd.DataFrame({"row_id": ["a", "b", "c"], "n": [1, 0, 3]})
    [outcome] = run_suite("tiny_fingerprint", frame, suite, ["row_id"])
    assert not outcome.success
    assert outcome.unexpected_count == 1
    assert outcome.sample == [{"row_id": "b"}]


@pytest.mark.parametrize("values, ok", [([1, 2], True), ([2, -1], False)])
def test_an_unfingerprinted_frame_passes_and_fails_as_its_values_say(values, ok):
    frame = pd.DataFrame({"row_id": ["a", "b"], "n": values})
    [outcome] = run_suite("tiny_fingerprint", frame, _suite(), ["row_id"])
    assert outcome.success is ok


def _suite_of_many():
    return new_suite(
        "tiny_memo",
        [
            expectation(
                "ExpectColumnValuesToBeBetween",
                ERROR,
                "n in 1..5",
                column="n",
                min_value=1,
                max_value=5,
            ),
            expectation("ExpectColumnValuesToNotBeNull", ERROR, "n is set", column="n"),
            expectation(
                "ExpectColumnValuesToBeInSet",
                ERROR,
                "kind known",
                column="kind",
                value_set=["a", "b"],
            ),
            expectation("ExpectColumnValuesToBeUnique", ERROR, "row_id unique", column="row_id"),
        ],
    )


def test_each_expectation_builds_its_configuration_once_per_validation_with_the_same_outcomes(
    monkeypatch,
):
    """GX rebuilds an expectation's configuration on every read (dozens of reads per
    expectation while it builds the metric graph); during a validation each expectation
    object builds it once, and the outcomes are those of GX's own property."""
    from great_expectations.expectations.expectation import Expectation

    from pipelines.contract import gx

    frame = pd.DataFrame(
        {"row_id": ["a", "b", "c", "c"], "n": [1, 9, None, 3], "kind": ["a", "z", "b", "a"]}
    )
    suite = _suite_of_many()
    memoized = run_suite("tiny_memo", frame, suite, ["row_id"])
    build = gx._original_configuration()
    built: list[int] = []

    def counting(self):
        built.append(id(self))
        return build(self)

    monkeypatch.setattr(Expectation, "configuration", property(gx._configuration_reader(counting)))
    assert run_suite("tiny_memo", frame, suite, ["row_id"]) == memoized
    once = len(built)
    assert once == len(set(built)), "an expectation built its configuration twice"

    built.clear()
    monkeypatch.setattr(Expectation, "configuration", property(counting))
    assert run_suite("tiny_memo", frame, suite, ["row_id"]) == memoized
    assert len(built) > 5 * once
    assert [o.success for o in memoized] == [False, False, False, False]
