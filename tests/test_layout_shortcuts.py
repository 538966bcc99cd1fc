"""The layout stage's shortcuts decide what the plain rules decide.

To be fast, the layout scans the source for a pull-quote's text before it indexes it, skips
a pattern where a cheap test says it cannot match, and counts a line's width without a
regular expression where it can. Each shortcut is held here equal to the plain rule it
stands for, on the lines of the seeds and the test corpus and on made-up text.
"""

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.layout.regions.pull_quotes import TextIndex
from pipelines.text.layout.state import LineItem
from pipelines.text.model import Line
from pipelines.text.normalize import load_lines

REPO = Path(__file__).resolve().parents[1]
_EXAMPLES = settings(max_examples=300, deadline=None)


@cache
def corpus_lines() -> tuple[str, ...]:
    """The stripped non-blank lines of every file of seeds/ and tests/corpus/."""
    out = []
    for path in sorted([*REPO.glob("seeds/*.txt"), *REPO.glob("tests/corpus/*.txt")]):
        lines, _ = load_lines(path.read_bytes(), file_name=path.name)
        out += [s for ln in lines if (s := ln.text.strip())]
    return tuple(out)


def _items(texts: list[str]) -> list[LineItem]:
    return [LineItem(Line(n, t), 0, t, 0.0) for n, t in enumerate(texts, start=1)]


def _answers(index: TextIndex, texts: list[str]) -> list[bool]:
    """Whether each line repeats text elsewhere, its own line and the next one excluded."""
    out = []
    for k, text in enumerate(texts):
        box = index.spans[k][0], index.spans[min(k + 1, len(texts) - 1)][1]
        out.append(index.repeated_elsewhere(text, index.spans[k], box))
    return out


def test_the_pull_quote_lookups_by_scanning_and_by_index_agree_on_the_corpus():
    texts = list(corpus_lines())
    scanned = TextIndex(_items(texts), scan_budget=10**9)
    indexed = TextIndex(_items(texts), scan_budget=0)
    assert _answers(scanned, texts) == _answers(indexed, texts)
    assert scanned.grams is None and indexed.grams is not None
    assert sum(_answers(indexed, texts)) > 100  # (the corpus repeats many of its lines)


@_EXAMPLES
@given(texts=st.lists(st.text(alphabet="发展创新■ 改革", min_size=1, max_size=12), max_size=12))
def test_the_pull_quote_lookups_by_scanning_and_by_index_agree_on_any_lines(texts: list[str]):
    texts = [t for t in texts if t.strip()]
    scanned = TextIndex(_items(texts), scan_budget=10**9)
    indexed = TextIndex(_items(texts), scan_budget=0)
    assert _answers(scanned, texts) == _answers(indexed, texts)


def test_the_pull_quote_lookups_index_the_source_once_the_scans_have_read_it_enough():
    texts = [f"第{k}段发展创新改革的内容" for k in range(50)] * 2
    index = TextIndex(_items(texts), scan_budget=3)
    assert all(_answers(index, texts))
    assert index.grams is not None  # a hundred lookups read the source more than 3 times
