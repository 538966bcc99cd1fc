"""Names and measures common in news: forums' annual sessions and forums as issuers, chambers of
foreign parliaments, trenches and basins, national commissions by their short form, trade
exhibitions, honorary titles; nautical miles, votes and round thousands as units or counts.
Examples are written for these tests, none is a fixture's sentence."""

from facts_helpers import texts

from pipelines.text.facts import extract_facts


def test_a_chamber_after_a_foreign_parliament_is_one_organ() -> None:
    assert texts("法国议会上院当天否决了该法案。", "organization") == ["法国议会上院"]
    assert texts("德国议会下议院将表决。", "organization") == ["德国议会下议院"]


def test_nautical_miles_and_votes_are_units_of_a_quantity() -> None:
    facts = [
        f for f in extract_facts("船队航行3万海里，议案以9票赞成获得通过。") if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("3万海里", 30000.0, "海里"),
        ("9票", 9.0, "票"),
    ]


def test_a_quoted_verb_and_listed_formula_is_one_formula_with_its_quotes() -> None:
    assert texts("会议号召“推动高质量发展”。", "formula") == ["“推动高质量发展”"]
    assert texts("他说“我们要推动高质量发展”。", "formula") == ["高质量发展"]


def test_a_forums_annual_session_with_its_year_is_one_meeting_holding_the_forum() -> None:
    text = "南湖发展论坛2016年年会今天开幕。"
    assert texts(text, "meeting", 2016) == ["南湖发展论坛2016年年会"]
    assert texts(text, "organization", 2016) == ["南湖发展论坛"]
    assert texts(text, "date", 2016) == []


def test_a_forum_before_a_publishing_verb_is_the_issuing_organisation() -> None:
    text = "南湖发展论坛今天发布的报告显示，投资增长较快。"
    assert texts(text, "meeting") == []
    assert texts(text, "organization") == ["南湖发展论坛"]


def test_a_trench_or_basin_with_its_name_is_one_place() -> None:
    assert texts("科考船在克马德克海沟和汤加海沟完成下潜。", "place") == [
        "克马德克海沟",
        "汤加海沟",
    ]
    assert texts("科考队在拉木图盆地采样。", "place") == ["拉木图盆地"]
    assert texts("他们进入一个巨大的盆地。", "place") == []


def test_a_bare_thousand_after_a_bound_counts_firms_and_people() -> None:
    facts = [f for f in extract_facts("展会吸引近千家企业，约千名观众。") if f.type == "quantity"]
    assert [(f.text, f.value_num, f.qualifier) for f in facts] == [
        ("千家", 1000.0, "近"),
        ("千名", 1000.0, "约"),
    ]
    assert texts("改革成果走进千家万户。", "quantity") == []


def test_a_bare_ten_thousand_metres_or_tonnes_is_a_quantity() -> None:
    facts = [
        f
        for f in extract_facts("潜水器抵达万米海底，码头可停靠万吨级货轮。")
        if f.type == "quantity"
    ]
    assert [(f.text, f.value_num, f.unit) for f in facts] == [
        ("万米", 10000.0, "米"),
        ("万吨", 10000.0, "吨"),
    ]


def test_a_national_commission_by_its_short_form_is_an_organisation() -> None:
    assert texts("国家体委今天发布通报。", "organization") == ["国家体委"]
    assert texts("国家海防委要求各地加强巡查。", "organization") == ["国家海防委"]
    assert texts("国家有关部委联合发文。", "organization") == []


def test_an_honorary_mark_before_a_title_joins_the_persons_span() -> None:
    assert texts("名誉会长李某某出席仪式。", "person") == ["名誉会长李某某"]
    assert texts("全国工商联名誉副主席张某某同志因病逝世。", "person") == ["名誉副主席张某某同志"]


def test_a_meeting_word_cut_out_of_an_organisations_name_is_no_meeting() -> None:
    text = "他曾任中国人民政治协商会议全国委员会委员。"
    assert texts(text, "meeting") == []
    assert "中国人民政治协商会议" in texts(text, "organization")[0]


def test_a_named_trade_exhibition_is_a_meeting_without_its_edition() -> None:
    assert texts("第十届中国国际机床展览会今天开幕。", "meeting") == ["中国国际机床展览会"]
    assert texts("学校举办书画展览会。", "meeting") == []


def test_a_compass_part_right_after_a_place_is_no_region_of_its_own() -> None:
    assert texts("青海中西部等地有雪。", "place") == ["青海"]
    assert texts("东部产业向中西部转移。", "place") == ["东部", "中西部"]
