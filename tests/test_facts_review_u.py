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


def test_a_group_word_inside_another_word_or_after_a_verb_drops_no_place() -> None:
    assert _of("他在杭州观看剧团演出。", "place") == ["杭州"]
    assert _of("北京市民快乐团聚过春节。", "place") != []
    assert _of("杭州音乐团队赴京演出。", "place")[:1] == ["杭州"]
    assert _of("杭州艺术团体纷纷参演。", "place") == ["杭州"]
    assert _of("杭州童声合唱团演出。", "place") == []


def test_railway_park_and_gala_names_need_their_shape() -> None:
    assert _of("中国铁路在四川布局。", "place") == ["四川"]
    assert _of("中国铁路成都局集团开行列车。", "place") == []
    assert _of("中国在柬埔寨建设的工业园区吸引投资。", "place") == ["柬埔寨"]
    assert _of("中国白俄罗斯工业园吸引投资。", "place") == []
    facts = extract_facts("他说：“北京今年将举办晚会”。", doc_year=2020)
    assert [f.type for f in facts] == ["place", "date"]
    assert _of("“2019年春节联欢晚会”在北京举行。", "date") == []


def test_a_route_end_that_is_a_district_there_or_a_common_word_is_no_city() -> None:
    assert _of("北京至朝阳，车程一小时。", "place") == ["北京"]
    assert _of("北京到来宾，", "place") == ["北京"]


def test_route_ends_before_a_way_or_after_cong_are_cities() -> None:
    assert _of("长春至松原高速公路通车。", "place") == ["长春", "松原"]
    assert _of("从大同到北京，", "place") == ["大同", "北京"]
    assert _of("今天加开北京至大同列车。", "place") == ["北京", "大同"]


def test_the_own_country_by_any_name_opens_no_chain() -> None:
    assert _of("杭州市中华人民共和国成立以来", "place") == ["杭州市"]
