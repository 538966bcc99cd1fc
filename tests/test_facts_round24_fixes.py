"""Round 24's categories of error (a year at the head of a meeting's name, back-references to a
convention, forums used as platforms, verbs of expectation before a meeting's name). Examples
are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_year_at_the_head_of_a_meetings_name_is_its_edition_and_no_date() -> None:
    assert texts("2019全球数字经济大会在上海开幕", "meeting") == ["全球数字经济大会"]
    assert texts("2021年东亚合作论坛上海峰会将于10月举行。", "meeting") == ["东亚合作论坛上海峰会"]
    assert texts("2021年东亚合作论坛上海峰会将于10月举行。", "date") == ["10月"]


def test_a_number_before_a_meeting_that_is_no_year_heading_it_stays_apart() -> None:
    assert texts("近2000名代表参加大会。", "meeting") == []
    assert texts("会议指出，2018年全国人民代表大会召开。", "meeting") == []
    assert texts("2019年我们召开大会。", "date") == ["2019年"]


def test_a_back_reference_to_a_convention_is_the_name_after_the_demonstrative() -> None:
    assert texts("本届数字经济大会吸引了多家企业。", "meeting") == ["数字经济大会"]
    assert texts("本届人民代表大会选举产生。", "meeting") == []
    assert texts("本次大会共有代表出席。", "meeting") == []


def test_a_forum_used_as_a_platform_is_an_organisation() -> None:
    assert texts("借助东亚合作论坛和各方机制，深化合作。", "organization") == ["东亚合作论坛"]
    assert texts("借助东亚合作论坛和各方机制，深化合作。", "meeting") == []


def test_a_meeting_after_a_verb_of_expectation_starts_after_the_verb() -> None:
    assert texts("各方期待东亚合作论坛上海峰会取得成果。", "meeting") == ["东亚合作论坛上海峰会"]
    assert texts("各方期待东亚合作论坛上海峰会取得成果。", "organization") == ["东亚合作论坛"]


def test_a_titled_korean_name_ends_at_a_verb_its_subject_performs() -> None:
    assert texts("某国总统金大中发表讲话。", "person") == ["总统金大中"]
    assert texts("某国总统府发表声明。", "person") == []


def test_an_executive_director_is_a_foreign_title() -> None:
    assert texts("某某中心执行主任卡拉斯在会上表示。", "person") == ["执行主任卡拉斯"]
    assert texts("执行主任会议召开。", "person") == []


def test_vu_is_a_transliteration_syllable() -> None:
    assert texts("塞尔维亚总统武契奇表示。", "person") == ["总统武契奇"]


def test_an_armed_police_corps_and_its_unit_is_one_organisation() -> None:
    assert texts("武警浙江总队某某支队官兵参加救援。", "organization") == ["武警浙江总队某某支队"]
    assert texts("武警浙江总队某某支队官兵参加救援。", "place") == []
    assert texts("武警北京市总队举行演练。", "organization") == ["武警北京市总队"]


def test_a_short_japanese_army_name_is_an_organisation_where_ri_opens_the_word() -> None:
    assert texts("当年日军侵占了这座城市。", "organization") == ["日军"]
    assert texts("今日军营向公众开放。", "organization") == []
    assert texts("抗日军民英勇斗争。", "organization") == []


def test_a_foreign_universitys_office_after_its_country() -> None:
    facts = [
        (t, x)
        for t in ("organization", "place")
        for x in texts("南非开普敦大学国际事务处负责人表示。", t)
    ]
    assert facts == [("organization", "开普敦大学国际事务处"), ("place", "南非")]
    assert texts("中国某某大学国际关系办公室", "place") == []


def test_a_body_defined_by_an_apposition_is_an_organisation_wherever_printed() -> None:
    line = "东方中心是总部设在维也纳的政府间机构，东方中心负责人表示。"
    assert texts(line, "organization") == ["东方中心", "东方中心"]
    assert texts("服务中心是我们的机构。", "organization") == []


def test_a_bare_dahui_after_a_year_in_words_is_no_convention() -> None:
    assert texts("2019年党员大会选举支部委员。", "meeting") == []
    assert texts("2019年党员大会选举支部委员。", "date") == ["2019年"]
    assert texts("2019年世界智能大会开幕。", "meeting") == ["世界智能大会"]


def test_a_years_edition_heads_a_convention_with_or_without_a_space_before_nian() -> None:
    assert texts("2020年度全市科技奖励大会隆重召开。", "meeting") == ["全市科技奖励大会"]
    assert texts("2020年度全市科技奖励大会隆重召开。", "date") == []
    assert texts("昨天 2020 年度全市科技奖励大会召开。", "meeting") == ["全市科技奖励大会"]
    assert texts("2020年度全市科技奖揭晓。", "date") == ["2020年"]
    assert texts("2020年度全市科技奖揭晓。", "meeting") == []


def test_tents_are_counted_in_ding_but_dingjian_is_a_word() -> None:
    assert texts("搭建了200顶帐篷。", "quantity") == ["200顶"]
    assert texts("评选出100顶尖企业。", "quantity") == []


def test_a_bare_arabic_count_before_a_noun_of_people() -> None:
    assert texts("与2000多居民一同参观。", "quantity") == ["2000多"]
    assert texts("第12党员活动室。", "quantity") == []
    assert texts("拨打12345市民服务热线。", "quantity") == []
    assert texts("2018农民丰收节在当地举行。", "quantity") == []
    assert texts("共有1,000多市民参加。", "quantity") == []


def test_a_theme_announced_with_yi_wei_zhuti_holds_no_formula() -> None:
    assert texts("峰会将以“携手构建更加紧密的中非命运共同体”为主题。", "formula") == []
    assert texts("以“四个意识”为主题教育内容。", "formula") == ["“四个意识”"]


def test_a_performance_title_opened_by_a_slogan_holds_nothing() -> None:
    line = "“不忘初心、牢记使命”中国作协作家赴新疆采风成果汇报演出在新疆举行。"
    assert [(f, t) for t in ("formula", "organization", "place") for f in texts(line, t)] == [
        ("新疆", "place")
    ]
    line = "他说“不忘初心、牢记使命”是根本，中国作协将赴新疆。"
    assert texts(line, "organization") == ["中国作协"]


def test_a_fall_of_prices_is_down_and_a_level_fallen_to_has_no_direction() -> None:
    facts = [(f.direction, f.value_num) for f in extract_facts("股价指数环比下跌2.5%。")]
    assert facts == [("down", -0.025)]
    facts = [(f.direction, f.value_num) for f in extract_facts("收益率下跌到2%。")]
    assert facts == [(None, 0.02)]


def test_a_peninsula_the_dictionary_names_is_one_place() -> None:
    facts = [
        (f.text, f.extractor)
        for f in extract_facts("冷空气将影响亚平宁半岛。")
        if f.type == "place"
    ]
    assert facts == [("亚平宁半岛", "place.feature")]
    assert texts("美军在埃及西奈半岛驻扎。", "place") == ["埃及", "西奈半岛"]
    assert texts("卡塔尔半岛电视台报道。", "place") == []
