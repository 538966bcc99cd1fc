"""Property tests: on any text the extractors never raise and spans are exact."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.text.facts import extract_facts

# Text built from the characters the extractors care about, plus anything at all.
_PIECES = st.sampled_from(
    [
        *list(
            "0123456789０１２３４５６７８９.．%％年月日至—-万亿元名个“”《》、，。 省市县区委同志第届次中全会"
        ),
        "二〇",
        "十九",
        "百分之",
        "个百分点",
        "上半年",
        "今年",
        "总书记",
        "浙江",
        "绍兴市",
        "中共",
        "党的",
        "大",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, doc_year=st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
def test_spans_are_exact_and_sorted(text: str, doc_year: int | None) -> None:
    facts = extract_facts(text, doc_year=doc_year)
    for f in facts:
        assert f.text == text[f.start : f.end]
        assert 0 <= f.start < f.end <= len(text)
        assert 0 < f.confidence <= 1
    assert facts == sorted(facts, key=lambda f: (f.start, f.end, f.type))
