"""Round 21's rules as a review found them: each review input, invented for these tests (none is
a fixture's sentence), as a negative or a positive case."""

from pipelines.text.facts import extract_facts
from pipelines.text.facts.organizations_units import after_kind
from pipelines.text.model import Fact


def _of(text: str, kind: str) -> list[str]:
    return [f.text for f in extract_facts(text, doc_year=2020) if f.type == kind]


def test_a_unit_swallows_no_verb_role_time_word_or_other_organisation() -> None:
    assert _of("新华社记者走访商务部研究院。", "organization") == ["新华社", "商务部研究院"]
    assert "商务部部长考察北京大学研究院" not in _of(
        "商务部部长考察北京大学研究院。", "organization"
    )
    orgs = _of("国家卫健委专家组赴武汉病毒研究所调研。", "organization")
    assert orgs == ["国家卫健委", "武汉病毒研究所"]
    assert _of("外交部发言人表示中心问题是和平。", "organization") == ["外交部"]
    assert _of("商务部今年重点工作中心。", "organization") == ["商务部"]
    assert _of("国务院新闻办新闻发布中心", "organization") == ["国务院新闻办"]


def test_a_unit_printed_after_its_organisation_is_one_name_its_canonical_the_organs() -> None:
    facts = [f for f in extract_facts("商务部路网中心建设") if f.type == "organization"]
    assert [(f.text, f.canonical) for f in facts] == [
        ("商务部路网中心", "中华人民共和国商务部路网中心")
    ]
    assert _of("中国科学院长春光学精密机械研究所", "organization") == [
        "中国科学院长春光学精密机械研究所"
    ]


def test_a_think_tank_is_trimmed_after_its_kind_only_after_a_place() -> None:
    text = "南京大学中国智库研究与评价中心"
    whole = Fact(
        "organization", 0, len(text), text, text, "organization.suffix", 0.9, canonical=text
    )
    assert after_kind(text, whole) == whole  # 中国 inside the name
    text2 = "美国智库战略与国际研究中心"
    tank = Fact("organization", 0, len(text2), text2, text2, "organization.suffix", 0.9)
    assert after_kind(text2, tank).text == "战略与国际研究中心"
