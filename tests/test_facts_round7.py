"""The categories of error round 6 (新闻联播 2018-03-28) showed once it became a development
text (issue 13, round 7), fixed by general mechanisms: no foreign subdivision named by a compass
direction, organs named before their head's title, foreign parties and delegations, a
person's span that starts after an organisation, names ended by segmentation. Examples are
written for these tests, none is a fixture's sentence."""

from pipelines.text.facts import extract_facts


def _texts(text: str, type_: str, year: int | None = 2018) -> list[str]:
    return [f.text for f in extract_facts(text, doc_year=year) if f.type == type_]


def test_a_region_named_by_a_direction_is_chinas_not_a_foreign_subdivision() -> None:
    assert _texts("寒潮影响东北地区和西北地区。", "place") == ["东北", "西北"]
    facts = [f for f in extract_facts("东北地区降温。", doc_year=2018) if f.type == "place"]
    assert [f.canonical for f in facts] == ["东北"]  # not Ghana's 东北地区
