"""Per-stage timings of `build_source_tables`: every stage named, the sum close to the wall
time of the call; and the fact -> sentence link after the bisect rewrite."""

import time
from pathlib import Path

from pipelines.text.document_rows import _sentence_at
from pipelines.text.tables import STAGES, Timings, build_source_tables


def test_every_stage_is_timed_and_the_stages_add_up_to_the_call(seeds_dir: Path) -> None:
    data = sorted(seeds_dir.glob("*.txt"))[0].read_bytes()
    build_source_tables("warm.txt", data)  # one-off setup (dictionaries) out of the way
    started = time.perf_counter()
    result = build_source_tables("s.txt", data)
    wall = time.perf_counter() - started
    assert tuple(result.timings) == STAGES
    assert all(seconds > 0 for seconds in result.timings.values()), result.timings
    assert 0.5 * wall <= sum(result.timings.values()) <= wall


def test_a_rejected_source_is_timed_up_to_decoding() -> None:
    result = build_source_tables("empty.txt", b"")
    assert result.rejected
    assert result.timings["decode+normalise"] > 0
    assert sum(result.timings.values()) == result.timings["decode+normalise"]


def test_laps_add_up() -> None:
    timings = Timings()
    now = timings.lap("facts", time.perf_counter() - 1.0)
    timings.lap("facts", now - 0.5)
    assert 1.5 <= timings["facts"] < 2.0


def test_a_fact_belongs_to_the_last_sentence_starting_at_or_before_it() -> None:
    starts = [(0, "s1"), (10, "s2"), (25, "s3")]
    assert [_sentence_at(starts, offset) for offset in (0, 9, 10, 24, 25, 99)] == [
        "s1",
        "s1",
        "s2",
        "s2",
        "s3",
        "s3",
    ]
    assert _sentence_at([(3, "s1")], 1) is None
    assert _sentence_at([], 0) is None
