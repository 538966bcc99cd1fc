"""The fact extractors' shortcuts find what the plain patterns find, on any text.

To be fast, the extractors skip a pattern when a cheap test says it cannot match (a
substring, a short pattern that begins with a character class) and try a pattern that
begins with a look-behind only where its first character is printed. Each shortcut is
checked here against the plain `finditer`/`search`/`sub` it stands for, on text made of the
characters the patterns care about.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.facts import _common, amounts, dates, meetings, persons, persons_lists

_DIGITS = list("0123456789〇零一二两三四五六七八九十百千万亿点")
_PIECES = st.sampled_from(
    [
        *_DIGITS,
        *list("、·，。 .,-~—–－至到年月日号季度上下半前今明去第个元人余多以上名次届大党的"),
        *list("张王李明华平马卫光同志书记说表示a٣"),
        "季度",
        "个百分点",
        "百分之",
        "美元",
        "党的十九大",
        "二十大",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=2)), max_size=60).map("".join)
_EXAMPLES = settings(max_examples=500, deadline=None)


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@_EXAMPLES
@given(text=_TEXT)
def test_the_list_scan_finds_what_the_list_pattern_finds(text: str) -> None:
    assert _spans(persons_lists._list_matches(text)) == _spans(persons_lists.LIST_RE.finditer(text))


@_EXAMPLES
@given(text=_TEXT)
def test_the_amount_scan_finds_what_the_amount_pattern_finds(text: str) -> None:
    assert _spans(amounts._amount_matches(text)) == _spans(amounts.AMOUNT_RE.finditer(text))


@_EXAMPLES
@given(text=_TEXT)
def test_the_date_start_scan_finds_what_the_start_pattern_finds(text: str) -> None:
    for pos in range(len(text) + 1):
        got = dates._start_at_or_after(text, pos)
        expected = dates.START_RE.search(text, pos)
        assert (got and got.span()) == (expected and expected.span())


@_EXAMPLES
@given(text=_TEXT)
def test_a_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    hints = [
        (dates.YEAR_RANGE_RE, dates._YEAR_RANGE_HINT_RE),
        (dates.MONTH_RANGE_RE, dates._MONTH_RANGE_HINT_RE),
        (meetings.CONGRESS_RE, meetings._CONGRESS_HINT_RE),
        (persons.AFTER_RE, persons._ROLE_RE),
        (persons.BEFORE_RE, persons._ANY_ROLE_RE),  # extract_persons guards it so (党员 too)
    ]
    for pattern, hint in hints:
        if pattern.search(text):
            assert hint.search(text), (pattern.pattern[:40], text)


@_EXAMPLES
@given(text=_TEXT)
def test_folding_is_the_plain_translation(text: str) -> None:
    folded = text.translate(_common._FOLD)
    expected = re.sub(r"(?<=\d)，(?=\d{3}(?!\d))", ",", folded)
    assert _common.fold(text) == expected


def test_the_shortcuts_are_taken_on_real_text() -> None:
    text = (
        "2020年1—9月，全市生产总值增长3.5%，授予赵奇、梅建明、李茂荣、周令飞荣誉称号，共1，000人。"
    )
    assert [m.group() for m in persons_lists._list_matches(text)] == [
        "授予赵奇、梅建明、李茂荣、周令飞荣誉称号"
    ]
    assert [m.group() for m in amounts._amount_matches(_common.fold(text))] == ["2020年", "1,000人"]
    assert dates._MONTH_RANGE_HINT_RE.search(text)
    assert dates._start_at_or_after(text, 5).span() == (7, 8)  # the 9 of 9月
