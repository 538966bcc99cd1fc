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
