"""The CRF experiment (`pipelines.evaluation.crf_tagger`): its pure BIO and feature functions
(no crfsuite needed) and, when the optional `python-crfsuite` is installed, training on a tiny
invented set."""

import pytest

from pipelines.evaluation.crf_tagger import (
    Sentence,
    bio_tags,
    char_class,
    char_features,
    combine,
    crfsuite_available,
    features_of,
    hit_positions,
    score,
    spans_from_bio,
    word_positions,
)


def test_bio_tags_longer_span_first_and_overlaps_dropped():
    tags = bio_tags(6, [("place", 1, 3), ("organization", 1, 5)])
    assert tags == [
        "O",
        "B-organization",
        "I-organization",
        "I-organization",
        "I-organization",
        "O",
    ]


def test_bio_tags_ignore_spans_out_of_range():
    assert bio_tags(3, [("person", 2, 5), ("person", 1, 1)]) == ["O", "O", "O"]


def test_spans_from_bio_round_trip_and_stray_inside():
    spans = [("person", 0, 2), ("place", 2, 3), ("meeting", 4, 7)]
    assert spans_from_bio(bio_tags(8, spans)) == spans
    assert spans_from_bio(["I-place", "I-place", "I-person", "O"]) == [
        ("place", 0, 2),
        ("person", 2, 3),
    ]


def test_char_class():
    assert [char_class(c) for c in "7五“，a甲 "] == [
        "digit",
        "cnum",
        "quote",
        "punct",
        "latin",
        "han",
        "space",
    ]


def test_word_positions_and_hits():
    words = word_positions("甲乙丙 丁", ["甲乙丙", "丁"], ["ns", "v"])
    assert [w[2] for w in words] == ["B", "I", "E", "O", "S"]
    assert words[0][:2] == ("甲乙丙", "ns")
    assert hit_positions(4, [(1, 3, "place")]) == ["O", "B-place", "I-place", "O"]


def test_char_features_carry_rules_and_gazetteer():
    text = "甲乙丙"
    words = word_positions(text, ["甲乙", "丙"], ["nr", "v"])
    feats = char_features(text, words, ["B-place", "I-place", "O"], ["B-person", "I-person", "O"])
    assert len(feats) == 3
    assert {"c0=甲", "c-1=^", "b0=甲乙", "rule=B-person", "gaz=B-place", "wpos=B"} <= set(feats[0])
    assert {"c1=$", "rule-1=I-person", "pos=v", "wpos=S"} <= set(feats[2])


def test_combine_adds_only_crf_spans_overlapping_no_rule_fact():
    s = Sentence("g", "x" * 10, [], {("place", 0, 2)}, {("place", 0, 2)}, [(0, 2), (5, 7)])
    variants = combine(s, [("place", 0, 3), ("person", 3, 5), ("person", 6, 8)])
    assert variants["rules+crf"] == {("place", 0, 2), ("person", 3, 5)}
    counts: dict = {}
    score(counts, s, variants)
    assert counts["rules"]["place"] == [1, 1, 1]
    assert counts["crf"]["place"] == [0, 1, 1]


NAMES = ["甄一鸣", "贾二川", "甄三水", "贾四海"]
TOWNS = ["青禾镇", "白桦镇", "金沙镇", "石桥镇"]


def _sentence(name: str, town: str) -> Sentence:
    text = f"{name}在{town}考察。"
    gold = {("person", 0, len(name)), ("place", len(name) + 1, len(name) + 1 + len(town))}
    return Sentence("toy", text, features_of(text, []), gold, set(), [])


@pytest.mark.skipif(
    not crfsuite_available(), reason="python-crfsuite is not installed (optional, not a dependency)"
)
def test_crf_learns_a_tiny_invented_set():
    from pipelines.evaluation.crf_tagger import tag, train

    pairs = [(n, t) for i, n in enumerate(NAMES) for j, t in enumerate(TOWNS) if i != j]
    tagger = train([_sentence(n, t) for n, t in pairs])
    unseen = _sentence(NAMES[0], TOWNS[0])  # a combination the training set never had
    assert set(tag(tagger, unseen.features)) == unseen.gold
