"""Round 22's rules: days in the spoken 号 of news reports, foreign press secretaries and
royals, a former envoy's posting, dotted names whose last character starts a word, named
armed services, commands founded. Examples are written for these tests, none is a fixture's
sentence."""

from facts_helpers import texts


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
