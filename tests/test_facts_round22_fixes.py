"""Round 22's rules: days in the spoken 号 of news reports, foreign press secretaries and
royals, a former envoy's posting, dotted names whose last character starts a word, named
armed services, commands founded. Examples are written for these tests, none is a fixture's
sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_news_reports_day_in_hao_before_an_event_verb_or_opening_a_clause() -> None:
    assert texts("某国议会12号通过一项法案。", "date") == ["12号"]
    assert texts("9号，某国外交部发表声明。", "date") == ["9号"]
    assert texts("与此前7号发生的事故无关。", "date") == ["7号"]
    assert texts("地铁4号线在周末加开列车。", "date") == []
    assert texts("他住在8号楼，1号文件发布了。", "date") == []
    assert texts("国办发〔2016〕5号发布以来", "date") == []


def test_a_press_secretary_and_a_queen_take_the_span() -> None:
    assert texts("白宫新闻秘书斯科特当天表示反对。", "person") == ["新闻秘书斯科特"]
    text = "瑞典王后维多利亚出席了仪式。"
    assert texts(text, "person") == ["王后维多利亚"]
    assert "维多利亚" not in texts(text, "place")


def test_a_former_envoys_posting_joins_the_span() -> None:
    assert texts("某国前驻华大使施密特表示欢迎。", "person") == ["前驻华大使施密特"]
    assert texts("提前驻守的队伍抵达。", "person") == []


def test_a_dotted_name_whose_last_character_starts_a_rare_word_goes_on() -> None:
    assert texts("他们批评贝沙尔·卡萨德政权的做法。", "person") == ["贝沙尔·卡萨德"]
    assert texts("约翰·基担任总理期间", "person") == ["约翰·基"]


def test_named_armed_services_are_organisations() -> None:
    assert texts("联邦国防军和国民近卫军参加演习。", "organization") == ["联邦国防军", "国民近卫军"]
    assert texts("推动国防军工和国防军民融合发展。", "organization") == []


def test_a_command_founded_is_an_organisation() -> None:
    text = "某国宣布成立太空作战司令部，负责卫星防护。"
    assert texts(text, "organization") == ["太空作战司令部"]
    assert texts("当地成立临时指挥部。", "organization") == []


def test_a_permanent_delegates_name_in_any_characters_is_the_name_alone() -> None:
    assert texts("某国常驻联合国代表白丽当天指责对方。", "person") == ["白丽"]
    assert texts("我国常驻联合国代表周达明在会上发言。", "person") == ["周达明"]
    assert texts("某国常驻联合国代表当天表示反对。", "person") == []
    assert texts("某国常驻联合国代表在会上表示反对。", "person") == []
    assert texts("某组织裁减某国常驻该组织代表团规模", "person") == []


def test_a_translated_city_with_its_shi_after_a_country_joins_the_chain() -> None:
    assert texts("公司在美国杉谷市设厂。", "place") == ["美国杉谷市"]
    assert texts("美国各大城市和日本大城市的房价", "place") == ["美国", "日本"]
    assert texts("美国超市和英国市民", "place") == ["美国", "英国"]


def test_a_city_before_its_zoo_is_none_the_country_before_them_a_place() -> None:
    assert texts("熊猫在奥地利维也纳动物园亮相。", "place") == ["奥地利"]
    assert texts("熊猫在维也纳动物园亮相。", "place") == []
    assert texts("熊猫抵达奥地利维也纳。", "place") == ["奥地利维也纳"]


def test_ji_yishang_is_yishang_and_a_month_count_with_duo_inside() -> None:
    (f,) = [x for x in extract_facts("建成35千伏及以上线路。") if x.type == "quantity"]
    assert (f.text, f.qualifier) == ("35千伏", "以上")
    (f,) = [x for x in extract_facts("历时9个多月完工。") if x.type == "quantity"]
    assert (f.text, f.value_num, f.qualifier) == ("9个多月", 9.0, "多")


def test_a_service_naming_a_base_is_no_organisation() -> None:
    assert texts("导弹击中一处海军基地。", "organization") == []
    assert texts("美国空军当天表示，空军基地遭袭。", "organization") == ["美国空军"]
