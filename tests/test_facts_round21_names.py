"""Names that hold no fact and organisations named with their unit: performing groups,
railway companies, quoted galas; an organ's centre, an academy's institute,
a union's service, a think tank after its kind word. Examples are written for these tests, none
is a fixture's sentence."""

from facts_helpers import texts


def test_a_place_or_organisation_heading_a_performing_group_is_none() -> None:
    assert texts("柏林青年合唱团昨晚在杭州演出。", "place") == ["杭州"]
    assert texts("新华社少年艺术团表演了节目。", "organization") == []


def test_nothing_inside_a_railway_company_or_a_quoted_gala() -> None:
    text = "中国铁路成都局今天增开列车。"
    assert texts(text, "organization") == [] and texts(text, "place") == []
    text = "“2019年新华社元宵晚会”今晚举行。"
    assert texts(text, "date") == [] and texts(text, "organization") == []


def test_an_organ_printed_with_its_centre_or_agency_is_one_organisation() -> None:
    assert texts("商务部信息中心今天公布数据。", "organization") == ["商务部信息中心"]
    # a verb inside (统计) is refused with the verbs that run into a clause (review U, 1)
    assert texts("商务部外资统计中心今天公布数据。", "organization") == ["商务部"]
    assert texts("非盟人道援助署发表声明。", "organization") == ["非盟人道援助署"]
    assert texts("国务院近日部署工作。", "organization") == ["国务院"]
    assert texts("商务部在中心城市开展试点。", "organization") == ["商务部"]


def test_an_academys_institute_is_one_name_with_the_academy() -> None:
    text = "中国科学院杭州材料化学研究所发布成果。"
    assert texts(text, "organization") == ["中国科学院杭州材料化学研究所"]
    assert texts(text, "place") == []


def test_a_think_tank_is_named_from_after_its_kind_word() -> None:
    text = "英国智库国际战略研究所发表报告。"
    assert texts(text, "organization") == ["国际战略研究所"]
    assert texts(text, "place") == ["英国"]
