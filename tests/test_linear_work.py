"""No text-core stage of ours is super-linear in its input: a pathological repeat four times
longer costs at most ~4x the work. Work is counted as Python lines executed in the stage's
modules (deterministic, unlike a timer on a shared machine)."""

import importlib
import sys
from collections.abc import Callable
from types import FrameType

import pytest

from pipelines.text import keywords, segment, segment_rjieba, sentences
from pipelines.text.keywords import keywords_from_tokens
from pipelines.text.segment import get_segmenter
from pipelines.text.sentences import split_sentences

_TEXTRANK = importlib.import_module("jieba.analyse.textrank")  # jieba.analyse.textrank: a function
_MODULES = {m.__file__ for m in (sentences, segment, segment_rjieba, keywords, _TEXTRANK)}


def _lines_run(work: Callable[[], object]) -> int:
    """Python lines executed inside `_MODULES` while `work` runs."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Callable | None:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Callable | None:
        return local if frame.f_code.co_filename in _MODULES else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def _growth(stage: Callable[[int], object], n: int = 400) -> float:
    small = _lines_run(lambda: stage(n))
    large = _lines_run(lambda: stage(4 * n))
    assert small > 0
    return large / small


@pytest.mark.parametrize(
    "unit",
    [
        "（",  # openers never closed
        "“",
        '"',
        "。",
        "……",
        "a.",  # Latin periods
        "Mr. ",
        "“短。”",  # short quotations, each protecting its inside
        "他说：“发展是第一要务。”改革是关键！",
    ],
)
def test_sentence_splitting_is_linear_in_a_repeat(unit: str) -> None:
    assert _growth(lambda n: split_sentences(unit * n)) <= 4.5


def test_sentence_splitting_is_linear_when_closers_follow_many_openers() -> None:
    """`（` x n then `”` x n: each closer once looked for its opener down the whole stack."""
    assert _growth(lambda n: split_sentences("（" * n + "发展" + "”" * n)) <= 4.5


@pytest.mark.parametrize("unit", ["发展改革", "增长3.5%，", "二〇三五年 ", "GDP、5G和C++"])
def test_segmentation_is_linear_in_a_repeat(unit: str) -> None:
    segmenter = get_segmenter()
    assert _growth(lambda n: segmenter.cut(unit * n)) <= 4.5


@pytest.mark.parametrize("distinct", [False, True])
def test_keywords_are_linear_in_a_repeat(distinct: bool) -> None:
    def rank(n: int) -> object:
        words = [f"发展{i}" if distinct else "发展" for i in range(n)]
        return keywords_from_tokens(words, ["vn"] * n)

    assert _growth(rank) <= 4.5
