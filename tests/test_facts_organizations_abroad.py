"""Foreign organs and agencies (facts/organizations_abroad.py, the foreign organ grammar of
facts/organizations.py). Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts


def test_a_one_character_country_before_a_listed_ministry_is_that_countrys_ministry() -> None:
    text = "英财政部周二宣布，法司法部随后回应。"
    assert texts(text, "organization") == ["英财政部", "法司法部"]


def test_a_ministrys_departments_and_a_pair_of_countries_are_no_foreign_ministry() -> None:
    assert texts("中美商务部门举行磋商。", "organization") == []
    assert texts("他参加了商务部会议。", "organization") == ["商务部"]


def test_a_news_agency_named_after_de_or_ju_is_an_organisation() -> None:
    text = "据阿尔法通讯社报道，当地的贝塔新闻社也转发了消息。"
    assert texts(text, "organization") == ["阿尔法通讯社", "贝塔新闻社"]


def test_national_and_security_may_stand_inside_a_foreign_organs_name() -> None:
    text = "法国国家通讯社称，德国最高国家安全委员会将开会。"
    assert texts(text, "organization") == ["法国国家通讯社", "德国最高国家安全委员会"]


def test_a_foreign_organisation_ending_is_an_organ_but_a_kind_of_group_is_not() -> None:
    assert texts("巴西航天组织发言人表示。", "organization") == ["巴西航天组织"]
    assert texts("美国恐怖组织名单更新。", "organization") == []


def test_quanguo_may_stand_inside_an_associations_name_after_a_country() -> None:
    assert texts("英国全国零售业协会发布报告。", "organization") == ["英国全国零售业协会"]


def test_an_association_of_two_trades_after_its_country_is_one_name() -> None:
    text = "德国机械制造商和供应商联合会发布报告。"
    assert texts(text, "organization") == ["德国机械制造商和供应商联合会"]
    assert texts(text, "place") == []
    assert texts("美国和日本商会", "organization") == []
    assert "中国企业和美国商会" not in texts("中国企业和美国商会签约。", "organization")
    assert "美国政府和人民商会" not in texts("美国政府和人民商会", "organization")
