"""The review of round 24's rules and gazetteer rows (helper M2): each finding's minimal input,
written for these tests (none is a fixture's sentence)."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def _typed(text: str) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in extract_facts(text, doc_year=2020)]


def test_a_foreign_city_inside_a_transliterated_name_leaves_the_person() -> None:
    assert texts("丹尼斯·库钦奇说。", "person") == ["丹尼斯·库钦奇"]
    assert texts("丹尼斯·罗德曼表示。", "person") == ["丹尼斯·罗德曼"]
    assert texts("丹尼斯表示。", "person") == ["丹尼斯"]
    assert texts("美方代表与丹尼斯会谈。", "person") == ["丹尼斯"]
    assert texts("丹尼斯表示。", "place") == []


def test_a_bare_count_of_people_is_no_year_hotline_or_games() -> None:
    assert texts("拨打12345市民服务热线。", "quantity") == []
    assert texts("2018农民丰收节在当地举行。", "quantity") == []
    assert texts("2019职工运动会开幕。", "quantity") == []
    assert texts("共有1,000多市民参加。", "quantity") == []
    assert texts("与2000多居民一同参观。", "quantity") == ["2000多"]
    assert texts("300官兵参加救援。", "quantity") == ["300"]


def test_ri_jun_and_han_jun_inside_other_words_or_as_a_name_are_no_army() -> None:
    for text in ("每周日军训一次。", "连日军训。", "中日军力对比。", "中韩军界人士。"):
        assert texts(text, "organization") == [], text
    assert texts("副市长韩军表示，韩军同志出席会议。", "organization") == []
    assert texts("日军侵占南京。", "organization") == ["日军"]
    assert texts("驻韩美军和韩军举行演习。", "organization") == ["韩军"]


def test_a_sentence_between_a_quote_and_a_show_is_no_performance_title() -> None:
    line = "“一带一路”沿线国家艺术家参加了在北京举行的晚会。"
    assert _typed(line) == [("formula", "“一带一路”"), ("place", "北京")]
    assert texts("“十三五”期间全市共举办文艺演出3000场。", "formula") == ["“十三五”"]


def test_a_clause_a_demonstrative_or_a_website_before_luntan_is_no_forum_organisation() -> None:
    for text in (
        "我们利用业余时间参加论坛。",
        "依托高校力量打造高端论坛。",
        "借助此次论坛，双方加强合作。",
        "借助互联网论坛发帖。",
    ):
        assert texts(text, "organization") == [], text
    assert texts("借助东亚合作论坛和各方机制，深化合作。", "organization") == ["东亚合作论坛"]


def test_games_named_yundong_dahui_are_no_meeting() -> None:
    assert texts("本届运动大会共有运动员参赛。", "meeting") == []
    assert texts("2019年全国运动大会开幕。", "meeting") == []
    assert texts("2019年全国运动大会开幕。", "date") == ["2019年"]


def test_bare_army_organs_and_museums_take_no_pla_canonical() -> None:
    facts = [
        f.canonical
        for f in extract_facts("俄罗斯武装力量总参谋部表示。")
        if f.type == "organization"
    ]
    assert "中国人民解放军总参谋部" not in facts
    assert texts("各地军事博物馆开放。", "organization") == []
    assert texts("中国人民解放军总参谋部发布命令。", "organization") == ["中国人民解放军总参谋部"]


def test_new_england_is_no_england() -> None:
    facts = [f.canonical for f in extract_facts("美国新英格兰地区暴雪。") if f.type == "place"]
    assert "英格兰" not in facts
    assert "新英格兰" in facts


def test_a_period_of_the_year_opens_no_meetings_name() -> None:
    assert texts("2018年第二季度工作会议召开。", "meeting") == []
    assert texts("2018年第二季度工作会议召开。", "date") == ["2018年第二季度"]
    assert texts("2020年上半年工作会议召开。", "date") == ["2020年上半年"]


def test_an_assembly_of_members_or_staff_after_a_demonstrative_is_no_convention() -> None:
    for text in ("此次会员大会顺利召开。", "本届股东大会选举董事。", "这次全体大会通过决议。",
                 "本届政府工作大会召开。"):  # fmt: skip
        assert texts(text, "meeting") == [], text
    assert texts("本届数字经济大会吸引了多家企业。", "meeting") == ["数字经济大会"]


def test_a_year_before_a_quoted_or_paired_meetings_name_is_its_edition() -> None:
    assert texts("2019年“一带一路”论坛开幕。", "date") == []
    assert texts("2019年中国—东盟博览会开幕。", "date") == []
    assert texts("2019年中国—东盟博览会开幕。", "meeting") == ["中国—东盟博览会"]


def test_a_name_of_kind_words_defined_by_apposition_is_no_organisation() -> None:
    assert texts("国际组织是多边合作的重要机构。", "organization") == []
    line = "贸易组织是总部设在某地的国际组织，世界贸易组织和贸易组织合作。"
    assert texts(line, "organization") == ["贸易组织", "世界贸易组织", "贸易组织"]
    assert [f.start for f in extract_facts(line) if f.type == "organization"] == [
        0,
        line.index("世界"),
        line.rindex("贸易组织"),
    ]


def test_an_armed_police_unit_holds_no_verb_of_sending() -> None:
    assert texts("武警浙江总队派出大队官兵。", "organization") == ["武警浙江总队"]
    assert texts("武警浙江总队机动支队官兵。", "organization") == ["武警浙江总队机动支队"]
